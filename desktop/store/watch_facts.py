"""The records the watch list and the 免申即享 to-do read, from the laptop's store, narrowed to what the
two lists can name: identifications of the reference day's academic year and the one before, then only
the disadvantaged students' names, enrolment, case reviews, results, open 心理/生活异常 flags, and the aid
of those waiting for it.

The narrowing changes no result (tests/desktop/store/test_watch_facts.py compares it with reading every
record) but keeps the read small at 20,000 students: every record is read as the few columns the lists use
(``watch_list.WATCH_NEEDS``, as bare records of stored, already valid rows), never as a whole record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import false, select

from desktop.store.figure_facts import CHUNK, read_fields_of_students, read_needed_facts
from desktop.store.repositories.session import StoreSession
from desktop.store.tables import StudentRow
from sync.figures.facts import SchoolFacts
from sync.figures.needs import bare_record
from sync.figures.watch_list import AID_DAYS, WATCH_NEEDS, disadvantaged_students
from sync.gc_pause import gc_paused
from sync.records import (
    AcademicResult,
    CaseReview,
    EnrolmentStatus,
    FlagKind,
    FlagStatus,
    GuaranteeAid,
    Identification,
    MonitoringFlag,
    Record,
    Student,
)
from sync.records.academic import academic_year_of, previous_academic_year


def _identifications(session: StoreSession, day: date) -> list[Record]:
    year = academic_year_of(day)
    return read_needed_facts(
        session, {Identification: WATCH_NEEDS[Identification]}, [previous_academic_year(year), year]
    ).records[Identification.RECORD_TYPE]


def _students(session: StoreSession, ids: Sequence[str]) -> list[Record]:
    t = StudentRow
    fields = ("id", *WATCH_NEEDS[Student].fields)
    found: list[Record] = []
    for start in range(0, len(ids), CHUNK):
        rows = session.db.execute(
            select(*(t.__table__.c[name] for name in fields))
            .where(t.deleted == false(), t.id.in_(list(ids[start : start + CHUNK])))
            .order_by(t.id)
        )
        found.extend(bare_record(Student, dict(zip(fields, row, strict=True))) for row in rows)
    return found


def _of_students(
    session: StoreSession, record_class: type[Record], ids: Sequence[str], **equal: Any
) -> list[Record]:
    return read_fields_of_students(session, record_class, WATCH_NEEDS[record_class].fields, ids, **equal)


def read_watch_facts(session: StoreSession, day: date) -> SchoolFacts:
    """What ``watch_list`` and ``aid_todo`` read for ``day``, narrowed as the module says."""
    with gc_paused():
        return _read_watch_facts(session, day)


def _read_watch_facts(session: StoreSession, day: date) -> SchoolFacts:
    facts = SchoolFacts.of_records(_identifications(session, day))
    disadvantaged = disadvantaged_students(facts, day)
    ids = sorted(disadvantaged)
    facts.records[Student.RECORD_TYPE] = _students(session, ids)
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
