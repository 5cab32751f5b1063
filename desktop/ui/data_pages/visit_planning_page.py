"""家访计划: the students not yet visited, grouped by home region, a planned date per student, the
trip's blank forms, and the plan showing what was done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app import planning
from desktop.app.changes import Kind
from desktop.reports.trip_forms import trip_file_name
from desktop.store.visit_planning import PlanStudent, RegionGroup
from desktop.ui.common.date_field import DateField
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.common.table_fill import KEY_ROLE, fill_table
from desktop.ui.data_pages.coverage_dashboard import academic_years
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section

STUDENT_ROLE = KEY_ROLE


class VisitPlanningPage(Section):
    planning_shown = Signal()
    printed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[RegionGroup] = []
        self.plan: list[PlanStudent] = []

        self.year = QComboBox(self)
        self.year.setObjectName("planningYear")
        self.year.addItems(academic_years())
        self.day = DateField(optional=False, allow_future=True, parent=self)
        self.day.setObjectName("plannedDate")
        self.plan_button = QPushButton(self.tr("Plan checked students on this date"), self)
        self.plan_button.setObjectName("planChecked")
        self.unplan_button = QPushButton(self.tr("Remove checked students from the plan"), self)
        self.unplan_button.setObjectName("unplanChecked")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Academic year"), self))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Visit date"), self))
        top.addWidget(self.day)
        top.addWidget(self.plan_button)
        top.addWidget(self.unplan_button)

        self.pending_title = QLabel(self)
        self.pending_title.setObjectName("pendingByRegionTitle")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("pendingTree")
        self.tree.setAccessibleName(self.tr("Students awaiting a visit"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Region / student"), self.tr("Class"), self.tr("Planned"), self.tr("Note")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree_empty = self._empty_label("pendingEmpty", left)
        left_layout.addWidget(self.pending_title)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.tree_empty, 1)  # in the tree's place while it is empty

        self.plan_title = QLabel(self)
        self.plan_title.setObjectName("planTitle")
        self.plan_table = QTableWidget(0, 6, self)
        self.plan_table.setObjectName("tripPlan")
        self.plan_table.setAccessibleName(self.tr("Trip plan"))
        self.plan_table.setHorizontalHeaderLabels(
            [
                self.tr("Planned"),
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("Region"),
                self.tr("Done"),
                self.tr("Note"),
            ]
        )
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plan_table.horizontalHeader().setStretchLastSection(True)
        self.plan_table.activated.connect(self._start_visit)
        self.print_button = QPushButton(self.tr("Print blank forms for the students not yet visited…"), self)
        self.print_button.setObjectName("printTripForms")
        self.status = QLabel(self)
        self.status.setObjectName("planningStatus")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.plan_empty = self._empty_label("planEmpty", right)
        self.plan_empty.setText(
            self.tr(
                "Nothing planned yet. Check students on the left, choose a visit date above and press"
                " “Plan checked students on this date”."
            )
        )
        right_layout.addWidget(self.plan_title)
        right_layout.addWidget(self.plan_table, 1)
        right_layout.addWidget(self.plan_empty, 1)  # in the table's place while it is empty
        right_layout.addWidget(self.print_button)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.plan_button.clicked.connect(lambda: self.plan_checked(self.day.value()))
        self.unplan_button.clicked.connect(lambda: self.plan_checked(None))
        self.print_button.clicked.connect(self._ask_print)
        ctx.worker.data_changed.connect(self._data_changed)

    def _empty_label(self, name: str, parent: QWidget) -> QLabel:
        """Says why a list is empty and what to do (shown instead of an empty table)."""
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label.setStyleSheet(f"#{name} {{ color: palette(placeholder-text); padding: 12px; }}")
        label.setVisible(False)
        return label

    @property
    def academic_year(self) -> str:
        return self.year.currentText()

    # -- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        year = self.academic_year
        run_for(
            self,
            lambda store: planning.planning_view(store, year),
            self._show,
            self._failed,
            key="planning",
        )

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & {Kind.STUDENT, Kind.IDENTIFICATION, Kind.HOME_VISIT, Kind.VISIT_PLAN}:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, view: planning.PlanningView) -> None:
        self.groups, self.plan = view.groups, view.plan
        self._fill_tree(view.groups)
        self._fill_plan(view.plan)
        self.status.clear()
        self.planning_shown.emit()

    def _fill_tree(self, groups: list[RegionGroup]) -> None:
        self.tree.clear()
        total = sum(len(group.students) for group in groups)
        self.pending_title.setText(
            self.tr("Not yet visited: %1 student(s) in %2 county/counties")
            .replace("%1", str(total))
            .replace("%2", str(len(groups)))
        )
        self.tree_empty.setText(
            self.tr(
                "Every student who needs a home visit this academic year has one. Students appear here"
                " once they are identified (or marked “visit before identification”) and not yet visited."
            )
        )
        self.tree_empty.setVisible(not groups)
        self.tree.setVisible(bool(groups))
        provinces: dict[str, QTreeWidgetItem] = {}
        cities: dict[tuple[str, str], QTreeWidgetItem] = {}
        for group in groups:
            region = group.region
            province = provinces.get(region.province)
            if province is None:
                province = QTreeWidgetItem(self.tree, [region.province])
                provinces[region.province] = province
            parent = province
            if region.city and region.city != region.province:
                key = (region.province, region.city)
                if key not in cities:
                    cities[key] = QTreeWidgetItem(province, [region.city])
                parent = cities[key]
            county = QTreeWidgetItem(
                parent,
                [
                    f"{region.county or region.label}（{len(group.students)}）",
                    "",
                    self.tr("%1 planned").replace("%1", str(group.planned)) if group.planned else "",
                ],
            )
            for student in group.students:
                note = self.tr("Visit before identification") if student.visit_first else ""
                item = QTreeWidgetItem(
                    county,
                    [
                        f"{student.name}  {student.student_no}",
                        student.class_name,
                        student.planned_on.isoformat() if student.planned_on else "",
                        note,
                    ],
                )
                item.setData(0, STUDENT_ROLE, student.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
        for province in provinces.values():
            province.setText(0, f"{province.text(0)}（{self._count(province)}）")
        self.tree.expandAll()

    def _count(self, item: QTreeWidgetItem) -> int:
        if item.data(0, STUDENT_ROLE):
            return 1
        children = (item.child(i) for i in range(item.childCount()))
        return sum(self._count(child) for child in children if child is not None)

    def _fill_plan(self, plan: list[PlanStudent]) -> None:
        done = sum(1 for row in plan if row.done)
        self.plan_title.setText(
            self.tr("Plan: %1 student(s), %2 visited").replace("%1", str(len(plan))).replace("%2", str(done))
        )
        cells = [
            (
                row.planned_on.isoformat() if row.planned_on else "",
                row.student_no,
                row.name,
                row.region.label,
                self.tr("Visited %1").replace("%1", row.visited_on.isoformat())
                if row.visited_on
                else self.tr("Not yet"),
                self.tr("Visit before identification") if row.visit_first else "",
            )
            for row in plan
        ]
        fill_table(self.plan_table, cells, [row.id for row in plan])
        self.plan_empty.setVisible(not plan)
        self.plan_table.setVisible(bool(plan))

    # -- planning -------------------------------------------------------------------------------
    def checked_students(self) -> list[str]:
        found: list[str] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            student_id = item.data(0, STUDENT_ROLE)
            if student_id and item.checkState(0) == Qt.CheckState.Checked:
                found.append(str(student_id))
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))
        return found

    def plan_checked(self, day: date | None) -> None:
        ids = self.checked_students()
        if not ids:
            self.status.setText(self.tr("Check the students to plan first."))
            return
        year = self.academic_year
        run_for(
            self,
            lambda store: planning.plan_students(store, year, ids, day),
            None,
            self._failed,
            changes=planning.plan_students.changes,
        )

    def _start_visit(self) -> None:
        item = self.plan_table.item(self.plan_table.currentRow(), 0)
        if item is not None and self.ctx.events is not None:
            self.ctx.events.new_visit.emit(str(item.data(STUDENT_ROLE)))

    # -- printing -------------------------------------------------------------------------------
    def _to_print(self) -> list[str]:
        return [row.id for row in self.plan if not row.done]

    def _ask_print(self) -> None:
        if not self._to_print():
            self.status.setText(self.tr("Every planned student has been visited."))
            return
        name = trip_file_name(self.academic_year)
        path = ask_save_path(self, self.tr("Save blank forms"), name, self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.print_to(path)

    def print_to(self, path: Path) -> None:
        ids = self._to_print()
        if not ids:
            return
        run_for(
            self,
            lambda store: planning.print_trip_forms(store, ids, path),
            lambda done: self._printed(Path(done)),
            self._failed,
            changes=planning.print_trip_forms.changes,
        )

    def _printed(self, path: Path) -> None:
        self.status.setText(self.tr("Blank forms saved to %1").replace("%1", str(path)))
        self.printed.emit(str(path))

    # -- lock -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.groups, self.plan = [], []
        self.tree.clear()
        self.plan_table.setRowCount(0)
        self.tree_empty.setVisible(False)
        self.plan_empty.setVisible(False)
        self.tree.setVisible(True)
        self.plan_table.setVisible(True)
        self.pending_title.clear()
        self.plan_title.clear()
        self.status.clear()
