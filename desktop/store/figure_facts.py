"""The laptop's side of ``sync.figures``: the live records of the types asked for, read from the store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, select

from desktop.store.repositories.session import StoreSession
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs, bare_record, converters
from sync.gc_pause import gc_paused
from sync.records import Record
from sync.records.academic import first_year_of, new_student_window_start

CHUNK = 500  # students per query (SQLite's bound parameters)


def read_school_facts(session: StoreSession, record_classes: Iterable[type[Record]]) -> SchoolFacts:
    """Every live record of these types in the store (what this laptop holds: its user's scope), each type in
    the order of the records' last change (a figure that takes "the latest" of two takes the later one)."""
    facts = SchoolFacts()
    for record_class in record_classes:
        facts.records[record_class.RECORD_TYPE] = list(
            session.repository(record_class.RECORD_TYPE).list(order_by=("updated_at",))
        )
    return facts


def read_needed_facts(
    session: StoreSession,
    needs: Mapping[type[Record], Needs],
    academic_years: Sequence[str],
    earliest: date | None = None,
) -> SchoolFacts:
    """The live records a figure needs, as bare records holding only its fields (sync/figures/needs.py):
    of a type with a ``year_field`` only those of ``academic_years``, with a ``date_field`` only those
    dated from the first of those years' visit window (1 June before it) on. Each type in the order of
    the records' last change, as ``read_school_facts``. ``earliest``: dated records from this day on
    when it is earlier (the workload's carried late entries: ``sync.figures.annual.workload_since``)."""
    since = new_student_window_start(min(academic_years, key=first_year_of))
    if earliest is not None:
        since = min(since, earliest)
    facts = SchoolFacts()
    with gc_paused():  # tens of thousands of new records: sync/gc_pause.py
        for record_class, need in needs.items():
            table = session.repository(record_class.RECORD_TYPE).table
            where: list[ColumnElement[bool]] = [table.c.deleted.is_(False)]
            if need.year_field is not None:
                where.append(table.c[need.year_field].in_(list(academic_years)))
            if need.date_field is not None:
                where.append(table.c[need.date_field] >= since)
            records = _bare_records(session, record_class, need.fields, where)
            facts.records[record_class.RECORD_TYPE] = records
    return facts


def read_fields_of_students(
    session: StoreSession,
    record_class: type[Record],
    fields: Sequence[str],
    student_ids: Sequence[str],
    **equal: Any,
) -> list[Record]:
    """The live records of ``record_class`` of these students, as bare records of ``fields`` (with
    ``student_id``), each student's in the order of their last change (students are read ``CHUNK`` at a
    time); ``equal``: a field's value, or any of a list's."""
    table = session.repository(record_class.RECORD_TYPE).table
    wanted = tuple(dict.fromkeys(("student_id", *fields)))
    found: list[Record] = []
    for start in range(0, len(student_ids), CHUNK):
        where: list[ColumnElement[bool]] = [
            table.c.deleted.is_(False),
            table.c.student_id.in_(list(student_ids[start : start + CHUNK])),
        ]
        for name, value in equal.items():
            if isinstance(value, list | tuple | set | frozenset):
                where.append(table.c[name].in_([_stored(v) for v in value]))
            else:
                where.append(table.c[name] == _stored(value))
        found.extend(_bare_records(session, record_class, wanted, where))
    return found


def _stored(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _bare_records(
    session: StoreSession, record_class: type[Record], fields: Sequence[str], where: list[Any]
) -> list[Record]:
    table = session.repository(record_class.RECORD_TYPE).table
    columns = ("id", *(name for name in fields if name != "id"))
    query = (
        select(*(table.c[name] for name in columns)).where(*where).order_by(table.c.updated_at, table.c.id)
    )
    convert = converters(record_class, columns)
    records = []
    for row in session.db.execute(query):
        values = dict(zip(columns, row, strict=True))
        for name, fn in convert:
            values[name] = fn(values[name])
        records.append(bare_record(record_class, values))
    return records
