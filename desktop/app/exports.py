"""Exporting tables (roster, visits, aid, rewards, coverage) to Excel or JSON."""

from __future__ import annotations

from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.store.exporting import ExportFormat, ExportSummary, ExportWhat, export_data
from desktop.store.store import Store
from sync.records import current_academic_year


@use_case(Kind.AUDIT_ENTRY)
def export_tables(
    store: Store,
    what: list[ExportWhat],
    fmt: ExportFormat,
    path: Path,
    unmasked: bool,
    academic_year: str | None,
) -> ExportSummary:
    """Export the chosen tables (masked unless ``unmasked`` and the role allows it); audited."""
    with store.session() as s:
        return export_data(
            s,
            what,
            fmt,
            path,
            role=store.info.role,
            unmasked=unmasked,
            academic_year=academic_year,
            coverage_year=academic_year or current_academic_year(),
        )
