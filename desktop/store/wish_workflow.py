"""The growth wish list (成长发展心愿单): the catalogue, students' selections and their status workflow.

Status: 待受理 → 已对接 → 进行中 → 已完成, or 无法满足 from any open step (and back to 待受理 when a
way is found). A selection is filled in on a home visit (linked to the visit) or from the profile.
The catalogue is kept by the school center.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import WISH_CATALOG_ROLES
from desktop.store.workflow_checks import invalid_record, require_step
from sync.records import (
    DifficultyType,
    Role,
    Student,
    WishCatalogItem,
    WishChannel,
    WishFiller,
    WishPriority,
    WishSelection,
    WishStatus,
)

TRANSITIONS: dict[WishStatus, frozenset[WishStatus]] = {
    WishStatus.PENDING: frozenset({WishStatus.MATCHED, WishStatus.UNFULFILLABLE}),
    WishStatus.MATCHED: frozenset({WishStatus.IN_PROGRESS, WishStatus.COMPLETED, WishStatus.UNFULFILLABLE}),
    WishStatus.IN_PROGRESS: frozenset({WishStatus.COMPLETED, WishStatus.UNFULFILLABLE}),
    WishStatus.COMPLETED: frozenset(),
    WishStatus.UNFULFILLABLE: frozenset({WishStatus.PENDING}),
}


class WishError(StoreError):
    message = "心愿单操作未完成。"


# -- catalogue -------------------------------------------------------------------------------------
def _require_catalog_role(role: Role) -> None:
    if role not in WISH_CATALOG_ROLES:
        raise WishError("心愿单服务项目由学校学生发展支持中心维护。")


def add_catalog_item(
    session: StoreSession,
    role: Role,
    *,
    category: DifficultyType,
    service_item: str,
    provider_department: str,
    description: str = "",
) -> WishCatalogItem:
    _require_catalog_role(role)
    try:
        item = WishCatalogItem(
            category=category,
            service_item=service_item,
            provider_department=provider_department,
            description=description,
        )
    except ValidationError as exc:
        raise invalid_record(WishError, exc) from None
    return session.wish_catalog.create(item)


def set_catalog_item_active(session: StoreSession, role: Role, item_id: str, active: bool) -> WishCatalogItem:
    _require_catalog_role(role)
    return session.wish_catalog.patch(item_id, active=active)


# -- selections ------------------------------------------------------------------------------------
def add_selection(
    session: StoreSession,
    student_id: str,
    *,
    academic_year: str,
    item_ids: Sequence[str],
    filled_by: WishFiller = WishFiller.STUDENT,
    visit_id: str | None = None,
    details: str = "",
    priority: WishPriority = WishPriority.NORMAL,
    channel: WishChannel | None = None,
) -> WishSelection:
    """A student's wishes: filled in on a visit (``visit_id``: paper form at home) or online.

    ``channel`` says how the list was filled in when it is not what the visit link implies.
    """
    session.students.require(student_id)
    if not item_ids:
        raise WishError("请至少选择一个服务项目。")
    for item_id in item_ids:
        item = session.wish_catalog.get(item_id)
        if item is None or not item.active:
            raise WishError("所选服务项目不存在或已停用，请重新选择。")
    if visit_id is not None:
        visit = session.visits.require(visit_id)
        if visit.student_id != student_id:
            raise WishError("关联的家访记录不是这名学生的。")
    try:
        selection = WishSelection(
            student_id=student_id,
            academic_year=academic_year,
            filled_by=filled_by,
            channel=channel or (WishChannel.HOME_VISIT_PAPER if visit_id else WishChannel.ONLINE),
            visit_id=visit_id,
            item_ids=list(dict.fromkeys(item_ids)),
            details=details,
            priority=priority,
        )
    except ValidationError as exc:
        raise invalid_record(WishError, exc) from None
    return session.wishes.create(selection)


def latest_visit_id(session: StoreSession, student_id: str, academic_year: str) -> str | None:
    """The student's latest submitted visit of the year (to link a wish list filled in on it)."""
    visits = session.visits.in_academic_year(academic_year, student_id=student_id)
    return visits[-1].id if visits else None


def move_selection(
    session: StoreSession,
    selection_id: str,
    status: WishStatus,
    *,
    responsible_person: str | None = None,
    completed_on: date | None = None,
    feedback: str | None = None,
) -> WishSelection:
    """Move a selection along the workflow (the step must be allowed; 已对接 needs a responsible person,
    已完成 a completion date)."""
    current = session.wishes.require(selection_id)
    require_step(TRANSITIONS, current.status, status, what="心愿状态", error=WishError)
    changes: dict[str, object] = {"status": status}
    if responsible_person is not None:
        changes["responsible_person"] = responsible_person
    if completed_on is not None:
        changes["completed_on"] = completed_on
    if feedback is not None:
        changes["feedback"] = feedback
    if status is WishStatus.PENDING:
        changes["completed_on"] = None
    try:
        return session.wishes.patch(selection_id, **changes)
    except ValidationError as exc:
        raise invalid_record(WishError, exc) from None


@dataclass(frozen=True)
class WishRow:
    selection: WishSelection
    student_no: str
    student_name: str
    college: str
    items: tuple[str, ...]  # the service items of this department (or all)


def wishes_by_department(
    session: StoreSession, academic_year: str, *, status: WishStatus | None = None
) -> dict[str, list[WishRow]]:
    """Each providing department's list: the selections that chose one of its items."""
    items = {item.id: item for item in session.wish_catalog.list()}
    where: dict[str, object] = {"academic_year": academic_year}
    if status is not None:
        where["status"] = status
    selections = session.wishes.list(where=where)
    students: dict[str, Student] = {}
    ids = list({s.student_id for s in selections})
    for start in range(0, len(ids), 500):
        for known in session.students.list(where={"id": ids[start : start + 500]}):
            students[known.id] = known
    colleges = {college.id: college.name for college in session.colleges.list()}
    lists: dict[str, list[WishRow]] = {}
    for selection in selections:
        student = students.get(selection.student_id)
        if student is None:
            continue
        by_department: dict[str, list[str]] = {}
        for item_id in selection.item_ids:
            item = items.get(item_id)
            department = (item.provider_department if item else "") or "（未指定部门）"
            by_department.setdefault(department, []).append(item.service_item if item else "（已删除的项目）")
        for department, names in by_department.items():
            lists.setdefault(department, []).append(
                WishRow(
                    selection,
                    student.student_no,
                    student.name,
                    colleges.get(student.college_id or "", ""),
                    tuple(names),
                )
            )
    for rows in lists.values():
        rows.sort(key=lambda r: (list(WishPriority).index(r.selection.priority), r.student_no))
    return dict(sorted(lists.items()))
