"""Editing family data on the profile; filling a visit with validation errors, fixing, saving."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from sync.records import VisitStatus
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.store_fixtures import PASSPHRASE


def open_profile(qtbot: QtBot, running: Running, name: str):  # type: ignore[no-untyped-def]
    section = running.section("roster")
    with qtbot.waitSignal(section.profile.loaded):
        section.open_student(running.ids[name])
    return section.profile


def test_edit_and_save_family_data(qtbot: QtBot, running: Running) -> None:
    profile = open_profile(qtbot, running, "张三")
    family = profile.basic.family
    row = family.add_row({})
    family.set_text(row, "name", "李秀兰")
    family.set_text(row, "age", "abc")
    family.set_text(row, "relationship", "母亲")
    profile.basic.save_button.click()
    assert not family.errors.isHidden()
    assert "整数" in family.errors.text()

    family.set_text(row, "age", "48")
    family.set_text(row, "annual_income", "12000")
    with qtbot.waitSignal(running.app.ctx.worker.data_changed):
        profile.basic.save_button.click()
    assert family.errors.isHidden()
    qtbot.waitUntil(lambda: profile.basic.message.text() == "已保存。")

    running.app.shutdown()  # release the store so the test can read it directly
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        members = {m.name: m for m in s.family.for_student(running.ids["张三"])}
    assert set(members) == {"张大山", "李秀兰"}
    assert members["李秀兰"].age == 48
    assert str(members["李秀兰"].annual_income) == "12000.00"


def test_invalid_id_number_shows_chinese_message(qtbot: QtBot, running: Running) -> None:
    profile = open_profile(qtbot, running, "李四")
    basic = profile.basic
    basic.id_number.setFocus()
    basic.id_number.set_value("12345")
    basic.save_button.click()
    label = basic.errors.labels["id_number"]
    assert not label.isHidden()
    assert label.text() == "身份证号应为 18 位"


def test_visit_with_errors_then_fixed_and_saved(qtbot: QtBot, running: Running) -> None:
    profile = open_profile(qtbot, running, "李四")
    visits = running.section("visits")
    form = visits.form
    with qtbot.waitSignal(running.app.ctx.worker.busy_changed):
        profile.new_visit.click()
    qtbot.waitUntil(lambda: form.student_id == running.ids["李四"])
    assert running.window.current_section_key() == "visits"
    assert "李四" in form.heading.text()

    form.inputs["duration_minutes"].setValue(90)
    form.inputs["place"].setText("某某县城关镇幸福路88号")
    category = form.inputs["category"]
    category.setCurrentIndex(category.findData("annual_coverage"))
    form.save_button.click()
    errors = form.errors.visible_messages()
    assert errors["place"].startswith("地点只记录到县/镇")
    assert errors["school_feedback"] == "在校表现反馈为必填项"
    assert errors["family_opinions"] == "家长及学生意见建议为必填项"
    assert not form.summary.isHidden()

    form.inputs["place"].setText("某某县城关镇")
    form.inputs["school_feedback"].setPlainText("学习认真，积极参加班级活动。")
    form.inputs["family_opinions"].setPlainText("家长希望学校多关注学生的学业。")
    form.inputs["income_sources"].boxes["farming"].setChecked(True)
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert form.errors.visible_messages() == {}
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.list_page)

    running.app.shutdown()
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        saved = s.visits.for_student(running.ids["李四"])
    assert len(saved) == 1
    assert saved[0].status == VisitStatus.SUBMITTED
    assert saved[0].place == "某某县城关镇"
    assert [v.name for v in saved[0].visitors] == ["王老师"]


def test_second_visit_same_day_asks_first(qtbot: QtBot, running: Running, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    visits = running.section("visits")
    form = visits.form
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    for attempt in range(2):
        visits.new_visit(running.ids["王五"])
        qtbot.waitUntil(
            lambda: form.student_id == running.ids["王五"] and visits.stack.currentWidget() is form
        )
        form.inputs["duration_minutes"].setValue(30)
        form.inputs["category"].setCurrentIndex(form.inputs["category"].findData("annual_coverage"))
        form.inputs["school_feedback"].setPlainText("表现良好。")
        form.inputs["family_opinions"].setPlainText("无。")
        if attempt == 0:
            with qtbot.waitSignal(form.saved):
                form.save_button.click()
            qtbot.waitUntil(lambda: visits.stack.currentWidget() is visits.list_page)
        else:
            form.save_button.click()
            qtbot.waitUntil(lambda: bool(asked))
            qtbot.waitUntil(form.save_button.isEnabled)
    assert asked == ["同一天再次家访"]
    assert visits.stack.currentWidget() is form  # declined: still editing


def test_key_support_tab_only_for_roles_that_may_see_it(qtbot: QtBot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sync.records import Role
    from tests.desktop.ui.conftest import start_app, unlock
    from tests.desktop.ui.store_fixtures import make_store

    for role, visible in ((Role.ADMIN, False), (Role.COUNSELOR, True)):
        folder = tmp_path / role.value
        ids = make_store(folder, role=role)
        app = start_app(qtbot, qapp, folder)
        unlock(qtbot, app)
        section = app.window.sections["roster"]
        profile = section.profile
        with qtbot.waitSignal(profile.loaded):
            section.open_student(ids["张三"])
        assert profile.tabs.isTabVisible(profile.tabs.indexOf(profile.key_support)) is visible
        assert profile.archive_key_support_pdf.isVisible() is visible or not profile.isVisible()
        app.shutdown()
