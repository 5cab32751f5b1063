"""Long values that must not widen a window: an eliding heading, capped table columns; the whole
value stays readable in the tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.common.screen_fit import ElidedLabel
from desktop.ui.common.table_fill import fill_table, narrow_columns, read_only_table

LONG = "张三　2024001　电气与自动化工程学院 自动化2401班"


def test_elided_label_keeps_the_whole_text(qtbot: QtBot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(LONG)
    label.resize(80, 30)
    label.show()
    qtbot.waitExposed(label)
    shown = QLabel.text(label)
    assert shown.endswith("…") and len(shown) < len(LONG)
    assert label.text() == LONG
    assert label.toolTip() == LONG
    assert label.minimumSizeHint().width() < 80  # never what makes its window wide
    label.resize(2000, 30)
    qtbot.waitUntil(lambda: QLabel.text(label) == LONG)
    assert label.toolTip() == ""
    label.clear()
    assert label.text() == ""


def test_narrow_columns_elide_with_the_whole_value_in_the_tooltip(qtbot: QtBot) -> None:
    table = read_only_table(None, "t", ["学院", "人数"])  # type: ignore[arg-type]
    qtbot.addWidget(table)
    narrow_columns(table, {0: 5})
    fill_table(table, [["电气与自动化工程学院", "3"], ["文学院", "2"]])
    em = table.fontMetrics().horizontalAdvance("中")
    assert table.columnWidth(0) == em * 5 + 12
    long_item, short_item = table.item(0, 0), table.item(1, 0)
    assert long_item is not None and short_item is not None
    assert long_item.toolTip() == "电气与自动化工程学院"
    assert short_item.toolTip() == ""
