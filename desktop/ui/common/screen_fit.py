"""Fitting windows on a 1366×768 laptop at 100–150 % scaling: scroll areas for long content, dialogs
sized to the screen they open on.

The rule everywhere: what finishes a task (save, close, print) sits outside the scroll area, so it is
always visible; what can be long (forms, side panels) scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QLineEdit, QScrollArea, QSizePolicy, QWidget


class VerticalScrollArea(QScrollArea):
    """Scrolls up and down only: as wide as its content needs (a side panel of forms), never cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), hint.height())

    def sizeHint(self) -> QSize:
        # As wide as the content would like (a side panel takes what it needs, the table beside it
        # the rest), as tall as the layout allows.
        content = self.widget()
        hint = super().sizeHint()
        if content is None:
            return hint
        width = content.sizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's needs changed: let the page's layout ask again
        return super().eventFilter(watched, event)


def scrolling(
    content: QWidget | QLayout,
    parent: QWidget | None = None,
    *,
    name: str = "",
    vertical_only: bool = False,
) -> QScrollArea:
    """`content` in a frameless scroll area that scrolls only when the space is too small for it
    (`vertical_only`: never sideways; the area is as wide as the content needs)."""
    area = VerticalScrollArea(parent) if vertical_only else QScrollArea(parent)
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if isinstance(content, QLayout):
        holder = QWidget(area)
        holder.setLayout(content)
        content = holder
    area.setWidget(content)
    return area


def available_size(widget: QWidget | None = None) -> QSize:
    """The usable size of the screen `widget` is on (the primary screen otherwise), less the taskbar."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1366, 728)


def fit_to_screen(window: QWidget, preferred: QSize, *, frame: int = 40) -> None:
    """Resize `window` to `preferred`, shrunk to the screen it is on (leaving room for the title bar)."""
    room = available_size(window)
    width = min(preferred.width(), room.width())
    height = min(preferred.height(), room.height() - frame)
    window.resize(max(width, window.minimumSizeHint().width()), max(height, 200))


def show_start(edit: QLineEdit, text: str) -> None:
    """Show `text` from its first character (a long address is read from the start), the whole of it
    in the tooltip (for when the field is narrower than the value)."""
    edit.setText(text)
    edit.setCursorPosition(0)
    edit.setToolTip(text)


class ElidedLabel(QLabel):
    """One line of text that never widens its window: when there is too little room it ends in "…"
    and the whole text is in the tooltip (a long heading at 150 %)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()

    def clear(self) -> None:
        self.setText("")

    def text(self) -> str:
        """The whole text, however it is shown."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
        self.setAccessibleName(self._full)
