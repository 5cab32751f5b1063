"""The policy activities counted per college for an academic year, on a hand-built set of records."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sync.figures.activity_counts import activity_counts
from sync.figures.facts import SchoolFacts
from sync.records import (
    College,
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    ResearchProject,
    StaffTraining,
    Student,
)

YEAR = "2024-2025"


def _facts() -> tuple[SchoolFacts, College, College]:
    arts, science = College(name="文学院", code="01"), College(name="理学院", code="02")
    s1 = Student(student_no="1", name="甲", college_id=arts.id)
    s2 = Student(student_no="2", name="乙", college_id=arts.id)
    s3 = Student(student_no="3", name="丙", college_id=science.id)

    def evaluation(college: College, year: str) -> IdentificationEvaluation:
        return IdentificationEvaluation(
            college_id=college.id,
            academic_year=year,
            held_on=date(2024, 12, 1),
            participants=30,
            students_evaluated=5,
            conclusion="认可",
        )

    def talk(student: Student, day: date) -> OneToOneTalk:
        return OneToOneTalk(student_id=student.id, talked_on=day, topics="学业")

    def integrity(college: College | None, day: date, people: int) -> IntegrityActivity:
        return IntegrityActivity(
            college_id=college.id if college else None, held_on=day, title="诚信", participants=people
        )

    def training(college: College | None, day: date, hours: str) -> StaffTraining:
        return StaffTraining(
            college_id=college.id if college else None,
            held_on=day,
            title="培训",
            trainees=["王"],
            hours=Decimal(hours),
        )

    def project(college: College, started: date, concluded: date | None) -> ResearchProject:
        return ResearchProject(
            college_id=college.id,
            title="研究",
            leader="赵",
            started_on=started,
            status="concluded" if concluded else "in_progress",
            concluded_on=concluded,
            outcome="成果" if concluded else "",
        )

    records = [
        arts,
        science,
        s1,
        s2,
        s3,
        evaluation(arts, YEAR),
        evaluation(arts, YEAR),
        evaluation(arts, "2023-2024"),  # another year
        evaluation(science, YEAR),
        talk(s1, date(2024, 9, 1)),  # the year's first day
        talk(s1, date(2025, 8, 31)),  # its last day
        talk(s2, date(2025, 3, 1)),
        talk(s2, date(2024, 8, 31)),  # the year before
        talk(s3, date(2025, 1, 5)),
        OneToOneTalk(student_id="not-held-here", talked_on=date(2025, 1, 5), topics="学业"),
        integrity(arts, date(2024, 10, 10), 40),
        integrity(science, date(2024, 11, 11), 25),
        integrity(science, date(2025, 9, 1), 99),  # the next year
        integrity(None, date(2025, 5, 4), 300),  # the school's own
        training(arts, date(2025, 1, 10), "4.5"),
        training(None, date(2024, 9, 20), "8"),
        training(None, date(2025, 6, 1), "2.5"),
        project(arts, date(2023, 10, 1), None),  # still running
        project(arts, date(2023, 3, 1), date(2024, 6, 30)),  # concluded before the year
        project(science, date(2024, 3, 1), date(2024, 9, 1)),  # concluded on the year's first day
        project(science, date(2025, 9, 1), None),  # starts after the year
    ]
    return SchoolFacts.of_records(records), arts, science


def test_counts_per_college_the_schools_own_and_the_total() -> None:
    facts, arts, science = _facts()
    table = activity_counts(facts, YEAR)
    by_college = {counts.college_id: counts for counts in table.colleges}
    assert list(by_college) == [arts.id, science.id]
    a, s = by_college[arts.id], by_college[science.id]
    assert (a.evaluations, a.talks, a.talk_students) == (2, 3, 2)
    assert (a.integrity_activities, a.integrity_participants) == (1, 40)
    assert (a.trainings, a.training_hours, a.research_projects) == (1, Decimal("4.5"), 1)
    assert (s.evaluations, s.talks, s.talk_students) == (1, 1, 1)
    assert (s.integrity_activities, s.integrity_participants) == (1, 25)
    assert (s.trainings, s.training_hours, s.research_projects) == (0, Decimal(0), 1)
    school = table.school
    assert (school.integrity_activities, school.integrity_participants) == (1, 300)
    assert (school.trainings, school.training_hours) == (2, Decimal("10.5"))
    assert (school.evaluations, school.talks, school.research_projects) == (0, 0, 0)
    total = table.total
    assert (total.evaluations, total.talks, total.talk_students) == (3, 4, 3)
    assert (total.integrity_activities, total.integrity_participants) == (3, 365)
    assert (total.trainings, total.training_hours, total.research_projects) == (3, Decimal(15), 2)


def test_one_colleges_counts_leave_the_schools_out() -> None:
    facts, arts, _ = _facts()
    table = activity_counts(facts, YEAR, arts.id)
    [only] = table.colleges
    assert only.college_id == arts.id and only.evaluations == 2 and only.talks == 3
    assert table.school.empty
    assert table.total.trainings == 1 and table.total.integrity_participants == 40


def test_a_year_without_activities_counts_zero_for_every_college() -> None:
    facts, arts, science = _facts()
    table = activity_counts(facts, "2019-2020")
    assert [counts.college_id for counts in table.colleges] == [arts.id, science.id]
    assert all(counts.empty for counts in table.colleges) and table.total.empty
