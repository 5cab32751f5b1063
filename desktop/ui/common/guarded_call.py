"""Store requests whose results are dropped when the widget that asked is gone.

A result can arrive after its page was deleted (the window is rebuilt when the language changes);
calling into a deleted widget raises, so the callbacks check that the page still exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.ui.shell.app_context import AppContext


def _guarded(widget: QWidget, callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
    if callback is None:
        return None

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


def run_for(
    widget: QWidget,
    fn: Callable[[Any], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    changes: set[str] | frozenset[str] = frozenset(),
    key: str | None = None,
) -> None:
    """``ctx.worker.run`` for a page: ``on_done`` / ``on_error`` only while the page exists."""
    ctx: AppContext = widget.ctx  # type: ignore[attr-defined]
    ctx.worker.run(fn, _guarded(widget, on_done), _guarded(widget, on_error), changes=changes, key=key)
