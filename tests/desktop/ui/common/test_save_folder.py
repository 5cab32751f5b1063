"""Every save dialog starts in the folder last saved into, else Documents (one helper)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.common import save_folder


def test_start_folder_is_documents_then_the_last_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(save_folder, "_last_folder", [])
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    assert save_folder.start_folder() == expected

    offered: list[str] = []

    def dialog(_parent: object, _title: str, proposed: str, _pattern: str) -> tuple[str, str]:
        offered.append(proposed)
        return str(tmp_path / "chosen" / "x.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    (tmp_path / "chosen").mkdir()
    parent = QWidget()
    qtbot.addWidget(parent)
    assert save_folder.ask_save_path(parent, "t", "a.pdf", "*.pdf") == tmp_path / "chosen" / "x.pdf"
    assert offered == [str(expected / "a.pdf")]
    assert save_folder.ask_save_path(parent, "t", "b.pdf", "*.pdf") is not None
    assert offered[-1] == str(tmp_path / "chosen" / "b.pdf")  # the next dialog starts where the last saved
