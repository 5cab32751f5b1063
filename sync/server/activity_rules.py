"""Who may write the college-level policy activities (民主测评, 诚信教育, 资助工作者培训, 专项研究).

They belong to a college (``college_id``) or, for 诚信教育 and 培训, to the whole school (no college):

- the school center writes any of them;
- a college center writes its own college's (never another college's, never a school-wide one, and it
  cannot move one to another college);
- a counselor writes its own college's 民主测评 and 诚信教育 (class meetings, the class's evaluation), and
  edits or deletes only those it recorded itself; trainings and research projects are the centers';
- a mentor or an administrator writes none.

A 个别交流 belongs to a student and follows the student rules of ``scope.check_write`` (the counselor or
the college center in whose scope the student is; its author, ``talked_by_id``, is set in
``write_rules``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sync.protocol import RejectReason
from sync.records import IdentificationEvaluation, IntegrityActivity, ResearchProject, Role, StaffTraining
from sync.server.models import RecordRow

if TYPE_CHECKING:
    from sync.server.scope import Principal

COLLEGE_ACTIVITIES = frozenset(
    {
        IdentificationEvaluation.RECORD_TYPE,
        IntegrityActivity.RECORD_TYPE,
        StaffTraining.RECORD_TYPE,
        ResearchProject.RECORD_TYPE,
    }
)
COUNSELOR_ACTIVITIES = frozenset({IdentificationEvaluation.RECORD_TYPE, IntegrityActivity.RECORD_TYPE})
COLLEGE = "college_id"


def check(
    principal: Principal, record_type: str, existing: RecordRow | None, new_fields: dict[str, Any]
) -> RejectReason | None:
    """Why the principal may not write this activity (``None``: it may)."""
    if principal.role is Role.SCHOOL_CENTER:
        return None
    if principal.role not in (Role.COLLEGE_CENTER, Role.COUNSELOR) or principal.college_id is None:
        return RejectReason.FORBIDDEN
    stored = existing if existing is not None and not existing.deleted else None
    colleges = {new_fields.get(COLLEGE, stored.fields_dict().get(COLLEGE) if stored is not None else None)}
    if stored is not None:
        colleges.add(stored.fields_dict().get(COLLEGE))
    if colleges != {principal.college_id}:
        return RejectReason.FORBIDDEN
    if principal.role is Role.COLLEGE_CENTER:
        return None
    if record_type not in COUNSELOR_ACTIVITIES:
        return RejectReason.FORBIDDEN
    if existing is not None and existing.author_id != principal.user_id:
        return RejectReason.FORBIDDEN
    return None
