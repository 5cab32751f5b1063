"""The main window: navigation on the left, one section at a time, the lock page while locked."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.busy_indicator import BusyIndicator
from desktop.ui.common.screen_fit import fit_to_screen, scrolling
from desktop.ui.shell.app_context import AppContext, SavedNotice
from desktop.ui.shell.section import Section
from desktop.ui.unlock.unlock_panel import UnlockPanel

NOTICE_MS = 12_000  # how long the "saved" notice stays in the status strip


class SectionPages(dict[str, Section]):
    """The window's pages by key.  A page added with a factory is built the first time it is asked
    for (shown, or looked up by key); iterating gives only the pages built so far."""

    def __init__(self, build: Callable[[str], Section]) -> None:
        super().__init__()
        self._build = weakref.WeakMethod(build)  # no cycle through the window

    def __missing__(self, key: str) -> Section:
        build = self._build()
        if build is None:
            raise KeyError(key)
        return build(key)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        fit_to_screen(self, QSize(1280, 800))
        self._keys: list[str] = []  # every page's key, in navigation order
        self._factories: dict[str, Callable[[QWidget], Section]] = {}  # called with the window
        self._unlocked = False
        self._rest: Callable[[], None] | None = None  # adds the pages start-up builds after the first
        self.sections = SectionPages(self._build_section)
        # Pages not shown at unlock are read from the store on their first visit, so the roster's
        # first page and the first search keystroke never queue behind them on the store thread.
        self._stale: set[str] = set()

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.nav.setStyleSheet(
            "QListWidget#navigation { border: none; border-right: 1px solid palette(mid);"
            " background: palette(window); }"
            "QListWidget#navigation::item { padding: 10px 16px; }"
        )
        nav_font = self.nav.font()  # a little larger than the system's font, and scaled with it
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.section_stack = QStackedWidget(self)
        self.nav.currentRowChanged.connect(self._show_row)

        body = QWidget(self)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.section_stack, 1)

        self.unlock_panel = UnlockPanel(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.unlock_panel)
        self.pages.addWidget(body)
        central = QWidget(self)
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        # A status strip of our own (QStatusBar's size grip warns on some platforms, e.g. offscreen).
        status = QFrame(self)
        status.setObjectName("statusStrip")
        status.setFrameShape(QFrame.Shape.NoFrame)
        status.setStyleSheet("#statusStrip { border-top: 1px solid palette(mid); }")
        strip = QHBoxLayout(status)
        strip.setContentsMargins(10, 3, 10, 3)
        self.lock_state = QLabel(self)
        self.lock_state.setObjectName("lockState")
        self.busy = BusyIndicator(self)
        self.sync_slot = QLabel(self)  # filled by the sync feature
        self.sync_slot.setObjectName("syncStatus")
        self.sync_slot.setVisible(False)
        # A calm notice after each save, naming what was saved (it fades after a while).
        self.save_notice = QLabel(self)
        self.save_notice.setObjectName("saveNotice")
        self.save_notice.setStyleSheet("#saveNotice { color: #1b5e20; }")
        self.save_notice.setVisible(False)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.save_notice.hide)
        strip.addWidget(self.lock_state)
        strip.addSpacing(16)
        strip.addWidget(self.save_notice)
        strip.addStretch(1)
        strip.addWidget(self.sync_slot)
        strip.addWidget(self.busy)
        self._central_layout.addWidget(status)
        ctx.worker.busy_changed.connect(self.busy.set_busy)

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(ctx.lock.lock)
        self.addAction(self.lock_action)
        ctx.lock.locked.connect(self.show_locked)
        self.nav.setAccessibleName(self.tr("Sections"))
        name_controls(self.unlock_panel)
        if ctx.events is not None:
            ctx.events.record_saved.connect(self.show_saved)
        self.update_title()
        self.show_locked()

    # -- sections -------------------------------------------------------------------------------
    def add_section(self, key: str, title: str, section: Section) -> None:
        """Add a page to the navigation (later features add theirs, e.g. the coverage dashboard)."""
        self._add_to_navigation(key, title)
        self._place(key, section)

    def add_deferred_section(self, key: str, title: str, factory: Callable[[QWidget], Section]) -> None:
        """Add a page that is built on its first visit (or first lookup), so start-up does not wait
        for its widgets, its imports or its queries.  `factory(parent)` makes the page."""
        self._add_to_navigation(key, title)
        self._factories[key] = factory
        self.section_stack.addWidget(QWidget(self.section_stack))  # its place until it is built
        if self.nav.currentRow() == len(self._keys) - 1:
            self._build_section(key)

    def build_later(self, rest: Callable[[], None]) -> None:
        """`rest` adds the remaining pages: run by `finish_building()`, or when one of them is asked for."""
        self._rest = rest

    def finish_building(self) -> None:
        rest, self._rest = self._rest, None
        if rest is not None:
            rest()

    def is_built(self, key: str) -> bool:
        return dict.__contains__(self.sections, key)

    def _add_to_navigation(self, key: str, title: str) -> None:
        self._keys.append(key)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        # As wide as the longest title in the UI font (with the items' padding), not a fixed width.
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setFixedWidth(max(widest + 56, 110))
        index = self.nav.count()
        if index <= 9:
            action = QAction(self)
            action.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key(Qt.Key.Key_0 + index)))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            self.addAction(action)

    def _place(self, key: str, section: Section) -> None:
        section.setObjectName(f"section_{key}")
        dict.__setitem__(self.sections, key, section)
        # Each page scrolls as a whole only when the window is smaller than the page needs (150 %
        # scaling on a small laptop); its own action bars and long lists are laid out inside it.
        area = scrolling(section, self.section_stack, name=f"sectionScroll_{key}")
        index = self._keys.index(key)
        placeholder = self.section_stack.widget(index) if key in self._factories else None
        self.section_stack.insertWidget(index, area)
        if placeholder is not None:
            self.section_stack.removeWidget(placeholder)
            placeholder.deleteLater()
        name_controls(section)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        if self.nav.currentRow() == index:
            self.section_stack.setCurrentIndex(index)
        section.setVisible(self.nav.currentRow() == index)

    def _build_section(self, key: str) -> Section:
        if key not in self._keys and self._rest is not None:
            self.finish_building()
            if self.is_built(key):
                return dict.__getitem__(self.sections, key)
        factory = self._factories.get(key)
        if factory is None or self.is_built(key):
            raise KeyError(key)
        section = factory(self)
        self._place(key, section)
        if self._unlocked:  # built while unlocked: it reads what it shows now
            self._stale.discard(key)
            section.reload()
        return section

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        shown = self._keys[row]
        current = self.sections[shown]  # built on its first visit
        self.section_stack.setCurrentIndex(row)
        # Pages other than the current one are hidden themselves (not only their scroll areas), so
        # that a page can tell whether anyone is looking at it.
        for key, section in self.sections.items():
            section.setVisible(key == shown)
        if shown in self._stale:
            self._stale.discard(shown)
            current.reload()

    def add_notice(self, notice: QWidget) -> None:
        """A bar above the sections (e.g. the draft offer, later the sync notices)."""
        self._central_layout.insertWidget(self._central_layout.count() - 1, notice)

    def show_section(self, key: str) -> Section:
        if key not in self._keys:
            self.finish_building()
        self.nav.setCurrentRow(self._keys.index(key))
        return self.sections[key]

    def current_section_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_saved(self, notice: SavedNotice) -> None:
        self.save_notice.setText("✓ " + notice.text)
        self.save_notice.setToolTip(notice.text)
        self.save_notice.setVisible(True)
        self._notice_timer.start()

    # -- lock state -----------------------------------------------------------------------------
    def update_title(self) -> None:
        """The school while unlocked; the platform adds the app's name ("示例大学 — JiaFang 家访")."""
        school = self.ctx.identity.school_name
        base = self.tr("JiaFang Home Visits")
        QGuiApplication.setApplicationDisplayName(base)
        self.setWindowTitle(school if school and not self.ctx.lock.is_locked else base)

    def save_drafts(self) -> None:
        for section in self.sections.values():
            section.save_drafts()

    def clear_sections(self) -> None:
        for section in self.sections.values():
            section.clear()

    def show_locked(self) -> None:
        self._unlocked = False
        self._stale.clear()
        self.clear_sections()
        self.save_notice.clear()
        self.save_notice.setVisible(False)
        self.unlock_panel.reset()
        self.pages.setCurrentWidget(self.unlock_panel)
        self.nav.setEnabled(False)
        self.section_stack.setVisible(False)
        self.lock_state.setText(self.tr("Locked"))
        self.update_title()
        self.unlock_panel.passphrase.setFocus()

    def show_unlocked(self) -> None:
        self.unlock_panel.reset()
        self.section_stack.setVisible(True)
        self.nav.setEnabled(True)
        self.pages.setCurrentIndex(1)
        name = self.ctx.identity.user_name
        self.lock_state.setText(self.tr("Unlocked — %1 (Ctrl+L locks)").replace("%1", name))
        self.update_title()
        self._unlocked = True
        key = self.current_section_key()
        self._stale = set(self._keys) - {key}
        if key:
            self.sections[key].reload()
            self.sections[key].setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ctx.lock.is_locked:
            self.save_drafts()
        super().closeEvent(event)
