"""Visit planning: regions from 生源地, grouping of the 待家访 list, planned dates, done or not."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.store.store import Store
from desktop.store.visit_planning import (
    UNKNOWN,
    Region,
    RegionGroup,
    home_province,
    pending_by_region,
    region_order,
    set_planned_date,
    split_region,
    trip_plan,
)
from sync.records import Student
from tests.desktop.store.coverage_fixture import YEAR, identification, visit


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("江苏省徐州市丰县", Region("江苏省", "徐州市", "丰县")),
        ("江苏省 宿迁市 沭阳县", Region("江苏省", "宿迁市", "沭阳县")),
        ("广西壮族自治区百色市德保县", Region("广西壮族自治区", "百色市", "德保县")),
        ("上海市浦东新区", Region("上海市", "上海市", "浦东新区")),
        ("新疆维吾尔自治区伊犁哈萨克自治州伊宁县", Region("新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁县")),
        ("江苏省苏州市常熟市", Region("江苏省", "苏州市", "常熟市")),
        ("徐州", Region("徐州")),
        ("", Region(UNKNOWN)),
    ],
)
def test_split_region(text: str, region: Region) -> None:
    assert split_region(text) == region


def test_region_label() -> None:
    assert Region("上海市", "上海市", "浦东新区").label == "上海市浦东新区"
    assert Region(UNKNOWN).label == UNKNOWN


@pytest.fixture
def students(store: Store) -> dict[str, Student]:
    made = {
        "a": Student(student_no="A1", name="甲", origin_place="江苏省徐州市丰县"),
        "b": Student(student_no="A2", name="乙", origin_place="江苏省徐州市丰县", is_new_student=True),
        "c": Student(student_no="A3", name="丙", origin_place="安徽省阜阳市临泉县"),
        "d": Student(student_no="A4", name="丁", origin_place=""),
        "e": Student(student_no="A5", name="戊", origin_place="江苏省徐州市沛县"),
    }
    with store.session() as s:
        s.students.create_many(list(made.values()))
        s.identifications.create_many(
            [
                identification(made["a"].id, YEAR, "difficult"),
                identification(made["b"].id, YEAR, None, visit_before_identification=True),
                identification(made["c"].id, YEAR, "especially_difficult"),
                identification(made["d"].id, YEAR, "difficult"),
                identification(made["e"].id, YEAR, "difficult"),
            ]
        )
        s.visits.create(visit(made["e"].id, date(2025, 10, 1)))
    return made


def test_pending_grouped_by_region(store: Store, students: dict[str, Student]) -> None:
    with store.session() as s:
        groups = pending_by_region(s, YEAR)
    # 江苏 is home (most students come from it), then the others by GB/T 2260 code.
    assert [group.region.label for group in groups] == ["江苏省徐州市丰县", "安徽省阜阳市临泉县", UNKNOWN]
    fengxian = groups[0]
    assert [student.student_no for student in fengxian.students] == ["A2", "A1"]  # 先家访后认定 first
    assert fengxian.students[0].visit_first


def test_planned_dates_and_trip(store: Store, students: dict[str, Student]) -> None:
    with store.session() as s:
        set_planned_date(s, YEAR, [students["a"].id, students["b"].id], date(2026, 1, 20))
        set_planned_date(s, YEAR, [students["c"].id], date(2026, 1, 22))
        with pytest.raises(ValueError, match="计划日期应在 2025-2026 学年内"):
            set_planned_date(s, YEAR, [students["c"].id], date(2026, 9, 2))
    with store.session() as s:
        groups = pending_by_region(s, YEAR)
        assert groups[0].planned == 2  # 丰县 (home province first)
        # the trip happened: A1 was visited, A2 not yet
        s.visits.create(visit(students["a"].id, date(2026, 1, 20), mode="on_site"))
    with store.session() as s:
        plan = trip_plan(s, YEAR)
        january_20 = trip_plan(s, YEAR, date_from=date(2026, 1, 20), date_to=date(2026, 1, 20))
        set_planned_date(s, YEAR, [students["c"].id], None)
        after_unplan = trip_plan(s, YEAR)
    assert [(row.student_no, row.done) for row in plan] == [("A1", True), ("A2", False), ("A3", False)]
    assert plan[0].visited_on == date(2026, 1, 20)
    assert plan[1].visit_first
    assert [row.student_no for row in january_20] == ["A1", "A2"]
    assert [row.student_no for row in after_unplan] == ["A1", "A2"]
    with store.session() as s:
        labels = [g.region.label for g in pending_by_region(s, YEAR)]
        assert labels[:2] == ["江苏省徐州市丰县", "安徽省阜阳市临泉县"]  # A2 still to visit in 丰县


def test_provinces_home_first_then_by_gb_t_2260_code() -> None:
    groups = [
        RegionGroup(Region(UNKNOWN)),
        RegionGroup(Region("浙江省", "温州市", "泰顺县")),
        RegionGroup(Region("北京市", "北京市", "延庆区")),
        RegionGroup(Region("安徽省", "阜阳市", "临泉县")),
        RegionGroup(Region("江苏省", "徐州市", "沛县")),
        RegionGroup(Region("江苏省", "徐州市", "丰县")),
        RegionGroup(Region("广西壮族自治区", "百色市", "德保县")),
    ]
    ordered = sorted(groups, key=region_order("安徽省"))
    assert [g.region.label for g in ordered] == [
        "安徽省阜阳市临泉县",  # home first
        "北京市延庆区",  # 11
        "江苏省徐州市丰县",  # 32 (counties in pinyin order: feng before pei)
        "江苏省徐州市沛县",
        "浙江省温州市泰顺县",  # 33
        "广西壮族自治区百色市德保县",  # 45
        UNKNOWN,
    ]


def test_home_province_is_where_most_students_come_from(store: Store, students: dict[str, Student]) -> None:
    with store.session() as s:
        assert home_province(s) == "江苏省"
        groups = pending_by_region(s, YEAR)
    assert groups[0].region.province == "江苏省"
    assert groups[-1].region.province == UNKNOWN
