"""Where every save dialog starts: the folder the user last saved into (this run of the app), else
Documents (the home folder when there is none). One helper, so each dialog does not pick its own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder: list[Path] = []


def start_folder() -> Path:
    if _last_folder and _last_folder[-1].is_dir():
        return _last_folder[-1]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(folder: Path) -> None:
    """The folder a file was saved into (or exported into) becomes the next dialogs' start."""
    _last_folder[:] = [folder]


def ask_save_path(parent: QWidget, title: str, file_name: str, pattern: str) -> Path | None:
    """A save dialog in the start folder with ``file_name`` proposed; the chosen folder is remembered."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start_folder() / file_name), pattern)
    if not path:
        return None
    chosen = Path(path)
    remember_folder(chosen.parent)
    return chosen
