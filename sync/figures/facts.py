"""The records the figures are computed from: every live (not deleted) record of the types asked for.

A laptop builds one from its store (``desktop/store/figure_facts.py``), the server from its records table;
the functions of ``sync.figures`` read nothing else, so both compute the same figures from the same data.

    facts = SchoolFacts.of_records(records)
    facts.of(Student)                  # every live student, as records
    facts.by_student(HomeVisit)        # {student_id: [visits]}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from sync.records import Record, Student

R = TypeVar("R", bound=Record)


@dataclass
class SchoolFacts:
    """Live records by record type (``RECORD_TYPE``); a type never loaded reads as empty."""

    records: dict[str, list[Record]] = field(default_factory=dict)

    @classmethod
    def of_records(cls, records: Iterable[Record]) -> SchoolFacts:
        facts = cls()
        for record in records:
            facts.add(record)
        return facts

    def add(self, record: Record) -> None:
        """Add a live record (the caller leaves deleted ones out: records carry no deletion mark)."""
        self.records.setdefault(record.RECORD_TYPE, []).append(record)

    def of(self, record_class: type[R]) -> list[R]:
        """Every live record of a type (in the order added)."""
        return self.records.get(record_class.RECORD_TYPE, [])  # type: ignore[return-value]

    def by_id(self, record_class: type[R]) -> dict[str, R]:
        return {record.id: record for record in self.of(record_class)}

    def by_student(self, record_class: type[R]) -> dict[str, list[R]]:
        """Records of a type that have ``student_id``, grouped by student."""
        grouped: dict[str, list[R]] = defaultdict(list)
        for record in self.of(record_class):
            student_id = getattr(record, "student_id", None)
            if student_id is not None:
                grouped[student_id].append(record)
        return dict(grouped)

    def students_of_college(self, college_id: str | None) -> list[Student]:
        """Live students of one college, or of the whole school when ``college_id`` is None."""
        students = self.of(Student)
        return students if college_id is None else [s for s in students if s.college_id == college_id]
