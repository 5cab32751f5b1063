"""Qt's own dialogs speak Chinese in the Chinese UI: file dialog labels, message box buttons, dates."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.ui.shell.translations import Translations

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def test_a_non_native_file_dialog_has_chinese_labels(qtbot: QtBot, qapp: QApplication) -> None:
    Translations(qapp).install("zh_CN")
    dialog = QFileDialog(None, "导出")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setNameFilters(["PDF (*.pdf)"])
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    english = [text for text in labels.values() if ENGLISH_WORD.search(text.replace("&", ""))]
    assert english == []
    buttons = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert buttons and not [t for t in buttons if ENGLISH_WORD.search(t)]


def test_message_box_buttons_and_dates_are_chinese(qtbot: QtBot, qapp: QApplication) -> None:
    Translations(qapp).install("zh_CN")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "确认",
        "保存吗？",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["是(&Y)", "否(&N)"])
    assert QLocale().name() == "zh_CN"
    assert QLocale().toString(QDate(2026, 12, 4), QLocale.FormatType.ShortFormat) == "2026/12/4"
    assert QLocale().toString(QDate(2026, 12, 4), QLocale.FormatType.LongFormat).startswith("2026年12月4日")
