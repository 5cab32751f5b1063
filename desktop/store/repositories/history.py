"""A student's full history, for the growth archive and the profile timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

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
    Record,
    RescueSession,
    Student,
    SupportLogEntry,
    WishSelection,
    academic_year_bounds,
)


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    title: str
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

    def timeline(self, *, include_restricted: bool = False) -> list[TimelineEntry]:
        """Dated events, oldest first (identifications by their date or the start of their year)."""
        entries: list[TimelineEntry] = []
        for identification in self.identifications:
            day = identification.identified_on or academic_year_bounds(identification.academic_year)[0]
            level = identification.level.label if identification.level else "待认定"
            entries.append(
                TimelineEntry(day, f"{identification.academic_year} 学年认定：{level}", identification)
            )
        for visit in self.visits:
            entries.append(
                TimelineEntry(visit.visit_date, f"家访（{visit.category.label}，{visit.mode.label}）", visit)
            )
        for aid in self.aid:
            entries.append(TimelineEntry(aid.granted_on, f"{aid.aid_type.label}：{aid.project_name}", aid))
        for reward in self.rewards:
            entries.append(TimelineEntry(reward.granted_on, f"成长奖励（{reward.kind.label}）", reward))
        for activity in self.give_backs:
            entries.append(
                TimelineEntry(activity.activity_date, f"{activity.kind.label}：{activity.title}", activity)
            )
        for flag in self.flags:
            entries.append(TimelineEntry(flag.raised_on, f"监测反馈（{flag.kind.label}）", flag))
        if include_restricted:
            for support in self.key_supports:
                entries.append(TimelineEntry(support.started_on, "纳入重点帮扶", support))
                if support.exited_on is not None:
                    entries.append(TimelineEntry(support.exited_on, "退出重点帮扶", support))
            for entry in self.support_logs:
                entries.append(TimelineEntry(entry.log_date, f"帮扶记录（{entry.form.label}）", entry))
            for session in self.rescue_sessions:
                entries.append(TimelineEntry(session.session_date, session.kind.label, session))
        return sorted(entries, key=lambda entry: (entry.day, entry.record.id))
