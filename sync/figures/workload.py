"""Teachers' workload per term (工作量认定 and 职称评定, 苏教办助函[2024]7号): what each teacher did.

A **teacher** is an account (``User``) or a 育人导师 (``Mentor``); a mentor linked to an account
(``Mentor.user_id``) is that account's teacher, one person.  Each activity is credited to the teachers the
record itself names, never to whoever typed it in for them:

- 导师帮扶 (mentor sessions and minutes): a ``SupportLogEntry`` counts for its ``mentor_id``, with its
  ``duration_minutes``;
- 带教学生 (students mentored): a ``MentorAssignment`` active on any day of the term counts once for its
  mentor (a state, not an activity: it is not carried into another term);
- 救助性教育 / 集体教研: a ``RescueSession`` counts once for each of its ``participants`` (by kind); a session
  records no duration, so it counts sessions only;
- 家访 (count per mode, hours): a submitted ``HomeVisit`` (not a draft) counts for each of its ``visitors``
  with the whole ``duration_minutes`` (every visitor spent that time); a visit naming no teacher among its
  visitors counts for the account that recorded it (``recorded_by_id``);
- 心愿单服务: a ``WishSelection`` completed (已完成) counts for its ``responsible_person`` with the number of
  services chosen (``item_ids``), on its ``completed_on`` day.

A person named in a record is the teacher whose account it links (``user_id``), else the one teacher whose
name is exactly that name; a name that is nobody's or several teachers' is credited to no one and listed
in ``unmatched`` for the center to fix.  An activity belongs to the term of its date
(``sync.records.terms.term_of``) and to the college of its student (a session: its ``college_id``, else its
first student's college).

**Frozen terms.** A ``WorkloadConfirmation`` of (college, term) keeps the items it counted; that term's
figures are those items, forever.  For every (activity, teacher) of the college the live contribution is
compared with what all the college's confirmations counted for it: the difference (an activity added
later, changed — another mode, other minutes, another teacher — or deleted, which counts negative) is counted in the first term, from the
activity's own term on, that is not confirmed, with the note "补录：原属<its term>" (and "（更正）" when
it corrects a counted one).  An activity whose own term is open and which no confirmation counted is
simply counted there.  Two confirmations of the same term and college (two offline laptops): the earlier
one (by date, then id) holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sync.figures.facts import SchoolFacts
from sync.records import (
    College,
    HomeVisit,
    Mentor,
    MentorAssignment,
    RescueSession,
    SessionKind,
    Student,
    SupportLogEntry,
    User,
    VisitMode,
    VisitStatus,
    WishCatalogItem,
    WishSelection,
    WishStatus,
    WorkloadConfirmation,
    WorkloadItem,
    WorkloadKind,
)
from sync.records.terms import next_term, term_bounds, term_of

NOTE_LATE = "补录：原属{term}"
NOTE_CORRECTION = "（更正）"
# Every record type the workload is computed from (what a reader of the store loads).
WORKLOAD_RECORDS = (
    College,
    User,
    Mentor,
    Student,
    MentorAssignment,
    SupportLogEntry,
    RescueSession,
    HomeVisit,
    WishCatalogItem,
    WishSelection,
    WorkloadConfirmation,
)
_SESSION_KIND = {
    SessionKind.RESCUE_EDUCATION: WorkloadKind.RESCUE_EDUCATION,
    SessionKind.CASE_CONFERENCE: WorkloadKind.CASE_CONFERENCE,
}


@dataclass(frozen=True)
class Teacher:
    id: str
    name: str
    staff_no: str
    role: str  # 辅导员 / 育人导师 / …
    college_id: str | None


@dataclass(frozen=True)
class Contribution:
    """A teacher's part in one activity: what a ``WorkloadItem`` freezes."""

    activity_id: str
    teacher_id: str
    kind: WorkloadKind
    day: date
    college_id: str | None
    count: int = 1
    minutes: int = 0
    mode: str = ""
    detail: str = ""
    note: str = ""

    def key(self) -> tuple[str, str]:
        return self.activity_id, self.teacher_id

    def item(self, teacher_name: str) -> WorkloadItem:
        return WorkloadItem(
            activity_id=self.activity_id,
            teacher_id=self.teacher_id,
            teacher_name=teacher_name,
            kind=self.kind,
            activity_date=self.day,
            count=self.count,
            minutes=self.minutes,
            mode=self.mode,
            detail=self.detail,
            note=self.note,
        )


@dataclass
class TeacherWorkload:
    """One teacher's figures for the term, and the activities behind them."""

    teacher: Teacher
    mentees: int = 0
    mentor_sessions: int = 0
    mentor_minutes: int = 0
    rescue_sessions: int = 0
    case_conferences: int = 0
    visits_by_mode: dict[VisitMode, int] = field(default_factory=lambda: dict.fromkeys(VisitMode, 0))
    visit_minutes: int = 0
    wish_services: int = 0
    activities: list[Contribution] = field(default_factory=list)

    @property
    def visits(self) -> int:
        return sum(self.visits_by_mode.values())

    @property
    def visit_hours(self) -> float:
        return round(self.visit_minutes / 60, 1)

    def add(self, c: Contribution) -> None:
        self.activities.append(c)
        if c.kind is WorkloadKind.MENTEE:
            self.mentees += c.count
        elif c.kind is WorkloadKind.MENTOR_SESSION:
            self.mentor_sessions += c.count
            self.mentor_minutes += c.minutes
        elif c.kind is WorkloadKind.RESCUE_EDUCATION:
            self.rescue_sessions += c.count
        elif c.kind is WorkloadKind.CASE_CONFERENCE:
            self.case_conferences += c.count
        elif c.kind is WorkloadKind.HOME_VISIT:
            self.visits_by_mode[VisitMode(c.mode)] += c.count
            self.visit_minutes += c.minutes
        else:
            self.wish_services += c.count

    def to_json(self) -> dict[str, object]:
        return {
            "teacher": self.teacher.name,
            "staff_no": self.teacher.staff_no,
            "role": self.teacher.role,
            "mentees": self.mentees,
            "mentor_sessions": self.mentor_sessions,
            "mentor_minutes": self.mentor_minutes,
            "rescue_sessions": self.rescue_sessions,
            "case_conferences": self.case_conferences,
            "visits": self.visits,
            "visits_by_mode": {mode.label: n for mode, n in self.visits_by_mode.items()},
            "visit_hours": self.visit_hours,
            "wish_services": self.wish_services,
            "late_entries": sum(1 for c in self.activities if c.note),
        }


@dataclass
class WorkloadReport:
    term: str
    college_id: str | None
    teachers: list[TeacherWorkload]
    confirmations: list[WorkloadConfirmation]  # the ones this term's figures are read from
    open_colleges: list[str]  # colleges in scope whose term is not confirmed
    unmatched: list[str]  # names in records that are no teacher's, or several teachers'

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmations) and not self.open_colleges

    def to_json(self) -> dict[str, object]:
        return {
            "term": self.term,
            "confirmed": self.confirmed,
            "teachers": [row.to_json() for row in self.teachers],
            "unmatched": self.unmatched,
        }


class _People:
    """Teachers by id, and the rule that turns a named person into a teacher."""

    def __init__(self, facts: SchoolFacts) -> None:
        self.teachers: dict[str, Teacher] = {}
        self.mentor_teacher: dict[str, str] = {}
        for user in facts.of(User):
            self.teachers[user.id] = Teacher(
                user.id, user.name, user.staff_no, user.role.label, user.college_id
            )
        for mentor in facts.of(Mentor):
            if mentor.user_id and mentor.user_id in self.teachers:
                self.mentor_teacher[mentor.id] = mentor.user_id
            else:
                self.teachers[mentor.id] = Teacher(mentor.id, mentor.name, mentor.staff_no, "育人导师", None)
                self.mentor_teacher[mentor.id] = mentor.id
        self.by_name: dict[str, set[str]] = defaultdict(set)
        for teacher in self.teachers.values():
            self.by_name[teacher.name].add(teacher.id)
        self.unmatched: list[tuple[str, date, str | None]] = []  # (name, day, college)

    def named(self, user_id: str | None, name: str, day: date, college_id: str | None) -> str | None:
        if user_id and user_id in self.teachers:
            return user_id
        found = self.by_name.get(name.strip(), set())
        if len(found) == 1:
            return next(iter(found))
        if name.strip():
            self.unmatched.append((name.strip(), day, college_id))
        return None


def _live_contributions(facts: SchoolFacts, people: _People, terms: Iterable[str]) -> list[Contribution]:
    college_of = {s.id: s.college_id for s in facts.of(Student)}
    out: list[Contribution] = []
    for log in facts.of(SupportLogEntry):
        teacher = people.mentor_teacher.get(log.mentor_id)
        if teacher is not None:
            out.append(
                Contribution(
                    log.id,
                    teacher,
                    WorkloadKind.MENTOR_SESSION,
                    log.log_date,
                    college_of.get(log.student_id),
                    minutes=log.duration_minutes,
                    detail=log.form.label,
                )
            )
    for session in facts.of(RescueSession):
        college = session.college_id or next(
            (college_of[s] for s in session.student_ids if s in college_of), None
        )
        credited = {
            people.named(p.user_id, p.name, session.session_date, college) for p in session.participants
        } - {None}
        for teacher in sorted(t for t in credited if t is not None):
            out.append(
                Contribution(session.id, teacher, _SESSION_KIND[session.kind], session.session_date, college)
            )
    for visit in facts.of(HomeVisit):
        if visit.status is VisitStatus.DRAFT:
            continue
        college = college_of.get(visit.student_id)
        named = {people.named(v.user_id, v.name, visit.visit_date, college) for v in visit.visitors} - {None}
        if not named and visit.recorded_by_id in people.teachers:
            named = {visit.recorded_by_id}
        for teacher in sorted(t for t in named if t is not None):
            out.append(
                Contribution(
                    visit.id,
                    teacher,
                    WorkloadKind.HOME_VISIT,
                    visit.visit_date,
                    college_of.get(visit.student_id),
                    minutes=visit.duration_minutes,
                    mode=visit.mode.value,
                    detail=f"{visit.mode.label}，{visit.category.label}",
                )
            )
    catalog = {item.id: item.service_item for item in facts.of(WishCatalogItem)}
    for wish in facts.of(WishSelection):
        if wish.status is not WishStatus.COMPLETED or wish.completed_on is None:
            continue
        teacher = people.named(
            None, wish.responsible_person, wish.completed_on, college_of.get(wish.student_id)
        )
        if teacher is not None:
            out.append(
                Contribution(
                    wish.id,
                    teacher,
                    WorkloadKind.WISH_SERVICE,
                    wish.completed_on,
                    college_of.get(wish.student_id),
                    count=len(wish.item_ids),
                    detail="、".join(catalog.get(i, "服务项目") for i in wish.item_ids),
                )
            )
    for term in terms:
        first, last = term_bounds(term)
        for assignment in facts.of(MentorAssignment):
            teacher = people.mentor_teacher.get(assignment.mentor_id)
            ends = assignment.to_date or last
            if teacher is None or assignment.from_date > last or ends < first:
                continue
            out.append(
                Contribution(
                    f"{assignment.id}@{term}",
                    teacher,
                    WorkloadKind.MENTEE,
                    max(assignment.from_date, first),
                    college_of.get(assignment.student_id),
                )
            )
    return out


def _effective_confirmations(facts: SchoolFacts) -> dict[tuple[str, str], WorkloadConfirmation]:
    """(college, term) -> the confirmation that holds (the earliest, then the lowest id)."""
    held: dict[tuple[str, str], WorkloadConfirmation] = {}
    for c in sorted(facts.of(WorkloadConfirmation), key=lambda c: (c.confirmed_on, c.id)):
        held.setdefault((c.college_id, c.term), c)
    return held


def _frozen(item: WorkloadItem, college_id: str) -> Contribution:
    return Contribution(
        item.activity_id,
        item.teacher_id,
        item.kind,
        item.activity_date,
        college_id,
        count=item.count,
        minutes=item.minutes,
        mode=item.mode,
        detail=item.detail,
        note=item.note,
    )


def _open_term(term: str, confirmed: set[str]) -> str:
    while term in confirmed:
        term = next_term(term)
    return term


def _college_contributions(
    college_id: str | None,
    term: str,
    live: list[Contribution],
    held: dict[tuple[str, str], WorkloadConfirmation],
) -> list[Contribution]:
    """The contributions one college's ``term`` counts (a college of None is never confirmed)."""
    if college_id is not None and (college_id, term) in held:
        return [_frozen(item, college_id) for item in held[(college_id, term)].items]
    confirmed = {t for (c, t) in held if c == college_id}
    settled: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for (c, _), confirmation in held.items():
        if c == college_id:
            for item in confirmation.items:
                settled[(item.activity_id, item.teacher_id)].append(_frozen(item, c))
    current: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for contribution in live:
        if contribution.college_id == college_id:
            current[contribution.key()].append(contribution)
    out: list[Contribution] = []
    for key in sorted(set(current) | set(settled)):
        now, counted = current.get(key, []), settled.get(key, [])
        if counted:
            out += _difference(now, counted, term, confirmed)
        elif now and now[0].kind is WorkloadKind.MENTEE:
            out += [c for c in now if term_of(c.day) == term]
        else:
            out += [c for c in now if _open_term(term_of(c.day), confirmed) == term]
    return out


def _difference(
    now: list[Contribution], counted: list[Contribution], term: str, confirmed: set[str]
) -> list[Contribution]:
    """What the live version adds to what confirmations already counted, if it falls in ``term``."""
    if counted[0].kind is WorkloadKind.MENTEE:
        return []  # a confirmed term's students mentored stay as confirmed; they are not carried
    home = term_of(now[0].day if now else max(c.day for c in counted))
    if _open_term(home, confirmed) != term:
        return []
    totals: dict[tuple[WorkloadKind, str], list[int]] = defaultdict(lambda: [0, 0])
    for c in now:
        totals[(c.kind, c.mode)][0] += c.count
        totals[(c.kind, c.mode)][1] += c.minutes
    for c in counted:
        totals[(c.kind, c.mode)][0] -= c.count
        totals[(c.kind, c.mode)][1] -= c.minutes
    sample = now[0] if now else counted[-1]
    note = (NOTE_LATE.format(term=home) if home != term else "") + NOTE_CORRECTION
    return [
        Contribution(
            sample.activity_id,
            sample.teacher_id,
            kind,
            sample.day,
            sample.college_id,
            count=count,
            minutes=minutes,
            mode=mode,
            detail=sample.detail,
            note=note,
        )
        for (kind, mode), (count, minutes) in sorted(totals.items())
        if count or minutes
    ]


def workload(facts: SchoolFacts, term: str, college_id: str | None = None) -> WorkloadReport:
    """Each teacher's figures for ``term`` in one college (or the whole school when None)."""
    return workloads(facts, [term], college_id)[0]


def workloads(
    facts: SchoolFacts, terms: Sequence[str], college_id: str | None = None
) -> list[WorkloadReport]:
    """``workload`` of each of ``terms`` (the records read once: the annual report's two terms)."""
    people = _People(facts)
    held = _effective_confirmations(facts)
    live = _live_contributions(facts, people, sorted({*terms, *(t for (_, t) in held)}))
    return [_report(people, held, live, term, college_id) for term in terms]


def _report(
    people: _People,
    held: dict[tuple[str, str], WorkloadConfirmation],
    live: list[Contribution],
    term: str,
    college_id: str | None,
) -> WorkloadReport:
    scopes: list[str | None]
    if college_id is not None:
        scopes = [college_id]
    else:
        known = {c.college_id for c in live} | {c for (c, _) in held}
        scopes = [*sorted(c for c in known if c is not None), None]
    rows: dict[str, TeacherWorkload] = {}
    counted: set[str | None] = set()
    by_college: dict[str | None, list[Contribution]] = defaultdict(list)
    for contribution in live:
        by_college[contribution.college_id].append(contribution)
    for scope in scopes:
        for contribution in _college_contributions(scope, term, by_college[scope], held):
            teacher = people.teachers.get(contribution.teacher_id) or _former(contribution, held)
            row = rows.setdefault(teacher.id, TeacherWorkload(teacher))
            row.add(_carried_note(contribution, term))
            counted.add(scope)
    for row in rows.values():
        row.activities.sort(key=lambda c: (c.day, c.kind.value, c.activity_id))
    used = [held[(c, term)] for c in scopes if c is not None and (c, term) in held]
    if college_id is not None:
        open_colleges = [] if used else [college_id]
    else:
        open_colleges = [c for c in scopes if c is not None and c in counted and (c, term) not in held]
    unmatched = sorted(
        {name for name, day, college in people.unmatched if term_of(day) == term and college in scopes}
    )
    return WorkloadReport(
        term,
        college_id,
        sorted(rows.values(), key=lambda r: (r.teacher.name, r.teacher.staff_no)),
        used,
        open_colleges,
        unmatched,
    )


def _carried_note(c: Contribution, term: str) -> Contribution:
    """A live contribution dated in another term than the one counting it says where it came from."""
    if c.note or term_of(c.day) == term or c.kind is WorkloadKind.MENTEE:
        return c
    return Contribution(**{**c.__dict__, "note": NOTE_LATE.format(term=term_of(c.day))})


def _former(c: Contribution, held: dict[tuple[str, str], WorkloadConfirmation]) -> Teacher:
    """A teacher no longer on record, as a confirmation named them."""
    for confirmation in held.values():
        for item in confirmation.items:
            if item.teacher_id == c.teacher_id:
                return Teacher(c.teacher_id, item.teacher_name, "", "", None)
    return Teacher(c.teacher_id, "（未知）", "", "", None)


def confirmation_items(report: WorkloadReport, college_id: str) -> list[WorkloadItem]:
    """What a confirmation of ``report``'s term for ``college_id`` freezes (the report's own contributions)."""
    return [
        c.item(row.teacher.name)
        for row in report.teachers
        for c in row.activities
        if c.college_id == college_id
    ]
