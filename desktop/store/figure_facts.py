"""The laptop's side of ``sync.figures``: the live records of the types asked for, read from the store."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.store.repositories.session import StoreSession
from sync.figures.facts import SchoolFacts
from sync.records import Record


def read_school_facts(session: StoreSession, record_classes: Iterable[type[Record]]) -> SchoolFacts:
    """Every live record of these types in the store (what this laptop holds: its user's scope), each type in
    the order of the records' last change (a figure that takes "the latest" of two takes the later one)."""
    facts = SchoolFacts()
    for record_class in record_classes:
        facts.records[record_class.RECORD_TYPE] = list(
            session.repository(record_class.RECORD_TYPE).list(order_by=("updated_at",))
        )
    return facts
