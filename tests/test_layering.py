"""The import direction of DESIGN.md: desktop.ui -> desktop.app -> desktop.{store,reports} -> sync; Qt only in
desktop/ui; the UI reaches the database only through the application core; inside sync, records and the
protocol know nothing of the client or the server, and the server never imports the client."""

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
    path = ROOT / package
    return [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))


QT = ("PySide6", "shiboken6")
# The store's insides: the UI asks the application core (desktop.app), never these.
STORE_INTERNALS = (
    "sqlalchemy",
    "httpx",
    "desktop.store.repositories",
    "desktop.store.engine",
    "desktop.store.tables",
    "desktop.store.migrations",
    "desktop.store.migration_steps",
    "desktop.store.outbox",
    "desktop.store.sync_replica",
)
SYNC_CLIENT_SIDE = ("sync.client", "sync.replica", "sync.memory_replica", "sync.password_change")

RULES = [
    # (files under, forbidden import prefixes)
    ("sync", ("desktop", *QT)),
    ("sync/records", ("sync.server", "sync.demo", "sync.protocol", *SYNC_CLIENT_SIDE)),
    # The wire protocol sits above the records: it carries them and speaks their schema version.
    ("sync/protocol.py", ("sync.server", "sync.demo", *SYNC_CLIENT_SIDE)),
    ("sync/server", SYNC_CLIENT_SIDE),
    ("sync/demo", ("sync.server", *SYNC_CLIENT_SIDE)),
    ("sync/client.py", ("sync.server", "sync.demo")),
    ("sync/replica.py", ("sync.server", "sync.demo")),
    ("desktop/store", ("desktop.ui", "desktop.app", "desktop.commands", "desktop.reports", *QT)),
    ("desktop/reports", ("desktop.ui", "desktop.app", "desktop.commands", *QT)),
    ("desktop/app", ("desktop.ui", "desktop.commands", *QT)),
    ("desktop/ui", ("desktop.commands", *STORE_INTERNALS)),
    # The CLI runs without Qt; it starts the GUI and the GUI selftest probes through desktop.ui.shell only.
    (
        "desktop/commands",
        (
            *QT,
            *(
                f"desktop.ui.{pkg}"
                for pkg in (
                    "common",
                    "data_pages",
                    "pdf",
                    "profile",
                    "roster",
                    "settings",
                    "sync",
                    "unlock",
                    "visits",
                )
            ),
        ),
    ),
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


def test_every_rule_names_existing_files() -> None:
    """A rule whose folder was renamed would pass silently: each must check something."""
    assert all(_files(folder) for folder, _ in RULES)


def test_ui_packages_are_covered_by_the_commands_rule() -> None:
    """A new UI package is forbidden to the CLI too (only desktop.ui.shell starts the GUI)."""
    packages = {p.name for p in (ROOT / "desktop" / "ui").iterdir() if (p / "__init__.py").exists()}
    forbidden = {name.removeprefix("desktop.ui.") for name in dict(RULES)["desktop/commands"]}
    assert packages - {"shell"} <= forbidden


def test_ui_has_no_flat_modules() -> None:
    """desktop/ui is grouped by feature: every module lives in a feature package."""
    flat = [p.name for p in (ROOT / "desktop" / "ui").glob("*.py") if p.name != "__init__.py"]
    assert flat == []
