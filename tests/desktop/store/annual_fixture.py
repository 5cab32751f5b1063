"""The hand-built school of coverage_fixture.py with what the annual report adds: aid of several items and
funding sources, rewards of several kinds, a wish-list catalogue and wish lists in every state.

Expected for 2025-2026, school scope (see test_annual_figures.py):
aid: 助学金 2 人次 2 人 7700.00 (s4 3300 no source, s1 4400 中央财政); 勤工助学 1/1 1200.00 (s1, 学校事业收入);
     绿色通道 1/1 0.00 (s2, no amount, 中央财政); 临时困难补助 1/1 800.00 (s7, 社会捐赠);
     奖学金 1/1 5000.00 (s5, 省级财政); last year's aid of s6 not counted. Total 6 人次, 5 人, 14700.00.
rewards: 公开表彰 2/2 (s1, s4; no value); 奖学金 1/1 2000.00 (s2); 研学机会 1/1 500.00 (s1). Total 4, 3 人, 2500.00.
wishes: s1 [心理咨询, 学业辅导] 已完成; s2 [学业辅导] 进行中; s4 [简历指导] 待受理; s7 [心理咨询] 无法满足;
     s3's list of 2024-2025 not counted. 4 students, 5 wishes.
academic gap (grade 2024: s1 s2 s3 文学院, s4 s5 s6 s7 理学院; s8 has no grade):
     2025-2026-1 文学院: s1 3.1/0, s2 2.5/1, s3 2.9/0 -> median 2.90, pass 66.67 %, no benchmark;
     理学院: s4 3.0/0, s7 2.6/1 (s5 2.0 is not disadvantaged) -> median 2.80, pass 50 %; benchmark 3.20 / 90.0
     -> gaps 0.40 and 40.0; a year earlier (2024-2025-1: s6 2.5/0, s7 2.3/0; benchmark 3.00 / 88.0) median
     2.40, pass 100 % -> gaps 0.60 and -12.0; change -0.20 and +52.0. 2025-2026-2: no results.
workload (one support log of 钱导师 with s1 on 2025-11-10, 45 minutes, added here; the rest is the coverage
     fixture's): see test_annual_figures.py.
activities: 民主测评 文学院 1 (2025-2026) + 1 of 2024-2025 not counted; 个别交流 s1 twice, s4 once, one of
     2024-2025 not counted; 诚信教育 文学院 1 (30 人); 培训 school 1 (4.5 学时); 专项研究 理学院 1 running.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.store.store import Store
from sync.records import (
    AcademicResult,
    CollegeAcademicBenchmark,
    GrowthReward,
    GuaranteeAid,
    IdentificationEvaluation,
    IntegrityActivity,
    OneToOneTalk,
    ResearchProject,
    StaffTraining,
    SupportLogEntry,
    WishCatalogItem,
    WishSelection,
)
from tests.desktop.store.coverage_fixture import YEAR, School


def aid(student_id: str, aid_type: str, amount: str | None, source: str, year: str = YEAR) -> GuaranteeAid:
    return GuaranteeAid(
        student_id=student_id,
        academic_year=year,
        aid_type=aid_type,
        project_name="资助项目",
        amount=None if amount is None else Decimal(amount),
        position="缓缴学费" if amount is None else "",
        granted_on=date(2025, 10, 15),
        funding_source=source,
    )


def add_annual_records(store: Store, school: School) -> dict[str, str]:
    """Adds the records; returns the catalogue item ids by service name."""
    ids = {key: student.id for key, student in school.students.items()}
    psych = WishCatalogItem(
        category="psychological", service_item="心理咨询", provider_department="心理健康教育中心"
    )
    study = WishCatalogItem(category="academic", service_item="学业辅导", provider_department="教务处")
    resume = WishCatalogItem(category="employment", service_item="简历指导")
    with store.session() as db:
        db.aid.create_many(
            [
                aid(ids["s1"], "grant", "4400", "中央财政"),
                aid(ids["s1"], "work_study", "1200", "学校事业收入"),
                aid(ids["s2"], "green_channel", None, "中央财政"),
                aid(ids["s7"], "temporary_subsidy", "800", "社会捐赠"),
                aid(ids["s5"], "scholarship", "5000", "省级财政"),
                aid(ids["s6"], "grant", "3000", "中央财政", year="2024-2025"),
            ]
        )
        db.rewards.create_many(
            [
                GrowthReward(
                    student_id=ids["s2"],
                    academic_year=YEAR,
                    kind="scholarship",
                    description="校级奖学金",
                    value=Decimal("2000"),
                    granted_on=date(2025, 12, 1),
                ),
                GrowthReward(
                    student_id=ids["s1"],
                    academic_year=YEAR,
                    kind="study_tour",
                    description="暑期研学",
                    value=Decimal("500"),
                    granted_on=date(2026, 7, 1),
                ),
            ]
        )
        db.wish_catalog.create_many([psych, study, resume])

        def wish(key: str, items: list[WishCatalogItem], status: str, year: str = YEAR) -> WishSelection:
            extra: dict[str, object] = {}
            if status in ("matched", "in_progress", "completed"):
                extra["responsible_person"] = "钱老师"
            if status == "completed":
                extra["completed_on"] = date(2026, 4, 1)
            return WishSelection.model_validate(
                {
                    "student_id": ids[key],
                    "academic_year": year,
                    "item_ids": [item.id for item in items],
                    "status": status,
                    **extra,
                }
            )

        db.wishes.create_many(
            [
                wish("s1", [psych, study], "completed"),
                wish("s2", [study], "in_progress"),
                wish("s4", [resume], "pending"),
                wish("s7", [psych], "unfulfillable"),
                wish("s3", [psych], "pending", year="2024-2025"),
            ]
        )
    add_gap_and_activities(store, school)
    return {"心理咨询": psych.id, "学业辅导": study.id, "简历指导": resume.id}


def result(student_id: str, term: str, gpa: float, failed: int) -> AcademicResult:
    return AcademicResult(student_id=student_id, term=term, gpa=gpa, failed_courses=failed)


def add_gap_and_activities(store: Store, school: School) -> None:
    ids = {key: student.id for key, student in school.students.items()}
    with store.session() as db:
        for key in ("s1", "s2", "s3", "s4", "s5", "s6", "s7"):
            db.students.update(school.students[key].model_copy(update={"grade": 2024}))
        db.repository(AcademicResult.RECORD_TYPE).create_many(
            [
                result(ids["s1"], "2025-2026-1", 3.1, 0),
                result(ids["s2"], "2025-2026-1", 2.5, 1),
                result(ids["s3"], "2025-2026-1", 2.9, 0),
                result(ids["s4"], "2025-2026-1", 3.0, 0),
                result(ids["s5"], "2025-2026-1", 2.0, 0),
                result(ids["s7"], "2025-2026-1", 2.6, 1),
                result(ids["s6"], "2024-2025-1", 2.5, 0),
                result(ids["s7"], "2024-2025-1", 2.3, 0),
            ]
        )
        db.repository(CollegeAcademicBenchmark.RECORD_TYPE).create_many(
            [
                CollegeAcademicBenchmark(
                    college_id=school.science.id,
                    term="2025-2026-1",
                    grade=2024,
                    median_gpa=3.2,
                    pass_rate=90.0,
                ),
                CollegeAcademicBenchmark(
                    college_id=school.science.id,
                    term="2024-2025-1",
                    grade=2024,
                    median_gpa=3.0,
                    pass_rate=88.0,
                ),
            ]
        )
        mentor = next(m for m in db.mentors.list() if m.name == "钱导师")
        db.repository(SupportLogEntry.RECORD_TYPE).create(
            SupportLogEntry(
                student_id=ids["s1"],
                mentor_id=mentor.id,
                log_date=date(2025, 11, 10),
                form="heart_to_heart",
                duration_minutes=45,
                summary="谈心",
            )
        )

        def evaluation(year: str, day: date) -> IdentificationEvaluation:
            return IdentificationEvaluation(
                college_id=school.arts.id,
                academic_year=year,
                held_on=day,
                participants=20,
                students_evaluated=5,
                conclusion="认定准确",
            )

        db.repository(IdentificationEvaluation.RECORD_TYPE).create_many(
            [evaluation(YEAR, date(2025, 10, 20)), evaluation("2024-2025", date(2024, 10, 20))]
        )
        db.repository(OneToOneTalk.RECORD_TYPE).create_many(
            [
                OneToOneTalk(student_id=ids["s1"], talked_on=date(2025, 10, 1), topics="学业"),
                OneToOneTalk(student_id=ids["s1"], talked_on=date(2026, 4, 1), topics="生活"),
                OneToOneTalk(student_id=ids["s4"], talked_on=date(2026, 8, 31), topics="就业"),
                OneToOneTalk(student_id=ids["s4"], talked_on=date(2025, 8, 31), topics="就业"),
            ]
        )
        db.repository(IntegrityActivity.RECORD_TYPE).create(
            IntegrityActivity(
                college_id=school.arts.id, held_on=date(2025, 11, 1), title="诚信主题班会", participants=30
            )
        )
        db.repository(StaffTraining.RECORD_TYPE).create(
            StaffTraining(
                held_on=date(2026, 3, 1), title="资助政策培训", trainees=["王老师"], hours=Decimal("4.5")
            )
        )
        db.repository(ResearchProject.RECORD_TYPE).create(
            ResearchProject(
                college_id=school.science.id,
                title="资助育人研究",
                leader="李老师",
                started_on=date(2024, 6, 1),
            )
        )
