"""资助育人活动 in the running app (offscreen): the page and its dialogs by role, 个别交流 from the profile,
and the dashboard's counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableWidget
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.data_pages.activity_dialogs import ActivityDialog
from desktop.ui.data_pages.coverage_dashboard import CoverageDashboard
from desktop.ui.data_pages.policy_activities_page import ActivityTab, PolicyActivitiesPage
from desktop.ui.profile.talk_dialog import TalkDialog
from sync.records import Role, User, current_academic_year
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


@pytest.fixture
def data_dir(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    """The usual store, its signed-in user an account of 商学院 in the given role."""
    folder = tmp_path / "data"
    role = getattr(request, "param", Role.COLLEGE_CENTER)
    ids = make_store(folder, role=role)
    with Store.open(folder, PASSPHRASE, backup_daily=False) as store, store.session() as s:
        college = next(c for c in s.colleges.list() if c.name == "商学院")
        s.users.apply_remote(
            User(id=store.info.user_id, staff_no="T900", name="周晓梅", role=role, college_id=college.id),
            field_versions={},
            server_seq=1,
            author_id=None,
            device_id=None,
        )
    return folder, ids


def idle(qtbot: QtBot, running: Running) -> None:
    qtbot.waitUntil(lambda: running.app.ctx.worker.pending == 0)


def cells(table: QTableWidget, row: int) -> list[str]:
    return [(table.item(row, c).text() if table.item(row, c) else "") for c in range(table.columnCount())]


def open_page(qtbot: QtBot, running: Running) -> PolicyActivitiesPage:
    idle(qtbot, running)
    page = running.window.show_section("activities")
    assert isinstance(page, PolicyActivitiesPage)
    idle(qtbot, running)
    qtbot.waitUntil(lambda: page.lists is not None)
    return page


def open_add(qtbot: QtBot, page: PolicyActivitiesPage, tab: ActivityTab) -> ActivityDialog:
    page.tabs.setCurrentWidget(tab.page)
    tab.add_button.click()
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def field(dialog: Any, name: str) -> Any:
    return dialog.inputs[name] if name in dialog.inputs else dialog.findChild(QLineEdit, f"record_{name}")


def save(qtbot: QtBot, page: PolicyActivitiesPage, dialog: ActivityDialog) -> None:
    with qtbot.waitSignal(page.activities_shown, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: page.dialog is None)  # closed (and deleted) once saved


def test_a_college_center_records_an_evaluation_a_training_and_a_project(
    qtbot: QtBot, running: Running
) -> None:
    page = open_page(qtbot, running)
    assert all(not tab.add_button.isHidden() for tab in page.all_tabs)

    dialog = open_add(qtbot, page, page.evaluations)
    assert dialog.windowTitle() == "新增民主测评"
    assert field(dialog, "college_id").currentText() == "商学院"  # the user's own college first
    field(dialog, "class_name").setText("会计2401")
    field(dialog, "participants").setValue(38)
    field(dialog, "students_evaluated").setValue(9)
    field(dialog, "conclusion").setPlainText("认定结果得到班级认可")
    field(dialog, "issues_found").setPlainText("一名同学家庭情况好转")
    dialog.save_button.click()  # issues without a follow-up
    assert dialog.errors.visible_messages() == {
        "follow_up": "发现问题的，请填写后续处理（如向学院及学生处反馈）"
    }
    assert dialog.isVisible()
    field(dialog, "follow_up").setPlainText("已向学院及学生处反馈")
    save(qtbot, page, dialog)
    [row] = [cells(page.evaluations.table, 0)]
    assert row[1:5] == ["商学院", "会计2401", "38", "9"]

    dialog = open_add(qtbot, page, page.trainings)
    assert field(dialog, "college_id").currentText() == "商学院"
    field(dialog, "title").setText("资助工作者专业能力培训")
    field(dialog, "organiser").setText("学生处")
    field(dialog, "hours").setText("3.5")
    dialog.save_button.click()  # nobody trained
    assert "trainees" in dialog.errors.visible_messages()
    field(dialog, "trainees").setText("王老师、 周老师,李老师")
    save(qtbot, page, dialog)
    assert cells(page.trainings.table, 0)[2:] == [
        "资助工作者专业能力培训",
        "学生处",
        "王老师、周老师、李老师",
        "3.5",
    ]

    dialog = open_add(qtbot, page, page.projects)
    field(dialog, "title").setText("师范生资助育人品牌")
    field(dialog, "leader").setText("赵书记")
    combo = field(dialog, "status")
    combo.setCurrentIndex(combo.findData("concluded"))
    dialog.save_button.click()
    assert set(dialog.errors.visible_messages()) == {"concluded_on", "outcome"}
    combo.setCurrentIndex(combo.findData("in_progress"))
    save(qtbot, page, dialog)
    assert cells(page.projects.table, 0)[1:5] == ["商学院", "师范生资助育人品牌", "赵书记", "进行中"]
    assert page.status.text() == f"{current_academic_year()} 学年共记录 3 项活动。"


@pytest.mark.parametrize("data_dir", [Role.COUNSELOR], indirect=True)
def test_a_counselor_adds_evaluations_and_integrity_activities_only(qtbot: QtBot, running: Running) -> None:
    page = open_page(qtbot, running)
    assert not page.evaluations.add_button.isHidden() and not page.integrity.add_button.isHidden()
    assert page.trainings.add_button.isHidden() and page.projects.add_button.isHidden()
    dialog = open_add(qtbot, page, page.integrity)
    college = field(dialog, "college_id")
    assert isinstance(college, QComboBox) and college.currentText() == "商学院"
    field(dialog, "title").setText("诚信伴我行主题班会")
    field(dialog, "participants").setValue(40)
    college.setCurrentIndex(college.findData(None))  # the whole school's: not a counselor's to record
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.summary.isHidden() and "全校" in dialog.summary.text())
    assert dialog.isVisible()
    college.setCurrentIndex(college.findText("商学院"))
    save(qtbot, page, dialog)
    assert cells(page.integrity.table, 0)[1:] == ["商学院", "诚信伴我行主题班会", "主题班会", "40"]
    page.integrity.table.selectRow(0)
    assert page.integrity.edit_button.isEnabled() and page.integrity.delete_button.isEnabled()


def test_a_talk_from_the_profile_prints_no_summary_and_counts_on_the_dashboard(
    qtbot: QtBot, running: Running
) -> None:
    idle(qtbot, running)
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids["张三"])
    profile = section.profile
    profile.tabs.setCurrentWidget(profile.talks)
    actions = profile.talk_actions
    assert actions.dialog_class is TalkDialog
    assert actions.add_button.text() == "新增个别交流…"
    actions.add_button.click()
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "新增个别交流"
    mode = dialog.inputs["mode"]
    assert isinstance(mode, QComboBox)
    mode.setCurrentIndex(mode.findData("phone"))
    summary = dialog.inputs["summary"]
    assert isinstance(summary, QPlainTextEdit)
    summary.setPlainText("谈到家中变故")
    dialog.save_button.click()  # no topic
    assert dialog.errors.visible_messages().keys() == {"topics"}
    topics = dialog.inputs["topics"]
    assert isinstance(topics, QLineEdit)
    topics.setText("学业与兼职")
    with qtbot.waitSignal(profile.loaded, timeout=10000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: profile.talks.table.rowCount() == 1)
    assert cells(profile.talks.table, 0) == [date.today().isoformat(), "电话", "学业与兼职", "周晓梅"]

    dashboard = running.window.show_section("coverage")
    assert isinstance(dashboard, CoverageDashboard)
    table = dashboard.activities
    qtbot.waitUntil(lambda: table.rowCount() >= 2, timeout=10000)
    rows = {cells(table, r)[0]: cells(table, r)[1:] for r in range(table.rowCount())}
    assert rows["商学院"] == ["0", "1 (1)", "0 (0)", "0 (0)", "0"]
    assert rows["合计"] == ["0", "1 (1)", "0 (0)", "0 (0)", "0"]
    assert isinstance(dashboard.tabs.widget(dashboard.tabs.count() - 1), QTableWidget)
