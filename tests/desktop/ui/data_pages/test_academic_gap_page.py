"""学业差距 in the running app: the gap per college and grade, a row's trend, entering a benchmark (center
roles); a counselor sees no gap but each own student's results in the profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.data_pages.academic_gap_page import AcademicGapPage
from sync.figures.academic_gap import GAP_RULE, NO_BENCHMARK
from sync.records import AcademicResult, CollegeAcademicBenchmark, Role, current_academic_year
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store

TERM = f"{current_academic_year()}-1"
# 姓名 -> (GPA, failed courses) of TERM
RESULTS = {"张三": (3.0, 0), "李四": (2.6, 1), "王五": (2.8, 0), "周晓梅": (3.4, 0), "吴天明": (1.5, 3)}


def add_outcomes(folder: Path, ids: dict[str, str]) -> None:
    with Store.open(folder, PASSPHRASE) as store, store.session() as s:
        for name, (gpa, failed) in RESULTS.items():
            s.repository(AcademicResult.RECORD_TYPE).create(
                AcademicResult(
                    student_id=ids[name], term=TERM, gpa=gpa, failed_courses=failed, source="教务导入"
                )
            )
        business = next(c for c in s.colleges.list() if c.name == "商学院")
        s.repository(CollegeAcademicBenchmark.RECORD_TYPE).create(
            CollegeAcademicBenchmark(
                college_id=business.id,
                term=TERM,
                grade=2024,
                median_gpa=3.1,
                pass_rate=92.0,
                student_count=310,
            )
        )


def started(qtbot: QtBot, qapp: QApplication, tmp_path: Path, role: Role) -> Iterator[Running]:
    folder = tmp_path / "data"
    ids = make_store(folder, role=role)
    add_outcomes(folder, ids)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids))
    yield Running(app, folder, ids)
    app.shutdown()


@pytest.fixture
def center(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Running]:
    yield from started(qtbot, qapp, tmp_path, Role.SCHOOL_CENTER)


@pytest.fixture
def counselor(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Running]:
    yield from started(qtbot, qapp, tmp_path, Role.COUNSELOR)


def rows(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]
        for row in range(table.rowCount())
    ]


def gap_page(qtbot: QtBot, running: Running) -> AcademicGapPage:
    page = running.window.show_section("academic_gap")
    assert isinstance(page, AcademicGapPage)
    qtbot.waitUntil(lambda: page.view is not None)
    if page.current_term != TERM:
        with qtbot.waitSignal(page.shown):
            page.select_term(TERM)
    return page


def test_gap_per_college_and_grade_with_trend_and_rule(qtbot: QtBot, center: Running) -> None:
    page = gap_page(qtbot, center)
    assert page.rule.text() == "统计口径：" + GAP_RULE
    shown = {(row[0], row[1]): row for row in rows(page.table)}
    # 商学院 2024 级: 张三 3.0, 李四 2.6 (one failed), 王五 2.8 -> median 2.80, pass rate 2/3
    assert shown[("商学院", "2024")] == [
        "商学院", "2024", "3", "3", "2.80", "3.10", "0.30", "—", "66.7%", "92.0%", "25.3", "—", "",
    ]  # fmt: skip
    # 信息学院 2025 级: 赵六 awaits the visit (no result), 周晓梅 3.4; no benchmark entered
    assert shown[("信息学院", "2025")][2:7] == ["2", "1", "3.40", "—", "—"]
    assert shown[("信息学院", "2025")][-1] == NO_BENCHMARK
    assert ("信息学院", "2023") not in shown  # 吴天明 is 不困难: no population, no benchmark
    with qtbot.waitSignal(page.trend_shown):
        page.table.selectRow(list(shown).index(("商学院", "2024")))
    assert page.trend_title.text() == "历年趋势：商学院 2024 级"
    assert rows(page.trend_table)[0][2:4] == ["0.30", "25.3"]


def test_entering_a_benchmark_fills_the_gap(qtbot: QtBot, center: Running) -> None:
    page = gap_page(qtbot, center)
    keys = [(row[0], row[1]) for row in rows(page.table)]
    page.table.selectRow(keys.index(("信息学院", "2025")))
    dialog = page.open_benchmark_dialog()
    qtbot.waitUntil(lambda: dialog.college.count() == 2)
    assert (dialog.college.currentText(), dialog.chosen_term, dialog.grade.value()) == (
        "信息学院",
        TERM,
        2025,
    )
    dialog.median_gpa.setValue(3.55)
    dialog.pass_rate.setValue(97.5)
    with qtbot.waitSignal(dialog.saved), qtbot.waitSignal(page.shown):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # type: ignore[union-attr]
    shown = {(row[0], row[1]): row for row in rows(page.table)}
    assert shown[("信息学院", "2025")][4:8] == ["3.40", "3.55", "0.15", "—"]
    assert shown[("信息学院", "2025")][9:11] == ["97.5%", "−2.5"]
    # entering it again changes the stored one (one benchmark per college, term and grade)
    again = page.open_benchmark_dialog()
    qtbot.waitUntil(lambda: again.college.count() == 2)
    again.college.setCurrentIndex(again.college.findText("信息学院"))
    again.grade.setValue(2025)
    qtbot.waitUntil(lambda: again.median_gpa.value() == 3.55)
    assert again.state.text() == "此前已录入：保存将更新已有数字。"
    again.reject()
    counted: list[int] = []

    def count(store: Store) -> int:
        with store.session() as s:
            return len(s.repository(CollegeAcademicBenchmark.RECORD_TYPE).list())

    center.app.ctx.worker.run(count, counted.append)
    qtbot.waitUntil(lambda: counted == [2])


def test_a_counselor_sees_results_in_the_profile_but_no_gap(qtbot: QtBot, counselor: Running) -> None:
    page = counselor.window.show_section("academic_gap")
    assert isinstance(page, AcademicGapPage)
    assert page.pages.currentIndex() == 0 and page.view is None
    roster_section = counselor.section("roster")
    roster_section.open_student(counselor.ids["李四"])
    profile = roster_section.profile
    qtbot.waitUntil(lambda: profile.academic_results.table.rowCount() == 1)
    assert rows(profile.academic_results.table) == [
        [f"{current_academic_year()}学年第一学期", "2.60", "1", "教务导入"]
    ]
    assert profile.tabs.tabText(profile.tabs.indexOf(profile.academic_results)) == "学业成绩"
