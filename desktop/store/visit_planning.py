"""Planning a home-visit trip: the 待家访 list grouped by home region, planned dates, what was done.

    groups = pending_by_region(session, "2025-2026")          # province / city / county, counts
    set_planned_date(session, "2025-2026", [student_id], date(2026, 1, 20))
    rows = trip_plan(session, "2025-2026")                    # planned students, done or not yet

The region comes from the student's 生源地 ("江苏省徐州市丰县"). A planned date is the counselor's own
working note: it is kept in this store's local ``visit_plan`` table (encrypted, never synced), one per
student and academic year. A planned student counts as done once a submitted visit of that academic year exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text

from desktop.store.coverage import CoverageScope, Measure, missing_students
from desktop.store.repositories.session import StoreSession
from desktop.store.search import name_sort_key
from sync.records import VisitStatus, academic_year_bounds

UNKNOWN = "（未填写生源地）"

# GB/T 2260 codes of the provincial-level divisions: provinces are listed in this order (the school's
# own province first), as on every official Chinese form.
PROVINCE_CODES: dict[str, int] = {
    "北京市": 11, "天津市": 12, "河北省": 13, "山西省": 14, "内蒙古自治区": 15,
    "辽宁省": 21, "吉林省": 22, "黑龙江省": 23,
    "上海市": 31, "江苏省": 32, "浙江省": 33, "安徽省": 34, "福建省": 35, "江西省": 36, "山东省": 37,
    "河南省": 41, "湖北省": 42, "湖南省": 43, "广东省": 44, "广西壮族自治区": 45, "海南省": 46,
    "重庆市": 50, "四川省": 51, "贵州省": 52, "云南省": 53, "西藏自治区": 54,
    "陕西省": 61, "甘肃省": 62, "青海省": 63, "宁夏回族自治区": 64, "新疆维吾尔自治区": 65,
    "台湾省": 71, "香港特别行政区": 81, "澳门特别行政区": 82,
}  # fmt: skip

_PROVINCE = re.compile(r"^(北京市|天津市|上海市|重庆市|.+?(?:省|自治区|特别行政区))")
_CITY = re.compile(r"^(.+?(?:自治州|地区|盟|市))")
_COUNTY = re.compile(r"^(.+?(?:自治县|自治旗|县|区|市|旗|林区|特区))")


@dataclass(frozen=True, order=True)
class Region:
    province: str
    city: str = ""
    county: str = ""

    @property
    def label(self) -> str:
        parts = [self.province, self.city if self.city != self.province else "", self.county]
        return "".join(part for part in parts if part) or UNKNOWN


def split_region(origin_place: str) -> Region:
    """ "江苏省徐州市丰县" -> (江苏省, 徐州市, 丰县); "上海市浦东新区" -> (上海市, 上海市, 浦东新区)."""
    rest = re.sub(r"\s+", "", origin_place or "")
    if not rest:
        return Region(UNKNOWN)
    match = _PROVINCE.match(rest)
    if match is None:
        return Region(rest)
    province = match.group(1)
    rest = rest[len(province) :]
    if province in ("北京市", "天津市", "上海市", "重庆市"):
        city = province
    else:
        city_match = _CITY.match(rest)
        city = city_match.group(1) if city_match else ""
        rest = rest[len(city) :]
    county_match = _COUNTY.match(rest)
    county = county_match.group(1) if county_match else rest
    return Region(province, city, county)


@dataclass(frozen=True)
class PlanStudent:
    id: str
    student_no: str
    name: str
    college: str
    class_name: str
    origin_place: str
    region: Region
    visit_first: bool  # 先家访后认定: a new student whose level waits for this visit
    is_new_student: bool
    planned_on: date | None = None
    visited_on: date | None = None  # the latest submitted visit of the academic year

    @property
    def done(self) -> bool:
        return self.visited_on is not None


@dataclass
class RegionGroup:
    region: Region
    students: list[PlanStudent] = field(default_factory=list)

    @property
    def planned(self) -> int:
        return sum(1 for student in self.students if student.planned_on is not None)


# -- planned dates (the local visit_plan table) -----------------------------------------------------------
def planned_dates(session: StoreSession, academic_year: str) -> dict[str, date]:
    """Student id -> planned visit date for the academic year."""
    return session.visit_plans.for_year(academic_year)


def set_planned_date(
    session: StoreSession, academic_year: str, student_ids: Iterable[str], day: date | None
) -> None:
    """Plan (or, with ``None``, unplan) a visit date for students; the date must fall in the year."""
    if day is None:
        session.visit_plans.unplan(academic_year, student_ids)
        return
    first, last = academic_year_bounds(academic_year)
    if not first <= day <= last:
        raise ValueError(f"计划日期应在 {academic_year} 学年内（{first.isoformat()} 至 {last.isoformat()}）")
    session.visit_plans.plan(academic_year, student_ids, day)


# -- the lists -------------------------------------------------------------------------------------------
def pending_by_region(
    session: StoreSession,
    academic_year: str,
    scope: CoverageScope | None = None,
    *,
    today: date | None = None,
) -> list[RegionGroup]:
    """The 待家访 list (disadvantaged, no visit this year) grouped by county, sorted by region.

    Inside a county: 先家访后认定 new students first, then by planned date, then by 学号.
    """
    plans = planned_dates(session, academic_year)
    missing = missing_students(
        session, academic_year, scope, Measure.VISITS, include_key_support=False, today=today
    )
    groups: dict[Region, RegionGroup] = {}
    for row in missing:
        region = split_region(row.origin_place)
        student = PlanStudent(
            id=row.id,
            student_no=row.student_no,
            name=row.name,
            college=row.college,
            class_name=row.class_name,
            origin_place=row.origin_place,
            region=region,
            visit_first=row.visit_first,
            is_new_student=row.is_new_student,
            planned_on=plans.get(row.id),
        )
        groups.setdefault(region, RegionGroup(region)).students.append(student)
    for group in groups.values():
        group.students.sort(
            key=lambda s: (not s.visit_first, s.planned_on is None, s.planned_on or date.max, s.student_no)
        )
    return sorted(groups.values(), key=region_order(home_province(session)))


def home_province(session: StoreSession) -> str:
    """The school's province, as its students' 生源地 tell it: the province most of them come from."""
    rows = session.db.execute(
        text("SELECT origin_place, count(*) FROM student WHERE deleted = 0 GROUP BY origin_place")
    )
    counts: dict[str, int] = {}
    for place, count in rows:
        province = split_region(str(place or "")).province
        if province in PROVINCE_CODES:
            counts[province] = counts.get(province, 0) + int(count)
    return max(counts, key=lambda p: (counts[p], -PROVINCE_CODES[p])) if counts else ""


def region_order(home: str) -> Callable[[RegionGroup], tuple[object, ...]]:
    """Home province first, then the others by GB/T 2260 code, an unknown 生源地 last; cities and
    counties inside a province in pinyin order."""

    def key(group: RegionGroup) -> tuple[object, ...]:
        region = group.region
        code = PROVINCE_CODES.get(region.province, 99)
        return (
            region.province == UNKNOWN,
            region.province != home,
            code,
            region.province,
            name_sort_key(region.city),
            name_sort_key(region.county),
        )

    return key


def latest_visits(session: StoreSession, academic_year: str, student_ids: Sequence[str]) -> dict[str, date]:
    """Student id -> date of the latest submitted visit in the academic year."""
    first, last = academic_year_bounds(academic_year)
    found: dict[str, date] = {}
    for start in range(0, len(student_ids), 500):
        chunk = list(student_ids[start : start + 500])
        marks = ", ".join(f":s{i}" for i in range(len(chunk)))
        rows = session.db.execute(
            text(
                "SELECT student_id, max(visit_date) AS day FROM home_visit "
                f"WHERE student_id IN ({marks}) AND deleted = 0 AND status != :draft "
                "AND visit_date >= :first AND visit_date <= :last GROUP BY student_id"
            ),
            {
                **{f"s{i}": sid for i, sid in enumerate(chunk)},
                "draft": VisitStatus.DRAFT.value,
                "first": first.isoformat(),
                "last": last.isoformat(),
            },
        )
        for row in rows:
            found[row.student_id] = date.fromisoformat(str(row.day))
    return found


def trip_plan(
    session: StoreSession,
    academic_year: str,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[PlanStudent]:
    """The planned students (between two dates if given) with what was done, by date then region."""
    plans = {
        student_id: day
        for student_id, day in planned_dates(session, academic_year).items()
        if (date_from is None or day >= date_from) and (date_to is None or day <= date_to)
    }
    if not plans:
        return []
    ids = list(plans)
    visited = latest_visits(session, academic_year, ids)
    colleges = {college.id: college.name for college in session.colleges.list()}
    rows: list[PlanStudent] = []
    for start in range(0, len(ids), 500):
        for student in session.students.list(where={"id": ids[start : start + 500]}):
            identification = session.identifications.for_year(student.id, academic_year)
            visit_first = bool(
                identification
                and identification.visit_before_identification
                and identification.level is None
                and student.id not in visited
            )
            rows.append(
                PlanStudent(
                    id=student.id,
                    student_no=student.student_no,
                    name=student.name,
                    college=colleges.get(student.college_id or "", ""),
                    class_name=student.class_name,
                    origin_place=student.origin_place,
                    region=split_region(student.origin_place),
                    visit_first=visit_first,
                    is_new_student=student.is_new_student,
                    planned_on=plans[student.id],
                    visited_on=visited.get(student.id),
                )
            )
    return sorted(rows, key=lambda r: (r.planned_on or date.max, r.region, r.student_no))
