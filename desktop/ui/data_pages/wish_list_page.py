"""成长发展心愿单: each providing department's list with the status workflow, and the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import wish_lists
from desktop.app.changes import Kind
from desktop.app.roles import WISH_CATALOG_ROLES
from desktop.store.wish_workflow import TRANSITIONS, WishRow
from desktop.ui.common.date_field import DateField
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.screen_fit import scrolling
from desktop.ui.common.table_fill import fill_table, read_only_table, selected_row
from desktop.ui.data_pages.coverage_dashboard import academic_years
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records import (
    PROVIDER_DEPARTMENTS,
    DifficultyType,
    WishCatalogItem,
    WishFiller,
    WishPriority,
    WishStatus,
)


class WishListPage(Section):
    wishes_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lists: dict[str, list[WishRow]] = {}
        self.rows: list[WishRow] = []

        self.year = QComboBox(self)
        self.year.setObjectName("wishYear")
        self.year.addItems(academic_years())
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("wishStatusFilter")
        self.status_filter.addItem(self.tr("All"), "")
        for status in WishStatus:
            self.status_filter.addItem(status.label, status.value)
        self.department = QComboBox(self)
        self.department.setObjectName("wishDepartment")
        # Filled after the page is first shown (pages load on their first visit): grow with the names.
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.department.addItem(self.tr("All departments"), None)
        top = QHBoxLayout()
        for label, widget in (
            (self.tr("Academic year"), self.year),
            (self.tr("Status"), self.status_filter),
            (self.tr("Providing department"), self.department),
        ):
            top.addWidget(QLabel(label, self))
            top.addWidget(widget)
        top.addStretch(1)

        self.table = read_only_table(
            self,
            "wishes",
            [
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Service items"),
                self.tr("Priority"),
                self.tr("Status"),
                self.tr("Responsible"),
            ],
        )
        self.next_status = QComboBox(self)
        self.next_status.setObjectName("wishNextStatus")
        self.person = QLineEdit(self)
        self.person.setObjectName("wishResponsible")
        self.completed_on = DateField(parent=self)
        self.feedback = QLineEdit(self)
        self.feedback.setObjectName("wishFeedback")
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyWishStatus")
        move_box = QGroupBox(self.tr("Move the selected wish list"), self)
        move_form = QFormLayout(move_box)
        move_form.addRow(self.tr("New status"), self.next_status)
        move_form.addRow(self.tr("Responsible"), self.person)
        move_form.addRow(self.tr("Completed on"), self.completed_on)
        move_form.addRow(self.tr("Feedback"), self.feedback)
        move_form.addRow(self.apply_button)
        self.wish_student = QLineEdit(self)
        self.wish_student.setObjectName("wishStudentNo")
        self.wish_items = QListWidget(self)
        self.wish_items.setObjectName("wishItems")
        self.wish_items.setMaximumHeight(110)
        self.wish_filler = QComboBox(self)
        self.wish_filler.setObjectName("wishFiller")
        for filler in WishFiller:
            self.wish_filler.addItem(filler.label, filler.value)
        self.wish_priority = QComboBox(self)
        self.wish_priority.setObjectName("wishPriority")
        for priority in WishPriority:
            self.wish_priority.addItem(priority.label, priority.value)
        self.wish_priority.setCurrentIndex(self.wish_priority.findData(WishPriority.NORMAL.value))
        self.wish_on_visit = QCheckBox(self.tr("Filled in on the latest home visit (paper form)"), self)
        self.wish_on_visit.setObjectName("wishOnVisit")
        self.wish_details = QLineEdit(self)
        self.wish_details.setObjectName("wishDetails")
        self.add_wish_button = QPushButton(self.tr("Add wish list"), self)
        self.add_wish_button.setObjectName("addWish")
        new_box = QGroupBox(self.tr("New wish list"), self)
        new_form = QFormLayout(new_box)
        new_form.addRow(self.tr("Student no."), self.wish_student)
        new_form.addRow(self.tr("Service items"), self.wish_items)
        new_form.addRow(self.tr("Filled in by"), self.wish_filler)
        new_form.addRow(self.tr("Priority"), self.wish_priority)
        new_form.addRow(self.wish_on_visit)
        new_form.addRow(self.tr("Details"), self.wish_details)
        new_form.addRow(self.add_wish_button)
        lists_page = QWidget(self)
        lists_layout = QHBoxLayout(lists_page)
        lists_layout.addWidget(self.table, 3)
        side = QVBoxLayout()
        side.addWidget(new_box)
        side.addWidget(move_box)
        lists_layout.addWidget(scrolling(side, lists_page, name="wishListSide", vertical_only=True))

        self.catalog = read_only_table(
            self,
            "wishCatalog",
            [
                self.tr("Category"),
                self.tr("Service item"),
                self.tr("Providing department"),
                self.tr("Active"),
            ],
        )
        self.catalog_note = QLabel(self.tr("The catalogue is kept by the school support center."), self)
        self.new_category = QComboBox(self)
        self.new_category.setObjectName("catalogCategory")
        for category in DifficultyType:
            self.new_category.addItem(category.label, category.value)
        self.new_item = QLineEdit(self)
        self.new_item.setObjectName("catalogItem")
        self.new_department = QComboBox(self)
        self.new_department.setObjectName("catalogDepartment")
        self.new_department.setEditable(True)
        self.new_department.addItems(list(PROVIDER_DEPARTMENTS))
        self.add_item_button = QPushButton(self.tr("Add service item"), self)
        self.add_item_button.setObjectName("addCatalogItem")
        self.toggle_button = QPushButton(self.tr("Switch the selected item on or off"), self)
        self.toggle_button.setObjectName("toggleCatalogItem")
        self.catalog_editor = QGroupBox(self.tr("New service item"), self)
        editor = QFormLayout(self.catalog_editor)
        editor.addRow(self.tr("Category"), self.new_category)
        editor.addRow(self.tr("Service item"), self.new_item)
        editor.addRow(self.tr("Providing department"), self.new_department)
        editor.addRow(self.add_item_button)
        editor.addRow(self.toggle_button)
        catalog_page = QWidget(self)
        catalog_layout = QVBoxLayout(catalog_page)
        catalog_layout.addWidget(self.catalog_note)
        catalog_layout.addWidget(self.catalog, 1)
        catalog_layout.addWidget(self.catalog_editor)
        self.catalog_items: list[WishCatalogItem] = []

        self.tabs = QTabWidget(self)
        self.tabs.addTab(lists_page, self.tr("Lists by department"))
        self.tabs.addTab(catalog_page, self.tr("Catalogue"))
        self.status = QLabel(self)
        self.status.setObjectName("wishStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.department.currentIndexChanged.connect(lambda _i: self._fill_rows())
        self.table.itemSelectionChanged.connect(self._selected)
        self.apply_button.clicked.connect(self.apply)
        self.add_item_button.clicked.connect(self.add_item)
        self.add_wish_button.clicked.connect(self.add_wish)
        self.toggle_button.clicked.connect(self.toggle_item)
        ctx.worker.data_changed.connect(self._data_changed)
        self._selected()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        year = self.year.currentText()
        code = str(self.status_filter.currentData() or "")
        status = WishStatus(code) if code else None
        run_for(
            self,
            lambda store: wish_lists.wish_view(store, year, status),
            self._show,
            self._failed,
            key="wishes",
        )
        run_for(self, wish_lists.catalog, self._show_catalog, self._failed, key="wish-catalog")

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.WISH_SELECTION, Kind.WISH_CATALOG_ITEM, Kind.STUDENT}:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, lists: dict[str, list[WishRow]]) -> None:
        self.lists = lists
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)  # no department preselected
        for name in lists:
            self.department.addItem(name, name)
        self.department.setCurrentIndex(max(0, self.department.findData(current)))
        self.department.blockSignals(False)
        self._fill_rows()
        self.wishes_shown.emit()

    def _fill_rows(self) -> None:
        department = self.department.currentData()
        if department is None:  # every department's list, each wish once
            seen: dict[str, WishRow] = {}
            for rows in self.lists.values():
                for row in rows:
                    seen.setdefault(row.selection.id, row)
            self.rows = list(seen.values())
        else:
            self.rows = self.lists.get(str(department), [])
        cells = [
            (
                row.student_no,
                row.student_name,
                row.college,
                "、".join(row.items),
                row.selection.priority.label,
                row.selection.status.label,
                row.selection.responsible_person,
            )
            for row in self.rows
        ]
        fill_table(self.table, cells, [row.selection.id for row in self.rows])
        self._selected()

    def _show_catalog(self, items: list[WishCatalogItem]) -> None:
        self.catalog_items = items
        self.wish_items.clear()
        for catalog_item in items:
            if not catalog_item.active:
                continue
            entry = QListWidgetItem(f"{catalog_item.service_item}（{catalog_item.provider_department}）")
            entry.setData(Qt.ItemDataRole.UserRole, catalog_item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.wish_items.addItem(entry)
        self.catalog_editor.setVisible(self.ctx.identity.role in WISH_CATALOG_ROLES)
        cells = [
            (item.category.label, item.service_item, item.provider_department, "✓" if item.active else "")
            for item in items
        ]
        fill_table(self.catalog, cells)

    def selected(self) -> WishRow | None:
        return selected_row(self.table, self.rows)

    def _selected(self) -> None:
        row = self.selected()
        self.next_status.clear()
        if row is not None:
            for status in WishStatus:
                if status in TRANSITIONS[row.selection.status]:
                    self.next_status.addItem(status.label, status.value)
            self.person.setText(row.selection.responsible_person)
            self.feedback.setText(row.selection.feedback)
        self.apply_button.setEnabled(self.next_status.count() > 0)

    def apply(self) -> None:
        row = self.selected()
        if row is None or self.next_status.count() == 0:
            return
        self.status.clear()
        status = WishStatus(str(self.next_status.currentData()))
        person, feedback = self.person.text().strip(), self.feedback.text().strip()
        completed_on = self.completed_on.value()
        selection_id = row.selection.id
        run_for(
            self,
            lambda store: wish_lists.move_wish(store, selection_id, status, person, completed_on, feedback),
            lambda _r: self.status.setText(self.tr("Saved.")),
            self._failed,
            changes=wish_lists.move_wish.changes,
        )

    def add_wish(self) -> None:
        self.status.clear()
        number = self.wish_student.text().strip()
        item_ids = [
            str(entry.data(Qt.ItemDataRole.UserRole))
            for entry in (self.wish_items.item(i) for i in range(self.wish_items.count()))
            if entry is not None and entry.checkState() == Qt.CheckState.Checked
        ]
        if not number or not item_ids:
            self.status.setText(self.tr("Enter the student no. and choose at least one service item."))
            return
        year = self.year.currentText()
        filler = WishFiller(str(self.wish_filler.currentData()))
        priority = WishPriority(str(self.wish_priority.currentData()))
        on_visit, details = self.wish_on_visit.isChecked(), self.wish_details.text().strip()
        run_for(
            self,
            lambda store: wish_lists.new_wish(
                store, number, year, item_ids, filler, priority, on_visit, details
            ),
            lambda _r: self._wish_added(),
            self._failed,
            changes=wish_lists.new_wish.changes,
        )

    def _wish_added(self) -> None:
        self.wish_student.clear()
        self.wish_details.clear()
        for i in range(self.wish_items.count()):
            entry = self.wish_items.item(i)
            if entry is not None:
                entry.setCheckState(Qt.CheckState.Unchecked)
        self.status.setText(self.tr("Wish list added."))

    def add_item(self) -> None:
        name = self.new_item.text().strip()
        department = self.new_department.currentText().strip()
        category = DifficultyType(str(self.new_category.currentData()))
        if not name:
            self.status.setText(self.tr("Enter the service item."))
            return
        run_for(
            self,
            lambda store: wish_lists.add_catalog(store, category, name, department),
            lambda _r: self.new_item.clear(),
            self._failed,
            changes=wish_lists.add_catalog.changes,
        )

    def toggle_item(self) -> None:
        index = self.catalog.currentRow()
        if not 0 <= index < len(self.catalog_items):
            return
        item_id = self.catalog_items[index].id
        run_for(
            self,
            lambda store: wish_lists.toggle_catalog(store, item_id),
            None,
            self._failed,
            changes=wish_lists.toggle_catalog.changes,
        )

    def clear(self) -> None:
        self.catalog_items = []
        self.wish_items.clear()
        self.wish_student.clear()
        self.wish_details.clear()
        self.lists, self.rows = {}, []
        self.table.setRowCount(0)
        self.catalog.setRowCount(0)
        self.department.clear()
        self.person.clear()
        self.feedback.clear()
        self.status.clear()
