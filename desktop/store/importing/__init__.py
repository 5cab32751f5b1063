"""Importing student rosters and identification results from Excel (.xlsx) and CSV files."""

from __future__ import annotations

from desktop.store.importing.columns import COLUMNS, Column, ImportKind
from desktop.store.importing.mapping import ColumnMapping, Header, MappingError, SavedMappings
from desktop.store.importing.plan import (
    FileInfo,
    ImportPlan,
    ImportRejected,
    ImportResult,
    PreviewRow,
    RowProblem,
    apply_plan,
    build_plan,
    inspect_file,
    plan_file,
)
from desktop.store.importing.reading import ImportFileError, Sheet, read_sheet

__all__ = [
    "COLUMNS",
    "Column",
    "ColumnMapping",
    "FileInfo",
    "Header",
    "ImportFileError",
    "ImportKind",
    "ImportPlan",
    "ImportRejected",
    "ImportResult",
    "MappingError",
    "PreviewRow",
    "RowProblem",
    "SavedMappings",
    "Sheet",
    "apply_plan",
    "build_plan",
    "inspect_file",
    "plan_file",
    "read_sheet",
]
