"""The policy activities (资助育人活动): 民主测评, 诚信教育, 资助工作者培训 and 专项研究 of a college or the
school, a student's 个别交流, and the year's counts per college for the coverage dashboard.

Who may write which (the center's server decides it again, ``sync.server.activity_rules``): the school
center all; a college center its own college's; a counselor its college's 民主测评 and 诚信教育, and edits
only those it recorded.  The laptop refuses the same in Chinese before anything is queued.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.app.changes import Kind, use_case
from desktop.store.errors import StoreError
from desktop.store.figure_facts import read_school_facts
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.figures.activity_counts import ACTIVITY_FACTS, ActivityTable, activity_counts
from sync.records import (
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    Record,
    ResearchProject,
    Role,
    StaffTraining,
    Student,
    academic_year_bounds,
)

COLLEGE_ACTIVITIES: tuple[type[Record], ...] = (
    IdentificationEvaluation,
    IntegrityActivity,
    StaffTraining,
    ResearchProject,
)
COUNSELOR_ACTIVITIES = frozenset({IdentificationEvaluation.RECORD_TYPE, IntegrityActivity.RECORD_TYPE})
CENTER_ROLES = frozenset({Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})


class ActivityNotAllowed(StoreError):
    """The signed-in role may not write this activity (the message says why, in Chinese)."""

    message = "当前角色无权录入这类活动。"


@dataclass(frozen=True)
class Writer:
    """Who is signed in on this laptop, as far as the activities care."""

    user_id: str
    role: Role
    college_id: str | None

    def may_add(self, record_type: str) -> bool:
        if self.role is Role.SCHOOL_CENTER:
            return True
        if self.college_id is None:
            return False
        if self.role is Role.COLLEGE_CENTER:
            return True
        return self.role is Role.COUNSELOR and record_type in COUNSELOR_ACTIVITIES


@dataclass
class ActivityLists:
    """The page's lists for one academic year, newest first, with the names a person reads."""

    academic_year: str
    evaluations: list[IdentificationEvaluation] = field(default_factory=list)
    integrity: list[IntegrityActivity] = field(default_factory=list)
    trainings: list[StaffTraining] = field(default_factory=list)
    projects: list[ResearchProject] = field(default_factory=list)
    college_names: dict[str, str] = field(default_factory=dict)  # college id -> name
    colleges: list[tuple[str, str]] = field(default_factory=list)  # (name, id) of the active colleges
    writer: Writer | None = None
    authors: dict[str, str | None] = field(default_factory=dict)  # record id -> author's user id


def _writer(s: StoreSession) -> Writer:
    info = s.meta.info()
    user = s.users.get(info.user_id) if info.user_id else None
    return Writer(info.user_id, info.role, user.college_id if user is not None else None)


def activity_lists(store: Store, academic_year: str) -> ActivityLists:
    """The year's activities (a project: while it ran during the year)."""
    first, last = academic_year_bounds(academic_year)
    with store.session() as s:
        lists = ActivityLists(academic_year, writer=_writer(s))
        colleges = s.colleges.list()
        lists.college_names = {college.id: college.name for college in colleges}
        lists.colleges = sorted((college.name, college.id) for college in colleges if college.active)
        lists.evaluations = [
            e
            for e in s.evaluations.list(order_by=("held_on",), descending=True)
            if e.academic_year == academic_year
        ]
        lists.integrity = [
            a
            for a in s.integrity_activities.list(order_by=("held_on",), descending=True)
            if first <= a.held_on <= last
        ]
        lists.trainings = [
            t for t in s.trainings.list(order_by=("held_on",), descending=True) if first <= t.held_on <= last
        ]
        lists.projects = [
            p
            for p in s.research_projects.list(order_by=("started_on",), descending=True)
            if p.active_between(first, last)
        ]
        for record in (*lists.evaluations, *lists.integrity, *lists.trainings, *lists.projects):
            state = s.repository(record.RECORD_TYPE).sync_state(record.id)
            lists.authors[record.id] = state.author_id if state is not None else None
        return lists


def _check(s: StoreSession, record: Record, stored: Record | None, author: str | None) -> None:
    writer = _writer(s)
    kind = record.RECORD_TYPE
    if not writer.may_add(kind):
        raise ActivityNotAllowed()
    if writer.role is Role.SCHOOL_CENTER:
        return
    colleges = {getattr(record, "college_id", None)}
    if stored is not None:
        colleges.add(getattr(stored, "college_id", None))
    if colleges != {writer.college_id}:
        raise ActivityNotAllowed("只能录入本学院的活动；全校性的活动由学校学生发展支持中心录入。")
    if writer.role is Role.COUNSELOR and stored is not None and author not in (None, writer.user_id):
        raise ActivityNotAllowed("这条记录由其他老师录入，只能由录入人或学生发展支持中心修改。")


@use_case(Kind.IDENTIFICATION_EVALUATION, Kind.INTEGRITY_ACTIVITY, Kind.STAFF_TRAINING, Kind.RESEARCH_PROJECT)
def save_activity(store: Store, record: Record) -> Record:
    """Create or update one college-level activity (refused, in Chinese, where the role may not)."""
    if type(record) not in COLLEGE_ACTIVITIES:
        raise ValueError(record.RECORD_TYPE)
    with store.session() as s:
        repo = s.repository(record.RECORD_TYPE)
        stored = repo.get(record.id)
        state = repo.sync_state(record.id) if stored is not None else None
        _check(s, record, stored, state.author_id if state is not None else None)
        if stored is None:
            repo.create(record)
        else:
            repo.update(record)
        return record


@use_case(Kind.IDENTIFICATION_EVALUATION, Kind.INTEGRITY_ACTIVITY, Kind.STAFF_TRAINING, Kind.RESEARCH_PROJECT)
def delete_activity(store: Store, record_type: str, record_id: str) -> None:
    if record_type not in {cls.RECORD_TYPE for cls in COLLEGE_ACTIVITIES}:
        raise ValueError(record_type)
    with store.session() as s:
        repo = s.repository(record_type)
        stored = repo.require(record_id)
        state = repo.sync_state(record_id)
        _check(s, stored, stored, state.author_id if state is not None else None)
        repo.delete(record_id)


@use_case(Kind.ONE_TO_ONE_TALK)
def save_talk(store: Store, record: OneToOneTalk) -> OneToOneTalk:
    """Record a talk with a student (the signed-in user talked), or edit one's own."""
    with store.session() as s:
        if s.talks.get(record.id) is None:
            return s.talks.create(record)
        s.talks.update(record)
        return record


@use_case(Kind.ONE_TO_ONE_TALK)
def delete_talk(store: Store, record_id: str) -> None:
    with store.session() as s:
        s.talks.delete(record_id)


@dataclass(frozen=True)
class ActivityCountsView:
    table: ActivityTable
    college_names: dict[str, str]


def activity_counts_view(store: Store, academic_year: str, college_id: str | None) -> ActivityCountsView:
    """The dashboard's counts of the year (of one college, or of all the laptop holds)."""
    with store.session() as s:
        # every activity, but only the students talked with (a talk counts for its student's college)
        facts = read_school_facts(s, [cls for cls in ACTIVITY_FACTS if cls is not Student])
        talked = sorted({talk.student_id for talk in facts.of(OneToOneTalk)})
        for start in range(0, len(talked), 500):
            for student in s.students.list(where={"id": talked[start : start + 500]}):
                facts.add(student)
        names = {college.id: college.name for college in s.colleges.list()}
    return ActivityCountsView(activity_counts(facts, academic_year, college_id), names)
