"""The A4 page every form is printed on: running header, confidentiality footer, "第 N 页 共 M 页".

Page numbers need the total, which is known only at the end; :class:`FormCanvas` keeps each finished
page's drawing state and stamps the header and footer on all pages when the document is saved.  A file
may hold several forms (a combined batch export): a :class:`FormStart` flowable begins a new form, and
numbering restarts for it, so each printed form carries its own "第 N 页 共 M 页".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from desktop.reports.fonts import PdfFonts

# Streams are Flate-compressed only: ReportLab's default ASCII85 layer on top (for 7-bit mail transports)
# makes every page's content a quarter larger.  Process-wide: every PDF of the app is made here.
rl_config.useA85 = 0

PAGE_SIZE = A4
MARGIN_LEFT = 18 * mm
MARGIN_RIGHT = 18 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 16 * mm
QR_SIZE = 17 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT

CONFIDENTIALITY_NOTICE = (
    "内部资料　注意保密：本表含个人敏感信息，仅限学生资助工作使用，不得公开、复制或外传。"
)


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's Title/Subject/Keywords: shown by viewers in title bars and recent-file lists, so always
    neutral ("家访记录 2301000017 2026-12-04"), never the printed form title or a sensitive word."""

    title: str
    subject: str = ""
    keywords: str = ""


@dataclass(frozen=True)
class PageFrame:
    """What is printed around the content of every page."""

    fonts: PdfFonts
    school_name: str
    title: str
    notice: str = CONFIDENTIALITY_NOTICE
    author: str = ""
    info: DocumentInfo = DocumentInfo("家访记录")


@dataclass(frozen=True)
class FormHeader:
    """The running header of one form's continuation pages (e.g. the student's name and 学号), the
    record number printed on every page of the form, and the QR code of page 1 (record number and
    record id only)."""

    subject: str = ""
    record_no: str = ""
    qr: str = ""


@dataclass
class _PageRecord:
    state: dict[str, Any]
    form: int
    header: FormHeader


class FormStart(Flowable):
    """Zero-size marker: the next pages belong to a new form (numbering restarts)."""

    def __init__(self, header: FormHeader | None = None) -> None:
        super().__init__()
        self.header = header or FormHeader()
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, FormCanvas):
            canvas.begin_form(self.header)


class FormCanvas(Canvas):
    """A canvas that defers page decoration until the page count of each form is known."""

    def __init__(
        self,
        *args: Any,
        page_frame: PageFrame,
        on_form: Callable[[int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        # The document template passes None: without a name the canvas would list Helvetica, unused.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or page_frame.fonts.regular
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)
        self._frame = page_frame
        self._pages: list[_PageRecord] = []
        self._form = 0
        self._header = FormHeader()
        self._on_form = on_form

    def begin_form(self, header: FormHeader) -> None:
        # A marker at the very top of a page starts the form on that page.
        if self._on_form is not None:
            self._on_form(self._form)  # forms finished so far; may raise to stop the build
        self._form += 1
        self._header = header

    def showPage(self) -> None:
        self._pages.append(_PageRecord(dict(self.__dict__), self._form, self._header))
        self._startPage()

    def save(self) -> None:
        if not self._pages or self._code:  # content drawn after the last showPage
            self._pages.append(_PageRecord(dict(self.__dict__), self._form, self._header))
        totals: dict[int, int] = {}
        for record in self._pages:
            totals[record.form] = totals.get(record.form, 0) + 1
        numbers: dict[int, int] = {}
        pages = self._pages
        for record in pages:
            numbers[record.form] = numbers.get(record.form, 0) + 1
            self.__dict__.update(record.state)
            decorate_page(self, self._frame, numbers[record.form], totals[record.form], record.header)
            Canvas.showPage(self)
        Canvas.save(self)


def decorate_page(canvas: Canvas, frame: PageFrame, number: int, total: int, header: FormHeader) -> None:
    """Draw the running header (continuation pages) and the footer of one page."""
    width, height = PAGE_SIZE
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.setStrokeColor(colors.black)
    font = frame.fonts.label_font
    if number > 1:
        canvas.setFont(font, 8.5)
        left = f"{frame.school_name}　{frame.title}（续）".strip()
        canvas.drawString(MARGIN_LEFT, height - MARGIN_TOP + 6 * mm, left)
        if header.subject:
            canvas.drawRightString(width - MARGIN_RIGHT, height - MARGIN_TOP + 6 * mm, header.subject)
        canvas.setLineWidth(0.5)
        canvas.line(
            MARGIN_LEFT, height - MARGIN_TOP + 4.5 * mm, width - MARGIN_RIGHT, height - MARGIN_TOP + 4.5 * mm
        )
    canvas.setLineWidth(0.5)
    y_rule = MARGIN_BOTTOM - 6 * mm
    canvas.line(MARGIN_LEFT, y_rule, width - MARGIN_RIGHT, y_rule)
    canvas.setFont(font, 7.5)
    canvas.drawString(MARGIN_LEFT, y_rule - 4 * mm, frame.notice)
    canvas.setFont(font, 9)
    pages = f"第 {number} 页 共 {total} 页"
    if header.record_no:
        pages = f"编号 {header.record_no}　{pages}"
    canvas.drawRightString(width - MARGIN_RIGHT, y_rule - 4.2 * mm, pages)
    if number == 1 and header.qr:
        draw_qr(canvas, header.qr, width - MARGIN_RIGHT - QR_SIZE, height - MARGIN_TOP - QR_SIZE + 2 * mm)
    canvas.restoreState()


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """A small QR code (medium error correction, 2-module quiet zone), lower-left corner at (x, y).

    Drawn as filled rectangles (one per run of dark modules in a row) straight on the canvas: the
    graphics renderer would set its default Helvetica and list that font in the file.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)  # None: the smallest version
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    module = size / (count + 4)
    canvas.saveState()
    canvas.setFillColor(colors.black)
    for row in range(count):
        top = y + size - (row + 3) * module
        col = 0
        while col < count:
            if not code.isDark(row, col):
                col += 1
                continue
            start = col
            while col < count and code.isDark(row, col):
                col += 1
            canvas.rect(x + (start + 2) * module, top, (col - start) * module, module, stroke=0, fill=1)
    canvas.restoreState()


def render(
    story: Sequence[Flowable],
    frame: PageFrame,
    out: BinaryIO | None = None,
    *,
    on_form: Callable[[int], None] | None = None,
) -> bytes:
    """Lay out a story on A4 pages; returns the PDF bytes (and writes them to ``out`` if given).

    ``on_form(n)`` is called as each form of the story begins, with the number of forms before it (for
    progress); an exception it raises (a cancellation) stops the build.
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=frame.info.title,
        author=frame.author or frame.school_name,
        subject=frame.info.subject,
        keywords=frame.info.keywords,
        creator="JiaFang",
        initialFontName=frame.fonts.regular,
        producer="JiaFang (ReportLab)",
        lang="zh-CN",
        invariant=False,
    )

    def make_canvas(*args: Any, **kwargs: Any) -> FormCanvas:
        return FormCanvas(*args, page_frame=frame, on_form=on_form, **kwargs)

    doc.build(list(story), canvasmaker=make_canvas)
    data = buffer.getvalue()
    if out is not None:
        out.write(data)
    return data


def printed_on(moment: datetime | None = None) -> str:
    """The print date as shown on forms: 2025年3月7日."""
    moment = moment or datetime.now()
    return f"{moment.year}年{moment.month}月{moment.day}日"
