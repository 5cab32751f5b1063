"""Support centers and mentor expertise (设置 → 学生发展支持中心)."""

from __future__ import annotations

from desktop.app.changes import Kind, use_case
from desktop.store import center_records
from desktop.store.center_records import (
    CenterInfo,
    editable_centers,
    mentors_for_expertise,
    save_expertise,
)
from desktop.store.store import Store
from sync.records import (
    DifficultyType,
    Mentor,
)


def center_view(store: Store) -> tuple[list[CenterInfo], list[Mentor]]:
    role = store.info.role
    with store.session() as s:
        return editable_centers(s, role), mentors_for_expertise(s, role)


@use_case(Kind.COLLEGE, Kind.SCHOOL_CENTER, Kind.MENTOR)
def save_center(
    store: Store, key: str, site: str, director: str, deputies: list[str], members: list[str]
) -> CenterInfo:
    with store.session() as s:
        return center_records.save_center(
            s, store.info.role, key, site=site, director=director, deputies=deputies, members=members
        )


@use_case(Kind.COLLEGE, Kind.SCHOOL_CENTER, Kind.MENTOR)
def save_mentor_expertise(store: Store, mentor_id: str, expertise: list[DifficultyType]) -> Mentor:
    with store.session() as s:
        return save_expertise(s, store.info.role, mentor_id, expertise)
