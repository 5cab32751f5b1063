"""Paragraph styles of the forms (CJK wrapping) and the text-to-markup escaping every builder uses."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.reports import line_breaking
from desktop.reports.fonts import PdfFonts, cid_fallback_font

line_breaking.install()

BODY_SIZE = 10.5  # 五号
SMALL_SIZE = 9.0  # 小五
TITLE_SIZE = 18.0  # 小二
SCHOOL_SIZE = 14.0  # 四号
LABEL_BACKGROUND = colors.HexColor("#EEEEEE")
SECTION_BACKGROUND = colors.HexColor("#DDDDDD")
RULE = colors.black
TITLE_INDENT = 20 * mm  # each side of the title: room for the QR code in the top right corner


@dataclass(frozen=True)
class FormStyles:
    """The styles of one document, bound to its font family."""

    fonts: PdfFonts
    body: ParagraphStyle
    value: ParagraphStyle
    value_center: ParagraphStyle
    label: ParagraphStyle
    section: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    title: ParagraphStyle
    school: ParagraphStyle

    def text(self, value: object) -> str:
        """Plain text as Paragraph markup: escaped, line breaks kept, uncovered characters not lost."""
        return markup(value, self.fonts)


def form_styles(fonts: PdfFonts) -> FormStyles:
    name = fonts.regular
    body = ParagraphStyle(
        "jf-body",
        fontName=name,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.5,
        wordWrap="CJK",
        # Left-aligned: ReportLab's justification of CJK lines that contain spaces can overrun the
        # right edge; with CJK line breaking the ragged edge is at most one character.
        alignment=TA_LEFT,
    )
    value = ParagraphStyle("jf-value", parent=body, fontSize=10, leading=14, alignment=TA_LEFT)
    return FormStyles(
        fonts=fonts,
        body=body,
        value=value,
        value_center=ParagraphStyle("jf-value-center", parent=value, alignment=TA_CENTER),
        label=ParagraphStyle("jf-label", parent=value, fontName=fonts.label_font, alignment=TA_CENTER),
        section=ParagraphStyle(
            "jf-section", parent=body, fontName=fonts.heading_font, fontSize=11, leading=14
        ),
        small=ParagraphStyle("jf-small", parent=body, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.4),
        note=ParagraphStyle(
            "jf-note", parent=value, fontName=fonts.label_font, fontSize=SMALL_SIZE, leading=SMALL_SIZE * 1.4
        ),
        title=ParagraphStyle(
            "jf-title",
            parent=body,
            fontName=fonts.heading_font,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.4,
            alignment=TA_CENTER,
            # clear of the QR code in the top right corner (a long title wraps)
            leftIndent=TITLE_INDENT,
            rightIndent=TITLE_INDENT,
        ),
        school=ParagraphStyle(
            "jf-school",
            parent=body,
            fontName=fonts.heading_font,
            fontSize=SCHOOL_SIZE,
            leading=SCHOOL_SIZE * 1.4,
            alignment=TA_CENTER,
        ),
    )


def markup(value: object, fonts: PdfFonts) -> str:
    """Escape text for a Paragraph; newlines become line breaks.

    A character the embedded font has no glyph for (a rare name character, a symbol) is set in the
    built-in CID font instead of printing as an empty box, so no character is lost.
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if fonts.embedded and any(not fonts.covers(ch) for ch in text if ch not in "\n "):
        pieces: list[str] = []
        fallback = cid_fallback_font()
        for ch in text:
            if ch == "\n":
                pieces.append("<br/>")
            elif ch == " " or fonts.covers(ch) or not ch.isprintable():
                pieces.append(escape(ch) if ch.isprintable() else "")
            else:
                pieces.append(f'<font name="{fallback}">{escape(ch)}</font>')
        return "".join(pieces)
    cleaned = "".join(ch for ch in text if ch == "\n" or ch.isprintable())
    return escape(cleaned).replace("\n", "<br/>")
