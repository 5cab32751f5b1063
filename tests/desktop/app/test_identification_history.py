"""Identification edits keep a history of level changes (moved from the UI tests; no Qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.app.record_editing import StatusStep, save_identification
from desktop.store.store import Store
from sync.records import IdentificationLevel, IdentificationStatus
from tests.desktop.ui.store_fixtures import PASSPHRASE, make_store


def test_identification_level_changes_are_kept_and_unchanged_saves_add_no_history(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    ids = make_store(folder)
    with Store.open(folder, PASSPHRASE) as store:
        with store.session() as s:
            current = s.identifications.for_student(ids["张三"])[0]
        step = StatusStep(on=date.today(), semester="第二学期", note="学期调整")
        same = save_identification(store, current.model_copy(update={"note": "复核无变化"}), step)
        assert same.history == []
        lowered = save_identification(
            store, same.model_copy(update={"level": IdentificationLevel.GENERALLY_DIFFICULT}), step
        )
        assert [(c.status, c.level) for c in lowered.history] == [
            (IdentificationStatus.APPLIED, IdentificationLevel.GENERALLY_DIFFICULT)
        ]
        pending = save_identification(store, lowered.model_copy(update={"level": None}), step)
        with store.session() as s:
            stored = s.identifications.require(current.id)
    assert pending.level is None and stored.level is None
    assert stored.note == "复核无变化"
    assert [c.level for c in stored.history] == [IdentificationLevel.GENERALLY_DIFFICULT, None]
    assert stored.history[-1].semester == "第二学期"
