"""Inline validation messages: a red line under each field that has a problem."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b3261e;"


class FieldErrorsView:
    """Holds one hidden message label per field; `show({field: message})` reveals the relevant ones."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label_for(self, field: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        self.labels[field] = label
        return label

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show messages under their fields; returns the messages of fields without a label."""
        unplaced: list[str] = []
        for field, label in self.labels.items():
            message = errors.get(field)
            label.setText(message or "")
            label.setVisible(bool(message))
        for field, message in errors.items():
            top = field.split(".", 1)[0]
            if field not in self.labels and top not in self.labels:
                unplaced.append(message)
            elif field not in self.labels:
                label = self.labels[top]
                label.setText(message)
                label.setVisible(True)
        return unplaced

    def visible_messages(self) -> dict[str, str]:
        return {field: label.text() for field, label in self.labels.items() if not label.isHidden()}
