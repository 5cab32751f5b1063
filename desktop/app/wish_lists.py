"""Wish lists (成长发展心愿单): the departments' lists, the catalogue, new selections, status moves."""

from __future__ import annotations

from datetime import date

from desktop.app.changes import Kind, use_case
from desktop.app.students import student_by_no
from desktop.store.store import Store
from desktop.store.wish_workflow import (
    WishRow,
    add_catalog_item,
    add_selection,
    latest_visit_id,
    move_selection,
    set_catalog_item_active,
    wishes_by_department,
)
from sync.records import (
    DifficultyType,
    WishCatalogItem,
    WishFiller,
    WishPriority,
    WishStatus,
)


def wish_view(store: Store, academic_year: str, status: WishStatus | None) -> dict[str, list[WishRow]]:
    with store.session() as s:
        return wishes_by_department(s, academic_year, status=status)


def catalog(store: Store) -> list[WishCatalogItem]:
    with store.session() as s:
        return s.wish_catalog.list()


@use_case(Kind.WISH_CATALOG_ITEM)
def add_catalog(store: Store, category: DifficultyType, service_item: str, department: str) -> None:
    with store.session() as s:
        add_catalog_item(
            s, store.info.role, category=category, service_item=service_item, provider_department=department
        )


@use_case(Kind.WISH_CATALOG_ITEM)
def toggle_catalog(store: Store, item_id: str) -> None:
    with store.session() as s:
        item = s.wish_catalog.require(item_id)
        set_catalog_item_active(s, store.info.role, item_id, not item.active)


@use_case(Kind.WISH_SELECTION)
def new_wish(
    store: Store,
    student_no: str,
    academic_year: str,
    item_ids: list[str],
    filled_by: WishFiller,
    priority: WishPriority,
    on_visit: bool,
    details: str,
) -> None:
    """A wish list filled in from the profile (online) or on the student's latest visit of the year."""
    with store.session() as s:
        student = student_by_no(s, student_no)
        visit_id = latest_visit_id(s, student.id, academic_year) if on_visit else None
        if on_visit and visit_id is None:
            raise ValueError("该学生本学年还没有家访记录，请选择线上填写")
        add_selection(
            s,
            student.id,
            academic_year=academic_year,
            item_ids=item_ids,
            filled_by=filled_by,
            visit_id=visit_id,
            details=details,
            priority=priority,
        )


@use_case(Kind.WISH_SELECTION)
def move_wish(
    store: Store, selection_id: str, status: WishStatus, person: str, completed_on: date | None, feedback: str
) -> None:
    with store.session() as s:
        move_selection(
            s,
            selection_id,
            status,
            responsible_person=person or None,
            completed_on=completed_on,
            feedback=feedback or None,
        )
