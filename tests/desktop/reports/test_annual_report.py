"""The annual report generated from a real store (the hand-built school): the PDF read back with pdftotext,
the XLSX with openpyxl, both with the dashboard's numbers (compute_coverage on the same store); the
cancel path leaves no file; a counselor's report leaves out key support."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.app import annual_report
from desktop.app.annual_report import AnnualCancelled, AnnualReportError, AnnualRequest
from desktop.app.pdf_documents import JobControl
from desktop.reports.annual_report import gap_notes
from desktop.reports.fonts import PdfFonts
from desktop.store.coverage import CoverageScope, Measure, compute_coverage
from desktop.store.store import Store
from sync.figures.academic_gap import NO_BENCHMARK, NO_RESULTS
from sync.figures.annual import GapFigure, GapRow
from sync.records import AuditAction, EnrolmentState, EnrolmentStatus, Role
from tests.desktop.reports.conftest import SCHOOL
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, squeeze
from tests.desktop.store.annual_fixture import add_annual_records
from tests.desktop.store.coverage_fixture import YEAR, School, build_school

TODAY = date(2026, 11, 26)
PASSPHRASE = "correct horse battery"


def make_store(folder: Path, role: Role) -> tuple[Store, School]:
    store = Store.create(
        folder, PASSPHRASE, school_name=SCHOOL, user_name="张主任", role=role, use_keyring=False
    )
    school = build_school(store)
    add_annual_records(store, school)
    return store, school


@pytest.fixture
def center(tmp_path: Path, cjk_fonts: PdfFonts) -> Iterator[tuple[Store, School]]:
    store, school = make_store(tmp_path / "center", Role.SCHOOL_CENTER)
    try:
        yield store, school
    finally:
        store.close()


def dashboard(
    store: Store, scope: CoverageScope, key_support: bool
) -> dict[str, dict[Measure, tuple[int, int]]]:
    with store.session() as s:
        return {
            year: {
                m: (r.covered, r.total)
                for m, r in compute_coverage(
                    s, year, scope, include_key_support=key_support, today=TODAY
                ).totals.items()
            }
            for year in ("2023-2024", "2024-2025", YEAR)
        }


def cell(covered: int, total: int) -> str:
    return "—" if total == 0 else f"{covered}/{total}{100 * covered / total:.1f}%"


@needs_tools
def test_pdf_has_the_dashboards_numbers(center: tuple[Store, School], tmp_path: Path) -> None:
    store, _school = center
    path = tmp_path / "年度报告.pdf"
    outcome = annual_report.generate_annual_report(store, AnnualRequest(YEAR, None, path, today=TODAY))
    assert outcome.path == path and path.is_file()
    flat = squeeze(pdf_text(path))
    assert "2025-2026学年发展型资助育人工作年度报告" in flat
    expected = dashboard(store, CoverageScope.school(), key_support=True)
    for measure in expected[YEAR]:
        # the row: label, three years (covered/total and percent, or — with nobody to cover), the change
        cells = "".join(cell(*expected[year][measure]) for year in ("2023-2024", "2024-2025", YEAR))
        assert cells in flat and measure.label in flat, measure
    assert "家访全覆盖—1/250.0%4/666.7%+16.7" in flat
    assert "助学金227,700.00" in flat and "合计6514,700.00" in flat
    assert "中央财政224,400.00" in flat and "（未填写资金来源）113,300.00" in flat
    assert "研学机会11500.00" in flat
    assert "心理困难2100150.0%" in flat and "合计5211140.0%" in flat
    assert "心理健康教育中心2100150.0%" in flat
    assert "学年初在帮扶本学年新纳入本学年退出统计日重点帮扶对象1312" in flat
    assert "已达成目标1" in flat
    assert "理学院（缺阵地(地点/房间)、副主任）" in flat
    # 学业差距: 理学院 2024 级, term 1: 2.80 / 3.20, gap 0.40 (-0.20); 50.0 / 90.0, gap 40.0 (+52.0)
    assert "八、学业差距（2025-2026-1学期）" in flat and "学业差距（2025-2026-2学期）" in flat
    assert "理学院20242（2）2.80/3.200.40-0.20" in flat and "50.0/90.040.0+52.0" in flat
    assert "文学院20243（3）2.90/———" in flat and "学院未录入该学期该年级的基准：文学院2024级。" in flat
    assert "绩点中位数差距（学院−困难学生）" in flat  # the chart
    # 工作量: totals per term and college, no teacher named
    assert "九、工作量（2025-2026-1学期）" in flat and "工作量（2025-2026-2学期）" in flat
    assert "文学院211451022.00" in flat and "合计331451144.00" in flat
    assert "合计33000111.00" in flat  # the second term
    assert "尚未认定（数字可能变化）：2025-2026-1学期全部学院；2025-2026-2学期全部学院。" in flat
    # 资助育人活动
    assert "十、资助育人活动" in flat
    assert "文学院121130000" in flat and "学校（未分学院）0000014.50" in flat
    assert "合计1321301" in flat
    for name in ("张三", "A001", "王老师", "钱导师"):  # counts only: no student, no counselor is named
        assert name not in flat
    with store.session() as s:
        entries = [
            e for e in s.audit.list() if e.action is AuditAction.EXPORT and e.record_type == "annual_report"
        ]
    assert [e.detail for e in entries] == ["生成年度报告（2025-2026，全校，pdf）"]


@needs_tools
@pytest.mark.parametrize("role", [Role.COUNSELOR, Role.ADMIN])
def test_a_college_pdf_without_key_support(tmp_path: Path, cjk_fonts: PdfFonts, role: Role) -> None:
    """A counselor sees #5-#6 as on the dashboard, but not who entered and left key support; an
    administrator sees neither."""
    store, school = make_store(tmp_path / "other", role)
    try:
        path = tmp_path / "文学院.pdf"
        outcome = annual_report.generate_annual_report(
            store, AnnualRequest(YEAR, school.arts.id, path, today=TODAY)
        )
        expected = dashboard(store, CoverageScope.college(school.arts.id), key_support=role is Role.COUNSELOR)
    finally:
        store.close()
    assert outcome.figures.key_support is None
    flat = squeeze(pdf_text(path))
    assert "范围：文学院" in flat
    assert "重点帮扶对象纳入与退出" not in flat
    if role is Role.COUNSELOR:
        assert "育人导师全覆盖" in flat and "救助性教育全覆盖" in flat
    else:
        assert "育人导师全覆盖" not in flat
        assert "重点帮扶相关覆盖（育人导师、救助性教育）限有权查看重点帮扶的角色，本报告未列入。" in flat
    for measure in expected[YEAR]:
        cells = "".join(cell(*expected[year][measure]) for year in ("2023-2024", "2024-2025", YEAR))
        assert cells in flat, measure


def test_xlsx_one_sheet_per_table_with_the_dashboards_numbers(
    center: tuple[Store, School], tmp_path: Path
) -> None:
    store, _school = center
    path = tmp_path / "年度报告.xlsx"
    annual_report.generate_annual_report(store, AnnualRequest(YEAR, None, path, today=TODAY))
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == [
        "概况",
        "六个全覆盖",
        "各学院覆盖",
        "资助项目",
        "资金来源",
        "成长奖励",
        "心愿单-类别",
        "心愿单-提供部门",
        "重点帮扶",
        "一个不失学",
        "学业差距",
        "工作量",
        "资助育人活动",
    ]
    rows = [list(row) for row in book["六个全覆盖"].iter_rows(values_only=True)]
    assert rows[0][:4] == ["项目", "2023-2024-已覆盖", "2023-2024-应覆盖", "2023-2024-覆盖率(%)"]
    expected = dashboard(store, CoverageScope.school(), key_support=True)
    by_label = {row[0]: row for row in rows[1:]}
    for measure, (covered, total) in expected[YEAR].items():
        assert by_label[measure.label][7:9] == [covered, total]
        assert by_label[measure.label][4:6] == list(expected["2024-2025"][measure])
    aid = {row[0]: row[1:] for row in book["资助项目"].iter_rows(min_row=2, values_only=True)}
    assert aid["助学金"] == (2, 2, 7700.0) and aid["合计"] == (6, 5, 14700.0)
    wishes = {row[0]: row[1:] for row in book["心愿单-提供部门"].iter_rows(min_row=2, values_only=True)}
    assert wishes["教务处"] == (2, 1, 1, 0, 0, 50.0)
    key = {row[0]: row[1] for row in book["重点帮扶"].iter_rows(min_row=2, values_only=True)}
    assert key["本学年新纳入"] == 3 and key["退出原因：已达成目标"] == 1
    gap = [row for row in book["学业差距"].iter_rows(min_row=2, values_only=True)]
    assert gap[1][:13] == ("2025-2026-1", "理学院", 2024, 2, 2, 2.8, 3.2, 0.4, -0.2, 50.0, 90.0, 40.0, 52.0)
    assert gap[0][:8] == ("2025-2026-1", "文学院", 2024, 3, 3, 2.9, None, None)
    assert gap[0][13] == "学院未录入该学期该年级的基准"
    work = [row for row in book["工作量"].iter_rows(min_row=2, values_only=True)]
    assert work[0] == ("2025-2026-1", "文学院", 2, 1, 1, 45, 1, 0, 2, 2.0, 0)
    assert work[2] == ("2025-2026-1", "合计", 3, 3, 1, 45, 1, 1, 4, 4.0, 0)
    activities = {row[0]: row[1:] for row in book["资助育人活动"].iter_rows(min_row=2, values_only=True)}
    assert activities["文学院"] == (1, 2, 1, 1, 30, 0, 0.0, 0)
    assert activities["合计"] == (1, 3, 2, 1, 30, 1, 4.5, 1)
    text = " ".join(
        str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
    )
    assert "张三" not in text and "A001" not in text
    book.close()


FIGURES = annual_report.FIGURE_STEPS
LAST_SECTION = annual_report.FIGURE_STEPS + annual_report.SECTION_STEPS


@pytest.mark.parametrize(
    ("name", "cancel_after"),
    [
        ("年度报告.pdf", FIGURES),  # the figures are computed; the PDF is next
        ("年度报告.pdf", LAST_SECTION),  # the PDF is laid out; writing it is next
        ("年度报告.xlsx", FIGURES),
    ],
)
def test_cancel_leaves_no_file(
    center: tuple[Store, School], tmp_path: Path, name: str, cancel_after: int
) -> None:
    store, _school = center
    path = tmp_path / name
    inputs = annual_report.read_annual_inputs(store, AnnualRequest(YEAR, None, path, today=TODAY))
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == cancel_after:
            cancel.set()

    with pytest.raises(AnnualCancelled):
        annual_report.write_annual_report(inputs, JobControl(cancel, progress))
    assert seen == list(range(cancel_after + 1))
    assert list(tmp_path.iterdir()) == [tmp_path / "center"]  # no file, no partial file
    with store.session() as s:
        assert not [e for e in s.audit.list() if e.record_type == "annual_report"]


def test_cancel_while_reading(center: tuple[Store, School], tmp_path: Path) -> None:
    store, _school = center
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(AnnualCancelled):
        annual_report.read_annual_inputs(store, AnnualRequest(YEAR, None, tmp_path / "r.pdf"), cancel)


def test_bad_file_name_and_college(center: tuple[Store, School], tmp_path: Path) -> None:
    store, _school = center
    with pytest.raises(AnnualReportError, match=r"只能保存为 PDF（\.pdf）或 Excel（\.xlsx）"):
        annual_report.read_annual_inputs(store, AnnualRequest(YEAR, None, tmp_path / "r.docx"))
    with pytest.raises(AnnualReportError, match="找不到所选学院"):
        annual_report.read_annual_inputs(store, AnnualRequest(YEAR, "no-such-college", tmp_path / "r.pdf"))


@needs_tools
def test_the_watch_list_counts(center: tuple[Store, School], tmp_path: Path) -> None:
    """一个不失学: s1 (disadvantaged) withdrew in the year's second term without a case review."""
    store, school = center
    with store.session() as s:
        s.enrolment.create(
            EnrolmentStatus(student_id=school.id("s1"), term="2025-2026-2", state=EnrolmentState.WITHDRAWN)
        )
    path = tmp_path / "年度报告.pdf"
    outcome = annual_report.generate_annual_report(store, AnnualRequest(YEAR, None, path, today=TODAY))
    watch = outcome.figures.watch
    assert watch is not None and watch.day == date(2026, 8, 31) and watch.total == 1
    counts = {row.reason: row.count for row in watch.by_reason if row.count}
    assert counts == {"退学": 1, "退学未经个案评议": 1}
    assert [(row.reason, row.count) for row in watch.by_college] == [("文学院", 1)]
    flat = squeeze(pdf_text(path))
    assert "一个不失学关注名单（2026-08-31）" in flat
    assert "退学未经个案评议1" in flat and "关注学生合计1" in flat and "文学院1" in flat
    assert "张三" not in flat


def _gap_row(
    college: str, grade: int, note: str, *, results: int = 0, benchmark: float | None = None
) -> GapRow:
    figure = GapFigure(disadvantaged=None, college=benchmark, gap=None, change=None)
    return GapRow("2026-2027-1", college, college, grade, 3, results, figure, figure, note)


def test_gap_notes_name_each_reason_once_with_its_colleges_and_grades() -> None:
    rows = [
        _gap_row("文学院", 2024, f"{NO_RESULTS}；{NO_BENCHMARK}"),
        _gap_row("文学院", 2025, f"{NO_RESULTS}；{NO_BENCHMARK}"),
        _gap_row("理学院", 2023, NO_BENCHMARK, results=2),
        _gap_row("理学院", 2024, f"{NO_RESULTS}；{NO_BENCHMARK}"),
        _gap_row("理学院", 2025, "", results=2, benchmark=3.1),
    ]
    assert gap_notes(rows) == (
        "困难学生均无该学期成绩，学院未录入该学期该年级的基准：文学院 2024、2025 级；理学院 2024 级。"
        "学院未录入该学期该年级的基准：理学院 2023 级。"
    )
    assert gap_notes(rows[-1:]) == ""


@needs_tools
def test_a_term_without_results_or_benchmarks_prints_no_rows_of_dashes(
    center: tuple[Store, School], tmp_path: Path
) -> None:
    """The year's second term, not graded yet: one line in its table and its colleges in one note;
    the first term keeps its rows (文学院 has results but no benchmark)."""
    store, _school = center
    path = tmp_path / "年度报告.pdf"
    outcome = annual_report.generate_annual_report(store, AnnualRequest(YEAR, None, path, today=TODAY))
    gap = outcome.figures.academic_gap
    assert gap is not None
    assert {(row.term, row.with_results) for row in gap.rows} == {
        ("2025-2026-1", 3),
        ("2025-2026-1", 2),
        ("2025-2026-2", 0),
    }
    flat = squeeze(pdf_text(path))
    second = flat[flat.index("学业差距（2025-2026-2学期）") : flat.index("差距=学院基准")]
    assert "（该学期尚无可比较的成绩与学院基准）" in second
    assert "文学院20243（0）" not in second and "—/—" not in second  # no row of dashes
    assert "困难学生均无该学期成绩，学院未录入该学期该年级的基准：文学院2024级；理学院2024级。" in second
