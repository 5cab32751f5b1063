"""Demo 公示: each college's notices of its identification results, and the objections raised to them.

A student's identification records the day its results were publicised (the 公示 step of its history);
a college's notices of a year are the batches of those days: a notice opens on the first such day (the
working day before, at a weekend) and runs five working days (``add_working_days``), listing the students publicised in that period as
difficult.  A notice still running today is open (a notice ending after today is not made: nothing in the
demo is dated after today).  The objections are resolved within the period; one notice was withdrawn and
published again the same day.  Drawn from a random stream of its own, after all the students, so adding
them changes no other demo record.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import cycle
from typing import TYPE_CHECKING

from sync.demo.activities import day_between
from sync.demo.record_ids import demo_id
from sync.records.base import Record
from sync.records.enums import IdentificationLevel, IdentificationStatus
from sync.records.notices import (
    NOTICE_WORKING_DAYS,
    NoticeObjection,
    NoticeStatus,
    ObjectionResult,
    PublicNotice,
    add_working_days,
    is_working_day,
)
from sync.records.students import Identification, Student

if TYPE_CHECKING:
    from sync.demo.school import CollegeStaff, DemoSchool


@dataclass(frozen=True)
class Publicised:
    """What a notice needs of one identification that went through 公示."""

    college_id: str
    academic_year: str
    student_id: str
    day: date
    difficult: bool  # publicised with a level of difficulty (listed), else found not difficult


def publicised(records: Iterable[Record]) -> list[Publicised]:
    """The publicised identifications among a block's records (students come before their records)."""
    college_of: dict[str, str] = {}
    found: list[Publicised] = []
    for record in records:
        if isinstance(record, Student) and record.college_id is not None:
            college_of[record.id] = record.college_id
        elif isinstance(record, Identification) and record.student_id in college_of:
            step = next((s for s in record.history if s.status is IdentificationStatus.PUBLICIZED), None)
            if step is not None:
                found.append(
                    Publicised(
                        college_of[record.student_id],
                        record.academic_year,
                        record.student_id,
                        step.changed_on,
                        step.level is not None and step.level is not IdentificationLevel.NOT_DIFFICULT,
                    )
                )
    return found


# (summary, resolution) per result; an objection about a student found not difficult is that student's.
_OWN_OBJECTION = (
    "本人对认定结果（未认定为家庭经济困难）有异议，认为家庭近期医疗支出较大，收入情况未被充分考虑。",
    "经学院资助工作小组复核家访记录和证明材料，家庭人均收入仍高于学院认定参考标准，维持原认定结果；"
    "已由辅导员当面说明，并告知如家庭情况变化可申请动态调整。",
)
_OBJECTIONS: dict[ObjectionResult, tuple[tuple[str, str], ...]] = {
    ObjectionResult.UPHELD: (
        (
            "有同学反映名单中一名同学日常消费偏高，对其认定等级有疑问。",
            "经辅导员谈话并核对家访记录，该生家庭情况属实，所反映消费系亲友赠送物品，维持认定结果，已向反映人反馈。",
        ),
        (
            "匿名反映名单中一名同学家中经营小卖部，收入较好。",
            "经电话回访家长及村委会核实，小卖部已于去年停业，家庭仍以务农为主，维持认定结果。",
        ),
    ),
    ObjectionResult.CORRECTED: (
        (
            "名单中一名同学的专业班级信息有误。",
            "经核对学籍信息，系转专业后信息未更新，已更正公示名单中的班级信息并重新张贴。",
        ),
        (
            "名单中一名同学的姓名有错别字。",
            "经核对身份证信息，已更正姓名并重新公示，公示期不变。",
        ),
    ),
    ObjectionResult.REVOKED: (
        (
            "实名反映名单中一名同学家庭近期购置商品房和私家车，与申报情况不符。",
            "经学院资助工作小组入户核实，情况属实，撤销该生认定并从公示名单中删除，报学校资助中心备案，"
            "同时对该生进行诚信教育。",
        ),
    ),
}
# Most objections are answered by upholding the result: a fixed deck, so that every result appears.
_DECK = (
    ObjectionResult.UPHELD,
    ObjectionResult.CORRECTED,
    ObjectionResult.UPHELD,
    ObjectionResult.REVOKED,
    ObjectionResult.UPHELD,
)


def public_notices(school: DemoSchool, found: list[Publicised]) -> list[Record]:
    """Each college's notices (with their objections), year by year."""
    rng = random.Random(f"jiafang-demo:{school.seed}:notices")
    deck = cycle(_DECK)
    by_key: dict[tuple[str, str], list[Publicised]] = {}
    for item in found:
        by_key.setdefault((item.college_id, item.academic_year), []).append(item)
    records: list[Record] = []
    withdrawn = False
    for staff in school.colleges:
        years = sorted({year for college, year in by_key if college == staff.college.id})
        for year in years:
            batches = _batches(by_key[(staff.college.id, year)])
            for number, (start, ends, batch) in enumerate(batches, start=1):
                if ends > school.today:
                    continue
                listed = [item.student_id for item in batch if item.difficult]
                if not listed:
                    continue
                title = f"{staff.college.name}{year}学年家庭经济困难学生认定结果公示"
                if len(batches) > 1:
                    title += f"（第{number}批）"
                if not withdrawn and ends < school.today and len(listed) > 3:
                    withdrawn = True
                    records.append(
                        _notice(
                            rng,
                            staff,
                            year,
                            f"{title}（名单有误，已撤回）",
                            start,
                            ends,
                            listed[1:],
                            NoticeStatus.WITHDRAWN,
                        )
                    )
                status = NoticeStatus.OPEN if ends == school.today else NoticeStatus.ENDED
                notice = _notice(rng, staff, year, title, start, ends, listed, status)
                records.append(notice)
                records.extend(_objections(rng, deck, notice, batch, school.today))
    return records


def _batches(items: list[Publicised]) -> list[tuple[date, date, list[Publicised]]]:
    """Notices of five working days from the first day publicised, each listing the students in it."""
    batches: list[tuple[date, date, list[Publicised]]] = []
    for item in sorted(items, key=lambda i: (i.day, i.student_id)):
        if batches and item.day <= batches[-1][1]:
            batches[-1][2].append(item)
        else:
            start = item.day
            while not is_working_day(start):  # published on a working day: the Friday before a weekend
                start -= timedelta(days=1)
            batches.append((start, add_working_days(start, NOTICE_WORKING_DAYS), [item]))
    return batches


def _notice(
    rng: random.Random,
    staff: CollegeStaff,
    year: str,
    title: str,
    start: date,
    ends: date,
    listed: list[str],
    status: NoticeStatus,
) -> PublicNotice:
    college = staff.college
    office = college.center_site or f"{college.name}学生工作办公室"
    return PublicNotice(
        id=demo_id(rng, start),
        college_id=college.id,
        academic_year=year,
        title=title,
        published_on=start,
        ends_on=ends,
        student_ids=listed,
        contact=f"公示期内如有异议，请到{office}反映，或发送邮件至 zizhu{college.code}@example.edu.cn",
        issuer=f"{college.name}学生资助工作小组",
        status=status,
    )


def _objections(
    rng: random.Random,
    deck: Iterator[ObjectionResult],
    notice: PublicNotice,
    batch: list[Publicised],
    today: date,
) -> list[Record]:
    """None, one or two objections received during the notice, resolved before it ends (unless open)."""
    records: list[Record] = []
    not_difficult = [item.student_id for item in batch if not item.difficult]
    for _ in range(rng.choices((0, 1, 2), (60, 32, 8))[0]):
        received = day_between(rng, notice.published_on, min(notice.ends_on, today))
        result: ObjectionResult | None = next(deck)
        student_id: str | None = None
        if not_difficult and rng.random() < 0.5:
            student_id = not_difficult.pop(0)
            result = ObjectionResult.UPHELD
            summary, resolution = _OWN_OBJECTION
        else:
            assert result is not None
            summary, resolution = rng.choice(_OBJECTIONS[result])
        resolved: date | None = day_between(rng, received, notice.ends_on)
        if notice.status is NoticeStatus.OPEN and rng.random() < 0.5:
            result, resolved, resolution = None, None, ""
        records.append(
            NoticeObjection(
                id=demo_id(rng, received),
                notice_id=notice.id,
                received_on=received,
                student_id=student_id,
                summary=summary,
                resolution=resolution,
                resolved_on=resolved,
                result=result,
            )
        )
    return records
