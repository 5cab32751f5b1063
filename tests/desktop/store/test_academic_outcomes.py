"""College benchmarks and the academic gap in the store: who may enter and see them, one benchmark per
college, term and grade, and the gap read from a real encrypted store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.academic_outcomes import (
    CENTER_ONLY,
    AcademicOutcomeError,
    BenchmarkInput,
    academic_gap_trend,
    academic_gap_view,
    benchmark_colleges,
    save_benchmark,
    stored_terms,
    student_results,
)
from desktop.store.store import Store
from sync.records import (
    AcademicResult,
    College,
    CollegeAcademicBenchmark,
    Identification,
    IdentificationLevel,
    Role,
    Student,
    User,
)
from tests.desktop.store.conftest import PASSPHRASE

TERM = "2025-2026-1"


def open_store(folder: Path, role: Role) -> Store:
    return Store.create(
        folder, PASSPHRASE, school_name="示例大学", user_name="刘主任", role=role, use_keyring=False
    )


@pytest.fixture
def school(tmp_path: Path) -> Iterator[tuple[Store, dict[str, str]]]:
    store = open_store(tmp_path / "school", Role.SCHOOL_CENTER)
    ids: dict[str, str] = {}
    with store.session() as s:
        for name in ("文学院", "理学院"):
            ids[name] = s.colleges.create(College(name=name)).id
        for index, (gpa, failed) in enumerate(((3.1, 0), (2.5, 1), (2.9, 0))):
            student = s.students.create(
                Student(
                    student_no=f"2024{index:04d}", name=f"学生{index}", college_id=ids["文学院"], grade=2024
                )
            )
            ids[f"学生{index}"] = student.id
            s.identifications.create(
                Identification(
                    student_id=student.id, academic_year="2025-2026", level=IdentificationLevel.DIFFICULT
                )
            )
            s.repository(AcademicResult.RECORD_TYPE).create(
                AcademicResult(
                    student_id=student.id, term=TERM, gpa=gpa, failed_courses=failed, source="教务导入"
                )
            )
        s.repository(AcademicResult.RECORD_TYPE).create(
            AcademicResult(
                student_id=ids["学生0"], term="2024-2025-2", gpa=2.0, failed_courses=2, source="教务导入"
            )
        )
        s.identifications.create(
            Identification(
                student_id=ids["学生0"], academic_year="2024-2025", level=IdentificationLevel.DIFFICULT
            )
        )
    try:
        yield store, ids
    finally:
        store.close()


def test_benchmark_is_entered_once_per_college_term_and_grade(school: tuple[Store, dict[str, str]]) -> None:
    store, ids = school
    with store.session() as s:
        save_benchmark(s, Role.SCHOOL_CENTER, BenchmarkInput(ids["文学院"], TERM, 2024, 3.2, 90.0, 180))
        view = academic_gap_view(s, Role.SCHOOL_CENTER, TERM)
        (cell,) = view.cells
        assert (cell.gpa.disadvantaged, cell.gpa.gap, cell.pass_rate.gap) == (2.9, 0.3, 23.3333)
        assert view.college_names == {ids["文学院"]: "文学院", ids["理学院"]: "理学院"}
        assert view.terms == [TERM, "2024-2025-2"] == stored_terms(s)
        save_benchmark(s, Role.SCHOOL_CENTER, BenchmarkInput(ids["文学院"], TERM, 2024, 3.0, 95.0))
        stored = s.repository(CollegeAcademicBenchmark.RECORD_TYPE).list()
        assert [(b.median_gpa, b.pass_rate, b.student_count) for b in stored] == [(3.0, 95.0, None)]
        (cell,) = academic_gap_view(s, Role.SCHOOL_CENTER, TERM, ids["文学院"]).cells
        assert cell.gpa.gap == 0.1
        trend = academic_gap_trend(s, Role.SCHOOL_CENTER, ids["文学院"], 2024)
        assert [(c.term, c.gpa.disadvantaged, c.gpa.gap) for c in trend] == [
            ("2024-2025-2", 2.0, None),
            (TERM, 2.9, 0.1),
        ]
        assert [(r.term, r.gpa) for r in student_results(s, ids["学生0"])] == [
            (TERM, 3.1),
            ("2024-2025-2", 2.0),
        ]


def test_bad_figures_are_refused_in_chinese(school: tuple[Store, dict[str, str]]) -> None:
    store, ids = school
    with store.session() as s:
        with pytest.raises(AcademicOutcomeError) as error:
            save_benchmark(s, Role.SCHOOL_CENTER, BenchmarkInput(ids["文学院"], TERM, 2024, 5.5, 90.0))
        assert "5" in str(error.value)
        with pytest.raises(AcademicOutcomeError, match="学期格式"):
            save_benchmark(
                s, Role.SCHOOL_CENTER, BenchmarkInput(ids["文学院"], "2025-2026-3", 2024, 3.0, 90.0)
            )
        assert s.repository(CollegeAcademicBenchmark.RECORD_TYPE).list() == []


def test_a_counselor_neither_enters_benchmarks_nor_sees_the_gap(school: tuple[Store, dict[str, str]]) -> None:
    store, ids = school
    with store.session() as s:
        with pytest.raises(AcademicOutcomeError, match=CENTER_ONLY):
            save_benchmark(s, Role.COUNSELOR, BenchmarkInput(ids["文学院"], TERM, 2024, 3.2, 90.0))
        with pytest.raises(AcademicOutcomeError, match=CENTER_ONLY):
            academic_gap_view(s, Role.COUNSELOR, TERM)
        assert len(student_results(s, ids["学生1"])) == 1  # the profile's results are anyone's in scope


def test_a_college_center_enters_and_sees_its_own_college_only(tmp_path: Path) -> None:
    with open_store(tmp_path / "college", Role.COLLEGE_CENTER) as store, store.session() as s:
        own = s.colleges.create(College(name="文学院"))
        other = s.colleges.create(College(name="理学院"))
        me = s.users.create(User(staff_no="C01", name="刘主任", role=Role.COLLEGE_CENTER, college_id=own.id))
        s.meta.set("user_id", me.id)
        assert [c.name for c in benchmark_colleges(s, Role.COLLEGE_CENTER)] == ["文学院"]
        save_benchmark(s, Role.COLLEGE_CENTER, BenchmarkInput(own.id, TERM, 2024, 3.2, 90.0))
        with pytest.raises(AcademicOutcomeError, match="本学院"):
            save_benchmark(s, Role.COLLEGE_CENTER, BenchmarkInput(other.id, TERM, 2024, 3.2, 90.0))
        with pytest.raises(AcademicOutcomeError, match="本学院"):
            academic_gap_view(s, Role.COLLEGE_CENTER, TERM, other.id)
        assert [c.college_id for c in academic_gap_view(s, Role.COLLEGE_CENTER, TERM).cells] == [own.id]
