"""Writing the audit log (never personal content: ids, actions and short codes only)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from sync.server.models import AuditEntry


def record(
    session: Session,
    action: str,
    *,
    user_id: str | None = None,
    device_id: str | None = None,
    target: str = "",
    address: str = "",
    operator: str = "",
    college_id: str | None = None,
    **detail: Any,
) -> None:
    session.add(
        AuditEntry(
            user_id=user_id,
            device_id=device_id,
            action=action,
            target=target[:200],
            address=address[:64],
            operator=operator[:100],
            college_id=college_id,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )
