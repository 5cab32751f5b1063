"""Home visits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import ClassVar

from sqlalchemy import false, func, or_, select, true

from desktop.store.repositories.base import StudentOwnedRepository
from desktop.store.tables import HomeVisitRow, RecordRow
from sync.records import HomeVisit, Record, VisitStatus, academic_year_bounds


class VisitRepository(StudentOwnedRepository[HomeVisit]):
    RECORD: ClassVar[type[Record]] = HomeVisit
    TABLE: ClassVar[type[RecordRow]] = HomeVisitRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("place", "student_traits", "follow_up")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("visit_date",)
    DATE_COLUMN: ClassVar[str | None] = "visit_date"

    def create_many(self, records: Iterable[HomeVisit], *, outbox: bool = True) -> int:
        """Insert visits; the local user is recorded as 录入人 when none is given."""
        stamped = [
            visit
            if visit.recorded_by_id is not None
            else visit.model_copy(update={"recorded_by_id": self.ctx.author_id})
            for visit in records
        ]
        if outbox:  # made here (not pulled or restored): numbered in this transaction
            stamped = self._numbered(stamped)
        return super().create_many(stamped, outbox=outbox)

    def create(self, record: HomeVisit) -> HomeVisit:
        if record.recorded_by_id is None:
            record = record.model_copy(update={"recorded_by_id": self.ctx.author_id})
        (record,) = self._numbered([record])
        super().create_many([record])
        return record

    def update(self, record: HomeVisit) -> str | None:
        """Save an edited visit; a printed record number never changes or goes away (an edit begun
        before the laptop numbered the visit keeps the number it got meanwhile)."""
        row = self._row(record.id)
        if row is not None and row.record_no and record.record_no != row.record_no:
            record = record.model_copy(update={"record_no": row.record_no})
        return super().update(record)

    def _numbered(self, visits: list[HomeVisit]) -> list[HomeVisit]:
        """Each new visit with its printed record number (once the device has its number)."""
        from desktop.store.record_numbering import numbered  # imports the repositories package

        return numbered(self.session, visits)

    def by_record_no(self, record_no: str) -> HomeVisit | None:
        """The visit with this printed record number (``JF-2026-017-0042``), if this laptop holds it."""
        row = self.session.execute(
            select(HomeVisitRow.__table__).where(
                HomeVisitRow.record_no == record_no, HomeVisitRow.deleted == false()
            )
        ).first()
        return None if row is None else self.to_record(row)

    def in_period(
        self, first: date, last: date, *, student_id: str | None = None, suggesting_subsidy: bool = False
    ) -> list[HomeVisit]:
        """Visits (drafts excluded) dated from ``first`` to ``last`` inclusive, oldest first.

        ``suggesting_subsidy`` keeps only visits that record a recent shock or suggest a temporary
        subsidy, filtered in SQL so that a year's visits are not all loaded to find a few.
        """
        query = select(HomeVisitRow.__table__).where(
            HomeVisitRow.deleted == false(),
            HomeVisitRow.visit_date >= first,
            HomeVisitRow.visit_date <= last,
            HomeVisitRow.status != VisitStatus.DRAFT.value,
        )
        if student_id is not None:
            query = query.where(HomeVisitRow.student_id == student_id)
        if suggesting_subsidy:
            query = query.where(
                or_(
                    HomeVisitRow.suggest_temporary_subsidy == true(),
                    func.trim(HomeVisitRow.recent_shocks) != "",
                )
            )
        query = query.order_by(HomeVisitRow.visit_date, HomeVisitRow.id)
        return [self.to_record(row) for row in self.session.execute(query)]

    def in_academic_year(self, academic_year: str, *, student_id: str | None = None) -> list[HomeVisit]:
        first, last = academic_year_bounds(academic_year)
        return self.in_period(first, last, student_id=student_id)

    def drafts(self) -> list[HomeVisit]:
        """Unfinished visits recorded by the local user."""
        return self.list(where={"status": VisitStatus.DRAFT, "recorded_by_id": self.ctx.author_id})
