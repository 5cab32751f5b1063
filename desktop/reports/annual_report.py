"""The annual report (年度发展型资助育人工作报告) as an A4 PDF, for a college or the school: the six coverages
with their trend and a chart, each college's coverage, aid by item (八位一体) and funding source with a chart,
growth rewards, wish-list delivery, key support entered and left (center roles only), the academic gap,
workload totals and the activity counts of the year. Counts only: no student, counselor or teacher is named,
so the director can hand it to the school.

The figures are ``sync.figures.annual.AnnualFigures`` (the same on the laptop and the server).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from desktop.reports.annual_charts import aid_chart, coverage_trend_chart, gap_chart
from desktop.reports.file_names import document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import data_table, note_line, signature_panel, title_block
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import FormHeader, FormStart, PageFrame, printed_on, render
from desktop.reports.styles import FormStyles, form_styles
from sync.figures.annual import (
    NO_COLLEGE_KEY,
    ActivityRow,
    AnnualFigures,
    CountAmount,
    GapFigure,
    GapRow,
    MeasureFigure,
    WishDelivery,
    WorkloadSection,
    WorkloadTotals,
)
from sync.figures.coverage_report import Measure
from sync.figures.served_annual import ShownMeasureFigure

ANNUAL_TITLE = "发展型资助育人工作年度报告"
ANNUAL_PREFIX = "年度报告"
NUMERALS = "一二三四五六七八九十"
NOTICE = "内部资料：统计数据仅供学生资助育人工作使用，不含学生个人信息。"


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def ratio_cell(figure: MeasureFigure | None) -> str:
    if figure is None:
        return ""
    if isinstance(figure, ShownMeasureFigure) and figure.hidden:  # the center's breakdown: a small count
        return f"{figure.covered_text}/{figure.total_text}"
    return "—" if figure.percent is None else f"{figure.covered}/{figure.total}\n{figure.percent:.1f}%"


def change_text(now: MeasureFigure | None, before: MeasureFigure | None) -> str:
    """The change in percentage points since the year before ("+3.5", "-1.0", "—")."""
    if now is None or before is None or now.percent is None or before.percent is None:
        return "—"
    return f"{now.percent - before.percent:+.1f}"


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def title(figures: AnnualFigures) -> str:
    return f"{figures.academic_year} 学年{ANNUAL_TITLE}"


def summary(figures: AnnualFigures) -> str:
    """The year in one paragraph, above the tables."""
    year = figures.coverage.this_year
    parts = []
    visits, rewards = year.figure(Measure.VISITS), year.figure(Measure.REWARDS)
    if visits is not None and visits.total:
        parts.append(
            f"{figures.scope_label}本学年认定家庭经济困难学生 {visits.total} 人，"
            f"家访 {visits.covered} 人（{percent_text(visits.percent)}）"
            + (
                f"，获得成长奖励 {rewards.covered} 人（{percent_text(rewards.percent)}）"
                if rewards is not None
                else ""
            )
        )
    else:
        parts.append(f"{figures.scope_label}本学年尚无认定为家庭经济困难的学生")
    aid = figures.aid.total
    parts.append(f"发放保障型资助 {aid.records} 人次、{aid.students} 人，金额 {money(aid.amount)} 元")
    wishes = figures.wishes.total
    parts.append(f"心愿单提出 {wishes.requested} 项、已完成 {wishes.delivered} 项")
    if figures.key_support is not None:
        parts.append(f"重点帮扶对象 {figures.key_support.active_at_end} 人")
    return "；".join(parts) + "。"


class _Sections:
    """Numbered section headings (一、二、…) in the order the sections appear."""

    def __init__(self) -> None:
        self.count = 0

    def next(self, text: str) -> str:
        self.count += 1
        return f"{NUMERALS[self.count - 1]}、{text}"


def _coverage(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    section = figures.coverage
    years = section.years
    this_year = section.this_year
    before = years[-2] if len(years) > 1 else None
    headers = ["项目", *(f"{y.academic_year}" for y in years), "较上年(百分点)"]
    rows = [
        [
            figure.label,
            *(ratio_cell(year.figure(figure.measure)) for year in years),
            change_text(figure, before.figure(figure.measure) if before else None),
        ]
        for figure in this_year.measures
    ]
    widths = [38.0, *([26.0] * len(years)), 24.0]
    parts: list[Flowable] = [
        data_table(
            styles,
            headers,
            rows,
            widths,
            heading=numbers.next("六个全覆盖及变化"),
            centered=tuple(range(1, len(headers))),
        ),
        Spacer(1, 2 * mm),
        coverage_trend_chart(years, styles.fonts),
    ]
    facts = [
        f"统计至 {this_year.reference_day.isoformat()}（学年结束日，学年进行中为当日）。",
        f"待先家访后认定的新生 {section.awaiting_visit_first} 人；到校约谈 {section.at_school} 人（不计入家访）。",
        f"本学年监测反馈：提出 {section.flags_raised} 条，已处理 {section.flags_resolved} 条；"
        f"目前待处理 {section.flags_open} 条，处理中 {section.flags_in_progress} 条。",
    ]
    if section.incomplete_centers:
        gaps = "；".join(f"{gap.name}（缺{'、'.join(gap.missing)}）" for gap in section.incomplete_centers)
        facts.append(f"支持中心尚未达标：{gaps}。")
    if not figures.include_key_support:
        facts.append("重点帮扶相关覆盖（育人导师、救助性教育）限有权查看重点帮扶的角色，本报告未列入。")
    parts.append(Spacer(1, 1 * mm))
    parts.extend(note_line(styles, line) for line in facts)
    return parts


def _colleges(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    rows_in = figures.coverage.by_college
    if not rows_in:
        return []
    measures = [figure for figure in figures.coverage.this_year.measures]
    headers = ["学院", *(figure.label.removesuffix("全覆盖") for figure in measures)]
    rows = []
    for row in rows_in:
        found = {figure.measure: figure for figure in row.measures}
        rows.append([row.college, *(ratio_cell(found.get(figure.measure)) for figure in measures)])
    return [
        data_table(
            styles,
            headers,
            rows,
            [30.0, *([18.0] * len(measures))],
            heading=numbers.next(f"各学院覆盖情况（{figures.academic_year} 学年）"),
            centered=tuple(range(1, len(headers))),
        )
    ]


def _amount_rows(entries: Sequence[CountAmount], total: CountAmount) -> list[list[str]]:
    rows = [[e.label, str(e.records), str(e.students), money(e.amount)] for e in entries]
    rows.append([total.label, str(total.records), str(total.students), money(total.amount)])
    return rows


def _aid(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    aid = figures.aid
    heading = numbers.next("保障型资助（八位一体及临时困难补助）")
    parts: list[Flowable] = [
        data_table(
            styles,
            ["资助项目", "人次", "人数", "金额（元）"],
            _amount_rows(aid.by_item, aid.total),
            [40, 20, 20, 30],
            heading=heading,
            centered=(1, 2, 3),
        )
    ]
    if aid.total.amount > 0:
        parts += [Spacer(1, 2 * mm), aid_chart(aid, styles.fonts)]
    parts.append(Spacer(1, 3 * mm))
    sources = aid.by_source or [CountAmount("", "（本学年无资助记录）")]
    table = data_table(
        styles,
        ["资金来源", "人次", "人数", "金额（元）"],
        [[e.label, str(e.records), str(e.students), money(e.amount)] for e in sources],
        [40, 20, 20, 30],
        centered=(1, 2, 3),
    )
    note = note_line(styles, "人次为资助记录条数；人数为获得该项资助的不同学生数。")
    parts.append(KeepTogether([table, Spacer(1, 1 * mm), note]))
    return parts


def _rewards(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    rewards = figures.rewards
    share = (
        "—"
        if rewards.disadvantaged == 0
        else f"{100.0 * rewards.disadvantaged_rewarded / rewards.disadvantaged:.1f}%"
    )
    return [
        data_table(
            styles,
            ["奖励类别", "人次", "人数", "价值（元）"],
            _amount_rows(rewards.by_kind, rewards.total),
            [40, 20, 20, 30],
            heading=numbers.next("成长奖励"),
            centered=(1, 2, 3),
        ),
        Spacer(1, 1 * mm),
        note_line(
            styles,
            f"本学年认定的困难学生 {rewards.disadvantaged} 人中，{rewards.disadvantaged_rewarded} 人获得至少一项"
            f"成长奖励（{share}，即成长奖励全覆盖）。",
        ),
    ]


def _wish_rows(rows: Sequence[WishDelivery], total: WishDelivery) -> list[list[str]]:
    def cells(row: WishDelivery) -> list[str]:
        return [
            row.label,
            str(row.requested),
            str(row.delivered),
            str(row.in_progress),
            str(row.pending),
            str(row.unfulfillable),
            percent_text(row.delivered_percent),
        ]

    return [*(cells(row) for row in rows), cells(total)]


def _wishes(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    wishes = figures.wishes
    headers = ["", "提出", "已完成", "对接/进行中", "待受理", "无法满足", "完成率"]
    widths = [34, 14, 14, 18, 14, 16, 16]
    centered = tuple(range(1, len(headers)))
    parts: list[Flowable] = [
        data_table(
            styles,
            ["类别", *headers[1:]],
            _wish_rows(wishes.by_category, wishes.total),
            widths,
            heading=numbers.next("成长发展心愿单落实情况"),
            centered=centered,
        ),
        Spacer(1, 3 * mm),
    ]
    departments = wishes.by_department
    table = data_table(
        styles,
        ["提供部门", *headers[1:]],
        _wish_rows(departments, wishes.total) if departments else [["（本学年无心愿单）"]],
        widths,
        centered=centered,
    )
    note = note_line(styles, f"本学年 {wishes.students} 名学生填写了心愿单；每个所选服务项目计为一项心愿。")
    parts.append(KeepTogether([table, Spacer(1, 1 * mm), note]))
    return parts


def _key_support(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    section = figures.key_support
    if section is None:
        return []
    heading = numbers.next("重点帮扶对象纳入与退出")
    counts = [
        str(section.active_at_start),
        str(section.entered),
        str(section.exited),
        str(section.active_at_end),
    ]
    summary = ["学年初在帮扶", "本学年新纳入", "本学年退出", "统计日重点帮扶对象"]
    entries = section.entries_by_difficulty
    parts: list[Flowable] = [
        data_table(styles, summary, [counts], [25, 25, 25, 25], heading=heading, centered=(0, 1, 2, 3)),
        Spacer(1, 3 * mm),
        data_table(
            styles,
            [row.reason for row in entries],
            [[str(row.count) for row in entries]],
            [1.0] * len(entries),
            heading="新纳入对象的困难类型（人数；一人可有多种困难）",
            centered=tuple(range(len(entries))),
        ),
        Spacer(1, 3 * mm),
        data_table(
            styles,
            ["退出原因（评议结论）", "人数"],
            [[r.reason, str(r.count)] for r in section.exits_by_reason] or [["（本学年无退出）"]],
            [80, 16],
            centered=(1,),
        ),
        Spacer(1, 1 * mm),
        note_line(
            styles,
            "统计日重点帮扶对象为本学年认定为困难、且在统计日帮扶进行中的学生（即育人导师全覆盖的应覆盖人数）。"
            "重点帮扶名单不公开；本节仅供学生发展支持中心及学校相关部门内部使用。",
        ),
    ]
    return [KeepTogether(parts)]


def _watch(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    watch = figures.watch
    if watch is None:
        return []
    heading = numbers.next(f"一个不失学关注名单（{watch.day.isoformat()}）")
    reasons = [[row.reason, str(row.count)] for row in watch.by_reason]
    colleges = [[row.reason, str(row.count)] for row in watch.by_college] or [["（无）"]]
    return [
        data_table(
            styles,
            ["关注原因（一人可有多项）", "人数"],
            [*reasons, ["关注学生合计", str(watch.total)]],
            [80, 16],
            heading=heading,
            centered=(1,),
        ),
        Spacer(1, 3 * mm),
        KeepTogether(
            [
                data_table(styles, ["学院", "关注学生人数"], colleges, [80, 16], centered=(1,)),
                Spacer(1, 1 * mm),
                note_line(
                    styles,
                    "关注名单：困难学生中休学、退学或申请中，不及格课程达到预警线，或心理/生活异常反馈久未解决者；"
                    "名单本身见“一个不失学”页，本报告只列人数。",
                ),
            ]
        ),
    ]


def number_text(value: float | None, digits: int, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def gap_cells(figure: GapFigure, digits: int) -> list[str]:
    """困难学生 / 学院, the gap, and its change since a year earlier."""
    return [
        f"{number_text(figure.disadvantaged, digits)} / {number_text(figure.college, digits)}",
        number_text(figure.gap, digits),
        number_text(figure.change, digits, signed=True),
    ]


def _without_figures(row: GapRow) -> bool:
    return row.with_results == 0 and row.gpa.college is None and row.pass_rate.college is None


def gap_notes(rows: Sequence[GapRow]) -> str:
    """Why figures are missing, each reason once with the colleges and grades it holds for:
    "学院未录入该学期该年级的基准：文学院 2024、2025 级；理学院 2023 级。"."""
    by_reason: dict[str, dict[str, list[int]]] = {}
    for row in rows:
        if row.note:
            by_reason.setdefault(row.note.replace("；", "，"), {}).setdefault(row.college, []).append(
                row.grade
            )
    return "".join(
        f"{reason}："
        + "；".join(f"{college} {'、'.join(map(str, grades))} 级" for college, grades in colleges.items())
        + "。"
        for reason, colleges in by_reason.items()
    )


def _academic_gap(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    section = figures.academic_gap
    if section is None:
        return []
    headers = [
        "学院",
        "年级",
        "困难(有成绩)",
        "绩点中位数 困难/学院",
        "差距",
        "较上年",
        "通过率% 困难/学院",
        "差距",
        "较上年",
    ]
    heading: str | None = numbers.next("学业差距")
    parts: list[Flowable] = []
    for term in section.terms:
        rows = [row for row in section.rows if row.term == term]
        # A college and grade with no figure at all (no results, no benchmark: a term not yet graded)
        # is named once in the note below the table, not as a row of dashes.
        cells = [
            [
                row.college,
                str(row.grade),
                f"{row.disadvantaged}（{row.with_results}）",
                *gap_cells(row.gpa, 2),
                *gap_cells(row.pass_rate, 1),
            ]
            for row in rows
            if not _without_figures(row)
        ] or [["（该学期尚无可比较的成绩与学院基准）" if rows else "（该学期无困难学生或学院基准）"]]
        table = data_table(
            styles,
            headers,
            cells,
            [18, 12, 14, 17, 10, 10, 17, 11, 10],
            heading=f"{heading or '学业差距'}（{term} 学期）",
            centered=tuple(range(1, len(headers))),
        )
        heading = None
        parts += [table, Spacer(1, 1 * mm)]
        notes = gap_notes(rows)
        if notes:
            parts += [note_line(styles, notes), Spacer(1, 2 * mm)]
    parts.append(
        note_line(
            styles,
            "差距 = 学院基准 - 本学年认定为困难的学生（绩点取中位数，通过率为有该学期成绩者中无不及格课程的比例，"
            "差距为百分点）；正数表示困难学生落后。较上年 = 本学期差距 - 上一学年同一学期的差距，负数表示差距缩小。",
        )
    )
    chart = gap_chart(section.rows, styles.fonts)
    if chart is not None:
        parts += [Spacer(1, 2 * mm), chart]
    return parts


def _workload_cells(row: WorkloadTotals) -> list[str]:
    return [
        row.label,
        str(row.teachers),
        str(row.mentees),
        str(row.mentor_sessions),
        str(row.mentor_minutes),
        str(row.rescue_sessions),
        str(row.case_conferences),
        str(row.visits),
        f"{row.visit_hours:.1f}",
        str(row.wish_services),
    ]


def _workload(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    section = figures.workload
    if section is None:
        return []
    headers = [
        "学院",
        "教师人数",
        "带教学生",
        "导师帮扶次数",
        "帮扶分钟",
        "救助性教育",
        "集体教研",
        "家访次数",
        "家访小时",
        "心愿单服务",
    ]
    heading: str | None = numbers.next("工作量")
    parts: list[Flowable] = []
    for term in section.terms:
        parts += [
            data_table(
                styles,
                headers,
                [_workload_cells(row) for row in section.rows if row.term == term],
                [20, 9, 9, 11, 9, 10, 9, 9, 9, 10],
                heading=f"{heading or '工作量'}（{term} 学期）",
                centered=tuple(range(1, len(headers))),
            ),
            Spacer(1, 2 * mm),
        ]
        heading = None
    notes = "工作量按学期统计教师（辅导员、育人导师等）在各学院的活动合计，本报告不列教师个人。"
    if section.open_colleges:
        notes += f"尚未认定（数字可能变化）：{_open_terms(section)}。"
    parts.append(note_line(styles, notes))
    return parts


def _open_terms(section: WorkloadSection) -> str:
    """The colleges whose figures are not confirmed yet, by term ("2025-2026-1 学期：文学院、理学院"), a
    term where no college has confirmed as "全部学院"."""
    by_term: dict[str, list[str]] = {}
    for entry in section.open_colleges:
        term, _, college = entry.partition(" ")
        by_term.setdefault(term, []).append(college)
    parts = []
    for term, colleges in by_term.items():
        listed = {
            row.label for row in section.rows if row.term == term and row.key not in ("total", NO_COLLEGE_KEY)
        }
        everyone = len(colleges) > 1 and listed <= set(colleges)
        parts.append(f"{term} 学期{'全部学院' if everyone else '：' + '、'.join(colleges)}")
    return "；".join(parts)


def _activity_cells(row: ActivityRow) -> list[str]:
    return [
        row.label,
        str(row.evaluations),
        str(row.talks),
        str(row.talk_students),
        str(row.integrity_activities),
        str(row.integrity_participants),
        str(row.trainings),
        f"{row.training_hours.normalize():f}",
        str(row.research_projects),
    ]


def _activities(figures: AnnualFigures, styles: FormStyles, numbers: _Sections) -> list[Flowable]:
    section = figures.activities
    if section is None:
        return []
    headers = [
        "学院",
        "民主测评",
        "个别交流次数",
        "交流学生",
        "诚信教育活动",
        "参加人次",
        "培训",
        "培训学时",
        "专项研究",
    ]
    rows = [_activity_cells(row) for row in (*section.rows, section.total)]
    return [
        KeepTogether(
            [
                data_table(
                    styles,
                    headers,
                    rows,
                    [22, 10, 12, 10, 12, 10, 8, 10, 10],
                    heading=numbers.next("资助育人活动"),
                    centered=tuple(range(1, len(headers))),
                ),
                Spacer(1, 1 * mm),
                note_line(
                    styles,
                    "本学年（9月1日至次年8月31日）举办的活动；专项研究为本学年内在研的项目。",
                ),
            ]
        )
    ]


SECTION_BUILDERS: tuple[Callable[[AnnualFigures, FormStyles, _Sections], list[Flowable]], ...] = (
    _coverage,
    _colleges,
    _aid,
    _rewards,
    _wishes,
    _key_support,
    _watch,
    _academic_gap,
    _workload,
    _activities,
)


def annual_story(
    figures: AnnualFigures,
    fonts: PdfFonts,
    *,
    school_name: str,
    printed_at: datetime | None = None,
    step: Callable[[], None] | None = None,
    source: str | None = None,
) -> list[Flowable]:
    """The report's flowables; ``step()`` is called after each section (it may raise to stop);
    ``source``: where the figures come from when not this laptop's records (the center's, §6b)."""
    styles = form_styles(fonts)
    meta = [
        ("学年", figures.academic_year),
        ("范围", figures.scope_label),
        ("统计至", figures.reference_day.isoformat()),
        ("打印日期", printed_on(printed_at)),
    ]
    story: list[Flowable] = [FormStart(FormHeader(f"{figures.scope_label} {figures.academic_year} 学年"))]
    story.extend(title_block(styles, school_name, title(figures), meta))
    story.append(Paragraph(styles.text(summary(figures)), styles.body))
    if source:
        story.append(note_line(styles, source))
    story.append(Spacer(1, 2 * mm))
    numbers = _Sections()
    for build in SECTION_BUILDERS:
        parts = build(figures, styles, numbers)
        if parts:
            story.append(CondPageBreak(60 * mm))
            story.extend(parts)
            story.append(Spacer(1, 5 * mm))
        if step is not None:
            step()
    story.append(
        KeepTogether(
            [
                note_line(
                    styles, "口径说明：六个全覆盖的统计规则见系统“覆盖看板”中各项说明（与看板数字一致）。"
                ),
                Spacer(1, 4 * mm),
                signature_panel(styles, [("填报单位（盖章）", ""), ("负责人签字", "")]),
            ]
        )
    )
    return story


def build_annual_pdf(
    figures: AnnualFigures,
    *,
    school_name: str,
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
    step: Callable[[], None] | None = None,
    source: str | None = None,
) -> bytes:
    """The PDF's bytes (written to ``out`` only once complete)."""
    fonts = fonts or pdf_fonts()
    story = annual_story(
        figures, fonts, school_name=school_name, printed_at=printed_at, step=step, source=source
    )
    info = document_info(ANNUAL_PREFIX, figures.scope_label, figures.academic_year)
    frame = PageFrame(fonts, school_name, title(figures), notice=NOTICE, author=school_name, info=info)
    data = render(story, frame)
    write_pdf(data, out)
    return data
