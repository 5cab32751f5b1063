"""The annual report as an Excel workbook: one sheet per table of the PDF, Chinese headers, numbers as
numbers (amounts in yuan, shares in percent), so a center can rework the figures; counts only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.reports.annual_report import summary, title
from desktop.store.exporting import ExportTable, write_xlsx
from sync.figures.annual import AnnualFigures, CountAmount, MeasureFigure, WishDelivery
from sync.figures.served_annual import ShownMeasureFigure


def _percent(value: float | None) -> Any:
    return "" if value is None else round(value, 1)


def _measure_cells(figure: MeasureFigure | None) -> list[Any]:
    if figure is None:
        return ["", "", ""]
    if isinstance(figure, ShownMeasureFigure) and figure.hidden:  # the center's breakdown: a small count
        return [figure.covered_text, figure.total_text, ""]
    return [figure.covered, figure.total, _percent(figure.percent)]


def _amounts(name: str, first: str, rows: Sequence[CountAmount], total: CountAmount | None) -> ExportTable:
    table = ExportTable(name, [first, "人次", "人数", "金额(元)"])
    for row in [*rows, *([total] if total is not None else [])]:
        table.rows.append([row.label, row.records, row.students, float(row.amount)])
    return table


def _wishes(name: str, first: str, rows: Sequence[WishDelivery], total: WishDelivery) -> ExportTable:
    table = ExportTable(name, [first, "提出", "已完成", "对接/进行中", "待受理", "无法满足", "完成率(%)"])
    for row in [*rows, total]:
        table.rows.append(
            [
                row.label,
                row.requested,
                row.delivered,
                row.in_progress,
                row.pending,
                row.unfulfillable,
                _percent(row.delivered_percent),
            ]
        )
    return table


def annual_tables(
    figures: AnnualFigures, *, school_name: str, source: str | None = None
) -> list[ExportTable]:
    coverage = figures.coverage
    overview = ExportTable("概况", ["项目", "内容"])
    overview.rows += [
        ["学校", school_name],
        ["报告", title(figures)],
        ["学年", figures.academic_year],
        ["范围", figures.scope_label],
        ["统计至", figures.reference_day.isoformat()],
        ["概述", summary(figures)],
        *([["数据来源", source]] if source else []),
        ["待先家访后认定的新生(人)", coverage.awaiting_visit_first],
        ["到校约谈(人，不计入家访)", coverage.at_school],
        ["本学年提出监测反馈(条)", coverage.flags_raised],
        ["本学年已处理监测反馈(条)", coverage.flags_resolved],
        ["监测反馈待处理(条)", coverage.flags_open],
        ["监测反馈处理中(条)", coverage.flags_in_progress],
    ]
    for gap in coverage.incomplete_centers:
        overview.rows.append([f"支持中心未达标：{gap.name}", "缺" + "、".join(gap.missing)])

    headers = ["项目"]
    for year in coverage.years:
        headers += [
            f"{year.academic_year}-已覆盖",
            f"{year.academic_year}-应覆盖",
            f"{year.academic_year}-覆盖率(%)",
        ]
    trend = ExportTable("六个全覆盖", headers)
    for figure in coverage.this_year.measures:
        row: list[Any] = [figure.label]
        for year in coverage.years:
            row += _measure_cells(year.figure(figure.measure))
        trend.rows.append(row)

    measures = coverage.this_year.measures
    college_headers = ["学院"]
    for figure in measures:
        college_headers += [f"{figure.label}-已覆盖", f"{figure.label}-应覆盖", f"{figure.label}-覆盖率(%)"]
    colleges = ExportTable("各学院覆盖", [*college_headers, "到校约谈(人)"])
    for college in coverage.by_college:
        found = {figure.measure: figure for figure in college.measures}
        cells: list[Any] = [college.college]
        for figure in measures:
            cells += _measure_cells(found.get(figure.measure))
        colleges.rows.append([*cells, college.at_school])

    rewards = _amounts("成长奖励", "奖励类别", figures.rewards.by_kind, figures.rewards.total)
    rewards.headers[-1] = "价值(元)"
    tables = [
        overview,
        trend,
        colleges,
        _amounts("资助项目", "资助项目", figures.aid.by_item, figures.aid.total),
        _amounts("资金来源", "资金来源", figures.aid.by_source, None),
        rewards,
        _wishes("心愿单-类别", "类别", figures.wishes.by_category, figures.wishes.total),
        _wishes("心愿单-提供部门", "提供部门", figures.wishes.by_department, figures.wishes.total),
    ]
    key = figures.key_support
    if key is not None:
        table = ExportTable("重点帮扶", ["项目", "人数"])
        table.rows += [
            ["学年初在帮扶", key.active_at_start],
            ["本学年新纳入", key.entered],
            ["本学年退出", key.exited],
            ["统计日重点帮扶对象", key.active_at_end],
            *([f"新纳入：{row.reason}", row.count] for row in key.entries_by_difficulty),
            *([f"退出原因：{row.reason}", row.count] for row in key.exits_by_reason),
        ]
        tables.append(table)
    watch = figures.watch
    if watch is not None:
        table = ExportTable("一个不失学", ["项目", "人数"])
        table.rows += [
            ["统计日", watch.day.isoformat()],
            ["关注学生合计", watch.total],
            *([f"原因：{row.reason}", row.count] for row in watch.by_reason),
            *([f"学院：{row.reason}", row.count] for row in watch.by_college),
        ]
        tables.append(table)
    tables += _new_sections(figures)
    return tables


def _number(value: float | None) -> Any:
    return "" if value is None else value


def _new_sections(figures: AnnualFigures) -> list[ExportTable]:
    tables: list[ExportTable] = []
    gap = figures.academic_gap
    if gap is not None:
        table = ExportTable(
            "学业差距",
            [
                "学期",
                "学院",
                "年级",
                "困难学生(人)",
                "有该学期成绩(人)",
                "困难学生绩点中位数",
                "学院绩点中位数",
                "绩点差距",
                "绩点差距较上年",
                "困难学生通过率(%)",
                "学院通过率(%)",
                "通过率差距(百分点)",
                "通过率差距较上年",
                "说明",
            ],
        )
        for row in gap.rows:
            table.rows.append(
                [
                    row.term,
                    row.college,
                    row.grade,
                    row.disadvantaged,
                    row.with_results,
                    *(
                        _number(v)
                        for v in (row.gpa.disadvantaged, row.gpa.college, row.gpa.gap, row.gpa.change)
                    ),
                    *(
                        _number(v)
                        for v in (
                            row.pass_rate.disadvantaged,
                            row.pass_rate.college,
                            row.pass_rate.gap,
                            row.pass_rate.change,
                        )
                    ),
                    row.note,
                ]
            )
        tables.append(table)
    work = figures.workload
    if work is not None:
        table = ExportTable(
            "工作量",
            [
                "学期",
                "学院",
                "教师人数",
                "带教学生",
                "导师帮扶次数",
                "导师帮扶分钟",
                "救助性教育",
                "集体教研",
                "家访次数",
                "家访小时",
                "心愿单服务",
            ],
        )
        for w in work.rows:
            table.rows.append(
                [
                    w.term,
                    w.label,
                    w.teachers,
                    w.mentees,
                    w.mentor_sessions,
                    w.mentor_minutes,
                    w.rescue_sessions,
                    w.case_conferences,
                    w.visits,
                    w.visit_hours,
                    w.wish_services,
                ]
            )
        tables.append(table)
    activities = figures.activities
    if activities is not None:
        table = ExportTable(
            "资助育人活动",
            [
                "学院",
                "民主测评",
                "个别交流次数",
                "交流学生(人)",
                "诚信教育活动",
                "诚信教育参加人次",
                "培训",
                "培训学时",
                "专项研究",
            ],
        )
        for a in [*activities.rows, activities.total]:
            table.rows.append(
                [
                    a.label,
                    a.evaluations,
                    a.talks,
                    a.talk_students,
                    a.integrity_activities,
                    a.integrity_participants,
                    a.trainings,
                    float(a.training_hours),
                    a.research_projects,
                ]
            )
        tables.append(table)
    return tables


def build_annual_xlsx(
    figures: AnnualFigures, path: Path, *, school_name: str, source: str | None = None
) -> Path:
    """Written under a temporary name and renamed when complete (no partial file); ``source``: where the
    figures come from when not this laptop's records (the center's, docs/sync-protocol.md §6b)."""
    write_xlsx(annual_tables(figures, school_name=school_name, source=source), path)
    return path
