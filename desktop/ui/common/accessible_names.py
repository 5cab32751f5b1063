"""Accessible names for every control, taken from what a sighted user reads next to it.

Qt names a button by its text and a field by its QLabel buddy; a field inside a form cell (with its
error line under it), a combo box after a plain label, a table under a group title have no name for
a screen reader.  `name_controls(root)` gives each such control the text the user sees for it, in
this order: its form label, the label just before it in its row, its placeholder or tooltip, the
title of its group box or tab.  Called once on each page and dialog when it is built.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QAbstractItemView)


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":：").strip()


def _widgets_in(item_layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(item_layout.count()):
        item = item_layout.itemAt(index)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found.extend(_widgets_in(inner))
    return found


def _form_labels(root: QWidget) -> dict[int, str]:
    """id(widget) → the text of its QFormLayout row label (widgets nested in the field cell too)."""
    labels: dict[int, str] = {}
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or field_item is None or not _clean(label.text()):
                continue
            field_widget, field_layout = field_item.widget(), field_item.layout()
            fields: list[QWidget] = [field_widget] if field_widget is not None else []
            if field_layout is not None:
                fields = _widgets_in(field_layout)
            for field in fields:
                labels.setdefault(id(field), _clean(label.text()))
    return labels


def _row_labels(root: QWidget) -> dict[int, str]:
    """id(widget) → the text of a plain QLabel placed just before it in the same row or column."""
    labels: dict[int, str] = {}
    for layout in root.findChildren(QBoxLayout):
        previous: QWidget | None = None
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            if (
                isinstance(previous, QLabel)
                and _clean(previous.text())
                and not previous.text().startswith("<")
            ):
                labels.setdefault(id(widget), _clean(previous.text()))
            previous = widget
    return labels


def _container_title(widget: QWidget) -> str:
    """The title of the group box or tab the widget sits in."""
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and _clean(parent.title()):
            return _clean(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and _clean(tabs.tabText(index)):
                return _clean(tabs.tabText(index))
        child, parent = parent, parent.parentWidget()
    return ""


def has_accessible_name(widget: QWidget) -> bool:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface is not None and bool(interface.text(QAccessible.Text.Name).strip())


def name_controls(root: QWidget) -> int:
    """Give every unnamed control under `root` the name a sighted user reads; returns how many."""
    form_labels = _form_labels(root)
    row_labels = _row_labels(root)
    named = 0
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView) or widget.accessibleName():
            continue
        if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)) or has_accessible_name(widget):
            continue
        placeholder = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        name = (
            form_labels.get(id(widget))
            or row_labels.get(id(widget))
            or placeholder
            or _clean(widget.toolTip())
            or _container_title(widget)
        )
        if name:
            widget.setAccessibleName(name)
            named += 1
    return named
