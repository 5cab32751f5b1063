"""Academic outcomes in the store: the colleges' benchmarks (entered by the centers), each student's
results, and the academic gap computed from them (``sync.figures.academic_gap``, docs/coverage.md).

    save_benchmark(session, role, BenchmarkInput(college_id, "2025-2026-1", 2024, 3.2, 90.0, 180))
    view = academic_gap_view(session, role, "2025-2026-1")      # view.cells: one per college and grade

A benchmark holds a college's aggregates only (median GPA, pass rate, head count); one per college, term
and grade: entering it again changes the one stored. Benchmarks and the gap are the center roles' (a
college center: its own college); a counselor reads their own students' results one by one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import false, select

from desktop.store.errors import StoreError
from desktop.store.repositories.session import StoreSession
from desktop.store.role_rules import is_center_role
from sync.figures.academic_gap import GapCell, academic_gap, gap_history, same_term_a_year_earlier
from sync.figures.facts import SchoolFacts
from sync.records import (
    AcademicResult,
    College,
    CollegeAcademicBenchmark,
    Identification,
    Role,
    Student,
    errors_of,
)
from sync.records.terms import is_term, parse_term


class AcademicOutcomeError(StoreError):
    message = "学业数据未保存。"


CENTER_ONLY = "只有学生发展支持中心（学院或学校）可以查看学业差距、录入学院基准。"


@dataclass(frozen=True)
class BenchmarkInput:
    college_id: str
    term: str
    grade: int
    median_gpa: float
    pass_rate: float
    student_count: int | None = None


def _require_center(role: Role | None) -> None:
    if not is_center_role(role):
        raise AcademicOutcomeError(CENTER_ONLY)


def own_college_id(session: StoreSession) -> str | None:
    user = session.users.get(session.meta.info().user_id)
    return user.college_id if user is not None else None


def benchmark_colleges(session: StoreSession, role: Role | None) -> list[College]:
    """The colleges this role enters benchmarks for and sees the gap of: its own (a college center), or
    every active college (the school center)."""
    _require_center(role)
    colleges = [college for college in session.colleges.list() if college.active]
    if role is Role.COLLEGE_CENTER:
        own = own_college_id(session)
        colleges = [college for college in colleges if college.id == own]
    return sorted(colleges, key=lambda college: (college.code or college.name, college.name))


def find_benchmark(
    session: StoreSession, college_id: str, term: str, grade: int
) -> CollegeAcademicBenchmark | None:
    """The benchmark of a college, term and grade (the latest made, should there be two)."""
    found = [
        benchmark
        for benchmark in session.academic_benchmarks.list(where={"college_id": college_id, "term": term})
        if benchmark.grade == grade
    ]
    return max(found, key=lambda benchmark: benchmark.id) if found else None


def save_benchmark(
    session: StoreSession, role: Role | None, values: BenchmarkInput
) -> CollegeAcademicBenchmark:
    """Create the benchmark of a college, term and grade, or change the one stored."""
    _require_center(role)
    if values.college_id not in {college.id for college in benchmark_colleges(session, role)}:
        raise AcademicOutcomeError("只能录入本学院的学业基准。")
    if not is_term(values.term):
        raise AcademicOutcomeError(f"学期格式应为“2025-2026-1”：{values.term}")
    current = find_benchmark(session, values.college_id, values.term, values.grade)
    data = {
        "college_id": values.college_id,
        "term": values.term,
        "grade": values.grade,
        "median_gpa": values.median_gpa,
        "pass_rate": values.pass_rate,
        "student_count": values.student_count,
    }
    try:
        benchmark = CollegeAcademicBenchmark.model_validate(
            {**current.model_dump(), **data} if current is not None else data
        )
    except ValidationError as exc:
        problems = [
            f"{CollegeAcademicBenchmark.field_title(error.field.split('.')[0])}：{error.message}"
            if error.field.split(".")[0] in CollegeAcademicBenchmark.model_fields
            else error.message
            for error in errors_of(exc)
        ]
        raise AcademicOutcomeError("；".join(problems)) from None
    repository = session.academic_benchmarks
    if current is None:
        repository.create(benchmark)
    elif benchmark != current:
        repository.update(benchmark)
    return benchmark


def read_gap_facts(session: StoreSession, terms: Collection[str]) -> SchoolFacts:
    """The records the gap of these terms reads (with the same terms a year earlier), as this laptop holds
    them: every student, the identifications of those years, the results of those terms, the benchmarks."""
    wanted = set(terms) | {same_term_a_year_earlier(term) for term in terms}
    years = sorted({parse_term(term)[0] for term in wanted})
    facts = SchoolFacts()
    facts.records[Student.RECORD_TYPE] = list(session.students.list())
    facts.records[Identification.RECORD_TYPE] = list(
        session.identifications.list(where={"academic_year": years})
    )
    facts.records[AcademicResult.RECORD_TYPE] = list(
        session.academic_results.list(where={"term": sorted(wanted)})
    )
    facts.records[CollegeAcademicBenchmark.RECORD_TYPE] = list(session.academic_benchmarks.list())
    return facts


def stored_terms(session: StoreSession) -> list[str]:
    """Every term with a result or a benchmark in the store, latest first."""
    terms: set[str] = set()
    for repository in (session.academic_results, session.academic_benchmarks):
        table = repository.table
        terms.update(session.db.scalars(select(table.c.term).distinct().where(table.c.deleted == false())))
    return sorted(terms, reverse=True)


@dataclass(frozen=True)
class GapView:
    term: str
    cells: list[GapCell]
    college_names: dict[str, str]
    terms: list[str]  # terms with results or benchmarks, latest first


def academic_gap_view(
    session: StoreSession, role: Role | None, term: str, college_id: str | None = None
) -> GapView:
    """The gap of each college (those this role may see) and grade in a term."""
    colleges = benchmark_colleges(session, role)
    names = {college.id: college.name for college in colleges}
    if college_id is not None and college_id not in names:
        raise AcademicOutcomeError("只能查看本学院的学业差距。")
    facts = read_gap_facts(session, [term])
    cells = [cell for cell in academic_gap(facts, term, college_id) if cell.college_id in names]
    return GapView(term, cells, names, stored_terms(session))


def academic_gap_trend(
    session: StoreSession, role: Role | None, college_id: str, grade: int
) -> list[GapCell]:
    """The gap of one college and grade in every term with data (oldest first)."""
    if college_id not in {college.id for college in benchmark_colleges(session, role)}:
        raise AcademicOutcomeError("只能查看本学院的学业差距。")
    terms = stored_terms(session)
    return gap_history(read_gap_facts(session, terms), college_id, grade, terms)


def student_results(session: StoreSession, student_id: str) -> list[AcademicResult]:
    """One student's results, latest term first (anyone who holds the student reads them)."""
    results = session.academic_results.for_student(student_id)
    return sorted(results, key=lambda result: (result.term, result.id), reverse=True)
