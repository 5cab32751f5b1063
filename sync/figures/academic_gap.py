"""The academic gap (学业差距): disadvantaged students' median GPA and pass rate against their college's.

    cells = academic_gap(facts, "2025-2026-1")                 # every college and grade of the term
    cells = academic_gap(facts, "2025-2026-1", college_id=c)   # one college
    cell.gpa.gap, cell.gpa.change, cell.pass_rate.gap, cell.note

docs/coverage.md ("学业差距") is the exact rule; ``GAP_RULE`` its one-line form shown next to the figures.
For one term T of academic year Y, per college and grade (入学年级, ``Student.grade``):

- the population is the college's and grade's disadvantaged students of Y (the coverage's definition:
  the latest identification of Y at a disadvantaged level, or a 先家访后认定 new student awaiting it);
- their median GPA: the median of the GPAs of T recorded for them (an odd count: the middle value, an
  even count: the mean of the two middle values); their pass rate: the share of those with a result of
  T who failed no course, in percent;
- the college's median GPA and pass rate come from the benchmark the center entered for (college, T,
  grade) (aggregates only);
- gap = college figure − disadvantaged figure (positive: the disadvantaged students are behind);
- change = this gap − the gap of the same term one year earlier, for the same college and grade (the
  same cohort), when both exist (negative: the gap narrowed).

A figure that cannot be computed is ``None`` and the cell says why (no benchmark, no results).
Pure Python over ``SchoolFacts``: the laptop and the server compute the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from sync.figures import population
from sync.figures.facts import SchoolFacts
from sync.records import (
    AcademicResult,
    CollegeAcademicBenchmark,
    Identification,
    Student,
)
from sync.records.terms import parse_term, previous_term

# The record types the measure reads (what a caller loads into the facts).
GAP_RECORDS = (Student, Identification, AcademicResult, CollegeAcademicBenchmark)

GAP_RULE = (
    "按学院、入学年级和学期：学院绩点中位数（学院录入的基准）− 本学年认定为困难的学生该学期平均学分绩点的中位数；"
    "学院通过率 − 困难学生中该学期无不及格课程者所占比例（仅计有该学期成绩的学生）；"
    "较上年同期 = 本学期差距 − 上一学年同一学期的差距（负数表示差距缩小）"
)

DECIMALS = 4
NO_BENCHMARK = "学院未录入该学期该年级的基准"
NO_RESULTS = "困难学生均无该学期成绩"
NO_STUDENTS = "该年级无困难学生"


@dataclass(frozen=True)
class Comparison:
    """One figure of a cell: the disadvantaged students' value, the college's, the gap and its change."""

    disadvantaged: float | None  # median GPA, or pass rate in percent
    college: float | None  # from the benchmark
    counted: int  # disadvantaged students behind ``disadvantaged``
    gap: float | None  # college − disadvantaged
    previous_gap: float | None  # the same term a year earlier
    change: float | None  # gap − previous_gap


@dataclass(frozen=True)
class GapCell:
    """One college, grade and term."""

    college_id: str
    grade: int
    term: str
    disadvantaged: int  # disadvantaged students of the college and grade (the population)
    with_results: int  # of them, with a result of the term
    gpa: Comparison
    pass_rate: Comparison
    benchmark_students: int | None  # the head count the center entered with the benchmark, if any
    has_benchmark: bool
    notes: tuple[str, ...]  # why a figure is missing (empty when every figure is there)

    @property
    def note(self) -> str:
        return "；".join(self.notes)


def disadvantaged_students(facts: SchoolFacts, academic_year: str) -> set[str]:
    """The disadvantaged students of a year (docs/coverage.md, ``sync/figures/population.py``): the latest
    identification of the year at a disadvantaged level, or no level yet on a new student flagged
    先家访后认定 (the latest: by 认定日期, then the latest made, record ids being UUIDv7)."""
    found = population.disadvantaged_students(
        facts, academic_year, order=population.Latest.IDENTIFIED_THEN_ID
    )
    return set(found)


def results_of_term(facts: SchoolFacts, term: str) -> dict[str, AcademicResult]:
    """Each student's result of a term (the last one made when a store holds more than one)."""
    found: dict[str, AcademicResult] = {}
    for result in facts.of(AcademicResult):
        if result.term == term and (
            result.student_id not in found or result.id > found[result.student_id].id
        ):
            found[result.student_id] = result
    return found


def benchmarks_of_term(facts: SchoolFacts, term: str) -> dict[tuple[str, int], CollegeAcademicBenchmark]:
    """The benchmark of each (college, grade) for a term (the last one made when there are several)."""
    found: dict[tuple[str, int], CollegeAcademicBenchmark] = {}
    for benchmark in facts.of(CollegeAcademicBenchmark):
        key = (benchmark.college_id, benchmark.grade)
        if benchmark.term == term and (key not in found or benchmark.id > found[key].id):
            found[key] = benchmark
    return found


def same_term_a_year_earlier(term: str) -> str:
    """ "2025-2026-1" -> "2024-2025-1"."""
    return previous_term(previous_term(term))


def academic_gap(facts: SchoolFacts, term: str, college_id: str | None = None) -> list[GapCell]:
    """The gap of every college and grade with disadvantaged students or a benchmark in the term (one
    college when ``college_id`` is given), ordered by college and grade."""
    parse_term(term)  # a clear error for a wrong term
    now = _term_cells(facts, term, college_id)
    before = _term_cells(facts, same_term_a_year_earlier(term), college_id)
    cells = []
    for key, raw in sorted(now.items()):
        earlier = before.get(key)
        cells.append(raw.finish(earlier))
    return cells


def gap_history(facts: SchoolFacts, college_id: str, grade: int, terms: Iterable[str]) -> list[GapCell]:
    """The gap of one college and grade in each of ``terms`` that has students or a benchmark (the trend)."""
    found: list[GapCell] = []
    for term in sorted(set(terms)):
        found.extend(cell for cell in academic_gap(facts, term, college_id) if cell.grade == grade)
    return found


def terms_with_data(facts: SchoolFacts) -> list[str]:
    """Every term with an academic result or a benchmark, latest first."""
    terms = {result.term for result in facts.of(AcademicResult)}
    terms.update(benchmark.term for benchmark in facts.of(CollegeAcademicBenchmark))
    return sorted(terms, reverse=True)


@dataclass
class _RawCell:
    college_id: str
    grade: int
    term: str
    population: int
    gpas: list[float]
    passed: int
    with_results: int
    benchmark: CollegeAcademicBenchmark | None

    @property
    def median_gpa(self) -> float | None:
        return float(median(self.gpas)) if self.gpas else None

    @property
    def pass_rate(self) -> float | None:
        return 100.0 * self.passed / self.with_results if self.with_results else None

    def gpa_gap(self) -> float | None:
        mine = self.median_gpa
        return None if self.benchmark is None or mine is None else self.benchmark.median_gpa - mine

    def pass_gap(self) -> float | None:
        mine = self.pass_rate
        return None if self.benchmark is None or mine is None else self.benchmark.pass_rate - mine

    def finish(self, earlier: _RawCell | None) -> GapCell:
        notes: list[str] = []
        if self.population == 0:
            notes.append(NO_STUDENTS)
        elif self.with_results == 0:
            notes.append(NO_RESULTS)
        if self.benchmark is None:
            notes.append(NO_BENCHMARK)
        benchmark = self.benchmark
        return GapCell(
            college_id=self.college_id,
            grade=self.grade,
            term=self.term,
            disadvantaged=self.population,
            with_results=self.with_results,
            gpa=_compare(
                self.median_gpa,
                benchmark.median_gpa if benchmark else None,
                len(self.gpas),
                self.gpa_gap(),
                earlier.gpa_gap() if earlier else None,
            ),
            pass_rate=_compare(
                self.pass_rate,
                benchmark.pass_rate if benchmark else None,
                self.with_results,
                self.pass_gap(),
                earlier.pass_gap() if earlier else None,
            ),
            benchmark_students=benchmark.student_count if benchmark else None,
            has_benchmark=benchmark is not None,
            notes=tuple(notes),
        )


def _compare(
    mine: float | None, college: float | None, counted: int, gap: float | None, previous: float | None
) -> Comparison:
    change = None if gap is None or previous is None else gap - previous
    return Comparison(
        _rounded(mine), _rounded(college), counted, _rounded(gap), _rounded(previous), _rounded(change)
    )


def _rounded(value: float | None) -> float | None:
    """Four decimals: the same figure on every machine (3.2 − 2.9 is 0.3, not 0.30000000000000027)."""
    return None if value is None else round(value, DECIMALS) + 0.0


def _term_cells(facts: SchoolFacts, term: str, college_id: str | None) -> dict[tuple[str, int], _RawCell]:
    academic_year, _half = parse_term(term)
    population = disadvantaged_students(facts, academic_year)
    results = results_of_term(facts, term)
    benchmarks = benchmarks_of_term(facts, term)
    cells: dict[tuple[str, int], _RawCell] = {}

    def cell(key: tuple[str, int]) -> _RawCell:
        if key not in cells:
            cells[key] = _RawCell(key[0], key[1], term, 0, [], 0, 0, benchmarks.get(key))
        return cells[key]

    for student in facts.students_of_college(college_id):
        if student.id not in population or student.college_id is None or student.grade is None:
            continue
        here = cell((student.college_id, student.grade))
        here.population += 1
        result = results.get(student.id)
        if result is None:
            continue
        here.with_results += 1
        here.passed += result.failed_courses == 0
        if result.gpa is not None:
            here.gpas.append(result.gpa)
    for key in benchmarks:
        if college_id is None or key[0] == college_id:
            cell(key)
    return cells
