"""Saving a visit: a calm notice naming it, the open profile refreshed with the new visit selected,
and the 家访 page's drafts list never showing the saved visit as an unsaved draft."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from desktop.app.drafts import DraftInfo
from desktop.ui.visits.draft_offer import DraftOffer
from tests.desktop.ui.conftest import Running
from tests.desktop.ui.visits.test_visit_followups import fill_required


def _fill_required(form) -> None:  # type: ignore[no-untyped-def]
    form.inputs["duration_minutes"].setValue(45)
    form.inputs["category"].setCurrentIndex(form.inputs["category"].findData("annual_coverage"))
    fill_required(form)


def _draft_ids(visits) -> set[str]:  # type: ignore[no-untyped-def]
    ids: set[str] = set()
    for row in range(visits.drafts.count()):
        draft = visits.drafts.item(row).data(0x0100)
        if isinstance(draft, DraftInfo):
            ids.add(str(draft.data.get("id")))
    return ids


def test_saved_visit_never_listed_as_a_draft(qtbot: QtBot, running: Running) -> None:
    visits = running.section("visits")
    form = visits.form
    visits.new_visit(running.ids["王五"])
    qtbot.waitUntil(lambda: form.student_id == running.ids["王五"])
    _fill_required(form)
    form.autosave.save_now()  # the typing was autosaved: the list (behind the form) shows the draft
    qtbot.waitUntil(lambda: form.visit_id in _draft_ids(visits))

    seen_on_return: list[set[str]] = []
    visits.stack.currentChanged.connect(lambda _i: seen_on_return.append(_draft_ids(visits)))
    with qtbot.waitSignal(form.saved):
        form.save_button.click()
    assert visits.stack.currentWidget() is visits.list_page
    assert seen_on_return and all(form.visit_id not in ids for ids in seen_on_return)
    assert form.visit_id not in _draft_ids(visits)
    assert running.window.save_notice.text()  # a notice names what was saved
    assert "王五" in running.window.save_notice.text()
    assert not visits.saved_banner.isHidden() and "王五" in visits.saved_banner.text()


def test_open_profile_refreshes_and_selects_the_new_visit(qtbot: QtBot, running: Running) -> None:
    section = running.section("roster")
    profile = section.profile
    with qtbot.waitSignal(profile.loaded):
        section.open_student(running.ids["李四"])
    assert profile.visits.table.rowCount() == 0
    timeline_before = profile.timeline.visible_count()
    visits = running.section("visits")
    form = visits.form
    profile.new_visit.click()
    qtbot.waitUntil(lambda: form.student_id == running.ids["李四"])
    _fill_required(form)
    with qtbot.waitSignal(profile.loaded, timeout=10_000):
        form.save_button.click()
    saved_id = form.visit_id
    # Back where the visit was started, the profile shows it, selected, on its visits tab.
    assert running.window.current_section_key() == "roster"
    assert section.stack.currentWidget() is profile
    assert profile.tabs.currentWidget() is profile.visits
    assert profile.visits.table.rowCount() == 1
    selected = profile.visits.table.selectedItems()
    assert selected and selected[0].data(0x0100) == saved_id
    assert profile.timeline.visible_count() == timeline_before + 1
    notice = running.window.save_notice
    assert not notice.isHidden()
    assert "李四" in notice.text() and "家访" in notice.text()
    assert not profile.saved_banner.isHidden() and profile.saved_banner.text() == notice.text()


def test_draft_offer_forgets_a_saved_visit(qtbot: QtBot, running: Running) -> None:
    offer = running.window.findChild(DraftOffer, "draftOffer")
    assert offer is not None
    kept = [
        DraftInfo(id=f"d{i}", student_id="s", student_name=name, saved_at=datetime.now().astimezone(),
                  data={"id": f"v{i}"})
        for i, name in enumerate(("王五", "赵六"))
    ]  # fmt: skip
    offer.offer(kept)
    assert not offer.isHidden()
    running.section("visits").form.saved.emit("v0")  # the first draft's visit was saved
    assert [d.id for d in offer.drafts] == ["d1"] and not offer.isHidden()
    assert "赵六" in offer.text.text()
    running.section("visits").form.saved.emit("v1")
    assert offer.drafts == [] and offer.isHidden()
