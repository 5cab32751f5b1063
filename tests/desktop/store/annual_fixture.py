"""The hand-built school of coverage_fixture.py with what the annual report adds: aid of several items and
funding sources, rewards of several kinds, a wish-list catalogue and wish lists in every state.

Expected for 2025-2026, school scope (see test_annual_figures.py):
aid: 助学金 2 人次 2 人 7700.00 (s4 3300 no source, s1 4400 中央财政); 勤工助学 1/1 1200.00 (s1, 学校事业收入);
     绿色通道 1/1 0.00 (s2, no amount, 中央财政); 临时困难补助 1/1 800.00 (s7, 社会捐赠);
     奖学金 1/1 5000.00 (s5, 省级财政); last year's aid of s6 not counted. Total 6 人次, 5 人, 14700.00.
rewards: 公开表彰 2/2 (s1, s4; no value); 奖学金 1/1 2000.00 (s2); 研学机会 1/1 500.00 (s1). Total 4, 3 人, 2500.00.
wishes: s1 [心理咨询, 学业辅导] 已完成; s2 [学业辅导] 进行中; s4 [简历指导] 待受理; s7 [心理咨询] 无法满足;
     s3's list of 2024-2025 not counted. 4 students, 5 wishes.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.store.store import Store
from sync.records import GrowthReward, GuaranteeAid, WishCatalogItem, WishSelection
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
    return {"心理咨询": psych.id, "学业辅导": study.id, "简历指导": resume.id}
