"""Child process of test_screen_fit.py: opens every page and dialog on a 1366×728 offscreen screen at
the QT_SCALE_FACTOR it was started with, and prints what does not fit as JSON on the last line.

    python -m tests.desktop.ui.screen_fit_child DATA_DIR PASSPHRASE [FONT_POINTS]

The screen comes from QT_QPA_PLATFORM=offscreen:configfile=… (set by the test). A problem is:
- the window's or a dialog's minimum size larger than the screen;
- a page that needs the main window's page scroll area (it should fit as it is);
- a control (button, field, the status strip) outside its window, or outside the scroll area that
  holds it;
- a label or button whose text is cut (narrower than its text) and that has no tooltip.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.ui.shell.app import JiaFangApp, make_application

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit)
problems: list[str] = []


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition: Callable[[], bool]) -> None:
    for _ in range(400):
        if condition():
            return
        settle(25)
    raise SystemExit("timed out")


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}#{widget.objectName()}«{text}»"


def enclosing_scroll(widget: QWidget, top: QWidget) -> QAbstractScrollArea | None:
    """The outermost scroll area (other than a page's own) that `widget` is shown in."""
    found: QAbstractScrollArea | None = None
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        page_scroll = grand is not None and grand.objectName().startswith("sectionScroll_")
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport() and not page_scroll:
            found = grand
        parent = grand
    return found


def check_window(top: QWidget, where: str) -> None:
    screen = top.screen().availableGeometry()
    hint = top.minimumSizeHint().expandedTo(top.minimumSize())
    if hint.width() > screen.width() + 1 or hint.height() > screen.height() + 1:
        problems.append(
            f"{where}: minimum size {hint.width()}×{hint.height()} > screen {screen.width()}×{screen.height()}"
        )
    frame = top.frameGeometry()
    if not screen.adjusted(-1, -1, 1, 1).contains(frame):  # 1366 / 1.25 = 1092.8: rounding
        problems.append(f"{where}: window {frame.getRect()} outside the screen {screen.getRect()}")
    inside = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.window() is not top:
            continue
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        is_control = isinstance(widget, CONTROLS) or widget.objectName() == "statusStrip"
        if is_control and widget.width() > 0:
            area = enclosing_scroll(widget, top)
            if area is not None:
                # Inside a scroll area: reachable by scrolling, if the scroll area itself is on screen.
                viewport = QRect(area.viewport().mapTo(top, QPoint(0, 0)), area.viewport().size())
                if not inside.contains(viewport):
                    problems.append(f"{where}: scroll area of {describe(widget)} outside the window")
            elif area is None and not inside.contains(rect):
                problems.append(f"{where}: {describe(widget)} at {rect.getRect()} outside {inside.getRect()}")
        check_text(widget, where)
        check_accessible_name(widget, where)


NAMED = (*CONTROLS, QAbstractItemView, QTabBar)


def check_accessible_name(widget: QWidget, where: str) -> None:
    """What a screen reader says for a control: its name (own, or from its label, text or tooltip)."""
    if not isinstance(widget, NAMED) or isinstance(widget, QHeaderView):
        return  # a header is part of its table, which has the name
    if isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
        return  # a spin box's or combo box's inner line edit is named by its owner
    if widget.objectName().startswith("qt_"):
        return  # Qt's own parts (scroll bar buttons, the calendar popup's tools)
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    if not name.strip():
        problems.append(f"{where}: {describe(widget)} has no accessible name")


def check_text(widget: QWidget, where: str) -> None:
    if widget.toolTip() or widget.width() <= 0:
        return
    if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and not widget.pixmap():
        if widget.textFormat().name == "RichText" or widget.text().lstrip().startswith("<"):
            return
        needed = widget.sizeHint().width()
        if widget.width() + 1 < needed:
            problems.append(f"{where}: {describe(widget)} cut ({widget.width()} < {needed})")
    elif isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        # The shown choice must fit its field (a combo sized while still empty cuts it: "全部部门" → "全部部").
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
        )
        needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if field.width() + 1 < needed:
            problems.append(f"{where}: {describe(widget)} choice cut ({field.width()} < {needed})")
    elif isinstance(widget, QPushButton) and widget.text():
        needed = widget.sizeHint().width()
        if widget.width() + 1 < needed:
            problems.append(f"{where}: {describe(widget)} cut ({widget.width()} < {needed})")


def page_needs_scrolling(window: QWidget, key: str) -> None:
    area = window.findChild(QScrollArea, f"sectionScroll_{key}")
    assert area is not None
    content = area.widget()
    need = content.minimumSizeHint()
    have = area.viewport().size()
    if need.width() > have.width() or need.height() > have.height():
        problems.append(
            f"page {key}: needs {need.width()}×{need.height()}, has {have.width()}×{have.height()}"
        )


def top_dialog() -> QDialog | None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return dialogs[-1] if dialogs else None


def check_dialog(name: str) -> None:
    wait_for(lambda: top_dialog() is not None)
    dialog = top_dialog()
    assert dialog is not None
    settle()
    check_window(dialog, f"dialog {name}")
    dialog.reject()
    settle()


def main() -> int:
    data_dir, passphrase = Path(sys.argv[1]), sys.argv[2]
    qt = make_application([sys.argv[0]])
    if len(sys.argv) > 3:  # a larger system font (points), as set in the desktop's settings
        font = qt.font()
        font.setPointSizeF(float(sys.argv[3]))
        qt.setFont(font)
    app = JiaFangApp(data_dir, qt, use_env_passphrase=False)
    window = app.window
    app.start()
    window.showMaximized()
    settle()
    check_window(window, "locked")
    window.unlock_panel.passphrase.setText("wrong passphrase!")
    window.unlock_panel.button.click()
    wait_for(lambda: window.unlock_panel.error.isVisible())
    settle()
    check_window(window, "wrong passphrase")
    window.unlock_panel.show_wait(lambda: 37.0)  # the countdown after repeated wrong passphrases
    settle()
    check_window(window, "unlock throttled")
    window.unlock_panel.show_wait(lambda: 0.0)

    window.unlock_panel.passphrase.setText(passphrase)
    window.unlock_panel.button.click()
    roster_section = window.sections["roster"]
    roster = roster_section.roster
    wait_for(lambda: not app.ctx.lock.is_locked and roster.model.rowCount() > 0)
    settle(300)
    for key in window.sections:
        window.show_section(key)
        settle(400)
        page_needs_scrolling(window, key)
        check_window(window, f"page {key}")

    window.show_section("roster")
    roster.set_privacy_mode(False)  # every filter shown: the widest filter row
    settle(300)
    check_window(window, "roster with levels shown")
    roster.set_privacy_mode(True)
    student_id = roster.model.row_at(0).id
    roster_section.open_student(student_id)
    wait_for(lambda: roster_section.profile.file is not None)
    profile = roster_section.profile
    for index in range(profile.tabs.count()):
        if profile.tabs.isTabVisible(index):
            profile.tabs.setCurrentIndex(index)
            settle(250)
            page_needs_scrolling(window, "roster")
            check_window(window, f"profile tab {profile.tabs.tabText(index)}")

    profile.archive_pdf.trigger()
    check_dialog("pdf preview")
    roster_section.show_roster()
    roster.batch_export()
    check_dialog("batch export")

    from desktop.ui.data_pages.annual_report_dialog import AnnualReportDialog
    from desktop.ui.profile.identification_dialog import IdentificationDialog
    from desktop.ui.profile.record_dialog import AidDialog, RewardDialog
    from desktop.ui.profile.workflow_dialogs import FlagDialog, WishDialog
    from desktop.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
    from desktop.ui.sync.conflict_review import ConflictReviewDialog
    from desktop.ui.unlock.first_run_wizard import FirstRunWizard

    makers: list[tuple[str, Callable[[], QDialog]]] = [
        ("change passphrase", lambda: ChangePassphraseDialog(window)),
        ("first run", lambda: FirstRunWizard(window)),
        ("conflict review", lambda: ConflictReviewDialog(app.ctx, window)),
        ("annual report", lambda: AnnualReportDialog(app.ctx, window)),
    ]
    for record_dialog in (IdentificationDialog, AidDialog, RewardDialog, FlagDialog, WishDialog):
        makers.append(
            (record_dialog.__name__, lambda d=record_dialog: d(app.ctx, student_id, "张三", None, window))
        )
    for name, make in makers:
        dialog = make()
        dialog.show()
        check_dialog(name)

    visits = window.sections["visits"]
    window.show_section("visits")
    visits.new_visit(student_id)
    wait_for(lambda: visits.stack.currentWidget() is visits.form)
    settle(300)
    page_needs_scrolling(window, "visits")
    check_window(window, "visit form")
    visits.form.save_button.click()  # validation messages make the form longer
    settle(300)
    check_window(window, "visit form with messages")
    visits.form.close_form()
    app.shutdown()
    print(json.dumps(problems, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
