"""The growth archive as one timeline: every record of a student, newest first (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.app.profile import StudentFile
from sync.records.enums import VisitStatus

KINDS = ("identification", "aid", "reward", "visit", "key_support", "flag", "wish", "give_back")


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    kind: str
    title: str
    detail: str


def timeline_of(file: StudentFile, *, restricted: bool) -> list[TimelineEntry]:
    """Merge a student's records by date; key-support entries only when `restricted` may be shown."""
    entries: list[TimelineEntry] = []
    for ident in file.identifications:
        day = ident.identified_on or date(int(ident.academic_year[:4]), 9, 1)
        level = ident.level.label if ident.level else "—"
        entries.append(
            TimelineEntry(day, "identification", f"{ident.academic_year} {level}", ident.status.label)
        )
    for aid in file.aid:
        amount = (
            f" {aid.amount} 元" if aid.amount is not None else (f" {aid.position}" if aid.position else "")
        )
        entries.append(
            TimelineEntry(aid.granted_on, "aid", aid.project_name, f"{aid.aid_type.label}{amount}")
        )
    for reward in file.rewards:
        entries.append(TimelineEntry(reward.granted_on, "reward", reward.description, reward.kind.label))
    for visit in file.visits:
        if visit.status == VisitStatus.DRAFT:
            continue
        entries.append(
            TimelineEntry(
                visit.visit_date,
                "visit",
                f"{visit.category.label}（{visit.mode.label}）",
                visit.student_traits,
            )
        )
    for activity in file.give_back:
        entries.append(
            TimelineEntry(activity.activity_date, "give_back", activity.title, activity.kind.label)
        )
    for flag in file.flags:
        entries.append(TimelineEntry(flag.raised_on, "flag", flag.kind.label, flag.status.label))
    for wish in file.wishes:
        items = "、".join(file.wish_item_names.get(i, "") for i in wish.item_ids)
        day = wish.completed_on or date(int(wish.academic_year[:4]), 9, 1)
        entries.append(TimelineEntry(day, "wish", items or wish.status.label, wish.status.label))
    if restricted:
        for support in file.key_support:
            types = "、".join(t.label for t in support.difficulty_types)
            entries.append(TimelineEntry(support.started_on, "key_support", types, support.note))
        for log in file.support_log:
            entries.append(TimelineEntry(log.log_date, "key_support", log.form.label, log.summary))
    entries.sort(key=lambda e: (e.day, e.kind), reverse=True)
    return entries
