"""覆盖看板: the six coverages for a year (and a college), as numbers, a bar chart and breakdown tables;
each number drills down to the students still missing it (先家访后认定 new students first).

Everything is computed on the store thread (desktop.store.coverage); the widgets only show results.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import coverage, policy_activities, watch
from desktop.app.changes import Kind
from desktop.store.coverage import MEASURE_RULES, BreakdownRow, CoverageReport, Measure, MissingStudent, Ratio
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.common.table_fill import fill_table, read_only_table
from desktop.ui.data_pages.annual_report_dialog import AnnualReportDialog
from desktop.ui.pdf.pdf_jobs import alive
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.figures.served import CoverageFigures
from sync.records import current_academic_year, previous_academic_year

MISSING_LIMIT = 1000
RELEVANT_KINDS = frozenset(
    {
        Kind.STUDENT,
        Kind.IDENTIFICATION,
        Kind.HOME_VISIT,
        Kind.GROWTH_REWARD,
        Kind.GUARANTEE_AID,
        Kind.KEY_SUPPORT,
        Kind.MENTOR,
        Kind.SCHOOL_CENTER,
        Kind.MENTOR_ASSIGNMENT,
        Kind.RESCUE_SESSION,
        Kind.COLLEGE,
        Kind.MONITORING_FLAG,
        Kind.ENROLMENT_STATUS,
        Kind.CASE_REVIEW,
        Kind.ACADEMIC_RESULT,
        Kind.CENTER_FIGURES,
    }
)
# The 资助育人活动 counts (sync/figures/activity_counts.py) are reloaded when one of these changes.
ACTIVITY_KINDS = frozenset(
    {
        Kind.IDENTIFICATION_EVALUATION,
        Kind.ONE_TO_ONE_TALK,
        Kind.INTEGRITY_ACTIVITY,
        Kind.STAFF_TRAINING,
        Kind.RESEARCH_PROJECT,
        Kind.COLLEGE,
    }
)


def academic_years(count: int = 4) -> list[str]:
    years = [current_academic_year()]
    while len(years) < count:
        years.append(previous_academic_year(years[-1]))
    return years


def ratio_text(ratio: Ratio | None) -> str:
    if ratio is None:
        return ""
    return "—" if ratio.percent is None else f"{ratio.percent:.1f}%  ({ratio.covered}/{ratio.total})"


class CoverageDashboard(Section):
    report_shown = Signal()
    watch_shown = Signal()
    missing_shown = Signal()
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: CoverageReport | None = None
        self.served: CoverageFigures | None = None  # aggregate-only mode: the center's figures shown
        self.measure: Measure = Measure.VISITS
        self.narrow: tuple[str, str] | None = None

        self.year = QComboBox(self)
        self.year.setObjectName("coverageYear")
        self.year.addItems(academic_years())
        self.college = QComboBox(self)
        self.college.setObjectName("coverageCollege")
        self.college.addItem(self.tr("All colleges"), "")
        self.export_xlsx = QPushButton(self.tr("Export to Excel…"), self)
        self.export_xlsx.setObjectName("exportXlsx")
        self.export_pdf = QPushButton(self.tr("Export to PDF…"), self)
        self.export_pdf.setObjectName("exportPdf")
        self.annual_button = QPushButton(self.tr("Annual report…"), self)
        self.annual_button.setObjectName("annualReportButton")
        self.annual_button.setToolTip(self.tr("The annual report on developmental aid, as PDF or Excel"))
        self.annual_dialog: AnnualReportDialog | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Academic year"), self))
        top.addWidget(self.year)
        top.addWidget(QLabel(self.tr("College"), self))
        top.addWidget(self.college, 1)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        top.addWidget(self.export_pdf)
        top.addWidget(self.annual_button)

        self.cards: dict[Measure, QPushButton] = {}
        cards = QGridLayout()
        for index, measure in enumerate(Measure):
            card = QPushButton(self)
            card.setObjectName(f"measure_{measure.value}")
            card.setCheckable(True)
            card.setMinimumHeight(54)
            card.setToolTip(MEASURE_RULES[measure])  # the rule next to the figure (docs/coverage.md)
            card.clicked.connect(lambda _on=False, m=measure: self.select_measure(m))
            cards.addWidget(card, index // 3, index % 3)
            self.cards[measure] = card
        self.rule = QLabel(self)
        self.rule.setObjectName("coverageRule")
        self.rule.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("coverageSummary")
        self.status = QLabel(self)
        self.status.setObjectName("coverageStatus")
        self.served_note = QLabel(self)
        self.served_note.setObjectName("servedFiguresNote")
        self.served_note.setWordWrap(True)
        self.served_note.setVisible(False)

        self.chart = QChart()
        self.chart.legend().setVisible(False)
        self.chart.setTitle(self.tr("Coverage (%)"))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setObjectName("coverageChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Tall enough that the six bars' names do not overlap, in whatever font size the system uses.
        line = self.fontMetrics().height()
        self.chart_view.setMinimumHeight(int(line * (len(Measure) * 1.6 + 6)))
        self.chart.layout().setContentsMargins(0, 0, 0, 0)

        self.tabs = QTabWidget(self)
        self.by_college = self._table("byCollege")
        self.by_counselor = self._table("byCounselor")
        self.by_class = self._table("byClass")
        self.tabs.addTab(self.by_college, self.tr("By college"))
        self.tabs.addTab(self.by_counselor, self.tr("By counselor"))
        self.tabs.addTab(self.by_class, self.tr("By class"))
        # 一个不失学: how many disadvantaged students of each college are on the watch list
        self.watch_table = self._table("watchByCollege")
        self.watch_table.setColumnCount(2)
        self.watch_table.setHorizontalHeaderLabels([self.tr("College"), self.tr("On the watch list")])
        self.tabs.addTab(self.watch_table, self.tr("No dropout"))
        self.activities = self._table("activityCounts")
        self.activities.setAccessibleName(self.tr("Support activities by college"))
        self.tabs.addTab(self.activities, self.tr("Activities"))

        self.missing_title = QLabel(self)
        self.missing_title.setObjectName("missingTitle")
        self.missing = self._table("missingStudents")
        self.missing.setAccessibleName(self.tr("Students not yet covered"))
        self.missing.setColumnCount(6)
        self.missing.setHorizontalHeaderLabels(
            [
                self.tr("Student no."),
                self.tr("Name"),
                self.tr("College"),
                self.tr("Class"),
                self.tr("Counselor"),
                self.tr("Note"),
            ]
        )
        self.missing.activated.connect(self._open_student)
        drill = QWidget(self)
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.missing_title)
        drill_layout.addWidget(self.missing, 1)

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.tabs)
        lower.addWidget(drill)
        lower.setStretchFactor(0, 2)  # the breakdown has more columns than the list of students
        lower.setStretchFactor(1, 1)
        upper = QHBoxLayout()
        upper.addLayout(cards, 3)
        upper.addWidget(self.chart_view, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(upper)
        layout.addWidget(self.served_note)
        layout.addWidget(self.rule)
        layout.addWidget(self.summary)
        layout.addWidget(lower, 1)
        layout.addWidget(self.status)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.college.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_xlsx.clicked.connect(lambda: self._ask_export(pdf=False))
        self.export_pdf.clicked.connect(lambda: self._ask_export(pdf=True))
        self.annual_button.clicked.connect(self.open_annual_report)
        for kind, table in (
            ("college", self.by_college),
            ("counselor", self.by_counselor),
            ("class", self.by_class),
        ):
            table.itemSelectionChanged.connect(lambda k=kind, t=table: self._row_selected(k, t))
        ctx.worker.data_changed.connect(self._data_changed)
        self._set_enabled(False)

    def _table(self, name: str) -> QTableWidget:
        table = read_only_table(self, name, [])
        table.setAlternatingRowColors(True)
        return table

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.export_xlsx, self.export_pdf, *self.cards.values()):
            widget.setEnabled(on)

    # -- loading --------------------------------------------------------------------------------
    @property
    def academic_year(self) -> str:
        return self.year.currentText()

    @property
    def college_id(self) -> str | None:
        return str(self.college.currentData() or "") or None

    def reload(self) -> None:
        year, college = self.academic_year, self.college_id
        run_for(
            self,
            lambda store: coverage.coverage_view(store, year, college),
            self._show,
            self._failed,
            key="coverage",
        )
        shown = watch.may_see_watch_list(self.ctx.identity.role)
        self.tabs.setTabVisible(self.tabs.indexOf(self.watch_table), shown)
        if shown:
            run_for(self, watch.watch_counts, self._show_watch, self._failed, key="coverage-watch")

    def _show_watch(self, counts: list[tuple[str, int]]) -> None:
        """The watch list's count per college (the chosen college's only, when one is chosen)."""
        college = self.college.currentText() if self.college_id else None
        rows = [(name, str(count)) for name, count in counts if college is None or name == college]
        total = sum(count for name, count in counts if college is None or name == college)
        fill_table(self.watch_table, [*rows, (self.tr("Total"), str(total))])
        self.watch_shown.emit()

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & RELEVANT_KINDS and self.report is not None:
            self.reload()
        elif kinds & ACTIVITY_KINDS and self.report is not None:
            self._reload_activities()

    def _reload_activities(self) -> None:
        year, college = self.academic_year, self.college_id
        run_for(
            self,
            lambda store: policy_activities.activity_counts_view(store, year, college),
            self._show_activities,
            self._failed,
            key="coverage-activities",
        )

    def _show_activities(self, view: policy_activities.ActivityCountsView) -> None:
        """民主测评, 个别交流 (times/students), 诚信教育 (times/participants), 培训 (times/hours) and
        专项研究 of the year per college, the school's own and the total: one compact tab."""
        table = view.table
        headers = [
            self.tr("College"),
            self.tr("Democratic evaluations"),
            self.tr("Talks (students)"),
            self.tr("Integrity education (participants)"),
            self.tr("Staff training (hours)"),
            self.tr("Research projects"),
        ]
        self.activities.setColumnCount(len(headers))
        self.activities.setHorizontalHeaderLabels(headers)
        rows = [(view.college_names.get(c.college_id or "", ""), c) for c in table.colleges]
        if not table.school.empty:
            rows.append((self.tr("Whole school"), table.school))
        rows.append((self.tr("Total"), table.total))
        cells = [
            (
                name,
                str(c.evaluations),
                f"{c.talks} ({c.talk_students})",
                f"{c.integrity_activities} ({c.integrity_participants})",
                f"{c.trainings} ({c.training_hours.normalize():f})",
                str(c.research_projects),
            )
            for name, c in rows
        ]
        fill_table(self.activities, cells)

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, view: coverage.CoverageView) -> None:
        report = view.report
        self.report = report
        self.served = view.served
        self._show_served_note(view.served)
        self._fill_colleges(view.colleges)
        for measure, card in self.cards.items():
            ratio = report.totals.get(measure)
            card.setVisible(ratio is not None)
            card.setText(f"{measure.label}\n{ratio_text(ratio)}")
        flags = report.flags
        self.summary.setText(
            self.tr(
                "New students awaiting a visit before identification: %1 · Monitoring: %2 open, %3 in progress"
            )
            .replace("%1", str(report.awaiting_visit_first))
            .replace("%2", str(flags.open))
            .replace("%3", str(flags.in_progress))
            + self.tr(" · Talks at school (not home visits): %1").replace("%1", str(report.at_school))
        )
        self._fill_chart(report)
        self._fill_breakdown(self.by_college, report.by_college, report, self.tr("College"))
        if view.served is not None:
            self._fill_served(view.served)
        self._fill_breakdown(self.by_counselor, report.by_counselor, report, self.tr("Counselor"))
        self._fill_breakdown(self.by_class, report.by_class, report, self.tr("Class"), with_college=True)
        self.status.clear()
        self._set_enabled(True)
        self._reload_activities()
        if self.measure not in report.totals or self.measure is Measure.CENTER:
            self.measure = Measure.VISITS
        self.narrow = None
        self.report_shown.emit()
        self.select_measure(self.measure)

    def _fill_colleges(self, colleges: list[tuple[str, str]]) -> None:
        current = self.college_id or ""
        known = [str(self.college.itemData(i) or "") for i in range(1, self.college.count())]
        if known == [college_id for _name, college_id in colleges]:
            return
        self.college.blockSignals(True)
        while self.college.count() > 1:
            self.college.removeItem(1)
        for name, college_id in colleges:
            self.college.addItem(name, college_id)
        self.college.setCurrentIndex(max(0, self.college.findData(current)))
        self.college.blockSignals(False)

    def _fill_chart(self, report: CoverageReport) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        # Horizontal bars: each measure's whole short name fits on the left ("成长奖励", "成长档案"),
        # where columns would elide them alike ("成长…"). The first measure is drawn at the top.
        bars = QBarSet(self.tr("Coverage"))
        labels: list[str] = []
        for measure, ratio in reversed(report.totals.items()):
            labels.append(measure.label.removesuffix("全覆盖"))
            bars.append(0.0 if ratio.percent is None else round(ratio.percent, 1))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        categories.setTruncateLabels(False)  # the axis is as wide as its longest name
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d")
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)

    def _fill_breakdown(
        self,
        table: QTableWidget,
        rows: list[BreakdownRow],
        report: CoverageReport,
        first: str,
        *,
        with_college: bool = False,
    ) -> None:
        measures = [m for m in report.measures if m is not Measure.CENTER or table is self.by_college]
        # Short column titles ("家访", not "家访全覆盖") so that every column fits; the full name is
        # the title's tooltip.
        short = [m.label.removesuffix("全覆盖") for m in measures]
        headers = ([self.tr("College")] if with_college else []) + [first] + short
        headers += [self.tr("Talks at school")]  # 到校约谈: recorded, counted apart from home visits
        table.blockSignals(True)
        table.clearSelection()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for offset, measure in enumerate(measures, start=len(headers) - len(measures)):
            header = table.horizontalHeaderItem(offset)
            if header is not None:
                header.setToolTip(measure.label)
        cells = [
            ([row.college] if with_college else [])
            + [row.label]
            + [ratio_text(row.ratios.get(m)) for m in measures]
            + [str(row.at_school)]
            for row in rows
        ]
        fill_table(table, cells, [row.key for row in rows])
        table.blockSignals(False)

    def _show_served_note(self, served: CoverageFigures | None) -> None:
        self.served_note.setVisible(served is not None)
        for tab in (self.by_counselor, self.by_class):
            self.tabs.setTabEnabled(self.tabs.indexOf(tab), served is None)
        self.missing.setEnabled(served is None)
        if served is None:
            self.served_note.clear()
            return
        computed = served.computed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.served_note.setText(
            self.tr(
                "Aggregate-only mode: figures computed by the center's server at %1. Cells of 1–4 students "
                "show <5, cells a total would give away show *."
            ).replace("%1", computed)
        )

    def _fill_served(self, served: CoverageFigures) -> None:
        """The breakdown by college as the center served it (small counts hidden)."""
        measures = [m for m in Measure if m.value in served.totals]
        short = [m.label.removesuffix("全覆盖") for m in measures]
        headers = [self.tr("College"), *short]
        self.by_college.blockSignals(True)
        self.by_college.clearSelection()
        self.by_college.setColumnCount(len(headers))
        self.by_college.setHorizontalHeaderLabels(headers)
        cells = []
        for row in served.by_college:
            line = [row.label]
            for measure in measures:
                cell = row.measures.get(measure.value)
                if cell is None:
                    line.append("")
                elif cell.percent is not None:
                    line.append(f"{cell.percent:.1f}%  ({cell.covered_text}/{cell.total_text})")
                else:
                    line.append(f"{cell.covered_text}/{cell.total_text}")
            cells.append(line)
        fill_table(self.by_college, cells, [row.key for row in served.by_college])
        self.by_college.blockSignals(False)

    # -- drill-down ------------------------------------------------------------------------------
    def select_measure(self, measure: Measure) -> None:
        if self.report is None:
            return
        self.measure = measure
        self.rule.setText(self.tr("Rule: %1").replace("%1", MEASURE_RULES[measure]))
        for key, card in self.cards.items():
            card.setChecked(key is measure)
        if measure is Measure.CENTER:
            self._show_centers()
            return
        if self.served is not None:
            # No student is on this laptop: a drill-down needs the students in the user's scope.
            self.missing_title.setText(
                self.tr(
                    "Aggregate-only mode keeps no student records on this computer, so no list of students "
                    "can be shown. Viewing a student needs that student in your scope: sign in again without "
                    "aggregate-only mode (Settings → Center server) and sync."
                )
            )
            self.missing_title.setWordWrap(True)
            self.missing.setRowCount(0)
            self.missing_shown.emit()
            return
        year, college, narrow = self.academic_year, self.college_id, self.narrow
        run_for(
            self,
            lambda store: coverage.missing_list(store, year, college, measure, narrow, MISSING_LIMIT),
            self._show_missing,
            self._failed,
            key="coverage-missing",
        )

    def _show_centers(self) -> None:
        assert self.report is not None
        rows = [center for center in self.report.centers if not center.has_center]
        self.missing_title.setText(self.tr("Support centers not complete: %1").replace("%1", str(len(rows))))
        missing = self.tr("Missing: %1")
        fill_table(
            self.missing,
            [("", "", c.name, "", "", missing.replace("%1", "、".join(c.missing))) for c in rows],
        )
        self.missing_shown.emit()

    def _row_selected(self, kind: str, table: QTableWidget) -> None:
        items = table.selectedItems()
        self.narrow = (kind, str(items[0].data(Qt.ItemDataRole.UserRole))) if items else None
        for other in (self.by_college, self.by_counselor, self.by_class):
            if other is not table:
                other.blockSignals(True)
                other.clearSelection()
                other.blockSignals(False)
        self.select_measure(self.measure)

    def _show_missing(self, result: tuple[int, list[MissingStudent]]) -> None:
        total, rows = result
        title = (
            self.tr("%1: %2 student(s) still missing")
            .replace("%1", self.measure.label)
            .replace("%2", str(total))
        )
        if total > len(rows):
            title += self.tr(" (first %1 shown)").replace("%1", str(len(rows)))
        self.missing_title.setText(title)
        cells = [
            (row.student_no, row.name, row.college, row.class_name, row.counselor, self._note(row))
            for row in rows
        ]
        fill_table(self.missing, cells, [row.id for row in rows])
        self.missing_shown.emit()

    def _note(self, row: MissingStudent) -> str:
        if row.visit_first:
            first = self.tr("Visit before identification")
        else:
            first = self.tr("New student") if row.is_new_student else ""
        return "；".join(part for part in (first, "、".join(row.missing_parts)) if part)

    def _open_student(self) -> None:
        item = self.missing.item(self.missing.currentRow(), 0)
        student_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if student_id and self.ctx.events is not None:
            self.ctx.events.open_student.emit(str(student_id))

    # -- export ---------------------------------------------------------------------------------
    def _ask_export(self, *, pdf: bool) -> None:
        if self.report is None:
            return
        suffix = "pdf" if pdf else "xlsx"
        default = f"覆盖统计_{self.academic_year}.{suffix}"
        pattern = self.tr("PDF files (*.pdf)") if pdf else self.tr("Excel workbooks (*.xlsx)")
        path = ask_save_path(self, self.tr("Export coverage"), default, pattern)
        if path is not None:
            self.export_to(path, pdf=pdf)

    def export_to(self, path: Path, *, pdf: bool) -> None:
        report = self.report
        if report is None:
            return
        label = self.college.currentText()
        run_for(
            self,
            lambda store: coverage.export_dashboard(store, path, report, pdf, label),
            lambda done: self._exported(Path(done)),
            self._failed,
            changes=coverage.export_dashboard.changes,
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def open_annual_report(self) -> AnnualReportDialog:
        """The annual report dialog for the year and college shown (one at a time)."""
        if self.annual_dialog is not None and alive(self.annual_dialog) and self.annual_dialog.isVisible():
            self.annual_dialog.raise_()
            return self.annual_dialog
        dialog = AnnualReportDialog(
            self.ctx, self, academic_year=self.academic_year, college_id=self.college_id
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.annual_dialog = dialog
        dialog.show()
        return dialog

    # -- lock -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.report = None
        self.served = None
        self._show_served_note(None)
        self.narrow = None
        for card in self.cards.values():
            card.setText("")
            card.setChecked(False)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        for table in (self.by_college, self.by_counselor, self.by_class, self.missing):
            table.setRowCount(0)
        self.summary.clear()
        self.missing_title.clear()
        self.status.clear()
        self._set_enabled(False)
