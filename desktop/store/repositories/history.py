"""A student's full history: the one definition the profile, its timeline and the growth archive PDF read.

The records come from the store (``StoreSession.history``); the names a person reads instead of ids
(college, counselor, mentors, wish-list items, users) are resolved by whoever shows or prints it
(``desktop.reports.store_source.student_history``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from sync.records import (
    AuditEntry,
    FamilyMember,
    GiveBackActivity,
    GrowthReward,
    GuaranteeAid,
    HomeVisit,
    Identification,
    KeySupport,
    MentorAssignment,
    MonitoringFlag,
    OneToOneTalk,
    Record,
    RescueSession,
    Student,
    SupportLogEntry,
    VisitStatus,
    WishSelection,
    academic_year_bounds,
)


class TimelineKind(StrEnum):
    """What a timeline entry is (the profile's timeline filters by it)."""

    IDENTIFICATION = "identification"
    AID = "aid"
    REWARD = "reward"
    VISIT = "visit"
    KEY_SUPPORT = "key_support"
    FLAG = "flag"
    WISH = "wish"
    GIVE_BACK = "give_back"
    TALK = "talk"


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    kind: TimelineKind
    title: str
    detail: str
    record: Record


@dataclass
class StudentHistory:
    """Everything recorded about one student. Key-support parts are restricted (check the role)."""

    student: Student
    family: list[FamilyMember] = field(default_factory=list)
    identifications: list[Identification] = field(default_factory=list)
    visits: list[HomeVisit] = field(default_factory=list)
    aid: list[GuaranteeAid] = field(default_factory=list)
    rewards: list[GrowthReward] = field(default_factory=list)
    give_backs: list[GiveBackActivity] = field(default_factory=list)
    wishes: list[WishSelection] = field(default_factory=list)
    flags: list[MonitoringFlag] = field(default_factory=list)
    key_supports: list[KeySupport] = field(default_factory=list)
    mentor_assignments: list[MentorAssignment] = field(default_factory=list)
    support_logs: list[SupportLogEntry] = field(default_factory=list)
    rescue_sessions: list[RescueSession] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    talks: list[OneToOneTalk] = field(default_factory=list)
    # Names for people to read instead of ids (empty until resolved).
    college_name: str = ""
    counselor_name: str = ""
    mentor_names: dict[str, str] = field(default_factory=dict)  # mentor id -> name
    wish_item_names: dict[str, str] = field(default_factory=dict)  # catalogue item id -> service item
    user_names: dict[str, str] = field(default_factory=dict)  # user id -> name

    def without_drafts(self) -> StudentHistory:
        """The history as printed: visits still in draft left out."""
        return replace(self, visits=[v for v in self.visits if v.status != VisitStatus.DRAFT])

    def timeline(
        self, *, include_restricted: bool = False, newest_first: bool = False
    ) -> list[TimelineEntry]:
        """Dated events (identifications by their date or the start of their year; a wish list by its
        completion or the start of its year); draft visits are left out; key support and its log only
        with ``include_restricted``."""
        entries: list[TimelineEntry] = []
        for ident in self.identifications:
            day = ident.identified_on or academic_year_bounds(ident.academic_year)[0]
            level = ident.level.label if ident.level else "—"
            title = f"{ident.academic_year} {level}"
            entries.append(TimelineEntry(day, TimelineKind.IDENTIFICATION, title, ident.status.label, ident))
        for aid in self.aid:
            amount = (
                f" {aid.amount} 元"
                if aid.amount is not None
                else (f" {aid.position}" if aid.position else "")
            )
            detail = f"{aid.aid_type.label}{amount}"
            entries.append(TimelineEntry(aid.granted_on, TimelineKind.AID, aid.project_name, detail, aid))
        for reward in self.rewards:
            entries.append(
                TimelineEntry(
                    reward.granted_on, TimelineKind.REWARD, reward.description, reward.kind.label, reward
                )
            )
        for visit in self.visits:
            if visit.status == VisitStatus.DRAFT:
                continue
            title = f"{visit.category.label}（{visit.mode.label}）"
            entries.append(
                TimelineEntry(visit.visit_date, TimelineKind.VISIT, title, visit.student_traits, visit)
            )
        for activity in self.give_backs:
            entries.append(
                TimelineEntry(
                    activity.activity_date,
                    TimelineKind.GIVE_BACK,
                    activity.title,
                    activity.kind.label,
                    activity,
                )
            )
        for talk in self.talks:
            title = f"个别交流（{talk.mode.label}）"
            entries.append(TimelineEntry(talk.talked_on, TimelineKind.TALK, title, talk.topics, talk))
        for flag in self.flags:
            entries.append(
                TimelineEntry(flag.raised_on, TimelineKind.FLAG, flag.kind.label, flag.status.label, flag)
            )
        for wish in self.wishes:
            items = "、".join(self.wish_item_names.get(i, "") for i in wish.item_ids)
            day = wish.completed_on or academic_year_bounds(wish.academic_year)[0]
            entries.append(
                TimelineEntry(day, TimelineKind.WISH, items or wish.status.label, wish.status.label, wish)
            )
        if include_restricted:
            for support in self.key_supports:
                types = "、".join(t.label for t in support.difficulty_types)
                entries.append(
                    TimelineEntry(support.started_on, TimelineKind.KEY_SUPPORT, types, support.note, support)
                )
            for log in self.support_logs:
                entries.append(
                    TimelineEntry(log.log_date, TimelineKind.KEY_SUPPORT, log.form.label, log.summary, log)
                )
        entries.sort(key=lambda e: (e.day, e.kind), reverse=newest_first)
        return entries
