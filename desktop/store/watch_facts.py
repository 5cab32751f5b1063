"""The records the watch list and the 免申即享 to-do read, from the laptop's store, narrowed to what the
two lists can name: identifications of the reference day's academic year and the one before (their
narrow columns), then only the disadvantaged students' names, enrolment, case reviews, results, open
心理/生活异常 flags, and the aid of those waiting for it.

The narrowing changes no result (tests/desktop/store/test_watch_facts.py compares it with reading every
record) but keeps the read small at 20,000 students: identifications and students are read as their few
columns the lists use (``model_construct`` of stored, already valid rows), never as whole records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import false, select

from desktop.store.repositories.session import StoreSession
from desktop.store.tables import IdentificationRow, StudentRow
from sync.figures.facts import SchoolFacts
from sync.figures.watch_list import AID_DAYS, disadvantaged_students
from sync.records import (
    AcademicResult,
    CaseReview,
    EnrolmentStatus,
    FlagKind,
    FlagStatus,
    GuaranteeAid,
    Identification,
    IdentificationLevel,
    MonitoringFlag,
    Record,
    Student,
)
from sync.records.academic import academic_year_of, previous_academic_year

CHUNK = 500


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _identifications(session: StoreSession, day: date) -> list[Identification]:
    year = academic_year_of(day)
    t = IdentificationRow
    rows = session.db.execute(
        select(t.id, t.student_id, t.academic_year, t.level, t.identified_on, t.without_application)
        .where(t.deleted == false(), t.academic_year.in_([year, previous_academic_year(year)]))
        .order_by(t.id)
    )
    return [
        Identification.model_construct(
            id=row.id,
            student_id=row.student_id,
            academic_year=row.academic_year,
            level=IdentificationLevel(row.level) if row.level else None,
            identified_on=row.identified_on,
            without_application=bool(row.without_application),
            # given, not defaulted: model_construct's default factories cost more than the whole read
            special_groups={},
            causes=[],
            basis=[],
            history=[],
        )
        for row in rows
    ]


def _students(session: StoreSession, ids: Sequence[str]) -> list[Student]:
    t = StudentRow
    found: list[Student] = []
    for chunk in _chunks(ids):
        rows = session.db.execute(
            select(t.id, t.student_no, t.name, t.college_id, t.counselor_id, t.class_name, t.grade)
            .where(t.deleted == false(), t.id.in_(chunk))
            .order_by(t.id)
        )
        found.extend(
            Student.model_construct(
                id=row.id,
                student_no=row.student_no,
                name=row.name,
                college_id=row.college_id,
                counselor_id=row.counselor_id,
                class_name=row.class_name,
                grade=row.grade,
            )
            for row in rows
        )
    return found


def _of_students(
    session: StoreSession, record_class: type[Record], ids: Sequence[str], **where: Any
) -> list[Record]:
    repository = session.repository(record_class.RECORD_TYPE)
    found: list[Record] = []
    for chunk in _chunks(ids):
        found.extend(repository.list(where={"student_id": chunk, **where}, order_by=("id",)))
    return found


def read_watch_facts(session: StoreSession, day: date) -> SchoolFacts:
    """What ``watch_list`` and ``aid_todo`` read for ``day``, narrowed as the module says."""
    identifications = _identifications(session, day)
    facts = SchoolFacts.of_records(identifications)
    disadvantaged = disadvantaged_students(facts, day)
    ids = sorted(disadvantaged)
    facts.records[Student.RECORD_TYPE] = list(_students(session, ids))
    for record_class in (EnrolmentStatus, CaseReview, AcademicResult):
        facts.records[record_class.RECORD_TYPE] = _of_students(session, record_class, ids)
    facts.records[MonitoringFlag.RECORD_TYPE] = _of_students(
        session,
        MonitoringFlag,
        ids,
        kind=FlagKind.PSYCH_OR_LIFE_ANOMALY,
        status=[FlagStatus.OPEN, FlagStatus.IN_PROGRESS],
    )
    waiting = sorted(
        student_id
        for student_id, ident in disadvantaged.items()
        if ident.without_application
        and ident.identified_on is not None
        and day > ident.identified_on + timedelta(days=AID_DAYS)
    )
    facts.records[GuaranteeAid.RECORD_TYPE] = _of_students(session, GuaranteeAid, waiting)
    facts.records.setdefault(Identification.RECORD_TYPE, [])
    return facts
