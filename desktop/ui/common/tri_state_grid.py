"""A yes / no / unknown answer for each member of a coded enum (特殊群体): "unknown" is not "no"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from sync.records.enums import TriState


class TriStateGrid(QWidget):
    changed = Signal()

    def __init__(self, enum: Any, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, member in enumerate(enum):
            combo = QComboBox(self)
            for answer in TriState:
                combo.addItem(answer.label, answer.value)
            combo.setCurrentIndex(combo.findData(TriState.UNKNOWN.value))
            combo.setObjectName(f"answer_{member.value}")
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            label = QLabel(member.label, self)
            label.setBuddy(combo)
            grid.addWidget(label, i // columns, (i % columns) * 2)
            grid.addWidget(combo, i // columns, (i % columns) * 2 + 1)
            self.combos[member.value] = combo

    def values(self) -> dict[str, str]:
        return {code: str(combo.currentData()) for code, combo in self.combos.items()}

    def set_values(self, values: dict[Any, Any] | None) -> None:
        """Answers by code; members not given are "unknown"."""
        given = {str(code): str(answer) for code, answer in (values or {}).items()}
        for code, combo in self.combos.items():
            answer = given.get(code, TriState.UNKNOWN.value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(answer), 0))
            combo.blockSignals(False)
        self.changed.emit()
