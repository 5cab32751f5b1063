"""Change kinds come from the record types, and no view or use case spells one as a string."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.app import drafts, profile, record_editing, visits
from desktop.app.changes import ALL_KINDS, LOCAL_KINDS, Kind, changes_of, use_case
from sync.records.registry import RECORD_TYPES

ROOT = Path(__file__).resolve().parents[3]


def test_every_record_type_is_a_kind_and_local_kinds_are_not_records() -> None:
    assert set(RECORD_TYPES) <= ALL_KINDS
    assert ALL_KINDS - set(RECORD_TYPES) == LOCAL_KINDS
    assert not LOCAL_KINDS & set(RECORD_TYPES)
    assert Kind.MONITORING_FLAG == RECORD_TYPES["monitoring_flag"].RECORD_TYPE


def test_a_use_case_names_what_it_changes() -> None:
    assert changes_of(profile.save_student) == {Kind.STUDENT, Kind.FAMILY_MEMBER}
    assert Kind.HOME_VISIT in changes_of(visits.save_visit)
    assert changes_of(drafts.save_draft) == {Kind.VISIT_DRAFT}
    assert changes_of(record_editing.save_aid) == {Kind.GUARANTEE_AID}
    assert changes_of(profile.load_student) == frozenset()  # a query changes nothing
    assert changes_of(lambda store: None) == frozenset()


def test_a_misspelt_kind_is_refused_at_import() -> None:
    with pytest.raises(ValueError, match="monitoring_flags"):

        @use_case("monitoring_flags")
        def raise_something(store: object) -> None:
            """Never registered."""


def _kind_literals(path: Path, root: Path = ROOT) -> list[str]:
    """String literals that are change kinds, where a kind is expected: a ``changes=`` argument, a set
    of kinds (not a set of field names that happens to hold one), or a comparison with a ``.kind``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[tuple[int, int], str] = {}

    def add(node: ast.AST) -> None:
        for n in ast.walk(node):
            if isinstance(n, ast.Constant) and n.value in ALL_KINDS:
                found[(n.lineno, n.col_offset)] = n.value

    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "changes":
            add(node.value)
        if isinstance(node, ast.Set):
            strings = [n.value for n in node.elts if isinstance(n, ast.Constant) and isinstance(n.value, str)]
            if strings and all(value in ALL_KINDS for value in strings):
                add(node)
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr == "kind" for side in sides):
                add(node)
    return [f"{path.relative_to(root)}: {value}" for _, value in sorted(found.items())]


def test_no_change_kind_is_spelt_as_a_string_in_the_ui_or_the_core() -> None:
    files = sorted((ROOT / "desktop" / "ui").rglob("*.py")) + sorted((ROOT / "desktop" / "app").rglob("*.py"))
    offenders = [hit for path in files if path.name != "changes.py" for hit in _kind_literals(path)]
    assert offenders == []


def test_the_literal_check_finds_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('run(fn, changes={"monitoring_flag"})\nif notice.kind == "home_visit": pass\n')
    found = _kind_literals(bad, tmp_path)
    assert sorted(found) == ["bad.py: home_visit", "bad.py: monitoring_flag"]
