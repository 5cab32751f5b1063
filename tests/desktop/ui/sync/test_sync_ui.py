"""Sync in the app against a live server on 127.0.0.1: login from the settings, the status item, the
shortcut, conflict review, the reassignment / revoked / wiped notices, cancel and lock during a sync."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.app import sync_jobs
from desktop.store import outbox
from desktop.store.store import Store
from desktop.ui.roster.roster_section import RosterSection
from desktop.ui.shell.app import JiaFangApp
from desktop.ui.shell.ui_settings import UiSettings
from desktop.ui.sync.sync_controller import SyncController, SyncFailure
from desktop.ui.sync.sync_window_parts import SyncParts
from sync.client import EngineSettings, Progress
from sync.ids import new_id
from sync.server import devices as device_admin
from sync.server import directory
from sync.server.models import ConflictRow
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    LAPTOP_PASSPHRASE,
    _cheap_passwords,
    college,
    devices,
    live_server,
    make_laptop,
    server,
)
from tests.desktop.ui.conftest import start_app, unlock
from tests.sync.client.conftest import College, Devices
from tests.sync.server.conftest import PASSWORD

WAIT_MS = 20_000


def _laptop_app(qtbot: QtBot, qapp: QApplication, folder: Path, language: str) -> JiaFangApp:
    make_laptop(folder)
    UiSettings(language=language).save(folder)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app, LAPTOP_PASSPHRASE)
    return app


@pytest.fixture
def laptop_app(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[JiaFangApp]:
    """The app in English (the tests read the source strings)."""
    app = _laptop_app(qtbot, qapp, tmp_path / "laptop", "en")
    yield app
    app.shutdown()


def test_the_sync_item_speaks_chinese(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    app = _laptop_app(qtbot, qapp, tmp_path / "laptop", "zh_CN")
    try:
        parts = parts_of(app)
        qtbot.waitUntil(lambda: parts.item.summary.text() == "未连接中心")
        assert parts.item.button.text() == "同步" and parts.panel.title() == "中心服务器"
    finally:
        app.shutdown()


def test_progress_of_students_entering_and_leaving(laptop_app: JiaFangApp) -> None:
    item = parts_of(laptop_app).item
    item.show_progress("students", 500, 5000)
    assert item.summary.text() == "Receiving students new to this computer… 500 of 5000"
    assert (item.bar.maximum(), item.bar.value()) == (5000, 500)
    item.show_progress("leave", 1000, -1)
    assert item.summary.text() == "Removing reassigned students… 1000"


def roster_of(app: JiaFangApp) -> Any:
    section = app.window.sections["roster"]
    assert isinstance(section, RosterSection)
    return section.roster


def parts_of(app: JiaFangApp) -> SyncParts:
    parts = app.window.findChild(SyncParts, "syncParts")
    assert isinstance(parts, SyncParts)
    return parts


def on_store(
    qtbot: QtBot, app: JiaFangApp, fn: Callable[[Store], Any], changes: set[str] | None = None
) -> Any:
    """Run ``fn(store)`` on the store thread and wait for its result."""
    box: dict[str, Any] = {}
    app.ctx.worker.run(
        fn,
        lambda result: box.setdefault("result", result),
        lambda error: box.setdefault("error", error),
        changes=changes or set(),
    )
    qtbot.waitUntil(lambda: "result" in box or "error" in box, timeout=WAIT_MS)
    assert "error" not in box, box.get("error")
    return box["result"]


def log_in(qtbot: QtBot, app: JiaFangApp, college: College, username: str = "counselor_a") -> SyncParts:
    parts = parts_of(app)
    panel = parts.panel
    app.window.show_section("settings")
    panel.server.setText(college.server.url)
    panel.username.setText(username)
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(parts.controller.logged_in, timeout=WAIT_MS):
        panel.login_button.click()
    qtbot.waitUntil(lambda: parts.controller.status is not None and parts.controller.status.connected)
    return parts


def sync_now(qtbot: QtBot, parts: SyncParts) -> Any:
    with qtbot.waitSignal(parts.controller.finished, timeout=WAIT_MS) as blocker:
        assert parts.controller.start()
    qtbot.waitUntil(lambda: parts.item.button.isEnabled())
    return blocker.args[0]


def sync_failure(qtbot: QtBot, parts: SyncParts) -> SyncFailure:
    with qtbot.waitSignal(parts.controller.failed, timeout=WAIT_MS) as blocker:
        assert parts.controller.start()
    failure = blocker.args[0]
    assert isinstance(failure, SyncFailure)
    return failure


def test_login_from_settings_then_edit_and_sync(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, tmp_path: Path
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    parts = parts_of(laptop_app)
    qtbot.waitUntil(lambda: "Not connected" in parts.item.summary.text())
    assert not parts.item.button.isEnabled()
    # A wrong password says so and registers nothing.
    panel = parts.panel
    panel.server.setText(college.server.url)
    panel.username.setText("counselor_a")
    panel.password.setText("not the password")
    with qtbot.waitSignal(parts.controller.login_failed, timeout=WAIT_MS):
        panel.login_button.click()
    assert "Login failed" in panel.message.text() and panel.password.text() == ""
    log_in(qtbot, laptop_app, college)
    assert "counselor_a" in panel.state.text() and laptop_app.ctx.identity.user_id == college.counselor_a
    first = sync_now(qtbot, parts)
    assert first.pulled >= 1
    roster = roster_of(laptop_app)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=WAIT_MS)

    on_store(qtbot, laptop_app, lambda store: _patch(store, student, major="软件工程"), {"student"})
    qtbot.waitUntil(lambda: parts.controller.status is not None and parts.controller.status.pending == 1)
    assert "1 change" in parts.item.summary.text()
    with qtbot.waitSignal(parts.controller.finished, timeout=WAIT_MS) as blocker:
        parts.action.trigger()  # Ctrl+Shift+S / F5
    assert set(blocker.args[0].pushed) == {"applied"} and blocker.args[0].pending == 0
    assert blocker.args[0].changed_kinds == {"student"}  # the edit comes back with its new version
    # Views that refresh may log a view of restricted content (an audit entry, pushed next time); the
    # status counts exactly what waits in the outbox.
    qtbot.waitUntil(lambda: laptop_app.ctx.worker.pending == 0)
    waiting = on_store(qtbot, laptop_app, _outbox_kinds)
    assert set(waiting) <= {"audit_entry"}
    qtbot.waitUntil(
        lambda: parts.controller.status is not None and parts.controller.status.pending == len(waiting)
    )
    status = parts.controller.status
    assert status is not None and status.last_success is not None
    qtbot.waitUntil(lambda: "last sync 20" in parts.item.summary.text())
    assert not parts.item.bar.isVisible() and not parts.item.conflicts.isVisible()
    api = college.server.login("counselor_a")
    pulled, _cursor = api.pull_all()
    assert pulled["records"][student]["fields"]["major"] == "软件工程"

    log = tmp_path / "sync-log.txt"
    panel.export_log_to(log)
    qtbot.waitUntil(lambda: "Sync log saved" in panel.message.text(), timeout=WAIT_MS)
    assert "同步完成" in log.read_text(encoding="utf-8")


def _outbox_kinds(store: Store) -> list[str]:
    with store.session() as s:
        return [op.record_type for op in outbox.pending_ops(s.db)]


def _patch(store: Store, student_id: str, **changes: Any) -> None:
    with store.session() as s:
        s.students.patch(student_id, **changes)


def _student(store: Store, student_id: str) -> Any:
    with store.session() as s:
        return s.students.require(student_id)


def _conflict_status(college: College, conflict_id: str) -> str:
    def status(session: Session) -> str:
        row = session.get(ConflictRow, conflict_id)
        assert row is not None
        return row.status

    return college.server.database.run(status)


def test_conflict_review_choose_one_then_sync(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, devices: Devices
) -> None:
    student = college.server.student(college.college_id, college.counselor_a)
    parts = log_in(qtbot, laptop_app, college)
    sync_now(qtbot, parts)
    other = devices.device("center")  # a second client, through the engine
    other.sync()
    other.replica.edit("student", student, {"major": "会计学"})
    other.sync()
    on_store(qtbot, laptop_app, lambda store: _patch(store, student, major="软件工程"), {"student"})
    with qtbot.waitSignal(
        parts.controller.conflicts_changed, timeout=WAIT_MS, check_params_cb=lambda n: n == 1
    ):
        sync_now(qtbot, parts)
    qtbot.waitUntil(lambda: parts.item.conflicts.isVisible())
    assert "1 conflict" in parts.item.conflicts.text()
    parts.item.conflicts.click()
    review = parts.review
    assert review is not None and review.isVisible()
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=WAIT_MS)
    view = review.current()
    assert view is not None and view.field == "major"
    assert review.kept.value.text() == "会计学" and review.other.value.text() == "软件工程"
    assert "center" in review.kept.author.text() and "counselor_a" in review.other.author.text()
    assert review.edit.isVisible()

    review.other.button.click()  # keep what was typed here
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: parts.controller.status is not None and parts.controller.status.pending == 1)
    qtbot.waitUntil(lambda: not parts.item.conflicts.isVisible())
    major = on_store(qtbot, laptop_app, lambda store: _student(store, student).major)
    assert major == "软件工程"
    sync_now(qtbot, parts)
    assert _conflict_status(college, view.id) == "resolved"
    other.sync()
    assert other.replica.live()[student]["major"] == "软件工程"
    assert parts.controller.status is not None and parts.controller.status.conflicts == 0


def test_reassignment_away_shows_a_notice_with_the_quarantine_export(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, tmp_path: Path
) -> None:
    college.server.student(college.college_id, college.counselor_a, "2024001", name="周晓梅")
    parts = log_in(qtbot, laptop_app, college)
    sync_now(qtbot, parts)
    college.server.database.run(
        lambda s: directory.assign(s, username="counselor_b", student_nos=["2024001"])
    )
    summary = sync_now(qtbot, parts)
    assert [left.name for left in summary.left] == ["周晓梅"]
    notice = parts.notices
    assert notice.isVisible() and notice.kind == "left"
    assert "周晓梅" in notice.text.text() and "reassigned" in notice.text.text()
    roster = roster_of(laptop_app)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 0, timeout=WAIT_MS)
    target = tmp_path / "quarantine.json"
    notice.export_quarantine_to(target)
    qtbot.waitUntil(lambda: "saved to" in notice.text.text(), timeout=WAIT_MS)
    assert target.exists()
    notice.dismiss.click()
    assert not notice.isVisible()


def test_revoked_device_notice(qtbot: QtBot, laptop_app: JiaFangApp, college: College) -> None:
    parts = log_in(qtbot, laptop_app, college)
    sync_now(qtbot, parts)
    college.server.database.run(lambda s: device_admin.revoke(s, _device_id(qtbot, laptop_app), by=None))
    failure = sync_failure(qtbot, parts)
    assert failure.kind == SyncFailure.REVOKED
    notice = parts.notices
    assert notice.isVisible() and notice.kind == "revoked" and notice.settings_button.isVisible()
    assert "revoked" in notice.text.text()
    qtbot.waitUntil(lambda: parts.controller.status is not None and not parts.controller.status.connected)
    assert "Sync failed" in parts.item.note.text()
    notice.settings_button.click()
    assert laptop_app.window.current_section_key() == "settings"
    assert "Not logged in" in parts.panel.state.text()


def test_wiped_device_notice(qtbot: QtBot, laptop_app: JiaFangApp, college: College) -> None:
    college.server.student(college.college_id, college.counselor_a)
    parts = log_in(qtbot, laptop_app, college)
    sync_now(qtbot, parts)
    roster = roster_of(laptop_app)
    qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=WAIT_MS)
    college.server.database.run(lambda s: device_admin.order_wipe(s, _device_id(qtbot, laptop_app), by=None))
    failure = sync_failure(qtbot, parts)
    assert failure.kind == SyncFailure.WIPED
    # The store is destroyed (key, database, backups); the app locks and offers a new store.
    qtbot.waitUntil(lambda: laptop_app.wizard is not None, timeout=WAIT_MS)
    assert laptop_app.ctx.lock.is_locked and roster.model.rowCount() == 0
    assert "deleted" in laptop_app.window.unlock_panel.hint.text()
    assert not (laptop_app.data_dir / "key.json").exists()
    assert not (laptop_app.data_dir / "jiafang.db").exists()
    laptop_app.wizard.close()


def _device_id(qtbot: QtBot, app: JiaFangApp) -> str:
    return str(on_store(qtbot, app, lambda store: store.info.device_id))


def _many_students(college: College, count: int) -> None:
    changes = [
        (
            "student",
            new_id(),
            {
                "student_no": f"2024{n:04d}",
                "name": f"学生{n:04d}",
                "college_id": college.college_id,
                "counselor_id": college.counselor_a,
            },
        )
        for n in range(count)
    ]
    college.server.database.run(lambda s: directory.write_records(s, changes, new=True))


class Gate:
    """Holds the sync on the store thread at its first pull page until the test opens the gate."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = threading.Event()
        real = sync_jobs.run_sync

        def gated(store: Store, *, progress: Callable[[Progress], None], **kwargs: Any) -> Any:
            def step(done: Progress) -> None:
                progress(done)
                if done.stage == "pull":
                    self.opened.wait(WAIT_MS / 1000)

            return real(store, progress=step, **kwargs)

        monkeypatch.setattr(sync_jobs, "run_sync", gated)


def _count_students(qtbot: QtBot, app: JiaFangApp) -> int:
    def count(store: Store) -> int:
        with store.session() as s:
            return s.students.count()

    return int(on_store(qtbot, app, count))


def test_cancel_during_a_long_sync_leaves_a_consistent_store(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, monkeypatch: pytest.MonkeyPatch
) -> None:
    _many_students(college, 120)
    parts = log_in(qtbot, laptop_app, college)
    controller: SyncController = parts.controller
    controller.engine_settings = EngineSettings(page_limit=10)
    gate = Gate(monkeypatch)
    with qtbot.waitSignal(controller.progress, timeout=WAIT_MS):
        assert controller.start()
    assert parts.item.bar.isVisible() and parts.item.cancel.isVisible()
    assert not controller.start()  # one sync at a time
    with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as blocker:
        parts.item.cancel.click()
        gate.opened.set()
    assert blocker.args[0].kind == SyncFailure.CANCELLED
    assert "cancelled" in parts.item.note.text()
    qtbot.waitUntil(lambda: not parts.item.bar.isVisible())
    partial = _count_students(qtbot, laptop_app)
    assert partial < 120
    summary = sync_now(qtbot, parts)
    assert summary.pending == 0
    assert _count_students(qtbot, laptop_app) == 120


def test_locking_cancels_a_running_sync(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, monkeypatch: pytest.MonkeyPatch
) -> None:
    _many_students(college, 60)
    parts = log_in(qtbot, laptop_app, college)
    controller = parts.controller
    controller.engine_settings = EngineSettings(page_limit=10)
    gate = Gate(monkeypatch)
    finished: list[object] = []
    controller.finished.connect(finished.append)
    controller.failed.connect(finished.append)
    with qtbot.waitSignal(controller.progress, timeout=WAIT_MS):
        assert controller.start()
    with qtbot.waitSignal(laptop_app.ctx.lock.locked):
        laptop_app.ctx.lock.lock()
    gate.opened.set()
    assert not controller.running and not parts.item.isVisible()
    qtbot.waitUntil(lambda: laptop_app.ctx.worker.pending == 0, timeout=WAIT_MS)
    assert finished == []  # the cancelled sync's result was dropped with the lock
    unlock(qtbot, laptop_app, LAPTOP_PASSPHRASE)
    qtbot.waitUntil(lambda: parts.controller.status is not None and parts.controller.status.connected)
    sync_now(qtbot, parts)
    assert _count_students(qtbot, laptop_app) == 60
