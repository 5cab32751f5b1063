"""The laptop's side of ``sync.figures``: the live records of the types asked for, read from the store."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sqlalchemy import select

from desktop.store.repositories.session import StoreSession
from sync.figures.facts import SchoolFacts
from sync.figures.needs import Needs, bare_record, converters
from sync.records import Record
from sync.records.academic import first_year_of, new_student_window_start


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
    for record_class, need in needs.items():
        table = session.repository(record_class.RECORD_TYPE).table
        fields = ("id", *need.fields)
        query = select(*(table.c[name] for name in fields)).where(table.c.deleted.is_(False))
        if need.year_field is not None:
            query = query.where(table.c[need.year_field].in_(list(academic_years)))
        if need.date_field is not None:
            query = query.where(table.c[need.date_field] >= since)
        query = query.order_by(table.c.updated_at, table.c.id)
        convert = converters(record_class, fields)
        records = []
        for row in session.db.execute(query):
            values = dict(zip(fields, row, strict=True))
            for name, fn in convert:
                values[name] = fn(values[name])
            records.append(bare_record(record_class, values))
        facts.records[record_class.RECORD_TYPE] = records
    return facts
