"""A visit form typed in a process that is then killed with SIGKILL is offered back on the next start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from desktop.store.engine import open_engine
from desktop.store.key_vault import KeyVault
from desktop.store.repositories.drafts import DraftRepository
from desktop.store.store import Store
from desktop.ui.visits.draft_offer import DraftOffer
from tests.desktop.ui.conftest import start_app, unlock
from tests.desktop.ui.store_fixtures import PASSPHRASE

REPO = Path(__file__).resolve().parents[4]


def _drafts_on_disk(data_dir: Path, key: bytes) -> list[dict[str, object]]:
    """Read the drafts straight from the encrypted file (the app holds the folder lock)."""
    engine = open_engine(Store.db_path_of(data_dir), key)
    try:
        with Session(engine) as db:
            drafts = DraftRepository(db).list()
    finally:
        engine.dispose()
    return [
        {
            "student_id": d.student_id,
            "student_name": d.student_name,
            "saved_at": d.saved_at.isoformat(),
            "data": d.data,
        }
        for d in drafts
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_draft_survives_kill_9(
    qtbot: QtBot, qapp: QApplication, data_dir: tuple[Path, dict[str, str]]
) -> None:
    folder, ids = data_dir
    key = KeyVault(folder).unlock(PASSPHRASE)
    env = {**os.environ, "JIAFANG_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.ui.autosave_child", str(folder), ids["张三"]],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        found: list[dict[str, object]] = []

        def draft_written() -> bool:
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            found[:] = [
                d for d in _drafts_on_disk(folder, key) if "学习委员" in json.dumps(d, ensure_ascii=False)
            ]
            return bool(found)

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

    app = start_app(qtbot, qapp, folder)
    unlock(qtbot, app)
    offer = app.window.findChild(DraftOffer, "draftOffer")
    assert offer is not None
    qtbot.waitUntil(lambda: not offer.isHidden())
    assert "张三" in offer.text.text()
    offer.open_button.click()
    form = app.window.sections["visits"].form
    assert app.window.current_section_key() == "visits"
    assert form.student_id == ids["张三"]
    assert form.inputs["school_feedback"].toPlainText() == "学习认真，担任班级学习委员。"
    assert form.inputs["duration_minutes"].value() == 75
    app.shutdown()
