"""What a saved home visit leads to: a monitoring flag offered for a recent shock, and the wish list
filled in on the visit saved with it (one transaction)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from sync.records import (
    FlagKind,
    FlagStatus,
    HomeVisit,
    WishChannel,
    WishFiller,
    WishListState,
    WishPriority,
)
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE, add_catalog


@pytest.fixture
def app_with_catalog(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]]
) -> Iterator[tuple[Running, dict[str, str]]]:
    folder, ids = data_dir
    items = add_catalog(folder)
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    roster = app.window.sections["roster"].roster
    qtbot.waitUntil(lambda: roster.model.rowCount() == len(ids))
    yield Running(app, folder, ids), items
    app.shutdown()


def open_form(qtbot: QtBot, running: Running, name: str) -> Any:
    visits = running.section("visits")
    form = visits.form
    visits.new_visit(running.ids[name])
    qtbot.waitUntil(lambda: form.student_id == running.ids[name] and visits.stack.currentWidget() is form)
    form.inputs["duration_minutes"].setValue(60)
    form.inputs["category"].setCurrentIndex(form.inputs["category"].findData("annual_coverage"))
    return form


def fill_required(form: Any) -> None:
    form.inputs["school_feedback"].setPlainText("学习认真。")
    form.inputs["family_opinions"].setPlainText("希望学校多关心。")


def stored(running: Running, fn: Any) -> Any:
    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        return fn(s)


def test_a_recent_shock_offers_a_flag_raised_with_one_click(
    qtbot: QtBot, app_with_catalog: tuple[Running, dict[str, str]]
) -> None:
    running, _items = app_with_catalog
    visits = running.section("visits")
    form = open_form(qtbot, running, "张三")
    fill_required(form)
    form.inputs["recent_shocks"].setPlainText("父亲今年九月务工受伤住院。")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    offer = visits.flag_offer
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.list_page)
    assert offer.isVisible()
    assert "张三" in offer.text.text()
    assert offer.description.toPlainText() == "父亲今年九月务工受伤住院。"
    assert offer.suggestion.text() == "临时困难补助"  # prefilled, editable
    offer.description.setPlainText("父亲务工受伤住院，家庭收入中断。")
    with qtbot.waitSignal(running.app.ctx.worker.data_changed):
        offer.raise_button.click()
    qtbot.waitUntil(lambda: offer.raise_button.isHidden())
    assert offer.text.text().startswith("已提出监测反馈")
    visit_id = form.visit_id

    # The same visit is not offered twice.
    saved_visit = HomeVisit.model_validate(
        {**form.values(), "status": "submitted", "recorded_by_id": None, "id": visit_id}
    )
    offer.dismiss()
    offer.offer(saved_visit, "张三")
    assert offer.isHidden()

    def check(s: Any) -> None:
        visit = s.visits.require(visit_id)
        flags = s.flags.for_student(running.ids["张三"])
        assert len(flags) == 1
        flag = flags[0]
        assert flag.kind is FlagKind.FAMILY_EMERGENCY
        assert flag.status is FlagStatus.OPEN
        assert flag.raised_on == visit.visit_date  # the visit's flag: same student, kind and day
        assert flag.description == "父亲务工受伤住院，家庭收入中断。\n建议措施：临时困难补助"

    stored(running, check)


def test_no_offer_without_a_shock_and_none_for_a_draft(
    qtbot: QtBot, app_with_catalog: tuple[Running, dict[str, str]]
) -> None:
    running, _items = app_with_catalog
    visits = running.section("visits")
    form = open_form(qtbot, running, "李四")
    form.inputs["recent_shocks"].setPlainText("母亲突发疾病。")
    form.save_as_draft()  # a draft is not a saved visit: nothing offered
    qtbot.waitUntil(lambda: form.draft_state.text() != "")
    assert visits.flag_offer.isHidden()
    form.close_form()
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.list_page)
    assert visits.flag_offer.isHidden()

    form = open_form(qtbot, running, "王五")
    fill_required(form)
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert visits.flag_offer.isHidden()
    assert stored(running, lambda s: s.flags.list()) == []


def test_wish_list_filled_in_on_the_visit_is_saved_with_it(
    qtbot: QtBot, app_with_catalog: tuple[Running, dict[str, str]]
) -> None:
    running, items = app_with_catalog
    form = open_form(qtbot, running, "王五")
    panel = form.wish_panel
    assert panel.isHidden()
    state = form.inputs["wish_list_state"]
    state.setCurrentIndex(state.findData(WishListState.FILLED_IN.value))
    assert not panel.isHidden()
    qtbot.waitUntil(lambda: panel.picker.loaded)
    # Active items only, grouped by category.
    assert set(panel.picker.items) == {items["一对一心理辅导"], items["学业帮扶结对"]}
    groups = [panel.picker.topLevelItem(i).text(0) for i in range(panel.picker.topLevelItemCount())]
    assert groups == ["心理困难", "学业困难"]

    # Nothing chosen: refused, nothing saved.
    fill_required(form)
    form.save_button.click()
    assert panel.error.text() == "请从心愿单中至少选择一个服务项目。"
    assert form.save_button.isEnabled()

    panel.picker.check(items["学业帮扶结对"])
    panel.filled_by.setCurrentIndex(panel.filled_by.findData(WishFiller.PARENT.value))
    panel.priority.setCurrentIndex(panel.priority.findData(WishPriority.HIGH.value))
    panel.details.setPlainText("希望有同专业的学长结对辅导高等数学。")
    # The visit itself is invalid (feedback missing): neither the visit nor the wish is written.
    form.inputs["school_feedback"].setPlainText("")
    form.save_button.click()
    assert "school_feedback" in form.errors.visible_messages()
    assert form.save_button.isEnabled()

    form.inputs["school_feedback"].setPlainText("学习认真。")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    visit_id = form.visit_id

    def check(s: Any) -> None:
        assert [v.id for v in s.visits.for_student(running.ids["王五"])] == [visit_id]
        wishes = s.wishes.for_student(running.ids["王五"])
        assert len(wishes) == 1
        wish = wishes[0]
        assert wish.visit_id == visit_id
        assert wish.item_ids == [items["学业帮扶结对"]]
        assert wish.filled_by is WishFiller.PARENT
        assert wish.channel is WishChannel.HOME_VISIT_PAPER
        assert wish.priority is WishPriority.HIGH
        assert wish.details == "希望有同专业的学长结对辅导高等数学。"

    stored(running, check)


def test_the_wish_list_survives_in_the_draft(
    qtbot: QtBot, app_with_catalog: tuple[Running, dict[str, str]]
) -> None:
    running, items = app_with_catalog
    visits = running.section("visits")
    form = open_form(qtbot, running, "赵六")
    state = form.inputs["wish_list_state"]
    state.setCurrentIndex(state.findData(WishListState.FILLED_IN.value))
    qtbot.waitUntil(lambda: form.wish_panel.picker.loaded)
    form.wish_panel.picker.check(items["一对一心理辅导"])
    with qtbot.waitSignal(form.autosave.saved):
        form.save_as_draft()
    form.close_form()
    qtbot.waitUntil(lambda: visits.drafts.count() == 1)
    visits.resume(visits.drafts.item(0).data(256))
    qtbot.waitUntil(lambda: form.wish_panel.picker.loaded and not form.wish_panel.isHidden())
    assert form.wish_panel.picker.values() == [items["一对一心理辅导"]]


def test_a_suggested_subsidy_without_a_shock_offers_too(
    qtbot: QtBot, app_with_catalog: tuple[Running, dict[str, str]]
) -> None:
    running, _items = app_with_catalog
    visits = running.section("visits")
    form = open_form(qtbot, running, "周晓梅")
    fill_required(form)
    form.inputs["suggest_temporary_subsidy"].setChecked(True)
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    offer = visits.flag_offer
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.list_page)
    assert offer.isVisible()
    assert "建议给予临时困难补助" in offer.text.text()
    assert offer.description.toPlainText() == "家访中了解到家庭近期发生突发情况，建议评估临时困难补助。"
    offer.dismiss_button.click()
    assert offer.isHidden()
    assert stored(running, lambda s: s.flags.list()) == []  # "Not now" raises nothing
