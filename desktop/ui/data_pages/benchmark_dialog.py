"""录入学院基准: a college's overall median GPA and pass rate (and head count) for a term and grade, as
the academic affairs office reports them — aggregates only, no other student's own data. Entering the
same college, term and grade again corrects the stored figures (they are shown when chosen)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app import academic
from desktop.store.errors import StoreError
from desktop.ui.common.guarded_call import run_for
from desktop.ui.shell.app_context import AppContext
from sync.records import College, CollegeAcademicBenchmark
from sync.records.terms import current_term, parse_term, previous_term, term_label

TERMS_SHOWN = 6


def recent_terms(count: int = TERMS_SHOWN) -> list[str]:
    """The current term and the ones before it, latest first."""
    terms = [current_term()]
    while len(terms) < count:
        terms.append(previous_term(terms[-1]))
    return terms


class BenchmarkDialog(QDialog):
    loaded = Signal()
    saved = Signal(object)  # the benchmark as stored
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        college_id: str | None = None,
        term: str | None = None,
        grade: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._wanted_college = college_id
        self.setModal(True)
        self.setWindowTitle(self.tr("College academic benchmark"))

        self.college = QComboBox(self)
        self.college.setObjectName("benchmarkCollege")
        self.term = QComboBox(self)
        self.term.setObjectName("benchmarkTerm")
        terms = recent_terms()
        if term and term not in terms:
            terms.append(term)
        for value in terms:
            self.term.addItem(term_label(value), value)
        self.term.setCurrentIndex(max(0, self.term.findData(term or terms[0])))
        self.grade = QSpinBox(self)
        self.grade.setObjectName("benchmarkGrade")
        self.grade.setRange(1990, 2100)
        first_year = int(parse_term(terms[0])[0][:4])
        self.grade.setValue(grade or first_year)
        self.median_gpa = QDoubleSpinBox(self)
        self.median_gpa.setObjectName("benchmarkMedianGpa")
        self.median_gpa.setRange(0.0, 5.0)
        self.median_gpa.setDecimals(2)
        self.median_gpa.setSingleStep(0.01)
        self.pass_rate = QDoubleSpinBox(self)
        self.pass_rate.setObjectName("benchmarkPassRate")
        self.pass_rate.setRange(0.0, 100.0)
        self.pass_rate.setDecimals(1)
        self.pass_rate.setSuffix(" %")
        self.student_count = QSpinBox(self)
        self.student_count.setObjectName("benchmarkStudentCount")
        self.student_count.setRange(0, 100000)
        self.student_count.setSpecialValueText(self.tr("(not given)"))

        form = QFormLayout()
        form.addRow(self.tr("College"), self.college)
        form.addRow(self.tr("Term"), self.term)
        form.addRow(self.tr("Grade (year of entry)"), self.grade)
        form.addRow(self.tr("Median GPA of the college"), self.median_gpa)
        form.addRow(self.tr("Pass rate of the college"), self.pass_rate)
        form.addRow(self.tr("Students counted (optional)"), self.student_count)
        for label, field in (
            (self.tr("College"), self.college),
            (self.tr("Term"), self.term),
            (self.tr("Grade (year of entry)"), self.grade),
            (self.tr("Median GPA of the college"), self.median_gpa),
            (self.tr("Pass rate of the college"), self.pass_rate),
            (self.tr("Students counted (optional)"), self.student_count),
        ):
            field.setAccessibleName(label)
        explain = QLabel(
            self.tr(
                "The college's figures for all its students of this grade, as the academic affairs office "
                "reports them. Pass rate: the share of students who failed no course this term."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("benchmarkState")
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)

        self.college.currentIndexChanged.connect(lambda _i: self._look_up())
        self.term.currentIndexChanged.connect(lambda _i: self._look_up())
        self.grade.valueChanged.connect(lambda _v: self._look_up())
        self._save_enabled(False)
        run_for(self, academic.benchmark_colleges, self._colleges, self._failed)

    def _save_enabled(self, on: bool) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if button is not None:
            button.setEnabled(on)

    def _colleges(self, colleges: list[College]) -> None:
        self.college.blockSignals(True)
        for college in colleges:
            self.college.addItem(college.name, college.id)
        self.college.setCurrentIndex(max(0, self.college.findData(self._wanted_college)))
        self.college.blockSignals(False)
        if not colleges:
            self.state.setText(self.tr("No college to enter a benchmark for."))
            return
        self._save_enabled(True)
        self._look_up()

    @property
    def college_id(self) -> str:
        return str(self.college.currentData() or "")

    @property
    def chosen_term(self) -> str:
        return str(self.term.currentData() or "")

    def _look_up(self) -> None:
        college_id, term, grade = self.college_id, self.chosen_term, self.grade.value()
        if not college_id:
            return
        run_for(
            self,
            lambda store: academic.find_benchmark(store, college_id, term, grade),
            self._found,
            self._failed,
            key="benchmark-lookup",
        )

    def _found(self, benchmark: CollegeAcademicBenchmark | None) -> None:
        if benchmark is None:
            self.state.setText(self.tr("Not entered yet for this college, term and grade."))
        else:
            self.median_gpa.setValue(benchmark.median_gpa)
            self.pass_rate.setValue(benchmark.pass_rate)
            self.student_count.setValue(benchmark.student_count or 0)
            self.state.setText(self.tr("Entered before: saving changes the stored figures."))
        self.loaded.emit()

    def values(self) -> academic.BenchmarkInput:
        count = self.student_count.value()
        return academic.BenchmarkInput(
            college_id=self.college_id,
            term=self.chosen_term,
            grade=self.grade.value(),
            median_gpa=round(self.median_gpa.value(), 2),
            pass_rate=round(self.pass_rate.value(), 1),
            student_count=count or None,
        )

    def save(self) -> None:
        if not self.college_id:
            return
        values = self.values()
        self._save_enabled(False)
        run_for(
            self,
            lambda store: academic.save_benchmark(store, values),
            self._saved,
            self._failed,
            changes=academic.save_benchmark.changes,
        )

    def _saved(self, benchmark: CollegeAcademicBenchmark) -> None:
        self.saved.emit(benchmark)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._save_enabled(bool(self.college_id))
        message = str(error) if isinstance(error, StoreError) else self.tr("Not saved.")
        self.state.setText(message)
        self.failed.emit(message)
