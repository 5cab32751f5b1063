"""The profile's 学籍 tab: a center records a term's status; 退学 of a disadvantaged student asks for the
case review in the same dialog and is refused without it (nothing saved); with it, both are saved and
listed; a counselor reads the tab without the buttons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop.ui.profile.enrolment_dialogs import EnrolmentDialog, reviewer_names
from desktop.ui.profile.profile_enrolment_tab import EnrolmentTab
from sync.records import EnrolmentState, Role
from sync.records.terms import current_term, term_label
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import make_store


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    return folder, make_store(folder, role=getattr(request, "param", Role.COLLEGE_CENTER))


def open_tab(qtbot: QtBot, running: Running, name: str) -> EnrolmentTab:
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids[name])
    profile = section.profile
    tab = profile.enrolment
    assert isinstance(tab, EnrolmentTab)
    profile.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    return tab


def choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_withdrawal_needs_the_case_review_in_the_same_dialog(qtbot: QtBot, running: Running) -> None:
    tab = open_tab(qtbot, running, "张三")  # identified 困难 this year
    actions = tab.tab_actions[0]
    assert actions.add_button.isVisible() and tab.statuses.table.rowCount() == 0
    actions.add_button.click()
    dialog = actions.dialog
    assert isinstance(dialog, EnrolmentDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.review_box.isVisible()
    choose(dialog.state, EnrolmentState.WITHDRAWN.value)
    assert dialog.review_box.isVisible()

    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled() and "个案评议" in dialog.summary.text())
    assert "退学须经个案评议" in dialog.summary.text() and dialog.isVisible()
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)
    assert tab.statuses.table.rowCount() == 0  # nothing saved

    dialog.reviewers.setText("张主任、王老师")
    dialog.save_button.click()
    labels = dialog.errors.labels
    assert (labels["review_reviewed_on"].text(), labels["review_offered"].text()) == (
        "请填写评议日期",
        "不能为空",
    )
    assert labels["review_reviewers"].text() == "" and dialog.isVisible()
    dialog.reviewed_on.set_value(date.today())
    dialog.offered.setPlainText("临时困难补助；建议以休学代替退学")
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: tab.statuses.table.rowCount() == 1 and tab.reviews.table.rowCount() == 1)
    cells = [tab.statuses.table.item(0, column).text() for column in range(3)]
    assert cells == [term_label(current_term()), "退学", ""]
    assert tab.reviews.table.item(0, 2).text() == "张主任、王老师"
    assert tab.reviews.table.item(0, 3).text() == "临时困难补助；建议以休学代替退学"


def test_a_well_off_students_withdrawal_needs_no_review(qtbot: QtBot, running: Running) -> None:
    tab = open_tab(qtbot, running, "吴天明")  # identified 不困难
    actions = tab.tab_actions[0]
    actions.add_button.click()
    dialog = actions.dialog
    assert isinstance(dialog, EnrolmentDialog)
    choose(dialog.state, EnrolmentState.WITHDRAWN.value)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: tab.statuses.table.rowCount() == 1)


@pytest.mark.parametrize("data_dir", [Role.COUNSELOR], indirect=True)
def test_a_counselor_reads_without_buttons(qtbot: QtBot, running: Running) -> None:
    tab = open_tab(qtbot, running, "张三")
    assert all(actions.add_button.isHidden() for actions in tab.tab_actions)
    assert tab.statuses.empty.isVisible()


def test_reviewer_names() -> None:
    assert reviewer_names(" 张主任、王老师, 李老师；赵老师 ") == ["张主任", "王老师", "李老师", "赵老师"]
