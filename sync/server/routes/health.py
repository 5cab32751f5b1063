"""Liveness and the versions the server serves (no authentication)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from sync.protocol import HealthResponse
from sync.server import record_kinds
from sync.server.deps import DatabaseDep
from sync.server.errors import COMMON_ERRORS, error_responses

router = APIRouter(tags=["health"], responses=error_responses(*COMMON_ERRORS))


@router.get("/health", response_model=HealthResponse)
def health(database: DatabaseDep) -> HealthResponse:
    database.run(lambda session: session.execute(text("SELECT 1")).scalar_one())
    lowest, highest = record_kinds.schema_window()
    return HealthResponse(schema_min=lowest, schema_max=highest)
