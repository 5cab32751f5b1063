"""Academic outcomes (学业成绩 and 学业差距): the gap view, college benchmarks, a student's results."""

from __future__ import annotations

from desktop.app.changes import Kind, use_case
from desktop.store import academic_outcomes
from desktop.store.academic_outcomes import BenchmarkInput, GapView
from desktop.store.store import Store
from sync.figures.academic_gap import GAP_RULE, GapCell
from sync.records import AcademicResult, College, CollegeAcademicBenchmark

__all__ = [
    "GAP_RULE",
    "BenchmarkInput",
    "GapCell",
    "GapView",
    "benchmark_colleges",
    "find_benchmark",
    "gap_trend",
    "gap_view",
    "save_benchmark",
    "student_results",
]


def gap_view(store: Store, term: str, college_id: str | None = None) -> GapView:
    """The academic gap of a term per college and grade (center roles)."""
    with store.session() as s:
        return academic_outcomes.academic_gap_view(s, store.info.role, term, college_id)


def gap_trend(store: Store, college_id: str, grade: int) -> list[GapCell]:
    """One college's and grade's gap in every term with data, oldest first (center roles)."""
    with store.session() as s:
        return academic_outcomes.academic_gap_trend(s, store.info.role, college_id, grade)


def benchmark_colleges(store: Store) -> list[College]:
    with store.session() as s:
        return academic_outcomes.benchmark_colleges(s, store.info.role)


def find_benchmark(store: Store, college_id: str, term: str, grade: int) -> CollegeAcademicBenchmark | None:
    with store.session() as s:
        return academic_outcomes.find_benchmark(s, college_id, term, grade)


@use_case(Kind.COLLEGE_ACADEMIC_BENCHMARK)
def save_benchmark(store: Store, values: BenchmarkInput) -> CollegeAcademicBenchmark:
    """Enter (or correct) a college's median GPA and pass rate for a term and grade (center roles)."""
    with store.session() as s:
        return academic_outcomes.save_benchmark(s, store.info.role, values)


def student_results(store: Store, student_id: str) -> list[AcademicResult]:
    """One student's results of every term, latest first (the profile's 学业成绩 tab)."""
    with store.session() as s:
        return academic_outcomes.student_results(s, student_id)
