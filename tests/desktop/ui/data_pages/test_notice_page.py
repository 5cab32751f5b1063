"""The 公示 page in the running app (offscreen): create, object, resolve, end, export; other roles see why not."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.data_pages.notice_page import NoticePage
from sync.records import Role
from tests.desktop.store.notice_fixture import MONDAY, YEAR, build_notice_school
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    role = getattr(request, "param", Role.SCHOOL_CENTER)
    store = Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="张主任", role=role, use_keyring=False
    )
    try:
        school = build_notice_school(store)
    finally:
        store.close()
    return folder, {student.name: student.id for student in school.students.values()}


def idle(qtbot: QtBot, running: Running) -> None:
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def test_create_object_resolve_end_and_export(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    idle(qtbot, running)
    page = running.window.show_section("notices")
    idle(qtbot, running)
    assert isinstance(page, NoticePage)
    assert page.not_allowed.isHidden() and not page.body.isHidden()
    with qtbot.waitSignal(page.notices_shown):
        page.year.setCurrentIndex(page.year.findData(YEAR))
    assert page.notices.rowCount() == 0
    page.college.setCurrentIndex(page.college.findText("文学院"))
    page.start.set_value(MONDAY)
    page.contact.setText("文科楼101室")
    with qtbot.waitSignal(page.notices_shown):
        page.create_button.click()
    assert cell(page.notices, 0, 0) == "公示中"
    assert cell(page.notices, 0, 1) == "0"  # the period is over (working days from today)
    assert cell(page.notices, 0, 2) == "2025-10-13 — 2025-10-17"
    assert cell(page.notices, 0, 3) == "文学院"
    assert cell(page.notices, 0, 5) == "2025-2026学年文学院资助认定结果公示"

    with qtbot.waitSignal(page.objections_shown):
        page.notices.selectRow(0)
    page.objection_student.setText("A0001")
    page.objection_summary.setPlainText("专业信息有误")
    with qtbot.waitSignal(page.objections_shown):
        page.add_button.click()
    assert page.objections.rowCount() == 1 and cell(page.objections, 0, 1) == "A0001 周雨桐"
    assert cell(page.objections, 0, 3) == "未处理"
    assert cell(page.notices, 0, 4) == "1 (1)"

    page.close_button.click()  # an unresolved objection holds the notice open
    qtbot.waitUntil(lambda: page.status.text() != "")
    assert "异议未处理" in page.status.text() and cell(page.notices, 0, 0) == "公示中"

    page.objections.selectRow(0)
    page.result.setCurrentIndex(page.result.findText("更正"))
    page.resolution.setText("已更正专业")
    with qtbot.waitSignal(page.objections_shown):
        page.resolve_button.click()
    assert cell(page.objections, 0, 3) == "更正"
    with qtbot.waitSignal(page.notices_shown):
        page.close_button.click()
    assert cell(page.notices, 0, 0) == "已结束" and not page.add_button.isEnabled()

    target = tmp_path / "公示名单.pdf"
    with qtbot.waitSignal(page.exported) as exported:
        page.export_to(target)
    assert exported.args == [str(target)] and target.read_bytes().startswith(b"%PDF")
    assert "3 人" in page.status.text()


@pytest.mark.parametrize("data_dir", [Role.COUNSELOR], indirect=True)
def test_a_counselor_sees_why_there_is_nothing_to_do(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("notices")
    idle(qtbot, running)
    assert isinstance(page, NoticePage)
    assert not page.not_allowed.isHidden() and page.body.isHidden()
    assert "学生发展支持中心" in page.not_allowed.text()
