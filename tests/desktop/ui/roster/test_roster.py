"""Roster: search by pinyin initials, filters, sorting, opening a profile."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.record_numbering import set_device_no
from sync.records import HomeVisit, VisitCategory, VisitMode
from sync.records.record_numbers import qr_payload
from sync.records.visits import Visitor
from tests.desktop.ui.conftest import Running


def names(roster) -> list[str]:  # type: ignore[no-untyped-def]
    model = roster.model
    return [str(model.data(model.index(row, 1))).split(" ")[0] for row in range(model.rowCount())]


def test_search_by_pinyin_initials(qtbot: QtBot, running: Running) -> None:
    roster = running.section("roster").roster
    with qtbot.waitSignal(roster.model.count_known):
        qtbot.keyClicks(roster.search, "zs")
    assert names(roster) == ["张三"]
    assert roster.count.text() == "1 名学生"
    with qtbot.waitSignal(roster.model.query_applied):
        roster.search.setText("zhouxiaomei")
    assert names(roster) == ["周晓梅"]
    with qtbot.waitSignal(roster.model.query_applied):
        roster.search.setText("2024002")
    assert names(roster) == ["李四"]


def test_filters_by_class_and_new_students(qtbot: QtBot, running: Running) -> None:
    roster = running.section("roster").roster
    qtbot.waitUntil(lambda: roster.class_name.count() > 1)
    with qtbot.waitSignal(roster.model.query_applied):
        roster.class_name.setCurrentIndex(roster.class_name.findData("会计2401"))
    assert sorted(names(roster)) == sorted(["张三", "李四"])
    with qtbot.waitSignal(roster.model.query_applied):
        roster.class_name.setCurrentIndex(0)
    with qtbot.waitSignal(roster.model.query_applied):
        roster.new_only.setChecked(True)
    assert sorted(names(roster)) == sorted(["赵六", "周晓梅"])


def test_sorting_by_name_uses_pinyin(qtbot: QtBot, running: Running) -> None:
    roster = running.section("roster").roster
    with qtbot.waitSignal(roster.model.query_applied):
        roster.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert names(roster)[0] == "李四"  # li < wang < wu < zhang < zhao < zhou
    assert names(roster)[-1] == "周晓梅"


def test_open_profile_from_roster_with_masked_phone(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    roster = section.roster
    with qtbot.waitSignal(roster.model.query_applied):
        roster.search.setText("zs")
    with qtbot.waitSignal(section.profile.loaded):
        roster.table.activated.emit(roster.model.index(0, 0))
    profile = section.profile
    assert section.stack.currentWidget() is profile
    assert "张三" in profile.heading.text()
    assert profile.basic.phone.text() == "138****5678"
    assert profile.basic.family.table.rowCount() == 1


def test_a_typed_or_scanned_record_number_opens_the_visit(qtbot: QtBot, running: Running) -> None:
    """A scanner types the form's QR code (number and record id) and Enter: the visit opens."""
    roster = running.section("roster").roster
    created: list[HomeVisit] = []

    def make(store):  # type: ignore[no-untyped-def]
        with store.session() as s:
            set_device_no(s, 9)
            return s.visits.create(
                HomeVisit(
                    student_id=running.ids["张三"],
                    category=VisitCategory.ANNUAL_COVERAGE,
                    mode=VisitMode.PHONE,
                    visit_date=date.today(),
                    duration_minutes=20,
                    visitors=[Visitor(name="王老师")],
                    school_feedback="认真",
                    family_opinions="无",
                )
            )

    roster.ctx.worker.run(make, created.append)
    qtbot.waitUntil(lambda: bool(created))
    visit = created[0]
    assert visit.record_no.startswith(f"JF-{date.today().year}-009-")
    visits = running.section("visits")
    roster.search.setText(qr_payload(visit.record_no, visit.id))
    qtbot.keyClick(roster.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.form and visits.form.visit_id == visit.id)
    with qtbot.waitSignal(roster.model.query_applied):
        roster.search.setText("张三")  # ordinary text still searches and opens nothing
    qtbot.keyClick(roster.search, Qt.Key.Key_Return)
    assert names(roster) == ["张三"]


def test_long_values_carry_a_tooltip_and_the_college_column_has_room(qtbot: QtBot, running: Running) -> None:
    roster = running.section("roster").roster
    with qtbot.waitSignal(roster.model.query_applied):
        roster.search.setText("zs")
    model = roster.model
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == "2024001"  # 7 characters
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None  # 张三 is never elided
    college = model.column_keys().index("college")
    em = roster.table.fontMetrics().horizontalAdvance("中")
    assert roster.table.columnWidth(college) >= em * 10  # "电气与自动化工程学院" fits
