"""The support centers (coverage #1) and mentor expertise (coverage #5) as the center roles edit them in
the app (设置 → 学生发展支持中心). A college center edits its own college's center and its mentors' expertise;
the school center edits every center, its own included. The server checks the same rule on sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.records import College, DifficultyType, Mentor, Role, SchoolCenter

SCHOOL_KEY = "school"  # the key of the school center in ``CenterInfo.key``


class CenterEditError(StoreError):
    message = "支持中心信息未保存。"


@dataclass(frozen=True)
class CenterInfo:
    key: str  # a college id, or SCHOOL_KEY
    name: str
    site: str
    director: str
    deputies: tuple[str, ...]
    members: tuple[str, ...]
    missing: tuple[str, ...]  # what coverage #1 still lacks


def _own_college_id(session: StoreSession) -> str | None:
    user = session.users.get(session.meta.info().user_id)
    return user.college_id if user is not None else None


def _require_center(role: Role | None) -> None:
    if not is_center_role(role):
        raise CenterEditError("只有学生发展支持中心（学院或学校）可以修改支持中心和导师专长。")


def editable_centers(session: StoreSession, role: Role | None) -> list[CenterInfo]:
    """The centers this role may edit: its own college (college center), or every college and the
    school (school center)."""
    _require_center(role)
    colleges = [college for college in session.colleges.list() if college.active]
    if role is Role.COLLEGE_CENTER:
        own = _own_college_id(session)
        colleges = [college for college in colleges if college.id == own]
    centers = [
        CenterInfo(
            c.id,
            c.name,
            c.center_site,
            c.center_director,
            tuple(c.center_deputies),
            tuple(c.center_staff),
            tuple(c.center_missing),
        )
        for c in colleges
    ]
    if role is Role.SCHOOL_CENTER:
        school = _school_center(session) or SchoolCenter()
        centers.append(
            CenterInfo(
                SCHOOL_KEY,
                school.name,
                school.site,
                school.director,
                tuple(school.deputies),
                tuple(school.members),
                tuple(school.center_missing),
            )
        )
    return centers


def _school_center(session: StoreSession) -> SchoolCenter | None:
    found = session.school_centers.list(order_by=["id"])  # ids are time-ordered (UUIDv7): the first made
    return found[0] if found else None


def _names(values: Sequence[str]) -> list[str]:
    return [name.strip() for name in values if name.strip()]


def save_center(
    session: StoreSession,
    role: Role | None,
    key: str,
    *,
    site: str,
    director: str,
    deputies: Sequence[str],
    members: Sequence[str],
) -> CenterInfo:
    """Save one center's site, director, deputies and members; returns it with what it still lacks."""
    allowed = {center.key for center in editable_centers(session, role)}
    if key not in allowed:
        raise CenterEditError("当前账号不能修改这个支持中心。")
    if key == SCHOOL_KEY:
        current = _school_center(session)
        fields = {"site": site.strip(), "director": director.strip()}
        lists = {"deputies": _names(deputies), "members": _names(members)}
        if current is None:
            session.school_centers.create(SchoolCenter(**fields, **lists))
        else:
            session.school_centers.patch(current.id, **fields, **lists)
    else:
        college: College = session.colleges.require(key)
        session.colleges.patch(
            college.id,
            center_site=site.strip(),
            center_director=director.strip(),
            center_deputies=_names(deputies),
            center_staff=_names(members),
        )
    return next(center for center in editable_centers(session, role) if center.key == key)


def mentors_for_expertise(session: StoreSession, role: Role | None) -> list[Mentor]:
    """The mentors whose expertise this role may set: every mentor (school center); for a college
    center, those of its college or of no college, and those serving one of its students (the server
    refuses the rest: another college's mentor is that college's to describe)."""
    _require_center(role)
    mentors = session.mentors.list(order_by=["name"])
    if role is not Role.COLLEGE_CENTER:
        return mentors
    return [mentor for mentor in mentors if _college_may_describe(session, mentor)]


def _college_may_describe(session: StoreSession, mentor: Mentor) -> bool:
    user = session.users.get(mentor.user_id) if mentor.user_id else None
    if user is None or user.college_id in (None, _own_college_id(session)):
        return True
    return bool(session.mentor_assignments.for_mentor(mentor.id))  # the laptop holds only its students


def save_expertise(
    session: StoreSession, role: Role | None, mentor_id: str, expertise: Sequence[DifficultyType]
) -> Mentor:
    """A mentor's expertise (专长): the difficulty types the mentor can serve."""
    _require_center(role)
    mentor = session.mentors.require(mentor_id)
    if role is Role.COLLEGE_CENTER and not _college_may_describe(session, mentor):
        raise CenterEditError("这位育人导师属于其他学院，其专长由该学院或学校学生发展支持中心填写。")
    return session.mentors.patch(mentor_id, specialties=list(dict.fromkeys(expertise)))
