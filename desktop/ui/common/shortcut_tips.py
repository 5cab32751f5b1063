"""Keyboard first: an action's shortcut is bound on its button and shown in its tooltip."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton


def key_text(sequence: QKeySequence | QKeySequence.StandardKey) -> str:
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(
    button: QAbstractButton,
    tip: str,
    sequence: QKeySequence | QKeySequence.StandardKey,
    *,
    bind: bool = True,
) -> None:
    """Show ``tip (shortcut)`` as the tooltip; bind the shortcut to the button unless a QShortcut
    elsewhere already does (``bind=False``)."""
    if bind:
        button.setShortcut(QKeySequence(sequence))
    button.setToolTip(f"{tip} ({key_text(sequence)})")
