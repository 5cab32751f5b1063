"""Importing a roster, identification results, aid, rewards or academic results from Excel/CSV:
inspect, plan, apply."""

from __future__ import annotations

from pathlib import Path

from desktop.app.changes import Kind, use_case
from desktop.store.importing import (
    ColumnMapping,
    FileInfo,
    ImportKind,
    ImportPlan,
    ImportResult,
    SavedMappings,
    build_plan,
    inspect_file,
)
from desktop.store.importing import apply_plan as apply_import_plan
from desktop.store.store import Store


def inspect_import(
    store: Store, path: Path, *, kind: ImportKind | None = None, mapping_name: str | None = None
) -> FileInfo:
    """The file's header, what it holds (or ``kind``) and its column mapping (a saved one by name)."""
    with store.session() as s:
        return inspect_file(s, path, kind=kind, mapping_name=mapping_name)


def plan_import(store: Store, info: FileInfo, mapping: ColumnMapping, save_as: str) -> ImportPlan:
    with store.session() as s:
        plan = build_plan(s, info, mapping)
        if save_as and plan.ok:
            SavedMappings(s.meta).save(save_as, mapping, info.header)
        return plan


@use_case(Kind.STUDENT, Kind.IDENTIFICATION, Kind.ENROLMENT_STATUS, Kind.ACADEMIC_RESULT)
def run_import(store: Store, plan: ImportPlan) -> ImportResult:
    with store.session() as s:
        return apply_import_plan(s, plan)
