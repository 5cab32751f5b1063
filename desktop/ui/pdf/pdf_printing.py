"""Printing a PDF held in memory: the system print dialog, then each page rendered onto the printer.

Qt PDF renders a page to an image; the image is drawn onto the printer's page, scaled to fit the
paper with its aspect kept.  Pages are rendered at the printer's resolution, capped at
``MAX_DPI`` (a 1200-dpi A4 page would be a 500 MB image; 300 dpi keeps text sharp).

``print_pdf`` takes a ready :class:`QPrinter`, so it is tested with a printer in PDF output mode and
runs on a worker thread (Qt allows painting on a QPrinter from any thread); ``ask_printer`` is the
thin wrapper around :class:`QPrintDialog` the app uses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

MAX_DPI = 300
POINTS_PER_INCH = 72.0


class PrintFailed(Exception):
    """The document could not be read or the printer could not be started (message for the user)."""


def new_printer() -> QPrinter:
    """A printer set up for our A4 forms: whole page (the PDF has its own margins), portrait, and
    double-sided (long edge) where the default printer can, so a two-page visit form is one sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_form_defaults(printer)
    return printer


def set_form_defaults(printer: QPrinter) -> None:
    """A4 portrait, whole page, and long-edge duplex when the printer supports it."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    if duplex_supported(printer):
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)


def duplex_supported(printer: QPrinter) -> bool:
    """True when the printer (a real one, not PDF output) reports long-edge duplex printing."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.printerName():
        return False
    info = QPrinterInfo.printerInfo(printer.printerName())
    return QPrinter.DuplexMode.DuplexLongSide in info.supportedDuplexModes()


def ask_printer(parent: QWidget | None, page_count: int, title: str = "") -> QPrinter | None:
    """The system print dialog; the chosen printer, or None when the user cancelled."""
    printer = new_printer()
    if title:
        printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def load_document(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A Qt PDF document read from bytes in memory (keep the buffer alive as long as the document)."""
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    return document, buffer


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page numbers in print order, honouring a page range chosen in the dialog."""
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
    pages = list(range(first - 1, last))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def _target(viewport: QRect, page_points: QSize) -> QRect:
    """The largest rectangle of the page's aspect ratio centred in the printable area."""
    scale = min(viewport.width() / page_points.width(), viewport.height() / page_points.height())
    width, height = round(page_points.width() * scale), round(page_points.height() * scale)
    return QRect(
        viewport.x() + (viewport.width() - width) // 2,
        viewport.y() + (viewport.height() - height) // 2,
        width,
        height,
    )


def print_pdf(
    data: bytes,
    printer: QPrinter,
    *,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print every page (or the chosen range) of the PDF ``data``; returns the number of pages printed.

    Cancelling stops before the next page and aborts the print job.
    """
    document, buffer = load_document(data)
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintFailed("无法读取要打印的文档。")
        pages = pages_to_print(printer, document.pageCount())
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed("无法启动打印机，请检查打印机设置。")
        printed = 0
        try:
            for number in pages:
                if cancel is not None and cancel.is_set():
                    printer.abort()
                    break
                if printed:
                    printer.newPage()
                size = document.pagePointSize(number)
                points = QSize(max(1, round(size.width())), max(1, round(size.height())))
                pixels = QSize(
                    round(points.width() * dpi / POINTS_PER_INCH),
                    round(points.height() * dpi / POINTS_PER_INCH),
                )
                image = document.render(number, pixels)
                painter.drawImage(_target(painter.viewport(), points), image)
                printed += 1
                if progress is not None:
                    progress(printed, len(pages))
        finally:
            painter.end()
        return printed
    finally:
        document.close()
        buffer.close()
