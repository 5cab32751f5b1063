"""Reopening a saved home visit in the visit form: every stored value shown, only changed fields saved
(and put in the outbox op), the same validation, author-owned and reviewed visits read-only, the
unsaved edit kept as a draft of that visit until it is saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.visits import VisitReviewed
from desktop.store.key_vault import KeyVault
from desktop.store.monitoring_workflow import flag_from_visit
from desktop.store.outbox import pending_ops
from desktop.store.repositories.errors import NotAuthor
from desktop.store.store import Store
from desktop.ui.common.form_bindings import get_value, set_value
from desktop.ui.visits.draft_offer import DraftOffer
from desktop.ui.visits.visits_section import VisitsSection
from sync.records import (
    Attachment,
    ConfirmationMethod,
    DifficultyType,
    HomeVisit,
    HouseholdMember,
    IncomeSource,
    Interviewee,
    Policy,
    SpecialGroup,
    TriState,
    VisitCategory,
    VisitMode,
    Visitor,
    VisitStatus,
    WishCatalogItem,
    WishListState,
    WishSelection,
)
from sync.records.academic import academic_year_of
from tests.desktop.ui.conftest import Running, start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE
from tests.desktop.ui.visit_edit_child import FOLLOW_UP
from tests.desktop.ui.visits.test_autosave_recovery import REPO, _drafts_on_disk
from tests.desktop.ui.visits.test_visit_photos import write_photo

DAY = date.today() - timedelta(days=10)


@dataclass
class Seeded:
    ours: str  # 张三's visit, recorded here, every kind of field filled
    others: str  # 李四's visit, recorded by another teacher
    reviewed: str  # 王五's reviewed visit
    flagged: str  # 周晓梅's visit with a recent shock whose flag was raised
    item: str  # the wish catalogue item chosen on 张三's visit
    other_item: str


def _visit(student_id: str, **fields: Any) -> HomeVisit:
    base: dict[str, Any] = {
        "student_id": student_id,
        "category": VisitCategory.ANNUAL_COVERAGE,
        "mode": VisitMode.ON_SITE,
        "visit_date": DAY,
        "duration_minutes": 60,
        "place": "某某县城关镇",
        "visitors": [Visitor(name="王老师")],
        "school_feedback": "学习认真。",
        "family_opinions": "希望多关注学业。",
    }
    base.update(fields)
    return HomeVisit(**base)


def seed(folder: Path, ids: dict[str, str], photo: bytes) -> Seeded:
    with Store.open(folder, PASSPHRASE) as store, store.session() as s:
        item = s.wish_catalog.create(
            WishCatalogItem(
                category=DifficultyType.ACADEMIC, service_item="学业帮扶结对", provider_department="教务处"
            )
        )
        other_item = s.wish_catalog.create(
            WishCatalogItem(
                category=DifficultyType.PSYCHOLOGICAL,
                service_item="一对一心理辅导",
                provider_department="心理中心",
            )
        )
        stored = s.attachments.add_photo(photo)
        ours = s.visits.create(
            _visit(
                ids["张三"],
                category=VisitCategory.PRE_IDENTIFICATION,
                mode=VisitMode.VIDEO,
                duration_minutes=75,
                visitors=[Visitor(name="王老师"), Visitor(name="陈辅导员", role="head_teacher")],
                interviewees=[Interviewee(name="张大山", relationship="父亲")],
                household=[
                    HouseholdMember(
                        name="张大山", age=50, relationship="父亲", occupation="务农", annual_income="8000"
                    )
                ],
                income_sources=[IncomeSource.FARMING, IncomeSource.MIGRANT_WORK],
                income_amount="15000",
                income_notes="以种植为主。",
                debts_amount="3000",
                special_groups_verified={SpecialGroup.DIBAO: TriState.YES},
                causes=["illness"],
                student_traits="懂事，常帮家里干农活。",
                policies_explained=[Policy.GRANT, Policy.LOAN_ORIGIN],
                gifts_amount="500",
                wish_list_state=WishListState.FILLED_IN,
                verification_result="情况属实。",
                suggested_level="difficult",
                key_support_suggested=True,
                suggested_difficulties=[DifficultyType.ACADEMIC],
                follow_up="下学期再电话回访。",
                visitor_signed=True,
                family_confirmation=ConfirmationMethod.ONLINE,
                family_confirmed_by="张大山",
                photo_consent=True,
                attachments=[
                    Attachment(
                        sha256=stored.sha256, file_name="院子.png", media_type="image/png", size=stored.size
                    )
                ],
            )
        )
        s.wishes.create(
            WishSelection(
                student_id=ids["张三"],
                academic_year=academic_year_of(DAY),
                visit_id=ours.id,
                item_ids=[item.id],
                details="需要数学辅导。",
            )
        )
        others = _visit(ids["李四"], recorded_by_id="another-teacher")
        s.visits.apply_remote(
            others, field_versions={}, server_seq=1, author_id="another-teacher", device_id="another-laptop"
        )
        reviewed = s.visits.create(
            _visit(
                ids["王五"],
                status=VisitStatus.REVIEWED,
                reviewed_by_id="center-staff",
                reviewed_at=datetime.now(UTC),
            )
        )
        flagged = s.visits.create(_visit(ids["周晓梅"], recent_shocks="父亲上月因病住院。"))
        assert flag_from_visit(s, flagged) is not None
    return Seeded(ours.id, others.id, reviewed.id, flagged.id, item.id, other_item.id)


@pytest.fixture
def seeded(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]], tmp_path: Path
) -> Iterator[tuple[Running, Seeded]]:
    folder, ids = data_dir
    visits = seed(folder, ids, write_photo(tmp_path / "院子.png", "#3a7d44"))
    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    running = Running(app, folder, ids)
    yield running, visits
    app.shutdown()


def open_from_profile(qtbot: QtBot, running: Running, name: str, visit_id: str):  # type: ignore[no-untyped-def]
    roster = running.section("roster")
    with qtbot.waitSignal(roster.profile.loaded):
        roster.open_student(running.ids[name])
    profile = roster.profile
    table = profile.visits.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(0x0100) == visit_id)
    table.selectRow(row)
    assert profile.edit_visit.isEnabled()
    visits = running.section("visits")
    form = visits.form
    profile.edit_visit.click()
    qtbot.waitUntil(lambda: form.edit is not None and form.visit_id == visit_id)
    qtbot.waitUntil(lambda: visits.stack.currentWidget() is form)
    assert running.window.current_section_key() == "visits"
    return form


def stored(running: Running, visit_id: str) -> tuple[HomeVisit, list[Any], list[str]]:
    """The visit, the outbox ops for it and the drafts (the app must be shut down first)."""
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        visit = s.visits.require(visit_id)
        ops = [op for op in pending_ops(s.db) if op.record_id == visit_id]
        drafts = [draft.id for draft in s.drafts.list()]
    return visit, ops, drafts


def test_saved_visit_opens_with_every_field(qtbot: QtBot, seeded: tuple[Running, Seeded]) -> None:
    running, visits = seeded
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    assert "张三" in form.heading.text() and DAY.isoformat() in form.heading.text()
    assert "编辑" in form.heading.text()
    i = form.inputs
    assert i["category"].currentData() == "pre_identification"
    assert i["mode"].currentData() == "video"
    assert i["visit_date"].value() == DAY
    assert i["duration_minutes"].value() == 75
    assert [(p["name"], p["role"]) for p in i["visitors"].people()] == [
        ("王老师", "counselor"),
        ("陈辅导员", "head_teacher"),
    ]
    assert i["interviewees"].people() == [{"name": "张大山", "relationship": "父亲"}]
    [(_member_id, member)] = i["household"].rows()
    assert member["name"] == "张大山" and member["age"] == 50 and member["occupation"] == "务农"
    assert set(i["income_sources"].values()) == {"farming", "migrant_work"}
    assert i["income_amount"].text() == "15000.00" and i["debts_amount"].text() == "3000.00"
    assert i["income_notes"].toPlainText() == "以种植为主。"
    assert form.groups.values()["dibao"] == "yes"
    assert i["causes"].values() == ["illness"]
    assert set(i["policies_explained"].values()) == {"grant", "loan_origin"}
    assert i["gifts_amount"].text() == "500.00"
    assert i["wish_list_state"].currentData() == "filled_in"
    assert form.wish_panel.isVisibleTo(form)
    assert form.wish_panel.values()["item_ids"] == [visits.item]
    assert form.wish_panel.values()["details"] == "需要数学辅导。"
    assert i["verification_result"].toPlainText() == "情况属实。"
    assert i["suggested_level"].currentData() == "difficult"
    assert i["key_support_suggested"].isChecked()
    assert i["suggested_difficulties"].values() == ["academic"]
    assert i["follow_up"].toPlainText() == "下学期再电话回访。"
    assert i["visitor_signed"].isChecked() and not i["student_signed"].isChecked()
    assert i["family_confirmation"].currentData() == "online"
    assert i["family_confirmed_by"].text() == "张大山"
    assert i["photo_consent"].isChecked()
    assert [p["file_name"] for p in form.photos.values()] == ["院子.png"]
    assert form.save_button.isVisible() and i["place"].isEnabled()
    assert form.summary.isHidden()


def test_edit_two_fields_saves_only_them(
    qtbot: QtBot, seeded: tuple[Running, Seeded], monkeypatch: pytest.MonkeyPatch
) -> None:
    running, visits = seeded
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(str(a[1])))
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    form.inputs["place"].setText("某某县河口镇")
    form.inputs["follow_up"].setPlainText("下学期再电话回访；已寄去复习资料。")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert asked == []  # its own day: no "second visit on the same day" question
    qtbot.waitUntil(lambda: running.window.current_section_key() == "roster")  # back to the profile
    assert form.errors.visible_messages() == {}
    running.app.shutdown()
    visit, ops, drafts = stored(running, visits.ours)
    assert visit.place == "某某县河口镇"
    assert visit.follow_up == "下学期再电话回访；已寄去复习资料。"
    assert visit.duration_minutes == 75 and visit.visitors[1].name == "陈辅导员"
    assert visit.status is VisitStatus.SUBMITTED
    assert set(ops[-1].fields) == {"place", "follow_up"}
    assert drafts == []


def test_invalid_edit_shows_the_message_and_changes_nothing(
    qtbot: QtBot, seeded: tuple[Running, Seeded]
) -> None:
    running, visits = seeded
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    form.inputs["school_feedback"].setPlainText("")
    form.inputs["place"].setText("某某县城关镇幸福路88号")
    form.inputs["suggested_level"].setCurrentIndex(0)  # blank
    form.save_button.click()
    errors = form.errors.visible_messages()
    assert errors["school_feedback"] == "在校表现反馈为必填项"
    assert errors["place"].startswith("地点只记录到县/镇")
    assert errors["suggested_level"] == "认定前核实须填写档次建议"
    assert not form.summary.isHidden()
    assert form.student_id is not None  # still editing
    running.app.shutdown()
    visit, ops, _drafts = stored(running, visits.ours)
    assert visit.school_feedback == "学习认真。" and visit.place == "某某县城关镇"
    assert [op.kind for op in ops] == ["upsert"] and "place" in ops[0].fields  # only the create


@pytest.mark.parametrize(
    ("name", "which", "reason"), [("李四", "others", NotAuthor), ("王五", "reviewed", VisitReviewed)]
)
def test_visit_opens_read_only(
    qtbot: QtBot, seeded: tuple[Running, Seeded], name: str, which: str, reason: type[Exception]
) -> None:
    running, visits = seeded
    visit_id = getattr(visits, which)
    form = open_from_profile(qtbot, running, name, visit_id)
    assert form.summary.text() == str(reason())
    assert not form.summary.isHidden()
    assert form.save_button.isHidden() and form.draft_button.isHidden()
    assert not form.inputs["place"].isEnabled() and not form.photos.isEnabled()
    assert get_value(form.inputs["place"]) == "某某县城关镇"
    form.save()  # Ctrl+S does nothing either
    form.close_button.click()
    visits_section = running.section("visits")
    qtbot.waitUntil(lambda: visits_section.stack.currentWidget() is visits_section.list_page)
    running.app.shutdown()
    _visit_now, ops, drafts = stored(running, visit_id)
    assert len(ops) <= 1 and drafts == []


def test_unsaved_edit_survives_a_restart_and_the_visit_is_unchanged_until_saved(
    qtbot: QtBot, qapp: QApplication, seeded: tuple[Running, Seeded]
) -> None:
    running, visits = seeded
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    form.inputs["follow_up"].setPlainText("寒假前再去一次。")
    with qtbot.waitSignal(form.autosave.saved, timeout=20_000):
        pass
    running.app.shutdown()
    visit, ops, drafts = stored(running, visits.ours)
    assert visit.follow_up == "下学期再电话回访。"
    assert len(ops) == 1
    assert drafts == [visits.ours]

    app = start_app(qtbot, qapp, running.data_dir)
    unlock(qtbot, app)
    offer = app.window.findChild(DraftOffer, "draftOffer")
    assert offer is not None
    qtbot.waitUntil(lambda: not offer.isHidden())
    assert "张三" in offer.text.text()
    offer.open_button.click()
    section = app.window.sections["visits"]
    assert isinstance(section, VisitsSection)
    form = section.form
    qtbot.waitUntil(lambda: form.edit is not None and form.visit_id == visits.ours)
    assert get_value(form.inputs["follow_up"]) == "寒假前再去一次。"
    assert get_value(form.inputs["place"]) == "某某县城关镇"
    assert "编辑" in form.heading.text()
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    app.shutdown()
    running.app = app
    visit, ops, drafts = stored(running, visits.ours)
    assert visit.follow_up == "寒假前再去一次。"
    assert set(ops[-1].fields) == {"follow_up"}
    assert drafts == []


def test_closing_an_edit_with_changes_asks_and_discarding_keeps_the_visit(
    qtbot: QtBot, seeded: tuple[Running, Seeded], monkeypatch: pytest.MonkeyPatch
) -> None:
    running, visits = seeded
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def answer(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    section = running.section("visits")
    form.close_button.click()  # nothing changed: closes without asking
    qtbot.waitUntil(lambda: section.stack.currentWidget() is section.list_page)
    assert asked == []

    form = open_from_profile(qtbot, running, "张三", visits.ours)
    form.inputs["duration_minutes"].setValue(20)
    form.close_button.click()  # Cancel: still editing
    assert len(asked) == 1 and section.stack.currentWidget() is form
    with qtbot.waitSignal(running.app.ctx.worker.data_changed):
        form.close_button.click()  # Discard
    assert len(asked) == 2 and section.stack.currentWidget() is section.list_page
    running.app.shutdown()
    visit, ops, drafts = stored(running, visits.ours)
    assert visit.duration_minutes == 75 and len(ops) == 1 and drafts == []


def test_no_second_flag_offer_for_a_visit_with_its_flag(qtbot: QtBot, seeded: tuple[Running, Seeded]) -> None:
    running, visits = seeded
    form = open_from_profile(qtbot, running, "周晓梅", visits.flagged)
    section = running.section("visits")
    form.inputs["recent_shocks"].setPlainText("父亲上月因病住院，现已出院。")
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    qtbot.waitUntil(lambda: section.stack.currentWidget() is section.list_page)
    assert section.flag_offer.isHidden()

    # A shock added to a visit without a flag is offered.
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    form.inputs["recent_shocks"].setPlainText("母亲上周骨折。")
    with qtbot.waitSignal(form.flag_suggested):
        form.save_button.click()
    qtbot.waitUntil(lambda: not section.flag_offer.isHidden())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_edit_draft_survives_kill_9(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, ids = data_dir
    visits = seed(folder, ids, write_photo(tmp_path / "院子.png", "#3a7d44"))
    key = KeyVault(folder).unlock(PASSPHRASE)
    env = {**os.environ, "JIAFANG_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.ui.visit_edit_child", str(folder), visits.ours],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:

        def draft_written() -> bool:
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            return any(
                d["data"].get("edit_of") == visits.ours and d["data"].get("follow_up") == FOLLOW_UP  # type: ignore[attr-defined]
                for d in _drafts_on_disk(folder, key)
            )

        qtbot.waitUntil(draft_written, timeout=60_000)
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    with Store.open(folder, PASSPHRASE) as store, store.session() as s:
        assert s.visits.require(visits.ours).follow_up == "下学期再电话回访。"  # unchanged until saved

    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    offer = app.window.findChild(DraftOffer, "draftOffer")
    assert offer is not None
    qtbot.waitUntil(lambda: not offer.isHidden())
    offer.open_button.click()
    section = app.window.sections["visits"]
    assert isinstance(section, VisitsSection)
    form = section.form
    qtbot.waitUntil(lambda: form.edit is not None and form.visit_id == visits.ours)
    assert get_value(form.inputs["follow_up"]) == FOLLOW_UP
    assert form.draft_state.text() == "已恢复未保存的修改"
    assert "编辑" in form.heading.text()
    app.shutdown()


def test_edit_changes_the_wish_list_filled_in_on_the_visit(
    qtbot: QtBot, seeded: tuple[Running, Seeded], monkeypatch: pytest.MonkeyPatch
) -> None:
    running, visits = seeded
    asked: list[str] = []

    def write_back(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[1]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", write_back)
    form = open_from_profile(qtbot, running, "张三", visits.ours)
    qtbot.waitUntil(lambda: form.wish_panel.picker.loaded)
    form.wish_panel.set_values({**form.wish_panel.values(), "item_ids": [visits.item, visits.other_item]})
    [(_member_id, member)] = form.inputs["household"].rows()
    set_value(form.inputs["household"], [{**member, "age": 51}])
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert asked == ["家庭成员有改动"]  # asked once; "yes": the profile's family follows the visit
    running.app.shutdown()
    visit, ops, _drafts = stored(running, visits.ours)
    assert set(ops[-1].fields) == {"household"}
    assert visit.household[0].age == 51
    with Store.open(running.data_dir, PASSPHRASE) as store, store.session() as s:
        selections = s.wishes.list(where={"visit_id": visits.ours})
        family = s.family.for_student(running.ids["张三"])
    assert [set(sel.item_ids) for sel in selections] == [{visits.item, visits.other_item}]  # the same one
    assert [(m.name, m.age) for m in family] == [("张大山", 51)]
