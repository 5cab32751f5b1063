"""What the main window asks of each section (roster, visits, archive, settings, and later ones)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class Section(QWidget):
    """A page of the main window.

    `reload()` runs after unlocking, `clear()` when locking (forget every student shown, close
    editors), `save_drafts()` before locking or closing (unsaved typing goes to the store).
    """

    def reload(self) -> None:
        return None

    def clear(self) -> None:
        return None

    def save_drafts(self) -> None:
        return None
