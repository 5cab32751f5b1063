"""年度报告: the annual report of a year, for the school or a college, as PDF or Excel, in one click.

The records are read on the store thread, the figures computed and the file written on a PDF thread
(progress bar, Cancel), then the export is audited (desktop/app/annual_report.py). The file appears only
when complete: a cancel or a failure leaves no file, partial or whole. An aggregate-only laptop's report
uses the center's figures (said above the form).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import annual_report
from desktop.app.annual_report import (
    AnnualCancelled,
    AnnualInputs,
    AnnualOutcome,
    AnnualReportError,
    AnnualRequest,
)
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.save_folder import ask_save_path, start_folder
from desktop.ui.pdf.pdf_jobs import PdfJob, PdfJobs, alive
from desktop.ui.pdf.pdf_preview_dialog import user_message
from desktop.ui.shell.app_context import AppContext
from sync.records import College, current_academic_year, previous_academic_year

YEARS_SHOWN = 4


class AnnualReportDialog(QDialog):
    progressed = Signal(int, int)
    report_finished = Signal(object)  # AnnualOutcome, after the audit entry is written
    report_failed = Signal(str)  # also on cancel (the message says so)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        academic_year: str | None = None,
        college_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("annualReport")
        self.setWindowTitle(self.tr("Annual report"))
        self._cancel = threading.Event()
        self._job: PdfJob | None = None
        self._wanted_college = college_id
        self.running = False
        self.outcome: AnnualOutcome | None = None

        self.year = QComboBox(self)
        self.year.setObjectName("annualYear")
        years = [current_academic_year()]
        while len(years) < YEARS_SHOWN:
            years.append(previous_academic_year(years[-1]))
        self.year.addItems(years)
        if academic_year in years:
            self.year.setCurrentText(academic_year)
        self.college = QComboBox(self)
        self.college.setObjectName("annualCollege")
        self.college.addItem(self.tr("Whole school"), "")
        self.kind = QComboBox(self)
        self.kind.setObjectName("annualFormat")
        self.kind.addItem(self.tr("PDF document"), ".pdf")
        self.kind.addItem(self.tr("Excel workbook"), ".xlsx")
        self.path = QLineEdit(self)
        self.path.setObjectName("annualPath")
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.choose.clicked.connect(self._choose_path)
        self.kind.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.year.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self.college.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self._suggest_path()

        self.progress = QProgressBar(self)
        self.progress.setObjectName("annualProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("annualStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.setObjectName("annualStart")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.setObjectName("annualCancel")
        self.cancel_button.clicked.connect(self._cancel_or_close)

        intro = QLabel(
            self.tr(
                "The six coverages and their change over three years, aid by item and funding source, "
                "growth rewards, wish-list delivery and key support, with charts: the same numbers as the "
                "coverage dashboard, and no student named."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.source = QLabel(
            self.tr(
                "This computer is in aggregate-only mode: the report uses the center's figures, kept at "
                "each sync for the current and previous academic year (other years and single colleges "
                "are fetched from the center server, which needs a connection)."
            ),
            self,
        )
        self.source.setObjectName("annualSource")
        self.source.setWordWrap(True)
        self.source.hide()
        form = QFormLayout()
        form.addRow(self.tr("Academic year"), self.year)
        form.addRow(self.tr("College"), self.college)
        form.addRow(self.tr("Format"), self.kind)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.choose)
        form.addRow(self.tr("Save as"), path_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.source)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())
        self.progressed.connect(self._show_progress)
        ctx.lock.about_to_lock.connect(self._locking)
        ctx.worker.run(annual_report.colleges, self._fill_colleges)
        ctx.worker.run(annual_report.from_center, self._show_source)
        name_controls(self)

    # -- choices --------------------------------------------------------------------------------
    def _show_source(self, from_center: bool) -> None:
        if alive(self):
            self.source.setVisible(from_center)

    def _fill_colleges(self, colleges: list[College]) -> None:
        if not alive(self):
            return
        self.college.blockSignals(True)
        for college in colleges:
            self.college.addItem(college.name, college.id)
        if self._wanted_college:
            self.college.setCurrentIndex(max(0, self.college.findData(self._wanted_college)))
        self.college.blockSignals(False)
        self._suggest_path()

    def _file_name(self) -> str:
        scope = self.college.currentText() if self.college.currentIndex() > 0 else "全校"
        return f"年度报告_{scope}_{self.year.currentText()}{self.kind.currentData()}"

    def _suggest_path(self) -> None:
        """The proposed file: same folder as now (or the save folder), a name for the current choice."""
        current = self.path.text().strip()
        folder = Path(current).expanduser().parent if current else start_folder()
        self.path.setText(str(folder / self._file_name()))

    def _choose_path(self) -> None:
        pdf = self.kind.currentData() == ".pdf"
        pattern = self.tr("PDF files (*.pdf)") if pdf else self.tr("Excel workbooks (*.xlsx)")
        chosen = ask_save_path(self, self.tr("Save the annual report"), self._file_name(), pattern)
        if chosen is not None:
            self.path.setText(str(chosen))

    def request(self) -> AnnualRequest | None:
        """The request as entered, or None (with a message shown) when something is missing."""
        text = self.path.text().strip()
        if not text:
            self._message(self.tr("Choose where to save the report."), error=True)
            return None
        path = Path(text).expanduser()
        if path.suffix.lower() != self.kind.currentData():
            path = path.with_name(path.name + str(self.kind.currentData()))
            self.path.setText(str(path))
        if not path.parent.is_dir():
            self._message(
                self.tr("The folder %1 does not exist.").replace("%1", str(path.parent)), error=True
            )
            return None
        college_id = str(self.college.currentData() or "") or None
        return AnnualRequest(self.year.currentText(), college_id, path)

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        request = self.request()
        if request is None:
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self.outcome = None
        self._set_running(True)
        self.progress.setRange(0, 0)  # busy while the records are read
        self._message(self.tr("Reading the records…"))
        self.ctx.worker.run(
            lambda store: annual_report.read_annual_inputs(store, request, cancel), self._read, self._failed
        )

    def _read(self, inputs: AnnualInputs) -> None:
        if not alive(self):
            return
        if self._cancel.is_set():
            self._finish_cancelled()
            return
        self.progress.setRange(0, annual_report.total_steps(inputs.request))
        self.progress.setValue(0)
        self._message(self.tr("Computing the figures and writing the report…"))
        self._job = PdfJobs.of(self.ctx.worker).run(
            lambda control: annual_report.write_annual_report(inputs, control),
            self._written,
            self._failed,
            self.progressed.emit,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if not alive(self):
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _written(self, outcome: AnnualOutcome) -> None:
        """Written: the audit entry is logged even if the dialog was closed meanwhile."""
        self._job = None
        self.ctx.worker.run(
            lambda store: annual_report.log_annual_report(store, outcome),
            lambda _r: self._audited(outcome),
            self._failed,
            changes=annual_report.log_annual_report.changes,
        )

    def _audited(self, outcome: AnnualOutcome) -> None:
        if not alive(self):
            return
        self._set_running(False)
        self.outcome = outcome
        self._message(self.tr("The annual report was saved to %1.").replace("%1", str(outcome.path)))
        self.report_finished.emit(outcome)

    def _failed(self, exc: Exception) -> None:
        self._job = None
        if not alive(self):
            return
        if isinstance(exc, AnnualCancelled):
            self._finish_cancelled()
            return
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        text = (
            str(exc)
            if isinstance(exc, AnnualReportError)
            else user_message(exc, self.tr("The report failed."))
        )
        self._message(text, error=True)
        self.report_failed.emit(text)

    def _finish_cancelled(self) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._message(self.tr("Cancelled; no file was written."))
        self.report_failed.emit(self.status.text())

    def cancel_report(self) -> None:
        if not self.running:
            return
        self._cancel.set()
        if self._job is not None:
            self._job.cancel()
        self.cancel_button.setEnabled(False)
        self._message(self.tr("Cancelling…"))

    def _cancel_or_close(self) -> None:
        if self.running:
            self.cancel_report()
        else:
            self.reject()

    def _locking(self) -> None:
        """The app locks: stop (nothing is written) and close."""
        self.cancel_report()
        self._job = None
        self.running = False
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (self.generate_button, self.year, self.college, self.kind, self.path, self.choose):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _message(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.setText(text)

    def reject(self) -> None:
        if self.running:
            self.cancel_report()  # Esc while generating cancels; the dialog closes once it stops
            return
        super().reject()
