"""Monitoring flags and wish-list selections from the student profile, along their status workflows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.profile.record_tab_actions import RecordTabActions
from desktop.ui.profile.workflow_dialogs import WishDialog
from sync.records import FlagAction, FlagKind, FlagStatus, Role, WishStatus
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.profile.test_record_editors import choose, double_click, open_profile
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store
from tests.desktop.ui.visits.test_visit_followups import add_catalog


def running_as(qtbot: QtBot, qapp: QApplication, folder: Path, role: Role) -> tuple[Running, dict[str, str]]:
    ids = make_store(folder, role=role)
    items = add_catalog(folder)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids))
    return Running(app, folder, ids), items


@pytest.fixture
def counselor(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[tuple[Running, dict[str, str]]]:
    running, items = running_as(qtbot, qapp, tmp_path / "counselor", Role.COUNSELOR)
    yield running, items
    running.app.shutdown()


def open_dialog(qtbot: QtBot, actions: RecordTabActions, record_id: str | None = None) -> Any:
    if record_id is None:
        actions.add_button.click()
    else:
        double_click(qtbot, actions.tab, record_id)
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def saved_by(qtbot: QtBot, dialog: Any, button: Any) -> Any:
    with qtbot.waitSignal(dialog.saved) as blocker:
        button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return blocker.args[0]


def error_under(qtbot: QtBot, dialog: Any, field: str) -> str:
    label = dialog.errors.labels[field]
    qtbot.waitUntil(lambda: not label.isHidden())
    assert dialog.isVisible()
    return str(label.text())


def test_raise_a_flag_and_move_it_through_the_workflow(
    qtbot: QtBot, counselor: tuple[Running, dict[str, str]]
) -> None:
    running, _items = counselor
    profile = open_profile(qtbot, running, "张三")
    profile.tabs.setCurrentWidget(profile.flags)
    actions = profile.workflow_actions[0]
    assert actions.add_button.text() == "新增监测反馈…"
    assert actions.delete_button.isHidden()  # flags are handled, not deleted

    dialog = open_dialog(qtbot, actions)
    assert dialog.windowTitle() == "提出监测反馈"
    assert "status" not in dialog.inputs  # a new flag starts at 待处理
    choose(dialog.inputs["kind"], FlagKind.PSYCH_OR_LIFE_ANOMALY.value)
    dialog.save_button.click()
    assert error_under(qtbot, dialog, "description")
    dialog.inputs["description"].setPlainText("近两周情绪低落，常缺课。")
    flag = saved_by(qtbot, dialog, dialog.save_button)
    assert flag.status is FlagStatus.OPEN
    qtbot.waitUntil(lambda: profile.flags.table.rowCount() == 1)

    dialog = open_dialog(qtbot, actions, flag.id)
    assert dialog.next_steps.text() == "处理中、已处理"
    assert dialog.step_buttons["open"].isHidden()
    assert dialog.step_buttons["in_progress"].text() == "转为处理中"
    flag = saved_by(qtbot, dialog, dialog.step_buttons["in_progress"])
    assert flag.status is FlagStatus.IN_PROGRESS
    qtbot.waitUntil(lambda: profile.flags.table.item(0, 2).text() == "处理中")

    dialog = open_dialog(qtbot, actions, flag.id)
    dialog.step_buttons["resolved"].click()  # 已处理 needs the actions taken
    assert error_under(qtbot, dialog, "actions") == "请选择采取的处理措施"
    dialog.inputs["actions"].boxes[FlagAction.REFERRED.value].setChecked(True)
    dialog.inputs["action_notes"].setPlainText("已转介心理中心。")
    flag = saved_by(qtbot, dialog, dialog.step_buttons["resolved"])
    assert flag.status is FlagStatus.RESOLVED
    assert flag.resolved_on == date.today()
    assert flag.actions == [FlagAction.REFERRED]

    # A jump the workflow does not allow (已处理 → 待处理) is refused, in Chinese, under the status.
    qtbot.waitUntil(lambda: profile.flags.table.item(0, 2).text() == "已处理")
    dialog = open_dialog(qtbot, actions, flag.id)
    choose(dialog.inputs["status"], FlagStatus.OPEN.value)
    dialog.save_button.click()
    assert error_under(qtbot, dialog, "status") == "反馈状态不能从“已处理”改为“待处理”。"
    dialog.reject()
    qtbot.waitUntil(lambda: actions.dialog is None)

    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        stored = s.flags.require(flag.id)
    assert stored.status is FlagStatus.RESOLVED
    assert stored.action_notes == "已转介心理中心。"


def test_add_a_wish_and_serve_it_to_completion(
    qtbot: QtBot, counselor: tuple[Running, dict[str, str]]
) -> None:
    running, items = counselor
    profile = open_profile(qtbot, running, "李四")
    profile.tabs.setCurrentWidget(profile.key_support)
    actions = profile.workflow_actions[1]
    assert actions.add_button.text() == "新增心愿…"

    dialog = open_dialog(qtbot, actions)
    assert isinstance(dialog, WishDialog)
    qtbot.waitUntil(lambda: dialog.picker.loaded)
    assert items["已停用的就业讲座"] not in dialog.picker.items  # retired items are not offered
    dialog.save_button.click()
    assert error_under(qtbot, dialog, "item_ids")
    dialog.picker.check(items["一对一心理辅导"])
    dialog.inputs["details"].setPlainText("希望每两周一次心理辅导。")
    wish = saved_by(qtbot, dialog, dialog.save_button)
    assert wish.status is WishStatus.PENDING
    assert wish.channel.value == "online"
    qtbot.waitUntil(lambda: profile.key_support.wishes.table.rowCount() == 1)
    assert profile.key_support.wishes.table.item(0, 1).text() == "一对一心理辅导"

    dialog = open_dialog(qtbot, actions, wish.id)
    qtbot.waitUntil(lambda: dialog.picker.loaded)
    assert dialog.picker.values() == [items["一对一心理辅导"]]
    dialog.step_buttons["matched"].click()  # 已对接 needs a responsible person
    assert error_under(qtbot, dialog, "responsible_person") == "已对接的心愿须填写负责人"
    dialog.inputs["responsible_person"].setText("陈老师")
    wish = saved_by(qtbot, dialog, dialog.step_buttons["matched"])
    assert wish.status is WishStatus.MATCHED

    qtbot.waitUntil(lambda: profile.key_support.wishes.table.item(0, 2).text() == "已对接")
    dialog = open_dialog(qtbot, actions, wish.id)
    dialog.inputs["feedback"].setPlainText("已完成六次辅导，状态明显好转。")
    wish = saved_by(qtbot, dialog, dialog.step_buttons["completed"])
    assert wish.status is WishStatus.COMPLETED
    assert wish.completed_on == date.today()

    qtbot.waitUntil(lambda: profile.key_support.wishes.table.item(0, 2).text() == "已完成")
    dialog = open_dialog(qtbot, actions, wish.id)
    assert dialog.next_steps.text() == "无（已结束）"
    assert all(button.isHidden() for button in dialog.step_buttons.values())
    choose(dialog.inputs["status"], WishStatus.IN_PROGRESS.value)
    dialog.save_button.click()
    assert error_under(qtbot, dialog, "status") == "心愿状态不能从“已完成”改为“进行中”。"
    dialog.reject()


def test_a_mentor_raises_a_flag_but_does_not_handle_it(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    running, _items = running_as(qtbot, qapp, tmp_path / "mentor", Role.MENTOR)
    try:
        profile = open_profile(qtbot, running, "王五")
        flag_actions, wish_actions = profile.workflow_actions
        assert not flag_actions.add_button.isHidden()
        assert flag_actions.edit_button.isHidden()
        assert wish_actions.add_button.isHidden()
        dialog = open_dialog(qtbot, flag_actions)
        choose(dialog.inputs["kind"], FlagKind.FAMILY_EMERGENCY.value)
        dialog.inputs["description"].setPlainText("家中遭遇火灾，房屋受损。")
        flag = saved_by(qtbot, dialog, dialog.save_button)
        qtbot.waitUntil(lambda: profile.flags.table.rowCount() == 1)
        double_click(qtbot, profile.flags, flag.id)
        assert flag_actions.dialog is None  # handling is for counselors and the centers
    finally:
        running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        flags = s.flags.for_student(running.ids["王五"])
    assert [(f.kind, f.status) for f in flags] == [(FlagKind.FAMILY_EMERGENCY, FlagStatus.OPEN)]


def test_administrators_raise_nothing(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    running, _items = running_as(qtbot, qapp, tmp_path / "admin", Role.ADMIN)
    try:
        profile = open_profile(qtbot, running, "王五")
        for actions in profile.workflow_actions:
            for button in (actions.add_button, actions.edit_button, actions.delete_button):
                assert button.isHidden()
    finally:
        running.app.shutdown()
