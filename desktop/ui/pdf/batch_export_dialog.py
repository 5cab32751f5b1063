"""批量导出 PDF: visit forms or growth archives of the roster selection, the roster's filters, a college
or a class, over a date range; one file per student or one combined file.

The records are read on the store thread, the PDFs are written on a PDF thread (progress bar, Cancel),
and every student whose forms were written gets an audit entry.  Files are written under a temporary
name and renamed when complete (desktop/reports/output_file.py): a cancel never leaves a half-written
PDF, and the files finished before it are kept and listed.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import roster
from desktop.app.batch_export import (
    BatchCancelled,
    BatchInputs,
    BatchOutcome,
    BatchRequest,
    ScopeKind,
    audit_notes,
    fetch_batch,
    write_batch,
)
from desktop.app.pdf_documents import log_audits
from desktop.app.roster import FilterOptions, RosterQuery
from desktop.reports.batch_export import ExportKind
from desktop.reports.growth_archive import KeySupportNotAllowed, may_bulk_export_key_support
from desktop.reports.store_source import (
    ReportSourceError,
)
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.date_field import DateField
from desktop.ui.common.save_folder import remember_folder, start_folder
from desktop.ui.pdf.pdf_jobs import PdfJob, PdfJobs, alive
from desktop.ui.pdf.pdf_preview_dialog import user_message
from desktop.ui.shell.app_context import AppContext
from sync.records.academic import academic_year_bounds, current_academic_year


class BatchExportDialog(QDialog):
    progressed = Signal(int, int)
    export_finished = Signal(object)  # BatchOutcome, after the audit entries are written
    export_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        *,
        student_ids: Sequence[str] = (),
        query: RosterQuery | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("batchExport")
        self.setWindowTitle(self.tr("Export PDFs"))
        self.student_ids = tuple(student_ids)
        self.query = query
        self._cancel = threading.Event()
        self._job: PdfJob | None = None
        self._holder: dict[str, BatchOutcome] = {}
        self.running = False
        self.outcome: BatchOutcome | None = None

        # scope
        self.scope_group = QButtonGroup(self)
        self.by_selection = QRadioButton(self.tr("Selected students (%n)", "", len(self.student_ids)), self)
        self.by_filter = QRadioButton(self.tr("All students matching the roster search and filters"), self)
        self.by_college = QRadioButton(self.tr("A college:"), self)
        self.by_class = QRadioButton(self.tr("A class:"), self)
        self.college = QComboBox(self)
        self.college.setObjectName("batchCollege")
        self.class_name = QComboBox(self)
        self.class_name.setObjectName("batchClass")
        self.class_name.setEditable(False)
        self.college.setPlaceholderText(self.tr("Choose a college…"))
        self.class_name.setPlaceholderText(self.tr("Choose a class…"))
        for button, key in (
            (self.by_selection, ScopeKind.SELECTION),
            (self.by_filter, ScopeKind.FILTER),
            (self.by_college, ScopeKind.COLLEGE),
            (self.by_class, ScopeKind.CLASS),
        ):
            button.setProperty("scope", key)
            self.scope_group.addButton(button)
        self.by_selection.setEnabled(bool(self.student_ids))
        self.by_filter.setEnabled(query is not None)
        (self.by_selection if self.student_ids else self.by_filter if query else self.by_college).setChecked(
            True
        )
        self.college.currentIndexChanged.connect(lambda _i: self.by_college.setChecked(True))
        self.class_name.currentIndexChanged.connect(lambda _i: self.by_class.setChecked(True))

        # what and how
        self.kind = QComboBox(self)
        self.kind.setObjectName("batchKind")
        self.kind.addItem(self.tr("Home-visit forms"), ExportKind.VISITS)
        self.kind.addItem(self.tr("Growth archives"), ExportKind.ARCHIVES)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        first, _last = academic_year_bounds(current_academic_year())
        self.date_from = DateField(parent=self)
        self.date_from.setObjectName("batchFrom")
        self.date_from.set_value(first)
        self.date_to = DateField(parent=self)
        self.date_to.setObjectName("batchTo")
        self.combined = QCheckBox(self.tr("One combined file (otherwise one file per student)"), self)
        self.combined.setObjectName("batchCombined")
        self.key_support = QCheckBox(self.tr("Include key support (restricted)"), self)
        self.key_support.setObjectName("batchKeySupport")
        self.key_support.setVisible(may_bulk_export_key_support(ctx.identity.role))
        self.folder = QLineEdit(str(start_folder()), self)
        self.folder.setObjectName("batchFolder")
        self.choose_folder = QPushButton(self.tr("Choose…"), self)
        self.choose_folder.clicked.connect(self._choose_folder)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("batchStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.font_warning = QLabel(self)
        self.font_warning.setObjectName("batchFontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px;")
        self.font_warning.setVisible(False)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("batchStart")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.setObjectName("batchCancel")
        self.cancel_button.clicked.connect(self._cancel_or_close)

        scope = QFormLayout()
        scope.addRow(self.by_selection)
        scope.addRow(self.by_filter)
        scope.addRow(self.by_college, self.college)
        scope.addRow(self.by_class, self.class_name)
        # Their row labels are radio buttons: name the lists after them for screen readers.
        self.college.setAccessibleName(self.by_college.text().rstrip(":："))
        self.class_name.setAccessibleName(self.by_class.text().rstrip(":："))
        options = QFormLayout()
        options.addRow(self.tr("Export"), self.kind)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("—", self))
        dates.addWidget(self.date_to)
        self.dates_label = QLabel(self.tr("Visits dated"), self)
        options.addRow(self.dates_label, dates)
        options.addRow(self.combined)
        options.addRow(self.key_support)
        folder = QHBoxLayout()
        folder.addWidget(self.folder, 1)
        folder.addWidget(self.choose_folder)
        options.addRow(self.tr("Into folder"), folder)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which students"), self))
        layout.addLayout(scope)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.font_warning)
        layout.addLayout(buttons)
        self.progressed.connect(self._show_progress)
        ctx.lock.about_to_lock.connect(self._locking)
        ctx.worker.run(roster.filter_options, self._fill_choices)
        name_controls(self)

    # -- choices --------------------------------------------------------------------------------
    def _fill_choices(self, options: FilterOptions) -> None:
        if not alive(self):
            return
        for combo, names in (
            (self.college, [n for n, _id in options.colleges]),
            (self.class_name, options.classes),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(-1)  # nothing preselected: the user picks a college or class
            combo.blockSignals(False)
        self.by_college.setEnabled(bool(options.colleges))
        self.by_class.setEnabled(bool(options.classes))

    def _kind_changed(self) -> None:
        visits = self.kind.currentData() == ExportKind.VISITS
        for widget in (self.dates_label, self.date_from, self.date_to):
            widget.setEnabled(visits)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            remember_folder(Path(folder))

    def scope_kind(self) -> str:
        button = self.scope_group.checkedButton()
        return str(button.property("scope")) if button is not None else ScopeKind.SELECTION

    def request(self) -> BatchRequest | None:
        """The request as entered, or None (with a message shown) when something is missing."""
        folder = self.folder.text().strip()
        if not folder:
            self._message(self.tr("Choose a folder to export into."), error=True)
            return None
        kind = ExportKind(self.kind.currentData())
        date_from = self.date_from.value() if kind == ExportKind.VISITS else None
        date_to = self.date_to.value() if kind == ExportKind.VISITS else None
        if date_from and date_to and date_from > date_to:
            self._message(self.tr("The start date is after the end date."), error=True)
            return None
        scope = self.scope_kind()
        college = self.college.currentText() if scope == ScopeKind.COLLEGE else None
        class_name = self.class_name.currentText() if scope == ScopeKind.CLASS else None
        if (scope == ScopeKind.COLLEGE and not college) or (scope == ScopeKind.CLASS and not class_name):
            self._message(self.tr("Choose which students to export."), error=True)
            return None
        label = {
            ScopeKind.SELECTION: f"所选{len(self.student_ids)}名学生",
            ScopeKind.FILTER: (self.query.class_name or "名册") if self.query else "名册",
        }.get(scope, college or class_name or "")
        return BatchRequest(
            kind=kind,
            scope=scope,
            target_dir=Path(folder).expanduser(),
            student_ids=self.student_ids if scope == ScopeKind.SELECTION else (),
            query=self.query if scope == ScopeKind.FILTER else None,
            college=college,
            class_name=class_name,
            date_from=date_from,
            date_to=date_to,
            combined=self.combined.isChecked(),
            include_key_support=self.key_support.isVisible() and self.key_support.isChecked(),
            scope_label=label,
        )

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        if self.running:
            return
        request = self.request()
        if request is None:
            return
        self._cancel = threading.Event()
        cancel = self._cancel
        self._set_running(True)
        self.outcome = None
        self.progress.setRange(0, 0)  # busy until the number of students is known
        self.font_warning.setVisible(False)
        self._message(self.tr("Reading the records…"))
        self.ctx.worker.run(lambda store: fetch_batch(store, request, cancel), self._fetched, self._failed)

    def _fetched(self, inputs: BatchInputs) -> None:
        if not alive(self):
            return
        if self._cancel.is_set():
            self._finish_cancelled_before_writing()
            return
        if not inputs.jobs:
            self._set_running(False)
            self.progress.setRange(0, 1)
            self._message(self.tr("Nothing to export for these students and dates."))
            return
        fonts = inputs.settings.fonts()
        if fonts.warning is not None:
            self.font_warning.setText(fonts.warning.message)
            self.font_warning.setVisible(True)
        self.progress.setRange(0, len(inputs.jobs))
        self.progress.setValue(0)
        self._message(self.tr("Writing PDFs…"))
        cancel, holder = self._cancel, self._holder
        holder.clear()
        self._job = PdfJobs.of(self.ctx.worker).run(
            lambda control: write_batch(inputs, control, cancel, holder),
            self._written,
            self._failed,
            self.progressed.emit,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if not alive(self):
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self.running and not self._cancel.is_set():
            self._message(
                self.tr("Exported %1 of %2 students…").replace("%1", str(done)).replace("%2", str(total))
            )

    def _written(self, outcome: BatchOutcome) -> None:
        """Written: the audit entries are logged even if the dialog was deleted meanwhile."""
        self._job = None
        notes = audit_notes(outcome)
        self.ctx.worker.run(
            lambda store: log_audits(store, notes),
            lambda _r: self._audited(outcome),
            self._failed,
        )

    def _audited(self, outcome: BatchOutcome) -> None:
        if not alive(self):
            return
        self._set_running(False)
        self.outcome = outcome
        result = outcome.result
        folder = str(outcome.request.target_dir)
        files = self.tr("%n file(s)", "", len(result.files))
        if result.cancelled:
            text = (
                self.tr("Cancelled after %1 of %2 students; %3 finished are kept in %4.")
                .replace("%1", str(result.done))
                .replace("%2", str(result.total))
                .replace("%3", files)
                .replace("%4", folder)
            )
        else:
            text = (
                self.tr("Exported %1 students into %2 in %3.")
                .replace("%1", str(result.done))
                .replace("%2", files)
                .replace("%3", folder)
            )
        self._message(text)
        self.export_finished.emit(outcome)

    def _failed(self, exc: Exception) -> None:
        self._job = None
        if not alive(self):
            return
        if isinstance(exc, BatchCancelled):
            self._finish_cancelled_before_writing()
            return
        self._set_running(False)
        self.progress.setRange(0, 1)
        text = user_message(exc, self.tr("The export failed."))
        if isinstance(exc, ReportSourceError | KeySupportNotAllowed):
            text = str(exc)
        self._message(text, error=True)
        self.export_failed.emit(text)

    def _finish_cancelled_before_writing(self) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._message(self.tr("Cancelled; nothing was written."))
        self.export_failed.emit(self.status.text())

    def cancel_export(self) -> None:
        """Stop after the student being written (finished files stay; no partial file is left)."""
        if not self.running:
            return
        self._cancel.set()
        if self._job is not None:
            self._job.cancel()
        self.cancel_button.setEnabled(False)
        self._message(self.tr("Cancelling…"))

    def _cancel_or_close(self) -> None:
        if self.running:
            self.cancel_export()
        else:
            self.reject()

    def _locking(self) -> None:
        """The app locks: stop, audit what was already written (the store is still open), close."""
        job = self._job
        self.cancel_export()
        if job is not None:
            PdfJobs.of(self.ctx.worker).wait()  # at most the student being written
            outcome = self._holder.get("outcome")
            if outcome is not None:
                notes = audit_notes(outcome)
                self.ctx.worker.run(lambda store: log_audits(store, notes))
        self._job = None
        self.running = False
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (
            self.export_button,
            self.kind,
            self.combined,
            self.key_support,
            self.folder,
            self.choose_folder,
            self.college,
            self.class_name,
            self.date_from,
            self.date_to,
            *self.scope_group.buttons(),
        ):
            widget.setEnabled(not running)
        if not running:
            self.by_selection.setEnabled(bool(self.student_ids))
            self.by_filter.setEnabled(self.query is not None)
            self._kind_changed()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _message(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b3261e;" if error else "")
        self.status.setText(text)

    def reject(self) -> None:
        if self.running:
            self.cancel_export()  # Esc while exporting cancels; the dialog closes once the job stops
            return
        super().reject()
