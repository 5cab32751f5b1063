"""The planning page: regions, planning checked students, the plan with done / not yet, blank forms."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.app import visits
from desktop.store.store import Store
from desktop.ui.data_pages.visit_planning_page import VisitPlanningPage
from sync.records import HomeVisit, academic_year_bounds, current_academic_year
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store

PLACES = {
    "张三": "江苏省徐州市丰县",
    "李四": "江苏省徐州市丰县",
    "赵六": "安徽省阜阳市临泉县",
    "王五": "江苏省徐州市沛县",
}


@pytest.fixture
def data_dir(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    ids = make_store(folder)
    with Store.open(folder, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        for name, place in PLACES.items():
            s.students.patch(ids[name], origin_place=place)
    return folder, ids


def page_of(qtbot: QtBot, running: Running) -> VisitPlanningPage:
    page = running.window.show_section("planning")
    assert isinstance(page, VisitPlanningPage)
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() > 0)
    return page


def students_under(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    if item is None:
        return []
    found = [item] if item.data(0, Qt.ItemDataRole.UserRole) else []
    for i in range(item.childCount()):
        found.extend(students_under(item.child(i)))
    return found


def find(page: VisitPlanningPage, name: str) -> QTreeWidgetItem:
    for i in range(page.tree.topLevelItemCount()):
        for item in students_under(page.tree.topLevelItem(i)):
            if item.text(0).startswith(name):
                return item
    raise AssertionError(name)


def cell(page: VisitPlanningPage, row: int, column: int) -> str:
    item = page.plan_table.item(row, column)
    return item.text() if item is not None else ""


def a_day_in_year() -> date:
    first, last = academic_year_bounds(current_academic_year())
    return min(max(date.today(), first), last)


def test_regions_plan_and_print(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    page = page_of(qtbot, running)
    tops = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    provinces = [item.text(0) for item in tops if item is not None]
    assert provinces == ["江苏省（3）", "安徽省（1）", "（未填写生源地）（1）"]  # home province first
    jiangsu = tops[0]
    assert jiangsu is not None
    xuzhou = jiangsu.child(0)
    assert xuzhou is not None and xuzhou.text(0) == "徐州市"
    fengxian = xuzhou.child(0)
    assert fengxian is not None and fengxian.text(0) == "丰县（2）"
    assert "5" in page.pending_title.text() and "4" in page.pending_title.text()  # students, counties
    # plan 张三 and 赵六
    day = a_day_in_year()
    page.day.set_value(day)
    for name in ("张三", "赵六"):
        find(page, name).setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(page.planning_shown):
        page.plan_button.click()
    assert page.plan_table.rowCount() == 2
    assert {cell(page, r, 2) for r in range(2)} == {"张三", "赵六"}
    assert find(page, "张三").text(2) == day.isoformat()
    # a visit to 张三: the plan shows it done, the pending tree loses him
    ids = running.ids
    visit = HomeVisit.model_validate(
        {
            "student_id": ids["张三"],
            "category": "annual_coverage",
            "mode": "on_site",
            "visit_date": min(day, date.today()),
            "duration_minutes": 60,
            "visitors": [{"name": "王老师"}],
            "school_feedback": "好",
            "family_opinions": "无",
        }
    )
    with qtbot.waitSignal(page.planning_shown):
        running.app.ctx.worker.run(lambda store: visits.save_visit(store, visit), changes={"home_visit"})
    states = {cell(page, r, 2): cell(page, r, 4) for r in range(2)}
    assert states["赵六"] != states["张三"]
    assert min(day, date.today()).isoformat() in states["张三"]
    # blank forms for the student not yet visited
    out = tmp_path / "forms.pdf"
    with qtbot.waitSignal(page.printed, timeout=60_000):
        page.print_to(out)
    assert out.read_bytes().startswith(b"%PDF")


def test_nothing_checked(qtbot: QtBot, running: Running) -> None:
    page = page_of(qtbot, running)
    page.plan_checked(a_day_in_year())
    assert page.status.text() != ""
    running.app.ctx.lock.lock()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 0)


def test_counts_only_where_planned_and_empty_plan_says_what_to_do(qtbot: QtBot, running: Running) -> None:
    page = page_of(qtbot, running)
    assert page.plan_table.rowCount() == 0
    assert not page.plan_empty.isHidden() and "勾选" in page.plan_empty.text()
    assert page.plan_table.isHidden()  # the message takes the empty table's place
    counties = _all_counties(page)
    assert counties and all(county.text(2) == "" for county in counties)  # no "已计划 0 人"
    find(page, "张三").setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(page.planning_shown):
        page.plan_checked(date.today())
    planned = [c for c in _all_counties(page) if c.text(2)]
    assert [c.text(0).split("（")[0] for c in planned] == ["丰县"]
    assert planned[0].text(2) == "已计划 1 人"
    assert page.plan_empty.isHidden() and not page.plan_table.isHidden()


def _descendants(item: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
    if item is None:
        return []
    found = [item]
    for i in range(item.childCount()):
        found.extend(_descendants(item.child(i)))
    return found


def _all_counties(page: VisitPlanningPage) -> list[QTreeWidgetItem]:
    return [
        item
        for i in range(page.tree.topLevelItemCount())
        for item in _descendants(page.tree.topLevelItem(i))
        if item.childCount() and item.child(0).data(0, Qt.ItemDataRole.UserRole)
    ]
