"""The notice bar after a sync with a server one schema ahead (docs/sync-protocol.md §2a): a visit this
laptop cannot read went to the quarantine, and the bar says so and offers the export."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field, create_model
from pytestqt.qtbot import QtBot

from desktop.ui.shell.app import JiaFangApp
from sync.ids import new_id
from sync.protocol import SCHEMA_VERSION
from sync.records import HomeVisit
from sync.records.registry import RECORD_TYPES
from sync.server import record_kinds
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    _cheap_passwords,
    college,
    live_server,
    server,
)
from tests.desktop.ui.sync.test_sync_ui import laptop_app, log_in, sync_now  # noqa: F401 - fixture
from tests.sync.client.conftest import College
from tests.sync.server.records_data import visit

# A newer schema that accepts longer places than this laptop (60 characters).
WiderVisit = create_model(
    "HomeVisit", __base__=HomeVisit, place=(str, Field("", title="地点", max_length=500))
)


def test_an_unreadable_record_is_announced_with_the_quarantine_export(
    qtbot: QtBot, laptop_app: JiaFangApp, college: College, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(record_kinds, "RECORD_TYPES", {**RECORD_TYPES, "home_visit": WiderVisit})
    monkeypatch.setattr(record_kinds, "SCHEMA_WINDOW", (1, SCHEMA_VERSION + 1))
    student = college.server.student(college.college_id, college.counselor_a, "2024001", name="周晓梅")
    newer_laptop = college.server.login("counselor_a")
    fields = {**visit(student), "place": "很长的地点" * 20}
    [result] = newer_laptop.push(newer_laptop.op("home_visit", new_id(), fields, student_id=student))
    assert result["status"] == "applied", result

    parts = log_in(qtbot, laptop_app, college)
    summary = sync_now(qtbot, parts)
    assert summary.unreadable == 1 and summary.quarantine_total == 1
    notice = parts.notices
    assert notice.isVisible() and notice.kind == "schema" and notice.export_button.isVisible()
    assert "1 record from the center could not be read" in notice.text.text()
    target = tmp_path / "quarantine.json"
    notice.export_quarantine_to(target)
    qtbot.waitUntil(lambda: "saved to" in notice.text.text(), timeout=20_000)
    assert "unreadable" in target.read_text(encoding="utf-8")
