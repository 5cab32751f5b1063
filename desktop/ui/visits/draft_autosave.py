"""Autosave of an open form as an encrypted draft in the store: every few seconds while typing, on
close and before locking.  After a crash (even kill -9) the next start offers the draft back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.app import drafts
from desktop.ui.shell.app_context import AppContext
from sync.ids import new_id

AUTOSAVE_MS = 3000  # at most this long between a keystroke and its draft (the budget is 5 s)


def to_json_safe(data: dict[str, Any]) -> dict[str, Any]:
    """Form values as JSON (dates and amounts as text) so a draft can hold anything typed."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


class DraftAutosave(QObject):
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft_id: str | None = None
        self._student_id = ""
        self._student_name = ""
        self._values: Callable[[], dict[str, Any]] | None = None
        self._dirty = False
        self._active = False
        self._last_saved: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)

    def start(
        self,
        visit_id: str,
        student_id: str,
        student_name: str,
        values: Callable[[], dict[str, Any]],
        *,
        draft_id: str | None = None,
    ) -> None:
        self.draft_id = draft_id or new_id()
        self._student_id = student_id
        self._student_name = student_name
        self._values = values
        self._dirty = False
        self._active = True
        self._last_saved = None

    def mark_dirty(self) -> None:
        if not self._active:
            return
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def save_now(self) -> None:
        self._dirty = True
        self.flush()

    def flush(self) -> None:
        """Write the draft now if anything changed since the last write."""
        self._timer.stop()
        if not (self._active and self._dirty and self._values is not None and self.draft_id):
            return
        self._dirty = False
        draft = drafts.DraftInfo(
            id=self.draft_id,
            student_id=self._student_id,
            student_name=self._student_name,
            saved_at=datetime.now().astimezone(),
            data=to_json_safe(self._values()),
        )
        self.ctx.worker.run(
            lambda store: drafts.save_draft(store, draft),
            lambda _r: self._written(draft.saved_at),
            lambda _exc: self.mark_dirty(),
            changes=drafts.save_draft.changes,
        )

    def _written(self, when: datetime) -> None:
        self._last_saved = when
        self.saved.emit()

    def last_saved_text(self) -> str:
        return "" if self._last_saved is None else f"{self._last_saved:%H:%M:%S}"

    def stop(self) -> None:
        self._timer.stop()
        self._active = False

    def resume(self) -> None:
        self._active = self.draft_id is not None
        self.mark_dirty()
