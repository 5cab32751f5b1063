"""学业差距: per college and grade, the disadvantaged students' median GPA and pass rate against the
college's benchmark, the gap and its change from the same term a year earlier; a selected row's trend
over every term with data. The figure's rule is shown above the table (docs/coverage.md).

For the center roles (a college center sees its own college); other roles see where to find a
student's own results instead. Computed on the store thread (sync.figures.academic_gap).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import academic
from desktop.app.changes import Kind
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.table_fill import fill_table, read_only_table, selected_row
from desktop.ui.data_pages.benchmark_dialog import BenchmarkDialog, recent_terms
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.records.terms import term_label

RELEVANT_KINDS = frozenset(
    {
        Kind.STUDENT,
        Kind.IDENTIFICATION,
        Kind.COLLEGE,
        Kind.ACADEMIC_RESULT,
        Kind.COLLEGE_ACADEMIC_BENCHMARK,
    }
)
MISSING = "—"


def gpa_text(value: float | None) -> str:
    return MISSING if value is None else f"{value:.2f}"


def percent_text(value: float | None) -> str:
    return MISSING if value is None else f"{value:.1f}%"


def gap_text(value: float | None, digits: int = 2) -> str:
    """A gap: "0.30"; "−0.15" when the disadvantaged students are ahead."""
    if value is None:
        return MISSING
    shown = round(value, digits) + 0.0
    return f"{'−' if shown < 0 else ''}{abs(shown):.{digits}f}"


def points_text(value: float | None) -> str:
    """A pass-rate gap in percentage points."""
    return gap_text(value, 1)


def change_text(value: float | None, digits: int = 2) -> str:
    """ "−0.20 ↓" (the gap narrowed) / "+0.10 ↑" (widened) / "0.00 →"."""
    if value is None:
        return MISSING
    shown = round(value, digits)
    arrow = "↓" if shown < 0 else "↑" if shown > 0 else "→"
    sign = "−" if shown < 0 else "+" if shown > 0 else ""
    return f"{sign}{abs(shown):.{digits}f} {arrow}"


class AcademicGapPage(Section):
    shown = Signal()
    trend_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: academic.GapView | None = None
        self.trend: list[academic.GapCell] = []
        self._stale = True
        self._first_view = True

        self.pages = QStackedWidget(self)
        denied = QLabel(
            self.tr(
                "The academic gap is for the support centers. A student's own results are in the "
                "profile's “Academic results” tab."
            ),
            self.pages,
        )
        denied.setObjectName("academicGapDenied")
        denied.setWordWrap(True)
        self.pages.addWidget(denied)
        content = QWidget(self.pages)
        self.pages.addWidget(content)

        self.term = QComboBox(content)
        self.term.setObjectName("gapTerm")
        self.term.setAccessibleName(self.tr("Term"))
        for term in recent_terms():
            self.term.addItem(term_label(term), term)
        self.college = QComboBox(content)
        self.college.setObjectName("gapCollege")
        self.college.setAccessibleName(self.tr("College"))
        self.college.addItem(self.tr("All colleges"), "")
        self.enter_benchmark = QPushButton(self.tr("Enter a college benchmark…"), content)
        self.enter_benchmark.setObjectName("enterBenchmark")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Term"), content))
        top.addWidget(self.term)
        top.addWidget(QLabel(self.tr("College"), content))
        top.addWidget(self.college, 1)
        top.addStretch(1)
        top.addWidget(self.enter_benchmark)

        self.rule = QLabel(self.tr("Definition: ") + academic.GAP_RULE, content)
        self.rule.setObjectName("gapRule")
        self.rule.setWordWrap(True)
        self.table = read_only_table(
            content,
            "academicGap",
            [
                self.tr("College"),
                self.tr("Grade"),
                self.tr("Disadvantaged"),
                self.tr("With results"),
                self.tr("Their median GPA"),
                self.tr("College median GPA"),
                self.tr("GPA gap"),
                self.tr("vs. a year earlier"),
                self.tr("Their pass rate"),
                self.tr("College pass rate"),
                self.tr("Pass-rate gap (points)"),
                self.tr("vs. a year earlier"),
                self.tr("Note"),
            ],
        )
        self.table.setAccessibleName(self.tr("Academic gap by college and grade"))
        self.table.setAlternatingRowColors(True)
        self.trend_title = QLabel(self.tr("Select a row to see its trend."), content)
        self.trend_title.setObjectName("gapTrendTitle")
        self.trend_title.setWordWrap(True)
        self.trend_table = read_only_table(
            content,
            "gapTrend",
            [
                self.tr("Term"),
                self.tr("Disadvantaged"),
                self.tr("GPA gap"),
                self.tr("Pass-rate gap (points)"),
                self.tr("Note"),
            ],
        )
        self.trend_table.setAccessibleName(self.tr("Trend of the selected college and grade"))
        trend = QWidget(content)
        trend_layout = QVBoxLayout(trend)
        trend_layout.setContentsMargins(0, 0, 0, 0)
        trend_layout.addWidget(self.trend_title)
        trend_layout.addWidget(self.trend_table, 1)
        split = QSplitter(content)
        split.addWidget(self.table)
        split.addWidget(trend)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.status = QLabel(content)
        self.status.setObjectName("gapStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.rule)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.term.currentIndexChanged.connect(lambda _i: self._load())
        self.college.currentIndexChanged.connect(lambda _i: self._load())
        self.table.itemSelectionChanged.connect(self._selected)
        self.enter_benchmark.clicked.connect(self.open_benchmark_dialog)
        ctx.worker.data_changed.connect(self._data_changed)

    # -- loading --------------------------------------------------------------------------------
    @property
    def current_term(self) -> str:
        return str(self.term.currentData() or "")

    @property
    def college_id(self) -> str | None:
        return str(self.college.currentData() or "") or None

    def reload(self) -> None:
        allowed = self.ctx.is_center()
        self.pages.setCurrentIndex(1 if allowed else 0)
        if not allowed:
            return
        if self.isHidden():
            self._stale = True  # loaded when shown
            return
        self._load()

    def _load(self) -> None:
        if not self.ctx.is_center():
            return
        self._stale = False
        term, college = self.current_term, self.college_id
        run_for(
            self,
            lambda store: academic.gap_view(store, term, college),
            self._show,
            self._failed,
            key="academic-gap",
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShowToParent and self._stale and self.isVisibleTo(self.window()):
            self.reload()
        return super().event(event)

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & RELEVANT_KINDS and self.view is not None:
            self.reload()

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))

    def _show(self, view: academic.GapView) -> None:
        first, self._first_view = self._first_view, False
        self._fill_terms(view.terms)
        empty = not any(cell.with_results or cell.has_benchmark for cell in view.cells)
        if first and empty and view.terms and view.terms[0] != view.term:
            self.select_term(view.terms[0])  # no result nor benchmark yet this term: the latest with some
            return
        self.view = view
        self._fill_colleges(view.college_names)
        rows = []
        for cell in view.cells:
            rows.append(
                [
                    view.college_names.get(cell.college_id, ""),
                    str(cell.grade),
                    str(cell.disadvantaged),
                    str(cell.with_results),
                    gpa_text(cell.gpa.disadvantaged),
                    gpa_text(cell.gpa.college),
                    gap_text(cell.gpa.gap),
                    change_text(cell.gpa.change),
                    percent_text(cell.pass_rate.disadvantaged),
                    percent_text(cell.pass_rate.college),
                    points_text(cell.pass_rate.gap),
                    change_text(cell.pass_rate.change, 1),
                    cell.note,
                ]
            )
        fill_table(self.table, rows)
        self.status.setText(
            self.tr("No college or grade has disadvantaged students or a benchmark in this term.")
            if not view.cells
            else ""
        )
        self.trend = []
        self.trend_table.setRowCount(0)
        self.trend_title.setText(self.tr("Select a row to see its trend."))
        self.shown.emit()

    def _fill_terms(self, terms: list[str]) -> None:
        """Terms with data join the recent ones (an older import stays reachable)."""
        known = {str(self.term.itemData(i)) for i in range(self.term.count())}
        missing = [term for term in terms if term not in known]
        if not missing:
            return
        current = self.current_term
        wanted = sorted(known | set(missing), reverse=True)
        self.term.blockSignals(True)
        self.term.clear()
        for term in wanted:
            self.term.addItem(term_label(term), term)
        self.term.setCurrentIndex(max(0, self.term.findData(current)))
        self.term.blockSignals(False)

    def _fill_colleges(self, names: dict[str, str]) -> None:
        known = [str(self.college.itemData(i) or "") for i in range(1, self.college.count())]
        if known == list(names):
            return
        current = self.college_id or ""
        self.college.blockSignals(True)
        while self.college.count() > 1:
            self.college.removeItem(1)
        for college_id, name in names.items():
            self.college.addItem(name, college_id)
        self.college.setCurrentIndex(max(0, self.college.findData(current)))
        self.college.blockSignals(False)

    def select_term(self, term: str) -> None:
        index = self.term.findData(term)
        if index < 0:
            self.term.addItem(term_label(term), term)
            index = self.term.count() - 1
        self.term.setCurrentIndex(index)

    # -- the trend of a row ---------------------------------------------------------------------
    def selected_cell(self) -> academic.GapCell | None:
        return selected_row(self.table, self.view.cells) if self.view is not None else None

    def _selected(self) -> None:
        cell = self.selected_cell()
        if cell is None or self.view is None:
            return
        name = self.view.college_names.get(cell.college_id, "")
        self.trend_title.setText(
            self.tr("Trend: %1, grade %2").replace("%1", name).replace("%2", str(cell.grade))
        )
        run_for(
            self,
            lambda store: academic.gap_trend(store, cell.college_id, cell.grade),
            self._show_trend,
            self._failed,
            key="academic-gap-trend",
        )

    def _show_trend(self, cells: list[academic.GapCell]) -> None:
        self.trend = cells
        rows = [
            [
                term_label(cell.term),
                str(cell.disadvantaged),
                gap_text(cell.gpa.gap),
                points_text(cell.pass_rate.gap),
                cell.note,
            ]
            for cell in reversed(cells)
        ]
        fill_table(self.trend_table, rows)
        self.trend_shown.emit()

    # -- benchmarks -----------------------------------------------------------------------------
    def open_benchmark_dialog(self) -> BenchmarkDialog:
        cell = self.selected_cell()
        dialog = BenchmarkDialog(
            self.ctx,
            college_id=cell.college_id if cell else self.college_id,
            term=self.current_term,
            grade=cell.grade if cell else None,
            parent=self,
        )
        dialog.show()
        return dialog

    def clear(self) -> None:
        self.view = None
        self.trend = []
        self.table.setRowCount(0)
        self.trend_table.setRowCount(0)
        self.status.clear()
        self._stale = True
        self._first_view = True
