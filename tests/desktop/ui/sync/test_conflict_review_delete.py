"""The conflict review dialog for a record deleted on one computer and changed on another (the center
kept the deletion): restore it with the changed values, or accept the deletion; against a live server."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.store.store import Store
from desktop.ui.shell.app import JiaFangApp
from sync.records import FamilyMember
from sync.server.models import ConflictRow, RecordRow
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    _cheap_passwords,
    college,
    devices,
    live_server,
    server,
)
from tests.desktop.ui.sync.test_sync_ui import (  # noqa: F401 - the laptop_app fixture
    WAIT_MS,
    laptop_app,
    log_in,
    on_store,
    sync_now,
)
from tests.sync.client.conftest import College, Devices


def _on_server(college: College, conflict_id: str, record_id: str) -> tuple[str, bool]:
    def read(session: Session) -> tuple[str, bool]:
        conflict = session.get(ConflictRow, conflict_id)
        record = session.get(RecordRow, record_id)
        assert conflict is not None and record is not None
        return conflict.status, record.deleted

    return college.server.database.run(read)


def _member(store: Store, member: str) -> Any:
    with store.session() as s:
        return s.family.get(member)


def _review_a_kept_deletion(
    qtbot: QtBot, app: JiaFangApp, college: College, devices: Devices
) -> tuple[Any, Any, str]:
    student = college.server.student(college.college_id, college.counselor_a)
    parts = log_in(qtbot, app, college)
    sync_now(qtbot, parts)

    def add(store: Store) -> str:
        with store.session() as s:
            return s.family.create(FamilyMember(student_id=student, name="王芳", relationship="母亲")).id

    member: str = on_store(qtbot, app, add, {"family_member"})
    sync_now(qtbot, parts)
    other = devices.device("counselor_a")
    other.sync()
    other.replica.delete(member)
    other.sync()

    def edit(store: Store) -> None:
        with store.session() as s:
            s.family.patch(member, occupation="务工")

    on_store(qtbot, app, edit, {"family_member"})
    sync_now(qtbot, parts)
    qtbot.waitUntil(lambda: parts.item.conflicts.isVisible(), timeout=WAIT_MS)
    parts.item.conflicts.click()
    review = parts.review
    assert review is not None
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=WAIT_MS)
    assert review.kept.button.text() == "Accept the deletion" and review.kept.button.isEnabled()
    assert review.other.button.text() == "Restore with these values" and review.other.button.isEnabled()
    assert "kept the deletion" in review.explain.text() and not review.edit.isVisible()
    return parts, review, member


def test_restore_from_the_review_dialog(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, devices: Devices
) -> None:
    parts, review, member = _review_a_kept_deletion(qtbot, laptop_app, college, devices)
    view = review.current()
    review.other.button.click()
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=WAIT_MS)
    back = on_store(qtbot, laptop_app, lambda store: _member(store, member))
    assert back is not None and back.occupation == "务工"
    sync_now(qtbot, parts)
    assert _on_server(college, view.id, member) == ("resolved", False)


def test_accept_the_deletion_from_the_review_dialog(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, devices: Devices
) -> None:
    parts, review, member = _review_a_kept_deletion(qtbot, laptop_app, college, devices)
    view = review.current()
    review.kept.button.click()
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=WAIT_MS)
    sync_now(qtbot, parts)
    assert _on_server(college, view.id, member) == ("resolved", True)
    assert on_store(qtbot, laptop_app, lambda store: _member(store, member)) is None
