"""Reading one record by id (out of scope answers exactly like an unknown id)."""

from __future__ import annotations

from fastapi import APIRouter, Path
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import NO_NUL, ErrorCode, RecordState
from sync.server import pull, scope
from sync.server.deps import DatabaseDep, SyncPrincipalDep
from sync.server.errors import SESSION_ERRORS, ApiError, error_responses
from sync.server.models import RecordRow

router = APIRouter(prefix="/records", tags=["records"], responses=error_responses(*SESSION_ERRORS, 404))


@router.get("/{record_id}", response_model=RecordState)
def get_record(
    record_id: str = Path(max_length=64, pattern=NO_NUL),
    *,
    principal: SyncPrincipalDep,
    database: DatabaseDep,
) -> Response:
    def work(session: Session) -> str | None:
        row = session.execute(
            select(*pull.RECORD_COLUMNS).where(RecordRow.id == record_id, scope.record_visible(principal))
        ).first()
        return None if row is None else pull.record_json(pull.least_data(principal, [row])[0])

    text = database.run(work)
    if text is None:
        raise ApiError(ErrorCode.NOT_FOUND)
    return Response(content=text.encode(), media_type="application/json")
