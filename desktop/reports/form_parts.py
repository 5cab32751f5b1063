"""Layout primitives of the paper forms: title block, section bars, bordered field grids, check boxes,
narrative rows that flow across pages, data tables and signature lines.

Every part is a full-width table with the same outer rule, stacked without gaps, so that a form reads as
one bordered sheet, the way the college's paper forms look.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.reports.page_frame import CONTENT_WIDTH
from desktop.reports.styles import LABEL_BACKGROUND, RULE, SECTION_BACKGROUND, TITLE_INDENT, FormStyles

GRID_WIDTH = 0.6
BOX_WIDTH = 1.0
CELL_PAD = 3.0
CHECKED = "■"
# Ideographic spaces collapse in ReportLab paragraphs; no-break spaces keep the room to write in.
DATE_BLANK = "&nbsp;" * 5 + "年" + "&nbsp;" * 4 + "月" + "&nbsp;" * 4 + "日"
UNCHECKED = "□"
LABEL_COLUMN = 28 * mm  # seven characters on one line; longer labels carry their own phrase break
WRITING_ROW = 8 * mm  # the least height of a row written in by hand
SHORT_VALUE = 32 * mm  # a value up to this wide is kept on one line when a table sizes its columns
HEADING_ROOM = 30 * mm  # a section bar starts a new page when less than this is left


@dataclass(frozen=True)
class Field:
    """One label + value pair of a field grid; ``span`` counts label/value pairs the value extends over."""

    label: str
    value: str = ""
    span: int = 1
    markup: bool = False  # value is already Paragraph markup


def title_block(
    styles: FormStyles, school_name: str, title: str, meta: Sequence[tuple[str, str]] = ()
) -> list[Flowable]:
    """School name, form title and a line of small facts (编号, 学院, 填表日期) above the first table."""
    parts: list[Flowable] = []
    if school_name:
        parts.append(Paragraph(styles.text(school_name), styles.school))
    parts.append(
        FakeBoldTitle(title, styles)
        if not styles.fonts.heading_has_bold
        else Paragraph(styles.text(title), styles.title)
    )
    parts.append(Spacer(1, 3 * mm))
    if meta:
        # the last fact ends flush with the table's right edge (a cell's ALIGN does not move a Paragraph)
        last = ParagraphStyle("jf-small-right", parent=styles.small, alignment=TA_RIGHT)
        cells = [
            Paragraph(
                f"{styles.text(label)}：{styles.text(value)}", last if i == len(meta) - 1 else styles.small
            )
            for i, (label, value) in enumerate(meta)
        ]
        table = Table([cells], colWidths=[CONTENT_WIDTH / len(cells)] * len(cells))
        table.setStyle(
            TableStyle(
                [
                    _cell_font(styles),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        parts.append(table)
    return parts


class FakeBoldTitle(Flowable):
    """A centred one-line title drawn filled and stroked, for fonts that have no bold face; a long
    title (a college's own wording) is set smaller so that it clears the QR code in the corner."""

    def __init__(self, text: str, styles: FormStyles) -> None:
        super().__init__()
        self.text = text
        self.style = styles.title
        self.font = styles.fonts.heading_font
        self.size = self.style.fontSize

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        room = avail_width - 2 * TITLE_INDENT
        natural = stringWidth(self.text, self.font, self.style.fontSize)
        self.size = self.style.fontSize if natural <= room else self.style.fontSize * room / natural
        self.height = self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        text = canvas.beginText()
        text.setFont(self.font, self.size)
        text.setTextRenderMode(2)  # fill, then stroke the outline: a heavier stroke than regular
        canvas.setLineWidth(0.45 * self.size / self.style.fontSize)
        width = stringWidth(self.text, self.font, self.size)
        text.setTextOrigin((self.width - width) / 2, self.height - self.style.fontSize)
        text.textOut(self.text)
        canvas.drawText(text)
        canvas.restoreState()


Command = tuple[object, ...]
BAR_HEIGHT = 6 * mm
_BAR_PADDING: list[Command] = [("TOPPADDING", (0, 0), (-1, 0), 1), ("BOTTOMPADDING", (0, 0), (-1, 0), 2.5)]


def _base_style(styles: FormStyles) -> list[Command]:
    return [
        _cell_font(styles),
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, RULE),
        ("BOX", (0, 0), (-1, -1), BOX_WIDTH, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _cell_font(styles: FormStyles) -> Command:
    """Tables set their cells' font even when a cell holds a Paragraph: name ours, or the file would
    list ReportLab's default Helvetica, never used for a glyph."""
    return ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular)


def _shift(command: Command, rows: int) -> Command:
    """Move a style command down by ``rows`` (negative indexes count from the end and stay)."""
    name, start, end, *rest = command
    assert isinstance(start, tuple) and isinstance(end, tuple)
    c0, r0 = start
    c1, r1 = end
    r0 = r0 + rows if isinstance(r0, int) and r0 >= 0 else r0
    r1 = r1 + rows if isinstance(r1, int) and r1 >= 0 else r1
    return (name, (c0, r0), (c1, r1), *rest)


def _table(
    styles: FormStyles,
    data: list[list[object]],
    widths: Sequence[float],
    commands: Sequence[Command],
    *,
    heading: str | None,
    min_heights: Sequence[float],
    repeat_rows: int = 0,
    split_in_row: bool = False,
) -> Table:
    """A bordered table; with ``heading``, a shaded section bar as its first row, repeated on every
    page the table continues on (so a heading is never left alone at the bottom of a page)."""
    body_commands = list(commands)
    if heading is not None:
        bar: list[object] = [Paragraph(styles.text(heading), styles.section)]
        bar.extend("" for _ in widths[1:])
        data = [bar, *data]
        body_commands = [_shift(c, 1) for c in body_commands]
        body_commands += [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), SECTION_BACKGROUND),
            *_BAR_PADDING,
        ]
        min_heights = [BAR_HEIGHT, *min_heights]
        repeat_rows += 1
    table = Table(
        data,
        colWidths=list(widths),
        repeatRows=repeat_rows,
        splitInRow=1 if split_in_row else 0,
        minRowHeights=list(min_heights),
    )
    table.setStyle(TableStyle([*_base_style(styles), *body_commands]))
    return table


def section_bar(styles: FormStyles, text: str) -> Table:
    """A shaded full-width bar naming a section ("一、学生基本信息"); kept with what follows."""
    table = Table([[Paragraph(styles.text(text), styles.section)]], colWidths=[CONTENT_WIDTH])
    table.setStyle(
        TableStyle(
            [*_base_style(styles), ("BACKGROUND", (0, 0), (-1, -1), SECTION_BACKGROUND), *_BAR_PADDING]
        )
    )
    table.keepWithNext = True
    return table


def field_grid(
    styles: FormStyles,
    rows: Sequence[Sequence[Field]],
    *,
    heading: str | None = None,
    pairs: int = 3,
    label_width: float = 22 * mm,
    min_row_height: float = 6.8 * mm,
    max_label_width: float | None = None,
) -> Table:
    """A bordered grid of label/value cells, ``pairs`` pairs per row; a field may span several pairs.

    The label column is widened (up to ``max_label_width``, by default twice ``label_width``) so that
    every label fits on one line.
    """
    widest = max((text_width(styles, f.label, styles.label) for row in rows for f in row), default=0.0)
    cap = max_label_width if max_label_width is not None else 2 * label_width
    label_width = min(max(label_width, widest + 2 * CELL_PAD + 1), cap)
    value_width = (CONTENT_WIDTH - pairs * label_width) / pairs
    widths = [label_width, value_width] * pairs
    data: list[list[object]] = []
    commands: list[Command] = []
    for r, row in enumerate(rows):
        cells: list[object] = []
        col = 0
        for item in row:
            span = max(1, min(item.span, pairs - col // 2))
            cells.append(Paragraph(styles.text(item.label), styles.label))
            value = item.value if item.markup else styles.text(item.value)
            cells.append(Paragraph(value, styles.value))
            commands.append(("BACKGROUND", (col, r), (col, r), LABEL_BACKGROUND))
            last = col + 2 * span - 1
            if last > col + 1:
                commands.append(("SPAN", (col + 1, r), (last, r)))
            cells.extend("" for _ in range(last - col - 1))
            col = last + 1
        if col < 2 * pairs:  # an incomplete row: the last value absorbs the rest
            commands.append(("SPAN", (col - 1, r), (2 * pairs - 1, r)))
            cells.extend("" for _ in range(2 * pairs - col))
        data.append(cells)
    return _table(styles, data, widths, commands, heading=heading, min_heights=[min_row_height] * len(data))


def narrative_rows(
    styles: FormStyles,
    items: Sequence[tuple[str, str]],
    *,
    heading: str | None = None,
    min_height: float = 0.0,
    markup_values: bool = False,
    heights: Sequence[float] = (),
) -> list[Flowable]:
    """Label on the left, free text on the right; a long text splits across pages inside its row.

    The heading is a separate bar with room for the first lines below it (a conditional page break),
    not a repeated header row: ReportLab repeats header rows wrongly when it splits inside a row, and
    keep-with-next would push a long note to a new page.  Cells are top-aligned: a middle-aligned
    cell makes ReportLab's in-row split leave an empty trailing page.
    """
    data: list[list[object]] = [
        [
            Paragraph(styles.text(label), styles.label),
            Paragraph(text if markup_values else styles.text(text), styles.body),
        ]
        for label, text in items
    ]
    commands: list[Command] = [
        ("BACKGROUND", (0, 0), (0, -1), LABEL_BACKGROUND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    table = _table(
        styles,
        data,
        [LABEL_COLUMN, CONTENT_WIDTH - LABEL_COLUMN],
        commands,
        heading=None,
        min_heights=[
            max(min_height, heights[i] if i < len(heights) else 0.0, 7 * mm) for i in range(len(data))
        ],
        split_in_row=True,
    )
    if heading is None:
        return [table]
    bar = section_bar(styles, heading)
    bar.keepWithNext = False
    return [CondPageBreak(HEADING_ROOM), bar, table]


def data_table(
    styles: FormStyles,
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float],
    *,
    heading: str | None = None,
    min_rows: int = 0,
    row_height: float = 6.5 * mm,
    centered: Sequence[int] = (),
    markup_columns: Sequence[int] = (),
) -> Table:
    """A bordered table with a shaded header row repeated on every page; blank rows up to ``min_rows``.
    Cells of ``markup_columns`` are Paragraph markup already (a check box), the others plain text.

    ``widths`` are weights; each column is first made wide enough for its header and its short values
    on one line (:func:`fitted_widths`), so a label never wraps a single character onto its own line.
    """
    rows = [list(row) for row in rows]
    plain = [["" if i in markup_columns else cell for i, cell in enumerate(r)] for r in rows if len(r) > 1]
    col_widths = fitted_widths(styles, headers, plain, widths)
    commands: list[Command] = [("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND)]
    body: list[list[object]] = []
    for r, row in enumerate(rows, start=1):
        cells: list[object] = [
            Paragraph(
                cell if i in markup_columns else styles.text(cell),
                styles.value_center if i in centered else styles.value,
            )
            for i, cell in enumerate(row)
        ]
        if len(row) == 1 < len(headers):  # a note row ("（暂无记录）") over the whole width
            cells = [Paragraph(styles.text(row[0]), styles.value_center)]
            commands.append(("SPAN", (0, r), (-1, r)))
        body.append(cells + ["" for _ in headers[len(cells) :]])
    while len(body) < min_rows:
        body.append(["" for _ in headers])
    data: list[list[object]] = [[Paragraph(styles.text(h), styles.label) for h in headers], *body]
    return _table(
        styles,
        data,
        col_widths,
        commands,
        heading=heading,
        min_heights=[row_height] * len(data),
        repeat_rows=1,
    )


def text_width(styles: FormStyles, text: str, style: ParagraphStyle) -> float:
    """The width of the widest line of a plain text in a style."""
    return max((stringWidth(line, style.fontName, style.fontSize) for line in text.split("\n")), default=0.0)


def fitted_widths(
    styles: FormStyles, headers: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[float]
) -> list[float]:
    """Column widths filling the content width: each column at least as wide as its header and its
    short values need on one line (a header with spaces may break at them: "绩点中位数 困难/学院"),
    the rest shared by ``weights``."""
    pad = 2 * CELL_PAD + 1
    needs = []
    for i, header in enumerate(headers):
        need = max((text_width(styles, part, styles.label) for part in header.split()), default=0.0)
        for row in rows:
            if i < len(row) and row[i]:
                width = text_width(styles, row[i], styles.value)
                if width <= SHORT_VALUE:
                    need = max(need, width)
        needs.append(need + pad)
    if sum(needs) >= CONTENT_WIDTH:
        return [n * CONTENT_WIDTH / sum(needs) for n in needs]
    fixed: dict[int, float] = {}
    while True:
        free = CONTENT_WIDTH - sum(fixed.values())
        share = sum(w for i, w in enumerate(weights) if i not in fixed) or 1.0
        widths = [fixed[i] if i in fixed else w * free / share for i, w in enumerate(weights)]
        short = {i: needs[i] for i, w in enumerate(widths) if i not in fixed and w < needs[i]}
        if not short:
            return widths
        fixed.update(short)


def checkboxes(styles: FormStyles, options: Iterable[tuple[str, bool]]) -> str:
    """Markup for "■ 务农　□ 外出务工 …" (selected boxes filled); the option names are part of the
    printed form, set in the labels' face."""
    return "　".join(f"{box(on)}&nbsp;{label_markup(styles, label)}" for label, on in options)


def label_markup(styles: FormStyles, text: str) -> str:
    """Printed-form wording inside a value cell, in the labels' face."""
    face = styles.fonts.label_font
    if face == styles.fonts.regular:
        return styles.text(text)
    return f'<font name="{face}">{styles.text(text)}</font>'


def box(checked: bool) -> str:
    """A check box glyph, set a little larger than the text so it reads as a box on paper."""
    return f'<font size="12">{CHECKED if checked else UNCHECKED}</font>'


def signature_panel(
    styles: FormStyles, entries: Sequence[tuple[str, str]], *, height: float = 26 * mm
) -> Table:
    """Signature boxes side by side: the label, room to sign (or how it was confirmed), and a date line."""
    # The printed wording in the labels' face, like every other label of the form.
    label_style = ParagraphStyle("jf-sign-label", parent=styles.label, alignment=TA_LEFT)
    # The date blank as on the rest of the form: spaces of the body face are wide enough to write in.
    date_line = ParagraphStyle("jf-sign-date", parent=styles.value, alignment=TA_RIGHT)
    cells = []
    for label, filled in entries:
        content: list[Flowable] = [Paragraph(f"{styles.text(label)}：", label_style)]
        if filled:
            content.append(Paragraph(styles.text(filled), styles.note))
        cells.append(content)
    dates = [Paragraph(f"{label_markup(styles, '日期：')}{DATE_BLANK}", date_line) for _ in entries]
    table = Table(
        [cells, dates],
        colWidths=[CONTENT_WIDTH / len(entries)] * len(entries),
        rowHeights=[height - 8 * mm, 8 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                _cell_font(styles),
                ("BOX", (0, 0), (-1, -1), BOX_WIDTH, RULE),
                ("LINEAFTER", (0, 0), (-2, -1), GRID_WIDTH, RULE),
                ("VALIGN", (0, 0), (-1, 0), "TOP"),
                ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD + 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def note_line(styles: FormStyles, text: str) -> Paragraph:
    """A small explanatory line under the table (填表说明)."""
    return Paragraph(styles.text(text), styles.note)


class KeptWithTail(Flowable):
    """A heading and a flowing table followed by a block that must stay with the table's last lines
    (the signatures under the last section): when the whole does not fit, the table splits so that
    at least ``carry`` of it goes to the next page with the block; it never leaves the block alone."""

    def __init__(
        self, head: Sequence[Flowable], body: Table, tail: Sequence[Flowable], carry: float = 16 * mm
    ) -> None:
        super().__init__()
        self.head = list(head)
        self.body = body
        self.tail = list(tail)
        self.carry = carry
        self._sizes: list[tuple[float, float]] = []

    def _parts(self) -> list[Flowable]:
        return [*self.head, self.body, *self.tail]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._sizes = [part.wrap(avail_width, avail_height) for part in self._parts()]
        self.width = avail_width
        self.height = sum(h for _, h in self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part, (width, height) in zip(self._parts(), self._sizes, strict=True):
            y -= height
            part.drawOn(self.canv, 0, y, _sW=self.width - width)  # aligned as the frame would

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height:
            return [self]
        head = sum(h for _, h in self._sizes[: len(self.head)])
        body = self._sizes[len(self.head)][1]
        room = min(avail_height - head, body - self.carry)
        if room <= 0:
            return []
        pieces = self.body.split(avail_width, room)
        if len(pieces) < 2:
            return []
        first, rest = pieces[0], pieces[1]
        assert isinstance(rest, Table)
        return [*self.head, first, KeptWithTail([], rest, self.tail, self.carry)]
