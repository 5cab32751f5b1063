"""The 家访 page's list of unsaved forms tells two forms of one student apart by their visit dates."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from desktop.app.changes import Kind
from desktop.app.drafts import DraftInfo, save_draft
from desktop.store.store import Store
from tests.desktop.ui.conftest import Running


def test_two_unsaved_forms_of_one_student_show_their_visit_dates(qtbot: QtBot, running: Running) -> None:
    visits = running.section("visits")
    running.window.show_section("visits")
    student = running.ids["张三"]
    saved = datetime(2026, 11, 20, 9, 30)
    drafts = [
        DraftInfo("d-1", student, "张三", saved, {"visit_date": "2026-11-18"}),
        DraftInfo("d-2", student, "张三", saved, {"visit_date": "2026-11-19"}),
        DraftInfo("d-3", student, "张三", saved, {"visit_date": None}),
    ]

    def keep(store: Store) -> None:
        for draft in drafts:
            save_draft(store, draft)

    running.app.ctx.worker.run(keep, changes={Kind.VISIT_DRAFT})
    qtbot.waitUntil(lambda: visits.drafts.count() == 3)
    texts = sorted(visits.drafts.item(row).text() for row in range(visits.drafts.count()))
    assert texts == [
        "张三 — 保存于 2026-11-20 09:30",
        "张三 — 家访日期 2026-11-18，保存于 2026-11-20 09:30",
        "张三 — 家访日期 2026-11-19，保存于 2026-11-20 09:30",
    ]
