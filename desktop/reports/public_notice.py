"""公示名单 as an A4 PDF for the notice board, and as an XLSX.

Both show, of each student, only 姓名、学院、年级、专业、班级 (``NoticeLine``), with the notice's title,
its period (公示期 … 至 …, in working days), where to raise an objection, the issuer and the date. Nothing
else of the students is ever handed to these builders, so nothing else can be printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.reports.file_names import document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import data_table, title_block
from desktop.reports.output_file import write_file_atomically, write_pdf
from desktop.reports.page_frame import FormHeader, FormStart, PageFrame, render
from desktop.reports.styles import form_styles
from desktop.store.public_notices import NoticeLine
from sync.records import working_days_left

NOTICE_PREFIX = "公示名单"
NOTICE_HEADERS = ("序号", "姓名", "学院", "年级", "专业", "班级")
NOTICE_FOOTER = "本名单仅供公示使用，公示期满后请及时撤下，不得转载或用于其他用途。"


@dataclass(frozen=True)
class NoticeDocument:
    """What a printed notice shows."""

    school_name: str
    title: str
    academic_year: str
    published_on: date
    ends_on: date
    contact: str
    issuer: str
    lines: Sequence[NoticeLine]


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(document: NoticeDocument) -> str:
    days = working_days_left(document.published_on, document.ends_on)
    return (
        f"公示期：{chinese_date(document.published_on)} 至 {chinese_date(document.ends_on)}"
        f"（{days} 个工作日）"
    )


def _rows(document: NoticeDocument) -> list[list[str]]:
    return [
        [str(number), line.name, line.college, line.grade, line.major, line.class_name]
        for number, line in enumerate(document.lines, start=1)
    ]


def notice_story(document: NoticeDocument, fonts: PdfFonts) -> list[Flowable]:
    styles = form_styles(fonts)
    # continuation pages repeat the period in their running header: each page may be posted alone
    running = f"公示期 {chinese_date(document.published_on)} 至 {chinese_date(document.ends_on)}"
    story: list[Flowable] = [FormStart(FormHeader(running))]
    story.extend(title_block(styles, document.school_name, document.title))
    story.append(
        Paragraph(
            styles.text(
                f"经个人申请、学院评议，现将 {document.academic_year} 学年资助认定结果予以公示"
                f"（共 {len(document.lines)} 人）。"
            ),
            styles.body,
        )
    )
    story.append(Paragraph(styles.text(period_text(document)), styles.body))
    story.append(Spacer(1, 3 * mm))
    story.append(
        data_table(styles, NOTICE_HEADERS, _rows(document), [12, 20, 34, 14, 40, 30], centered=(0, 3))
    )
    story.append(Spacer(1, 5 * mm))
    objection = "公示期内如有异议，请以书面或当面方式向以下部门反映"
    contact = f"：{document.contact}" if document.contact.strip() else "。"
    story.append(Paragraph(styles.text(objection + contact), styles.body))
    story.append(Paragraph(styles.text("反映情况请实事求是，我们将对反映人信息严格保密。"), styles.body))
    story.append(Spacer(1, 10 * mm))
    right = ParagraphStyle("jf-notice-right", parent=styles.body, alignment=TA_RIGHT)
    if document.issuer.strip():
        story.append(Paragraph(styles.text(document.issuer), right))
    story.append(Paragraph(styles.text(chinese_date(document.published_on)), right))
    return story


def build_notice_pdf(
    document: NoticeDocument, *, out: Path | BinaryIO | None = None, fonts: PdfFonts | None = None
) -> bytes:
    fonts = fonts or pdf_fonts()
    info = document_info(NOTICE_PREFIX, document.academic_year)
    frame = PageFrame(
        fonts, document.school_name, document.title, notice=NOTICE_FOOTER, author=document.issuer, info=info
    )
    data = render(notice_story(document, fonts), frame)
    write_pdf(data, out)
    return data


def build_notice_xlsx(document: NoticeDocument, path: Path) -> Path:
    """The same notice as a worksheet: title, period, the five columns, objections, issuer and date."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "公示名单"
    sheet.append([document.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([period_text(document)])
    sheet.append(list(NOTICE_HEADERS))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for row in _rows(document):
        sheet.append([int(row[0]), *row[1:]])
    sheet.append([])
    contact = f"：{document.contact}" if document.contact.strip() else "。"
    sheet.append(["公示期内如有异议，请以书面或当面方式向以下部门反映" + contact])
    sheet.append([document.issuer])
    sheet.append([chinese_date(document.published_on)])
    for column, width in zip("ABCDEF", (6, 12, 22, 8, 26, 18), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    write_file_atomically(path, buffer.getvalue())
    return path
