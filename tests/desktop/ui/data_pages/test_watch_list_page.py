"""The 一个不失学 page in the running app (offscreen): the center's list with reasons and the 免申即享
aid to-do, the college filter, a double-click opens the student, a change of status refreshes the list,
and a mentor sees only the note."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.app import enrolment
from desktop.store.store import Store
from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
from desktop.ui.data_pages.watch_list_page import WatchListPage
from sync.records import (
    AcademicResult,
    EnrolmentState,
    EnrolmentStatus,
    Role,
    academic_year_of,
)
from sync.records.terms import term_label, term_of
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store

TODAY = date.today()
TERM = term_of(TODAY)


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    ids = make_store(folder, role=getattr(request, "param", Role.COLLEGE_CENTER))
    with Store.open(folder, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        s.enrolment.create(EnrolmentStatus(student_id=ids["张三"], term=TERM, state=EnrolmentState.SUSPENDED))
        s.academic_results.create(AcademicResult(student_id=ids["李四"], term=TERM, failed_courses=3))
        # 周晓梅 (信息学院) is identified without an application 40 days ago, no aid since
        [ident] = s.identifications.for_student(ids["周晓梅"])
        identified = TODAY - timedelta(days=40)
        s.identifications.update(
            ident.model_copy(
                update={
                    "without_application": True,
                    "identified_on": identified,
                    "academic_year": academic_year_of(identified),
                }
            )
        )
    return folder, ids


def idle(qtbot: QtBot, running: Running) -> None:
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)


def cells(table: QTableWidget) -> list[list[str]]:
    found: list[list[str]] = []
    for row in range(table.rowCount()):
        items = [table.item(row, column) for column in range(table.columnCount())]
        found.append([item.text() if item is not None else "" for item in items])
    return found


def test_the_centers_watch_list_and_aid_to_do(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("watch_list")
    assert isinstance(page, WatchListPage)
    idle(qtbot, running)
    label = term_label(TERM)
    assert cells(page.table) == [
        ["2024001", "张三", "商学院", "会计2401", "王老师", f"休学（{label}）"],
        ["2024002", "李四", "商学院", "会计2401", "王老师", f"{label}不及格 3 门"],
    ]
    same_year = academic_year_of(TODAY - timedelta(days=40)) == academic_year_of(TODAY)
    if same_year:
        identified = (TODAY - timedelta(days=40)).isoformat()
        assert cells(page.todo) == [["2025002", "周晓梅", "信息学院", "软件2501", "王老师", identified, "10"]]
    assert page.tabs.tabText(0) == "关注名单（2）"
    assert "不及格 2 门及以上预警" in page.summary.text()

    page.college.setCurrentIndex(page.college.findData("信息学院"))
    assert page.table.rowCount() == 0 and page.todo.rowCount() == (1 if same_year else 0)
    page.college.setCurrentIndex(0)

    opened: list[str] = []
    events = running.app.ctx.events
    assert events is not None
    events.open_student.connect(opened.append)
    page.table.selectRow(1)
    page.table.activated.emit(page.table.currentIndex())
    assert opened[-1] == running.ids["李四"]
    qtbot.waitUntil(lambda: running.window.current_section_key() == "roster")

    # A later 在读 clears 张三: the page refreshes on the change
    running.window.show_section("watch_list")
    idle(qtbot, running)  # shown again, read again
    with qtbot.waitSignal(page.shown):
        running.app.ctx.worker.run(
            lambda store: enrolment.save_status(
                store,
                EnrolmentStatus(student_id=running.ids["张三"], term=TERM, state=EnrolmentState.STUDYING),
            ),
            changes=enrolment.save_status.changes,
        )
    assert [row[1] for row in cells(page.table)] == ["李四"]


@pytest.mark.parametrize("data_dir", [Role.MENTOR], indirect=True)
def test_a_mentor_sees_only_the_note(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("watch_list")
    assert isinstance(page, WatchListPage)
    idle(qtbot, running)
    assert page.pages.currentWidget() is page.hidden_note
    assert page.hidden_note.text() == "一个不失学关注名单供学生发展支持中心和辅导员使用。"
    assert page.hidden_note.alignment() & Qt.AlignmentFlag.AlignCenter


def test_the_coverage_dashboard_counts_the_watch_list_per_college(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("coverage")
    assert isinstance(page, CoverageDashboard)
    qtbot.waitUntil(lambda: page.watch_table.rowCount() > 0)
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.watch_table))
    assert page.tabs.tabText(page.tabs.indexOf(page.watch_table)) == "一个不失学"
    assert cells(page.watch_table) == [["商学院", "2"], ["合计", "2"]]
    with qtbot.waitSignal(page.watch_shown):
        page.college.setCurrentIndex(page.college.findText("信息学院"))
    assert cells(page.watch_table) == [["合计", "0"]]


@pytest.mark.parametrize("data_dir", [Role.MENTOR], indirect=True)
def test_a_mentors_dashboard_has_no_watch_tab(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("coverage")
    assert isinstance(page, CoverageDashboard)
    idle(qtbot, running)
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.watch_table))


def test_the_threshold_is_set_in_the_settings_page(qtbot: QtBot, running: Running) -> None:
    idle(qtbot, running)
    page = running.window.show_section("watch_list")
    assert isinstance(page, WatchListPage)
    idle(qtbot, running)
    assert [row[1] for row in cells(page.table)] == ["张三", "李四"]
    settings = running.window.show_section("settings")
    idle(qtbot, running)
    assert settings.failed_courses.value() == 2
    settings.failed_courses.setValue(4)  # 李四 failed 3: no longer listed
    idle(qtbot, running)
    with qtbot.waitSignal(page.shown):  # shown again: read again, with the new threshold
        running.window.show_section("watch_list")
    assert [row[1] for row in cells(page.table)] == ["张三"]
    assert "不及格 4 门及以上预警" in page.summary.text()
