"""No module of desktop/ or sync/ uses another's private names (``x._name`` or ``from m import _name``).

A leading underscore means "this module's own business": what another module needs is public API.
Allowed: ``self._x``, ``cls._x`` and ``super()._x`` (the object's own members), dunders, and Enum's
"sunder" names (``_value_``: the enum protocol's own API).  The allow-list holds library members that
have no public spelling; each entry says why, and an entry nothing uses any more fails the test.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("desktop", "sync")

# (file, name) -> why it is allowed
ALLOWED: dict[tuple[str, str], str] = {
    ("desktop/store/repositories/base.py", "_mapping"): (
        "SQLAlchemy's Row._mapping is its documented public API (underscored so no column name clashes)"
    ),
    ("desktop/reports/line_breaking.py", "_normalizer"): (
        "ReportLab keeps a percentage width's base in _PCT._normalizer and its own CJK splitter sets it "
        "there; the kinsoku splitter replaces that splitter and must do the same"
    ),
}


def _own_object(node: ast.expr) -> bool:
    if isinstance(node, ast.Name) and node.id in {"self", "cls"}:
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def _private(name: str) -> bool:
    if not name.startswith("_"):
        return False
    dunder = name.startswith("__") and name.endswith("__")
    sunder = len(name) > 2 and name.endswith("_") and not name.startswith("__")
    return not (dunder or sunder)


def private_uses(source: str) -> list[tuple[int, str]]:
    """(line, name) of every private name this source uses from another object or module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _private(node.attr) and not _own_object(node.value):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            found.extend((node.lineno, alias.name) for alias in node.names if _private(alias.name))
    return found


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def test_no_private_access_across_modules() -> None:
    offenders: list[str] = []
    used: set[tuple[str, str]] = set()
    for path in _modules():
        relative = path.relative_to(ROOT).as_posix()
        for line, name in private_uses(path.read_text(encoding="utf-8")):
            if (relative, name) in ALLOWED:
                used.add((relative, name))
            else:
                offenders.append(f"{relative}:{line} uses {name}")
    assert offenders == []
    assert set(ALLOWED) == used, "allow-list entries nothing needs any more"


def test_the_rule_sees_each_kind_of_private_access() -> None:
    source = """
from sync.client import _error_of, public_name
from __future__ import annotations


class Thing(Base):
    def run(self, other):
        self._mine()
        super()._parent()
        type(self).__name__
        member._value_ = 1
        return other._theirs, repo._table.c, make()._result
"""
    assert sorted(name for _, name in private_uses(source)) == ["_error_of", "_result", "_table", "_theirs"]
