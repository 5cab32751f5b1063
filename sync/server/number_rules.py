"""A printed record number (``record_no``, ``JF-<year>-<device_no>-<counter>``) as the server accepts it.

The number is made on the laptop (see ``sync.records.record_numbers``); the server checks that it is
the caller's to give and that it never changes:

- a number, once stored, is never changed or cleared (it is on paper in a college's files);
- a new number carries the device number of one of the caller's own devices (``device_numbers``), so a
  laptop cannot take another laptop's numbers and make two records share one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.protocol import RejectReason
from sync.server.models import Device, DeviceNumber, RecordRow
from sync.server.scope import Principal

FIELD = "record_no"


def refusal(
    session: Session, principal: Principal, existing: RecordRow | None, new_fields: dict[str, Any]
) -> RejectReason | None:
    """Why this write of ``record_no`` is refused (``None``: it is not refused)."""
    if FIELD not in new_fields:
        return None
    sent = new_fields[FIELD] or ""
    stored = (
        (existing.fields_dict().get(FIELD) or "") if existing is not None and not existing.deleted else ""
    )
    if sent == stored:
        return None
    if stored:
        return RejectReason.FORBIDDEN  # never changes once given
    return None if _own_number(session, principal, sent) else RejectReason.FORBIDDEN


def _own_number(session: Session, principal: Principal, record_no: str) -> bool:
    parts = record_no.split("-")  # validated against RECORD_NO_PATTERN already
    if len(parts) != 4 or not parts[2].isdigit():
        return False
    device_no = int(parts[2])
    owner = session.scalar(
        select(Device.user_id)
        .join(DeviceNumber, DeviceNumber.device_id == Device.id)
        .where(DeviceNumber.number == device_no)
    )
    return owner == principal.user_id
