"""Who may confirm a term's workload figures (工作量确认, ``WorkloadConfirmation``).

- the school center confirms (or withdraws the confirmation of) any college's term;
- a college center confirms its own college's terms only: never another college's, and it cannot move a
  confirmation to another college;
- a counselor, a mentor or an administrator confirms nothing (the figures are theirs: someone else
  signs them off);
- what a confirmation froze (its term, college, date, confirmer and items) never changes: a wrong
  confirmation is withdrawn (deleted) and made again; only its note may be edited.

Who confirmed (``confirmed_by_id``) is the caller, set in ``write_rules``, never taken from the body.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sync.protocol import RejectReason
from sync.records import Role, WorkloadConfirmation
from sync.server.models import RecordRow

if TYPE_CHECKING:
    from sync.server.scope import Principal

WORKLOAD_CONFIRMATION = WorkloadConfirmation.RECORD_TYPE
COLLEGE = "college_id"
CONFIRMED_BY = "confirmed_by_id"
FROZEN_FIELDS = frozenset({"term", COLLEGE, "confirmed_on", CONFIRMED_BY, "confirmed_by_name", "items"})


def check(
    principal: Principal, existing: RecordRow | None, new_fields: dict[str, Any]
) -> RejectReason | None:
    """Why the principal may not write this confirmation (``None``: it may)."""
    if frozen_change(existing, new_fields):
        return RejectReason.FORBIDDEN
    if principal.role is Role.SCHOOL_CENTER:
        return None
    if principal.role is not Role.COLLEGE_CENTER or principal.college_id is None:
        return RejectReason.FORBIDDEN
    stored = existing.fields_dict() if existing is not None and not existing.deleted else None
    colleges = {new_fields.get(COLLEGE, stored.get(COLLEGE) if stored is not None else None)}
    if stored is not None:
        colleges.add(stored.get(COLLEGE))
    if colleges != {principal.college_id}:
        return RejectReason.FORBIDDEN
    return None


def frozen_change(existing: RecordRow | None, new_fields: dict[str, Any]) -> bool:
    """Whether an edit changes what a stored confirmation froze."""
    if existing is None or existing.deleted:
        return False
    stored = existing.fields_dict()
    return any(name in new_fields and new_fields[name] != stored.get(name) for name in FROZEN_FIELDS)
