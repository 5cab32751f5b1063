"""Adding, editing and deleting identifications, aid and growth rewards from the student profile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.coverage import Measure, compute_coverage
from desktop.store.outbox import OpKind, pending_ops
from desktop.store.store import Store
from desktop.ui.profile.record_dialog import RecordDialog
from desktop.ui.profile.record_list_tab import RecordListTab
from desktop.ui.profile.record_tab_actions import RecordTabActions
from sync.records import (
    GrowthReward,
    IdentificationStatus,
    RewardKind,
    Role,
    current_academic_year,
    previous_academic_year,
)
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


def open_profile(qtbot: QtBot, running: Running, name: str):  # type: ignore[no-untyped-def]
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids[name])
    return section.profile


def choose(combo: Any, code: str) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def open_dialog(qtbot: QtBot, actions: RecordTabActions, record_id: str | None = None) -> RecordDialog:
    if record_id is None:
        actions.add_button.click()
    else:
        double_click(qtbot, actions.tab, record_id)
    dialog = actions.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def double_click(qtbot: QtBot, tab: RecordListTab, record_id: str) -> None:
    table = tab.table
    row = next(
        r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id
    )
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def save(qtbot: QtBot, dialog: RecordDialog) -> Any:
    with qtbot.waitSignal(dialog.saved) as blocker:
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return blocker.args[0]


def run_on_store(qtbot: QtBot, running: Running, fn: Any) -> Any:
    results: list[Any] = []
    running.app.ctx.worker.run(fn, results.append)
    qtbot.waitUntil(lambda: bool(results))
    return results[0]


def test_add_identification_refuse_second_for_a_year_then_change_status(
    qtbot: QtBot, running: Running
) -> None:
    profile = open_profile(qtbot, running, "赵六")
    profile.tabs.setCurrentWidget(profile.identifications)
    actions = profile.record_actions[0]
    assert not actions.add_button.isHidden()
    assert profile.identifications.table.rowCount() == 1  # this year's, from the fixture

    dialog = open_dialog(qtbot, actions)
    assert dialog.windowTitle() == "新增认定记录"
    assert dialog.save_button.text() == "保存（Ctrl+S）"  # the shared form's strings are translated too
    assert dialog.inputs["academic_year"].currentText() == current_academic_year()  # type: ignore[attr-defined]
    choose(dialog.inputs["level"], "difficult")
    assert dialog.groups.values()["dibao"] == "unknown"  # unknown until someone has checked
    choose(dialog.groups.combos["dibao"], "yes")
    choose(dialog.groups.combos["orphan"], "no")
    dialog.inputs["causes"].boxes["illness"].setChecked(True)  # type: ignore[attr-defined]
    dialog.inputs["basis"].boxes["home_visit"].setChecked(True)  # type: ignore[attr-defined]
    dialog.inputs["per_capita_income"].setText("3600")  # type: ignore[attr-defined]
    dialog.inputs["without_application"].setChecked(True)  # type: ignore[attr-defined]

    # A second identification for the same academic year is refused, under the year.
    dialog.save_button.click()
    label = dialog.errors.labels["academic_year"]
    qtbot.waitUntil(lambda: not label.isHidden())
    assert "已有认定记录" in label.text()
    assert dialog.isVisible()

    earlier = previous_academic_year(current_academic_year())
    dialog.inputs["academic_year"].setCurrentText(earlier)  # type: ignore[attr-defined]
    created = save(qtbot, dialog)
    assert created.academic_year == earlier
    assert [step.status for step in created.history] == [IdentificationStatus.APPLIED]
    qtbot.waitUntil(lambda: profile.identifications.table.rowCount() == 2)

    # Edit by double-click: the status moves on and the history grows.
    dialog = open_dialog(qtbot, actions, created.id)
    assert dialog.history.table.rowCount() == 1
    assert dialog.groups.values()["dibao"] == "yes"
    assert dialog.groups.values()["orphan"] == "no"
    assert dialog.groups.values()["single_parent"] == "unknown"
    choose(dialog.inputs["status"], "college_review")
    dialog.step_semester.setText("第一学期")
    dialog.step_note.setText("学院评议通过")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: profile.identifications.table.rowCount() == 2)

    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        stored = s.identifications.require(created.id)
        years = [i.academic_year for i in s.identifications.for_student(running.ids["赵六"])]
    assert sorted(years) == sorted([earlier, current_academic_year()])
    assert stored.status == IdentificationStatus.COLLEGE_REVIEW
    assert [step.status for step in stored.history] == [
        IdentificationStatus.APPLIED,
        IdentificationStatus.COLLEGE_REVIEW,
    ]
    assert stored.history[-1].semester == "第一学期"
    assert stored.history[-1].note == "学院评议通过"
    assert stored.special_groups["dibao"] == "yes"
    assert stored.special_groups["orphan"] == "no"
    assert stored.special_groups["single_parent"] == "unknown"
    assert stored.per_capita_income == Decimal("3600")
    assert stored.without_application is True


def test_aid_with_a_negative_amount_is_refused_then_saved(qtbot: QtBot, running: Running) -> None:
    profile = open_profile(qtbot, running, "张三")
    profile.tabs.setCurrentWidget(profile.aid)
    actions = profile.record_actions[1]
    dialog = open_dialog(qtbot, actions)
    choose(dialog.inputs["aid_type"], "temporary_subsidy")
    dialog.inputs["project_name"].setText("家庭突发变故临时补助")  # type: ignore[attr-defined]
    dialog.inputs["funding_source"].setText("学校专项")  # type: ignore[attr-defined]

    dialog.save_button.click()  # neither an amount nor a position
    assert dialog.errors.visible_messages() == {"amount": "请填写金额或岗位"}
    dialog.inputs["amount"].setText("-500")  # type: ignore[attr-defined]
    dialog.save_button.click()
    assert dialog.errors.visible_messages() == {"amount": "不能小于 0"}
    assert not dialog.summary.isHidden()
    assert dialog.isVisible()

    dialog.inputs["amount"].setText("2000")  # type: ignore[attr-defined]
    aid = save(qtbot, dialog)
    assert aid.academic_year == current_academic_year()  # follows the date
    qtbot.waitUntil(lambda: profile.aid.table.rowCount() == 1)
    assert profile.aid.table.item(0, 2).text() == "家庭突发变故临时补助"

    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        stored = s.aid.for_student(running.ids["张三"])
    assert len(stored) == 1
    assert stored[0].amount == Decimal("2000")
    assert stored[0].aid_type == "temporary_subsidy"
    assert stored[0].granted_on == date.today()


def _reward_numbers(store: Store, student_id: str) -> tuple[int, int]:
    with store.session() as s:
        report = compute_coverage(s, current_academic_year(), include_key_support=False)
        return s.rewards.count(where={"student_id": student_id}), report.totals[Measure.REWARDS].covered


def test_a_new_reward_counts_toward_coverage_and_can_be_edited(qtbot: QtBot, running: Running) -> None:
    student_id = running.ids["李四"]
    before = run_on_store(qtbot, running, lambda store: _reward_numbers(store, student_id))
    assert before[0] == 0

    profile = open_profile(qtbot, running, "李四")
    profile.tabs.setCurrentWidget(profile.rewards)
    actions = profile.record_actions[2]
    dialog = open_dialog(qtbot, actions)
    choose(dialog.inputs["kind"], "skills_training")
    dialog.save_button.click()
    assert dialog.errors.visible_messages() == {"description": "不能为空"}
    dialog.inputs["description"].setText("参加学院计算机技能培训")  # type: ignore[attr-defined]
    dialog.inputs["granting_department"].setText("团委")  # type: ignore[attr-defined]
    reward = save(qtbot, dialog)
    qtbot.waitUntil(lambda: profile.rewards.table.rowCount() == 1)

    after = run_on_store(qtbot, running, lambda store: _reward_numbers(store, student_id))
    assert after == (1, before[1] + 1)

    dialog = open_dialog(qtbot, actions, reward.id)
    assert dialog.inputs["description"].text() == "参加学院计算机技能培训"  # type: ignore[attr-defined]
    choose(dialog.inputs["form"], "direct")
    dialog.inputs["value"].setText("300")  # type: ignore[attr-defined]
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: Decimal(profile.rewards.table.item(0, 3).text() or "0") == 300)
    assert run_on_store(qtbot, running, lambda store: _reward_numbers(store, student_id)) == after


def test_deleting_a_reward_asks_then_leaves_a_tombstone_and_an_outbox_op(
    qtbot: QtBot, running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = open_profile(qtbot, running, "王五")
    profile.tabs.setCurrentWidget(profile.rewards)
    actions = profile.record_actions[2]
    dialog = open_dialog(qtbot, actions)
    dialog.inputs["description"].setText("校级优秀学生干部表彰")  # type: ignore[attr-defined]
    reward = save(qtbot, dialog)
    qtbot.waitUntil(lambda: profile.rewards.table.rowCount() == 1)
    assert actions.delete_button.isEnabled()  # the reward just saved is selected
    assert profile.rewards.table.item(0, 0).data(Qt.ItemDataRole.UserRole) == reward.id
    assert "已保存" in running.window.save_notice.text()
    profile.rewards.table.clearSelection()
    assert not actions.delete_button.isEnabled()
    profile.rewards.table.selectRow(0)
    assert actions.delete_button.isEnabled()

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    actions.delete_button.click()  # "No": nothing happens
    assert profile.rewards.table.rowCount() == 1
    with qtbot.waitSignal(running.app.ctx.worker.data_changed):
        actions.delete_button.click()
    qtbot.waitUntil(lambda: profile.rewards.table.rowCount() == 0)
    assert asked == ["删除这条成长奖励？", "删除这条成长奖励？"]

    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        assert s.rewards.get(reward.id) is None
        state = s.rewards.sync_state(reward.id)
        ops = [op for op in pending_ops(s.db) if op.record_id == reward.id]
    assert state is not None and state.deleted
    assert [op.kind for op in ops] == [OpKind.UPSERT, OpKind.DELETE]
    assert ops[-1].record_type == "growth_reward"
    assert ops[-1].student_ids == [running.ids["王五"]]


def test_locking_closes_an_open_editor(qtbot: QtBot, running: Running) -> None:
    profile = open_profile(qtbot, running, "张三")
    profile.tabs.setCurrentWidget(profile.aid)
    actions = profile.record_actions[1]
    dialog = open_dialog(qtbot, actions)
    dialog.inputs["project_name"].setText("国家助学金")  # type: ignore[attr-defined]
    running.app.ctx.lock.lock()
    qtbot.waitUntil(lambda: actions.dialog is None)
    assert not dialog.isVisible()


@pytest.fixture(params=[Role.MENTOR, Role.ADMIN])
def read_only_running(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Running]:
    folder = tmp_path / "read-only"
    ids = make_store(folder, role=request.param)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids))
    yield Running(app, folder, ids)
    app.shutdown()


def test_mentors_and_administrators_see_no_edit_buttons(qtbot: QtBot, read_only_running: Running) -> None:
    profile = open_profile(qtbot, read_only_running, "张三")
    assert len(profile.record_actions) == 3
    for actions in profile.record_actions:
        for button in (actions.add_button, actions.edit_button, actions.delete_button):
            assert button.isHidden()
    profile.tabs.setCurrentWidget(profile.identifications)
    identification_id = profile.file.identifications[0].id
    double_click(qtbot, profile.identifications, identification_id)
    assert profile.record_actions[0].dialog is None


def test_a_reward_recorded_by_another_teacher_cannot_be_edited_here(qtbot: QtBot, running: Running) -> None:
    student_id = running.ids["周晓梅"]
    reward = GrowthReward(
        student_id=student_id,
        academic_year=current_academic_year(),
        kind=RewardKind.COMMENDATION,
        description="院级三好学生",
        granted_on=date.today(),
    )

    def from_center(store: Store) -> None:
        with store.session() as s:
            s.rewards.apply_remote(
                reward, field_versions={}, server_seq=1, author_id="another-teacher", device_id="other"
            )

    run_on_store(qtbot, running, from_center)
    profile = open_profile(qtbot, running, "周晓梅")
    profile.tabs.setCurrentWidget(profile.rewards)
    actions = profile.record_actions[2]
    dialog = open_dialog(qtbot, actions, reward.id)
    dialog.inputs["description"].setText("院级三好学生（修改）")  # type: ignore[attr-defined]
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "只能由录入人修改" in dialog.summary.text())
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
