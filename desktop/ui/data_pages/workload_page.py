"""工作量: each teacher's figures for a term (工作量认定 / 职称评定), their XLSX and PDF forms, and the
confirmation of a college's term by a center role (docs/workload.md).

Everything is computed on the store thread (desktop.app.workload); the PDF opens in the app's PDF
preview, which saves or prints it and leaves the audit entry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app import workload
from desktop.app.changes import Kind
from desktop.app.pdf_documents import BuiltPdf
from desktop.reports.workload_report import workload_file_name
from desktop.ui.common.guarded_call import run_for
from desktop.ui.common.save_folder import ask_save_path
from desktop.ui.common.table_fill import fill_table, read_only_table
from desktop.ui.pdf.pdf_jobs import PdfJobs, alive
from desktop.ui.pdf.pdf_preview_dialog import PdfPreviewDialog, user_message
from desktop.ui.shell.app_context import AppContext
from desktop.ui.shell.section import Section
from sync.figures.workload import TeacherWorkload
from sync.records.terms import term_label

RELEVANT_KINDS = frozenset(
    {
        Kind.USER,
        Kind.MENTOR,
        Kind.STUDENT,
        Kind.COLLEGE,
        Kind.HOME_VISIT,
        Kind.MENTOR_ASSIGNMENT,
        Kind.SUPPORT_LOG_ENTRY,
        Kind.RESCUE_SESSION,
        Kind.WISH_SELECTION,
        Kind.WORKLOAD_CONFIRMATION,
    }
)


class WorkloadPage(Section):
    shown = Signal()  # the table shows the figures of the chosen term and college
    exported = Signal(str)
    confirmed = Signal()
    preview_opened = Signal(object)  # the PdfPreviewDialog
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: workload.WorkloadView | None = None

        self.term = QComboBox(self)
        self.term.setObjectName("workloadTerm")
        for term in workload.recent_terms():
            self.term.addItem(term_label(term), term)
        self.term.setCurrentIndex(1)  # the last ended term: the one to report and confirm
        self.college = QComboBox(self)
        self.college.setObjectName("workloadCollege")
        self.college.addItem(self.tr("Whole school"), "")
        self.export_xlsx = QPushButton(self.tr("Export to Excel…"), self)
        self.export_xlsx.setObjectName("workloadXlsx")
        self.preview = QPushButton(self.tr("Forms to sign (PDF)…"), self)
        self.preview.setObjectName("workloadPdf")
        self.preview.setToolTip(
            self.tr("One form per teacher; only the selected teacher's when a row is selected")
        )
        self.confirm = QPushButton(self.tr("Confirm this term…"), self)
        self.confirm.setObjectName("workloadConfirm")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Term"), self))
        top.addWidget(self.term)
        top.addWidget(QLabel(self.tr("College"), self))
        top.addWidget(self.college, 1)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        top.addWidget(self.preview)
        top.addWidget(self.confirm)

        self.state = QLabel(self)
        self.state.setObjectName("workloadState")
        self.state.setWordWrap(True)
        self.table = read_only_table(
            self,
            "workloadTable",
            [
                self.tr("Name"),
                self.tr("Staff no."),
                self.tr("Role"),
                self.tr("Students mentored"),
                self.tr("Mentor sessions"),
                self.tr("Mentor minutes"),
                self.tr("Rescue education"),
                self.tr("Case conferences"),
                self.tr("Home visits"),
                self.tr("Visits by mode"),
                self.tr("Visit hours"),
                self.tr("Wish services"),
                self.tr("Late entries"),
            ],
        )
        self.table.setAlternatingRowColors(True)
        self.status = QLabel(self)
        self.status.setObjectName("workloadStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.term.currentIndexChanged.connect(lambda _i: self.reload())
        self.college.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_xlsx.clicked.connect(self._ask_export)
        self.preview.clicked.connect(self.open_preview)
        self.confirm.clicked.connect(self._ask_confirm)
        ctx.worker.data_changed.connect(self._data_changed)
        self._set_enabled(False)

    # -- loading --------------------------------------------------------------------------------
    @property
    def term_value(self) -> str:
        return str(self.term.currentData())

    @property
    def college_id(self) -> str | None:
        return str(self.college.currentData() or "") or None

    def _set_enabled(self, on: bool) -> None:
        self.export_xlsx.setEnabled(on)
        self.preview.setEnabled(on)
        self.confirm.setEnabled(on and self.view is not None and self.view.may_confirm)

    def reload(self) -> None:
        term, college = self.term_value, self.college_id
        run_for(
            self,
            lambda store: workload.workload_view(store, term, college),
            self._show,
            self._failed,
            key="workload",
        )

    def _data_changed(self, kinds: set[str]) -> None:
        if kinds & RELEVANT_KINDS and self.view is not None:
            self.reload()

    def _failed(self, error: Exception) -> None:
        if not alive(self):
            return
        if isinstance(error, ValueError):  # a WorkloadError: Chinese, meant for the user
            text = str(error)
        else:
            text = user_message(error, self.tr("The workload could not be shown."))
        self.status.setText(text)
        self.failed.emit(text)

    def _show(self, view: workload.WorkloadView) -> None:
        self.view = view
        self._fill_colleges(view.colleges)
        report = view.report
        if report.confirmed:
            state = self.tr(
                "Confirmed on %1 by %2: these figures are frozen; later entries count in the next term."
            )
            state = state.replace("%1", view.confirmed_on).replace("%2", view.confirmed_by)
        elif report.confirmations:
            state = self.tr("Some colleges' figures are confirmed, others are not yet.")
        else:
            state = self.tr("Not confirmed yet: the figures change as records are added.")
        if view.confirm_reason and not report.confirmed:
            state += " " + view.confirm_reason
        if report.unmatched:
            state += " " + self.tr("Names that are no teacher's (not counted): %1").replace(
                "%1", "、".join(report.unmatched)
            )
        self.state.setText(state)
        fill_table(
            self.table,
            [self._cells(row) for row in report.teachers],
            [row.teacher.id for row in report.teachers],
        )
        self.status.clear()
        self._set_enabled(True)
        self.shown.emit()

    @staticmethod
    def _cells(row: TeacherWorkload) -> list[str]:
        modes = "，".join(f"{mode.label} {n}" for mode, n in row.visits_by_mode.items() if n)
        return [
            row.teacher.name,
            row.teacher.staff_no,
            row.teacher.role,
            str(row.mentees),
            str(row.mentor_sessions),
            str(row.mentor_minutes),
            str(row.rescue_sessions),
            str(row.case_conferences),
            str(row.visits),
            modes,
            f"{row.visit_hours:.1f}",
            str(row.wish_services),
            str(sum(1 for c in row.activities if c.note)),
        ]

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

    def selected_teacher_ids(self) -> list[str] | None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        if not rows:
            return None
        ids = []
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                ids.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    # -- export ---------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        if self.view is None:
            return
        default = workload_file_name(self.term_value, self.view.scope_label, ".xlsx")
        path = ask_save_path(self, self.tr("Export workload"), default, self.tr("Excel workbooks (*.xlsx)"))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        term, college = self.term_value, self.college_id
        run_for(
            self,
            lambda store: workload.export_workload(store, term, college, path),
            lambda _view: self._exported(path),
            self._failed,
            changes=workload.export_workload.changes,
        )

    def _exported(self, path: Path) -> None:
        self.status.setText(self.tr("Exported to %1").replace("%1", str(path)))
        self.exported.emit(str(path))

    def open_preview(self) -> None:
        """The forms (every teacher's, or the selected rows') in the PDF preview: the figures are read on
        the store thread, the PDF is built on a PDF thread."""
        term, college, teachers = self.term_value, self.college_id, self.selected_teacher_ids()
        run_for(
            self,
            lambda store: workload.workload_pdf_inputs(store, term, college, teachers),
            self._build_preview,
            self._failed,
        )

    def _build_preview(self, inputs: workload.WorkloadPdfInputs) -> None:
        PdfJobs.of(self.ctx.worker).run(
            lambda _control: workload.build_workload_preview(inputs), self._preview, self._failed
        )

    def _preview(self, pdf: BuiltPdf) -> None:
        if not alive(self) or self.ctx.lock.is_locked:
            return
        dialog = PdfPreviewDialog(self.ctx, pdf, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.preview_opened.emit(dialog)

    # -- confirmation ---------------------------------------------------------------------------
    def _ask_confirm(self) -> None:
        if self.view is None or not self.view.may_confirm:
            return
        text = (
            self.tr(
                "Confirm the workload of %1 for %2? The figures are then frozen; entries added later count in the next term."
            )
            .replace("%1", self.view.scope_label)
            .replace("%2", self.term.currentText())
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Confirm workload"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("workloadConfirmBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda answer: self.confirm_term() if answer == QMessageBox.StandardButton.Yes else None
        )
        box.open()

    def confirm_term(self) -> None:
        term, college = self.term_value, self.college_id
        run_for(
            self,
            lambda store: workload.confirm_workload(store, term, college),
            self._confirmed,
            self._failed,
            changes=workload.confirm_workload.changes,
        )

    def _confirmed(self, view: workload.WorkloadView) -> None:
        self._show(view)
        self.status.setText(self.tr("Confirmed."))
        self.confirmed.emit()

    # -- lock -----------------------------------------------------------------------------------
    def clear(self) -> None:
        self.view = None
        self.table.setRowCount(0)
        self.state.clear()
        self.status.clear()
        self._set_enabled(False)
