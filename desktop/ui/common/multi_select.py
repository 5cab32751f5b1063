"""A multi-select over a coded enum: a grid of check boxes (keyboard: Tab and Space)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget


class MultiSelect(QWidget):
    changed = Signal()

    def __init__(self, enum: Any, columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, member in enumerate(enum):
            box = QCheckBox(member.label, self)
            box.setObjectName(f"option_{member.value}")
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[member.value] = box

    def values(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_values(self, values: list[str] | None) -> None:
        chosen = {str(v) for v in values or []}
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)
