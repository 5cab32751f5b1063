"""The academic gap on a hand-built set of records: the example of docs/coverage.md, figure by figure."""

from __future__ import annotations

from datetime import date

import pytest

from sync.figures.academic_gap import (
    NO_BENCHMARK,
    NO_RESULTS,
    NO_STUDENTS,
    academic_gap,
    disadvantaged_students,
    gap_history,
    same_term_a_year_earlier,
    terms_with_data,
)
from sync.figures.facts import SchoolFacts
from sync.records import (
    AcademicResult,
    CollegeAcademicBenchmark,
    Identification,
    IdentificationLevel,
    Record,
    Student,
)

TERM = "2025-2026-1"
EARLIER = "2024-2025-1"
WEN, LI = "college-wen", "college-li"
DIFFICULT = IdentificationLevel.DIFFICULT


class Built:
    def __init__(self) -> None:
        self.records: list[Record] = []
        self.students: dict[str, Student] = {}

    def student(self, name: str, college_id: str | None, grade: int | None, **fields: object) -> str:
        student = Student(
            student_no=f"S{len(self.students):04d}", name=name, college_id=college_id, grade=grade, **fields
        )
        self.students[name] = student
        self.records.append(student)
        return student.id

    def identified(
        self,
        name: str,
        year: str,
        level: IdentificationLevel | None,
        on: date | None = None,
        **fields: object,
    ) -> None:
        self.records.append(
            Identification(
                student_id=self.students[name].id, academic_year=year, level=level, identified_on=on, **fields
            )
        )

    def result(self, name: str, term: str, gpa: float | None, failed: int) -> None:
        self.records.append(
            AcademicResult(
                student_id=self.students[name].id,
                term=term,
                gpa=gpa,
                failed_courses=failed,
                source="教务导入",
            )
        )

    def benchmark(self, college_id: str, term: str, grade: int, gpa: float, rate: float) -> None:
        self.records.append(
            CollegeAcademicBenchmark(
                college_id=college_id,
                term=term,
                grade=grade,
                median_gpa=gpa,
                pass_rate=rate,
                student_count=180,
            )
        )

    def facts(self) -> SchoolFacts:
        return SchoolFacts.of_records(self.records)


@pytest.fixture
def built() -> Built:
    b = Built()
    # 文学院, 2024 级
    b.student("A1", WEN, 2024)
    b.identified("A1", "2025-2026", DIFFICULT)
    b.identified("A1", "2024-2025", DIFFICULT)
    b.result("A1", TERM, 3.1, 0)
    b.result("A1", EARLIER, 2.6, 0)
    b.result("A1", "2025-2026-2", 1.0, 5)  # another term: not read
    b.student("A2", WEN, 2024)
    b.identified("A2", "2025-2026", IdentificationLevel.ESPECIALLY_DIFFICULT)
    b.identified("A2", "2024-2025", IdentificationLevel.GENERALLY_DIFFICULT)
    b.result("A2", TERM, 2.5, 1)
    b.result("A2", EARLIER, 2.4, 2)
    b.student("A3", WEN, 2024)
    b.identified("A3", "2025-2026", IdentificationLevel.GENERALLY_DIFFICULT)
    b.result("A3", TERM, 2.9, 0)
    b.result("A3", EARLIER, 3.5, 0)  # not identified for 2024-2025: not in last year's population
    b.student("A4", WEN, 2024)
    b.identified("A4", "2025-2026", DIFFICULT)  # no result of the term
    b.student("A5", WEN, 2024)
    b.identified("A5", "2025-2026", DIFFICULT, date(2025, 9, 10))
    b.identified("A5", "2025-2026", IdentificationLevel.NOT_DIFFICULT, date(2025, 10, 1))  # the latest
    b.result("A5", TERM, 2.0, 0)
    b.student("A6", WEN, None)  # no grade: not counted
    b.identified("A6", "2025-2026", DIFFICULT)
    b.result("A6", TERM, 0.5, 4)
    b.benchmark(WEN, TERM, 2024, 3.2, 90.0)
    b.benchmark(WEN, EARLIER, 2024, 3.0, 88.0)
    # 理学院, 2025 级: results, no benchmark
    b.student("B1", LI, 2025)
    b.identified("B1", "2025-2026", DIFFICULT)
    b.result("B1", TERM, 3.0, 0)
    b.student("B2", LI, 2025, is_new_student=True)  # 先家访后认定, level not yet set: in the population
    b.identified("B2", "2025-2026", None, visit_before_identification=True)
    b.result("B2", TERM, 2.0, 1)
    b.student("B3", LI, 2025)
    b.identified("B3", "2025-2026", DIFFICULT)
    b.result("B3", TERM, None, 0)  # no GPA: counts for the pass rate only
    # 理学院, 2024 级: a benchmark, no disadvantaged student; 2023 级: students without results
    b.benchmark(LI, TERM, 2024, 3.1, 95.0)
    b.student("C1", LI, 2023)
    b.identified("C1", "2025-2026", DIFFICULT)
    return b


def test_the_documented_example(built: Built) -> None:
    cells = {(cell.college_id, cell.grade): cell for cell in academic_gap(built.facts(), TERM)}
    assert sorted(cells) == [(LI, 2023), (LI, 2024), (LI, 2025), (WEN, 2024)]
    wen = cells[(WEN, 2024)]
    assert (wen.disadvantaged, wen.with_results) == (4, 3)
    # odd count: the middle value of 2.5, 2.9, 3.1
    assert (wen.gpa.disadvantaged, wen.gpa.college, wen.gpa.counted, wen.gpa.gap) == (2.9, 3.2, 3, 0.3)
    assert (wen.pass_rate.disadvantaged, wen.pass_rate.college, wen.pass_rate.gap) == (66.6667, 90.0, 23.3333)
    # a year earlier: A1 and A2 only (even count: the mean of 2.4 and 2.6)
    assert (wen.gpa.previous_gap, wen.gpa.change) == (0.5, -0.2)
    assert (wen.pass_rate.previous_gap, wen.pass_rate.change) == (38.0, -14.6667)
    assert wen.has_benchmark and wen.benchmark_students == 180 and wen.note == ""


def test_even_count_missing_benchmark_and_missing_results(built: Built) -> None:
    cells = {(cell.college_id, cell.grade): cell for cell in academic_gap(built.facts(), TERM)}
    li = cells[(LI, 2025)]
    assert (li.disadvantaged, li.with_results, li.gpa.counted) == (3, 3, 2)
    assert li.gpa.disadvantaged == 2.5  # the mean of 2.0 and 3.0
    assert li.pass_rate.disadvantaged == 66.6667
    assert (li.gpa.college, li.gpa.gap, li.gpa.change, li.pass_rate.gap) == (None, None, None, None)
    assert li.notes == (NO_BENCHMARK,)
    empty = cells[(LI, 2024)]
    assert (empty.disadvantaged, empty.gpa.disadvantaged, empty.gpa.college, empty.gpa.gap) == (
        0,
        None,
        3.1,
        None,
    )
    assert empty.notes == (NO_STUDENTS,)
    no_results = cells[(LI, 2023)]
    assert (no_results.disadvantaged, no_results.with_results, no_results.pass_rate.disadvantaged) == (
        1,
        0,
        None,
    )
    assert no_results.notes == (NO_RESULTS, NO_BENCHMARK)
    assert no_results.note == f"{NO_RESULTS}；{NO_BENCHMARK}"


def test_a_year_earlier_without_a_gap_gives_no_change(built: Built) -> None:
    facts = built.facts()
    facts.records[CollegeAcademicBenchmark.RECORD_TYPE] = [
        b for b in facts.of(CollegeAcademicBenchmark) if b.term != EARLIER
    ]
    (wen,) = academic_gap(facts, TERM, WEN)
    assert wen.gpa.gap == 0.3 and wen.gpa.previous_gap is None and wen.gpa.change is None


def test_population_follows_the_coverage_definition(built: Built) -> None:
    ids = {name: student.id for name, student in built.students.items()}
    found = disadvantaged_students(built.facts(), "2025-2026")
    assert found == {ids[n] for n in ("A1", "A2", "A3", "A4", "A6", "B1", "B2", "B3", "C1")}
    assert disadvantaged_students(built.facts(), "2024-2025") == {ids["A1"], ids["A2"]}


def test_one_college_history_and_terms(built: Built) -> None:
    facts = built.facts()
    assert [cell.college_id for cell in academic_gap(facts, TERM, WEN)] == [WEN]
    history = gap_history(facts, WEN, 2024, terms_with_data(facts))
    assert [(cell.term, cell.gpa.gap) for cell in history] == [
        (EARLIER, 0.5),
        (TERM, 0.3),
        ("2025-2026-2", None),
    ]
    assert history[-1].notes == (NO_BENCHMARK,)
    assert terms_with_data(facts) == ["2025-2026-2", TERM, EARLIER]
    assert same_term_a_year_earlier("2025-2026-2") == "2024-2025-2"


def test_a_wrong_term_is_refused(built: Built) -> None:
    with pytest.raises(ValueError, match="学期格式"):
        academic_gap(built.facts(), "2025-2026-3")
