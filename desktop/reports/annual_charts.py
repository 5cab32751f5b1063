"""The annual report's charts, drawn with reportlab.graphics in the document's font: the six coverages of
three years side by side (the trend), aid by item (八位一体), and the academic gap against a year earlier."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from desktop.reports.fonts import PdfFonts
from desktop.reports.page_frame import CONTENT_WIDTH
from sync.figures.annual import AidSection, GapRow, YearCoverage

# Greys to blue: the oldest year lightest, the report's year strongest (prints well in black and white).
YEAR_COLOURS = (colors.HexColor("#C9D3DF"), colors.HexColor("#7F9CBF"), colors.HexColor("#1F4E8C"))
AID_COLOUR = colors.HexColor("#1F4E8C")
LABEL_SIZE = 8


def coverage_trend_chart(years: Sequence[YearCoverage], fonts: PdfFonts) -> Drawing:
    """Grouped columns: each coverage (%), one column per year, oldest first; a legend of the years."""
    measures = list(years[-1].measures)
    width, height = CONTENT_WIDTH, 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 16 * mm, height - 26 * mm
    data = []
    for year in years:
        row = []
        for figure in measures:
            found = year.figure(figure.measure)
            row.append(None if found is None or found.percent is None else round(found.percent, 1))
        data.append(row)
    chart.data = data
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.label_font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.categoryAxis.categoryNames = [figure.label.removesuffix("全覆盖") for figure in measures]
    chart.categoryAxis.labels.fontName = fonts.label_font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.groupSpacing, chart.barSpacing = 6, 1
    for index in range(len(years)):
        chart.bars[index].fillColor = YEAR_COLOURS[index - len(years) + len(YEAR_COLOURS)]
        chart.bars[index].strokeColor = None
    chart.barLabels.fontName = fonts.label_font
    chart.barLabels.fontSize = 6
    chart.barLabelFormat = "%.0f"
    chart.barLabels.nudge = 5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 4 * mm, height - 2 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 28 * mm
    legend.fontName = fonts.label_font
    legend.fontSize = LABEL_SIZE
    legend.colorNamePairs = [
        (YEAR_COLOURS[index - len(years) + len(YEAR_COLOURS)], f"{year.academic_year} 学年")
        for index, year in enumerate(years)
    ]
    legend.boxAnchor = "ne"
    drawing.add(legend)
    drawing.add(String(0, height - 6 * mm, "覆盖率（%）", fontName=fonts.label_font, fontSize=LABEL_SIZE))
    return drawing


def aid_chart(aid: AidSection, fonts: PdfFonts) -> Drawing:
    """Horizontal bars: the amount of each aid item (元, or 万元 from 100,000), the first item at the top."""
    items = list(reversed(aid.by_item))
    wan = aid.total.amount >= 100_000
    unit, scale = ("万元", 10_000) if wan else ("元", 1)
    width = CONTENT_WIDTH
    height = max(40 * mm, (len(items) * 6 + 14) * mm)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 32 * mm, 8 * mm
    chart.width, chart.height = width - 48 * mm, height - 14 * mm
    chart.data = [[float(item.amount) / scale for item in items]]
    chart.bars[0].fillColor = AID_COLOUR
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [item.label for item in items]
    chart.categoryAxis.labels.fontName = fonts.label_font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = fonts.label_font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.barLabels.fontName = fonts.label_font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 4
    chart.barLabelFormat = lambda value: "" if not value else (f"{value:,.2f}" if wan else f"{value:,.0f}")
    drawing.add(chart)
    drawing.add(
        String(width - 14 * mm, 1 * mm, f"金额（{unit}）", fontName=fonts.label_font, fontSize=LABEL_SIZE)
    )
    return drawing


def gap_chart(rows: Sequence[GapRow], fonts: PdfFonts) -> Drawing | None:
    """Horizontal bars: the median-GPA gap of each college, grade and term that has one, and the same
    term's gap a year earlier (None when no row has a gap)."""
    shown = [row for row in rows if row.gpa.gap is not None][::-1]
    if not shown:
        return None
    width = CONTENT_WIDTH
    height = max(40 * mm, (len(shown) * 9 + 16) * mm)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 44 * mm, 8 * mm
    chart.width, chart.height = width - 60 * mm, height - 18 * mm
    now = [row.gpa.gap or 0.0 for row in shown]
    before = [
        0.0 if row.gpa.gap is None or row.gpa.change is None else row.gpa.gap - row.gpa.change
        for row in shown
    ]
    chart.data = [before, now]
    for index, colour in enumerate(YEAR_COLOURS[1:]):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    chart.categoryAxis.categoryNames = [f"{row.college} {row.grade}级 {row.term}" for row in shown]
    chart.categoryAxis.labels.fontName = fonts.label_font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = min(0.0, *now, *before)
    chart.valueAxis.labels.fontName = fonts.label_font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.barLabels.fontName = fonts.label_font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 4
    chart.barLabelFormat = "%.2f"
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 4 * mm, height - 1 * mm
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 28 * mm
    legend.fontName = fonts.label_font
    legend.fontSize = LABEL_SIZE
    legend.colorNamePairs = [(YEAR_COLOURS[1], "上年同期"), (YEAR_COLOURS[2], "本学期")]
    legend.boxAnchor = "ne"
    drawing.add(legend)
    drawing.add(
        String(
            0,
            height - 5 * mm,
            "绩点中位数差距（学院 − 困难学生）",
            fontName=fonts.label_font,
            fontSize=LABEL_SIZE,
        )
    )
    return drawing
