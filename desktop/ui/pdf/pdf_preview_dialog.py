"""预览/打印/导出 PDF: a visit form, a growth archive or a blank form, previewed in the app.

The PDF is built off the GUI thread (see pdf_jobs.py) and shown from bytes in memory through a
QBuffer: nothing readable is written to disk unless the user saves a copy ("Save as…", with a safe
default file name) or prints it.  Each save and each print leaves an audit entry.  The dialog
closes itself when the app locks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.pdf_documents import (
    BuiltPdf,
    JobControl,
    PdfInputs,
    PdfSpec,
    build_pdf,
    fetch_inputs,
    log_audit,
)
from desktop.reports.growth_archive import KeySupportNotAllowed
from desktop.reports.output_file import write_file_atomically
from desktop.reports.store_source import ReportSourceError
from desktop.store.errors import StoreError
from desktop.ui.common.accessible_names import name_controls
from desktop.ui.common.save_folder import ask_save_path, remember_folder
from desktop.ui.common.screen_fit import fit_to_screen
from desktop.ui.pdf.pdf_jobs import PdfJobs, alive
from desktop.ui.pdf.pdf_printing import PrintFailed, ask_printer, print_pdf
from desktop.ui.shell.app_context import AppContext

ZOOM_STEP = 1.25


def user_message(exc: Exception, fallback: str) -> str:
    """Errors from the store and the report builders carry Chinese messages meant for the user."""
    if isinstance(exc, StoreError | ReportSourceError | KeySupportNotAllowed | PrintFailed):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{fallback} ({exc.strerror or type(exc).__name__})"
    return f"{fallback} ({type(exc).__name__})"


class PdfPreviewDialog(QDialog):
    saved = Signal(str)  # the path, once the file is written and audited
    printed = Signal(int)  # pages printed, once audited
    failed = Signal(str)  # a message shown to the user

    def __init__(self, ctx: AppContext, pdf: BuiltPdf, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pdf = pdf
        self.jobs = PdfJobs.of(ctx.worker)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(
            self.tr("PDF preview — %1").replace("%1", pdf.subject) if pdf.subject else self.tr("PDF preview")
        )
        fit_to_screen(self, QSize(820, 960))  # the view shrinks; the print/save bar stays visible

        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf.data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.font_warning = QLabel(pdf.font_warning or "", self)
        self.font_warning.setObjectName("pdfFontWarning")
        self.font_warning.setWordWrap(True)
        self.font_warning.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px;")
        self.font_warning.setVisible(bool(pdf.font_warning))

        self.zoom_out = QPushButton(self.tr("Zoom out"), self)
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.zoom_in = QPushButton(self.tr("Zoom in"), self)
        self.zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.fit_width = QPushButton(self.tr("Fit width"), self)
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pdfPageLabel")
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.document.pageCountChanged.connect(self._page_count_changed)

        self.message = QLabel(self)
        self.message.setObjectName("pdfMessage")
        self.message.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("pdfPrint")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setObjectName("pdfSaveAs")
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)

        tools = QHBoxLayout()
        for button in (self.zoom_out, self.zoom_in, self.fit_width):
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.page_label)
        actions = QHBoxLayout()
        actions.addWidget(self.message, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.font_warning)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self._show_page(0)
        ctx.lock.about_to_lock.connect(self.reject)
        name_controls(self)

    # -- view -----------------------------------------------------------------------------------
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _page_count_changed(self, _count: int) -> None:
        if shiboken6.isValid(self.view):
            self._show_page(self.view.pageNavigator().currentPage())

    def _show_page(self, page: int) -> None:
        # Also called while the dialog is being destroyed (the document and the view are its children).
        if not (shiboken6.isValid(self.document) and shiboken6.isValid(self.page_label)):
            return
        count = self.page_count()
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count)) if count else ""
        )

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            # Fit-to-width has no stored factor: start from the width the page is shown at.
            width = self.document.pagePointSize(0).width() or 1.0
            current = max(0.1, (self.view.viewport().width() - 20) / (width * self.logicalDpiX() / 72.0))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(8.0, max(0.1, current * factor)))

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _fail(self, text: str) -> None:
        if not alive(self):
            return
        self._set_busy(False)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setText(text)
        self.failed.emit(text)

    # -- save as --------------------------------------------------------------------------------
    def save_as(self) -> None:
        """Ask where to save (the safe file name is the default), then save there."""
        if not self.save_button.isEnabled():
            return
        path = ask_save_path(self, self.tr("Save PDF as"), self.pdf.file_name, self.tr("PDF files (*.pdf)"))
        if path is not None:
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def save_to(self, path: Path) -> None:
        """Write the PDF to ``path`` (completely or not at all), then leave the audit entry."""
        try:
            write_file_atomically(path, self.pdf.data)
        except OSError as exc:
            self._fail(user_message(exc, self.tr("The file could not be saved.")))
            return
        remember_folder(path.parent)
        self._set_busy(True, self.tr("Saved to %1").replace("%1", str(path)))
        note = self.pdf.audit
        self.ctx.worker.run(
            lambda store: log_audit(store, note, printed=False),
            lambda _r: self._saved(path),
            lambda exc: self._fail(user_message(exc, self.tr("Saved, but the audit entry failed."))),
        )

    def _saved(self, path: Path) -> None:
        if not alive(self):
            return
        self._set_busy(False, self.tr("Saved to %1").replace("%1", str(path)))
        self.saved.emit(str(path))

    # -- print ----------------------------------------------------------------------------------
    def print_document(self) -> None:
        """The system print dialog, then print with the chosen printer."""
        if not self.print_button.isEnabled():
            return
        printer = ask_printer(self, self.page_count(), self.pdf.file_name.removesuffix(".pdf"))
        if printer is not None:
            self.print_with(printer)

    def print_with(self, printer: QPrinter) -> None:
        """Print on a worker thread (the GUI stays responsive), then leave the audit entry."""
        self._set_busy(True, self.tr("Printing…"))
        self._printer = printer  # kept alive until the job is done
        data = self.pdf.data

        def _print(control: JobControl) -> int:
            return print_pdf(data, printer, cancel=control.cancel, progress=control.progress)

        self.jobs.run(
            _print,
            self._print_done,
            lambda exc: self._fail(user_message(exc, self.tr("Printing failed."))),
            self._print_progress,
        )

    def _print_progress(self, done: int, total: int) -> None:
        if alive(self):
            self.message.setText(
                self.tr("Printing page %1 of %2…").replace("%1", str(done)).replace("%2", str(total))
            )

    def _print_done(self, pages: int) -> None:
        """Printed: the audit entry is written even if the dialog was closed meanwhile."""
        note = self.pdf.audit
        self.ctx.worker.run(
            lambda store: log_audit(store, note, printed=True),
            lambda _r: self._printed(pages),
            lambda exc: self._fail(user_message(exc, self.tr("Printed, but the audit entry failed."))),
        )

    def _printed(self, pages: int) -> None:
        if not alive(self):
            return
        self._set_busy(False, self.tr("Sent %n page(s) to the printer.", "", pages))
        self.printed.emit(pages)

    # -- closing --------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Forget the document (it is only in memory) when the dialog closes."""
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray())
        super().done(result)


class PdfPreviewOpener(QObject):
    """Fetch on the store thread, build on a PDF thread, then open the preview (GUI thread)."""

    opened = Signal(object)  # the PdfPreviewDialog
    failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        *,
        show_errors: bool = True,
        on_open: Callable[[PdfPreviewDialog], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._show_errors = show_errors
        self._on_open = on_open
        self.busy = False

    def open(self, spec: PdfSpec) -> None:
        if self.busy:
            return
        self.busy = True
        self.ctx.worker.run(lambda store: fetch_inputs(store, spec), self._fetched, self._failed)

    def _fetched(self, inputs: PdfInputs) -> None:
        if not alive(self):
            return
        PdfJobs.of(self.ctx.worker).run(lambda _c: self._build(inputs), self._built, self._failed)

    @staticmethod
    def _build(inputs: PdfInputs) -> BuiltPdf:
        return build_pdf(inputs)

    def _built(self, pdf: BuiltPdf) -> None:
        if not alive(self):
            return
        self.busy = False
        if self.ctx.lock.is_locked:
            return
        dialog = PdfPreviewDialog(self.ctx, pdf, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.opened.emit(dialog)
        if self._on_open is not None:
            self._on_open(dialog)

    def _failed(self, exc: Exception) -> None:
        if not alive(self):
            return
        self.busy = False
        text = user_message(exc, self.tr("The PDF could not be made."))
        self.failed.emit(text)
        if self._show_errors:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("PDF"), text, QMessageBox.StandardButton.Ok, self._parent
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
