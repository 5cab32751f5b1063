"""The import direction of DESIGN.md: desktop.ui -> desktop.{store,reports} -> sync; Qt only in desktop/ui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


RULES = [
    # (files under, forbidden import prefixes)
    ("sync", ("desktop", "PySide6", "shiboken6")),
    ("desktop/store", ("desktop.ui", "desktop.reports", "PySide6", "shiboken6")),
    ("desktop/reports", ("desktop.ui", "PySide6", "shiboken6")),
]


@pytest.mark.parametrize(("folder", "forbidden"), RULES)
def test_imports_go_one_way(folder: str, forbidden: tuple[str, ...]) -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _files(folder)
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in forbidden)
    ]
    assert offenders == []


def test_qt_only_under_desktop_ui() -> None:
    ui = ROOT / "desktop" / "ui"
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _files("desktop") + _files("sync")
        if ui not in path.parents
        for name in _imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_rule_detects_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport desktop.ui.shell.app\n")
    assert _imports(bad) == ["PySide6.QtCore", "desktop.ui.shell.app"]
