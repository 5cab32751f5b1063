"""One synthetic student and everything recorded about them over three academic years.

Each student is generated from their own ``random.Random`` (seeded with the demo seed and the
student's index), so the result does not depend on how students are split into chunks.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from sync.demo import phrases as P
from sync.demo.activities import student_talks
from sync.demo.names import given_name, surname, uyghur_name
from sync.demo.notes import Context, base_context, fill, follow_up_note, pool_without, sentences
from sync.demo.outcomes import student_outcomes
from sync.demo.people import Member, age_on, build_household, fake_mobile
from sync.demo.record_ids import demo_id
from sync.demo.regions import ethnicity, home_address, pick_county, town_name
from sync.demo.school import CollegeStaff, DemoSchool
from sync.records.academic import academic_year_bounds, academic_year_starting, first_year_of
from sync.records.aid import GiveBackActivity, GrowthReward, GuaranteeAid
from sync.records.base import Record
from sync.records.enums import (
    AidType,
    ConfirmationMethod,
    DifficultyType,
    FlagAction,
    FlagKind,
    FlagStatus,
    Gender,
    GiveBackKind,
    HardshipCause,
    HousingType,
    HukouType,
    IdentificationBasis,
    IdentificationLevel,
    IdentificationStatus,
    IncomeSource,
    ParticipantRole,
    Policy,
    PoliticalStatus,
    RewardForm,
    RewardKind,
    SessionKind,
    SpecialGroup,
    SupportForm,
    TriState,
    VisitCategory,
    VisitMode,
    VisitorRole,
    VisitStatus,
    WishChannel,
    WishFiller,
    WishListState,
    WishPriority,
    WishStatus,
)
from sync.records.id_numbers import check_char
from sync.records.monitoring import MonitoringFlag
from sync.records.people import Mentor, User
from sync.records.record_numbers import format_record_no
from sync.records.students import FamilyMember, Identification, IdentificationChange, Student
from sync.records.support import (
    KeySupport,
    MentorAssignment,
    Participant,
    RescueSession,
    ReviewRecord,
    SupportLogEntry,
)
from sync.records.visits import (
    ONLINE_MODES,
    HomeVisit,
    HouseholdMember,
    Interviewee,
    Visitor,
)
from sync.records.wishes import WishSelection

CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")
LEVELS = (
    IdentificationLevel.ESPECIALLY_DIFFICULT,
    IdentificationLevel.DIFFICULT,
    IdentificationLevel.GENERALLY_DIFFICULT,
)
_GRANT_BY_LEVEL = {
    IdentificationLevel.ESPECIALLY_DIFFICULT: Decimal(4400),
    IdentificationLevel.DIFFICULT: Decimal(3300),
    IdentificationLevel.GENERALLY_DIFFICULT: Decimal(2200),
}
_DIFFICULTY_WEIGHTS = {
    DifficultyType.PSYCHOLOGICAL: 25,
    DifficultyType.ACADEMIC: 30,
    DifficultyType.EMPLOYMENT: 14,
    DifficultyType.MORAL_BEHAVIOUR: 6,
    DifficultyType.COMPREHENSIVE_QUALITY: 14,
    DifficultyType.FAMILY_GUIDANCE: 8,
    DifficultyType.SPECIAL_EDUCATION: 3,
}
_MODE_WEIGHTS = {
    VisitCategory.ANNUAL_COVERAGE: (30, 12, 22, 22, 14),
    VisitCategory.PRE_IDENTIFICATION: (55, 5, 15, 17, 8),
    VisitCategory.KEY_SUPPORT_FOLLOW_UP: (10, 40, 20, 20, 10),
    VisitCategory.SUDDEN_HARDSHIP: (35, 5, 35, 17, 8),
}
_MODES = tuple(VisitMode)
_POLITICAL_STATUSES = tuple(PoliticalStatus)
_SUPPORT_FORMS = tuple(SupportForm)
_DIFFICULTY_TYPES = tuple(DifficultyType)
_POLICIES = tuple(Policy)
_HOUSING_TYPES = tuple(HousingType)
_WISH_STATUSES = tuple(WishStatus)
_WISH_PRIORITIES = tuple(WishPriority)
_REWARD_KINDS = tuple(RewardKind)
_GIVE_BACK_KINDS = tuple(GiveBackKind)
_FLAG_KINDS = tuple(FlagKind)
_FLAG_STATUSES = tuple(FlagStatus)
_DURATION = {
    VisitMode.ON_SITE: (60, 180),
    VisitMode.AT_SCHOOL: (30, 90),
    VisitMode.PHONE: (15, 60),
    VisitMode.VIDEO: (20, 70),
    VisitMode.WECHAT_QQ: (15, 50),
}
_GIFT_ITEMS = (
    "大米一袋、食用油一桶",
    "书包和学习用品一套",
    "冬衣一件",
    "慰问品一份",
    "牛奶两箱、水果一箱",
    "棉被一床",
)
_WORK_STUDY_POSTS = (
    "图书馆助理",
    "学院办公室助理",
    "实验室管理助理",
    "食堂服务岗",
    "档案整理岗",
    "学生发展支持中心助理",
)
_CAUSE_WORDS = {
    HardshipCause.ILLNESS: "家庭成员患病",
    HardshipCause.DISABILITY: "家庭成员残疾",
    HardshipCause.DISASTER: "自然灾害",
    HardshipCause.SINGLE_PARENT: "单亲",
    HardshipCause.WEAK_LABOUR: "家庭劳动力弱",
    HardshipCause.EMERGENCY: "突发事件",
    HardshipCause.OTHER: "多种因素叠加",
}


@dataclass
class StudentBundle:
    """The records of one student plus what the block-level case conferences need."""

    records: list[Record] = field(default_factory=list)
    college: CollegeStaff | None = None
    counselor: User | None = None
    key_support: KeySupport | None = None
    mentor: Mentor | None = None


@dataclass
class _Year:
    first: int
    start: date
    end: date  # last day that may carry records (the year's end, or today)
    level: IdentificationLevel | None = None
    emergency: bool = False
    visits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return academic_year_starting(self.first)

    @property
    def disadvantaged(self) -> bool:
        return self.level is not None and self.level != IdentificationLevel.NOT_DIFFICULT


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end]; ``start`` when the range is empty."""
    span = (end - start).days
    return start if span <= 0 else start + timedelta(days=rng.randint(0, span))


def synthetic_id_number(rng: random.Random, region: str, birth: date, gender: Gender) -> str:
    """A checksum-valid FAKE resident ID number: home county code, birth date, gender digit."""
    parity = rng.choice("13579") if gender == Gender.MALE else rng.choice("02468")
    first17 = f"{region}{birth:%Y%m%d}{rng.randrange(100):02d}{parity}"
    return first17 + check_char(first17)


class StudentMaker:
    """Makes one student's records; ``make(index)`` is a pure function of (seed, index, today)."""

    def __init__(self, school: DemoSchool) -> None:
        self.school = school
        self.today = school.today
        current = school.current_year
        self.current_first = first_year_of(current)
        self.weights = [staff.spec.weight for staff in school.colleges]
        self.catalog_by_category: dict[DifficultyType, list[str]] = {}
        for item in school.catalog:
            if item.active:
                self.catalog_by_category.setdefault(item.category, []).append(item.id)

    # -- the student ------------------------------------------------------------------------------
    def make(self, index: int) -> StudentBundle:
        rng = random.Random(f"jiafang-demo:{self.school.seed}:student:{index}")
        return _StudentRun(self, rng, index).run()


class _StudentRun:
    """The state of generating one student (kept out of StudentMaker so that makers are reusable)."""

    def __init__(self, maker: StudentMaker, rng: random.Random, index: int) -> None:
        self.maker = maker
        self.rng = rng
        self.index = index
        self.today = maker.today
        self.bundle = StudentBundle()
        self._numbered: dict[int, int] = {}  # visits numbered per calendar year

    # The order of the steps is part of the seed contract: changing it changes every student.
    def run(self) -> StudentBundle:
        rng = self.rng
        maker = self.maker
        staff = rng.choices(maker.school.colleges, weights=maker.weights)[0]
        self.staff = staff
        self.bundle.college = staff
        self._profile(staff)
        self._years()
        self._identifications()
        self._key_support()
        self._visits()
        self._wishes()
        self._build_visits()
        self._aid_and_rewards()
        self._give_back()
        self._flags()
        self._outcomes()
        self._talks()
        return self.bundle

    # -- profile and family -----------------------------------------------------------------------
    def _profile(self, staff: CollegeStaff) -> None:
        rng, maker = self.rng, self.maker
        first = maker.current_first
        grade = rng.choices((first - 3, first - 2, first - 1, first), (23, 24, 25, 28))[0]
        self.grade = grade
        self.is_new = grade == first
        major_index = rng.randrange(len(staff.spec.majors))
        major = staff.spec.majors[major_index]
        class_no = rng.randint(1, 3 if len(staff.spec.majors) > 3 else 4)
        counselor = staff.counselors[(grade * 3 + major_index * 5 + class_no) % len(staff.counselors)]
        self.counselor = counselor
        self.bundle.counselor = counselor
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        county = pick_county(rng)
        self.county = county
        nation = ethnicity(rng, county)
        uyghur = nation == "维吾尔族"
        family_name = surname(rng)
        name = uyghur_name(rng, gender) if uyghur else family_name + given_name(rng, gender)
        self.name = name
        self.call = (
            rng.choice((f"{name}同学", "该生", "该生", "孩子")) if not uyghur else f"{name.split('·')[0]}同学"
        )
        birth_year = grade - rng.choices((17, 18, 19, 20), (4, 70, 21, 5))[0]
        birth = date(birth_year, 1, 1) + timedelta(days=rng.randrange(365))
        self.birth = birth
        rural = rng.random() < (0.25 if county.urban else 0.88)
        self.rural = rural
        self.town = town_name(rng)
        self.severity = rng.random()
        self.base_level = 0 if self.severity > 0.72 else 1 if self.severity > 0.3 else 2
        self.house = build_household(
            rng,
            student_age=age_on(birth, self.today),
            family_name=family_name,
            severity=self.severity,
            rural=rural,
            uyghur=uyghur,
            county_name=county.county,
            work_cities=P.WORK_CITIES,
        )
        guardian = self.house.guardian()
        self.guardian = guardian
        self.truth = self._special_group_truth()
        years_in = first - grade
        political = rng.choices(
            _POLITICAL_STATUSES,
            (0.5 + 3 * years_in, 1 + 3 * years_in, 78, 1.2, 16),
        )[0]
        student = Student(
            id=demo_id(rng, date(grade, 8, rng.randint(10, 28))),
            student_no=f"{grade % 100:02d}{staff.spec.code}{self.index + 1:06d}",
            name=name,
            gender=gender,
            ethnicity=nation,
            birth_date=birth,
            id_number=synthetic_id_number(rng, county.code, birth, gender),
            college_id=staff.college.id,
            major=major.name,
            grade=grade,
            class_name=f"{major.short}{grade % 100:02d}{class_no:02d}班",
            political_status=political,
            hukou_type=HukouType.RURAL if rural else HukouType.URBAN,
            origin_place=county.origin_place,
            home_address=home_address(rng, county, self.town, rural, family_name),
            phone=fake_mobile(rng),
            parent_phone=fake_mobile(rng) if guardian is not None else None,
            high_school=f"{county.county}{rng.choice(('第一中学', '第二中学', '高级中学', '实验中学', '中学'))}",
            talents="、".join(rng.sample(P.HOBBIES, rng.choice((0, 1, 1, 2)))),
            counselor_id=counselor.id,
            is_new_student=self.is_new,
        )
        self.student = student
        self.bundle.records.append(student)
        self.members: list[tuple[Member, FamilyMember]] = []
        for member in self.house.members:
            record = FamilyMember(
                id=demo_id(rng, date(grade, 9, rng.randint(1, 20))),
                student_id=student.id,
                name=member.name,
                age=member.age,
                relationship=member.relationship,
                employer=member.employer,
                occupation=member.occupation,
                annual_income=Decimal(member.income) if member.present else None,
                health=member.health,
                status=member.status,
                note=member.note,
            )
            self.members.append((member, record))
            self.bundle.records.append(record)

    def _special_group_truth(self) -> dict[SpecialGroup, bool]:
        rng, house, sev = self.rng, self.house, self.severity
        dibao = rng.random() < 0.04 + 0.25 * sev
        return {
            SpecialGroup.POVERTY_ALLEVIATED: self.rural and rng.random() < 0.1 + 0.3 * sev,
            SpecialGroup.DIBAO: dibao,
            SpecialGroup.DIBAO_MARGINAL: not dibao and rng.random() < 0.08,
            SpecialGroup.EXTREME_POVERTY_SUPPORT: (house.orphan and rng.random() < 0.6)
            or rng.random() < 0.006,
            SpecialGroup.ORPHAN: house.orphan,
            SpecialGroup.DISABLED: house.disabled_member or rng.random() < 0.012,
            SpecialGroup.MARTYR_FAMILY: rng.random() < 0.008,
            SpecialGroup.POOR_WORKER_CHILD: not self.rural and rng.random() < 0.3,
            SpecialGroup.SINGLE_PARENT: house.single_parent,
            SpecialGroup.SERIOUS_ILLNESS: rng.random() < 0.015,
        }

    def _groups(self, unknown_share: float) -> dict[SpecialGroup, TriState]:
        rng = self.rng
        return {
            group: TriState.UNKNOWN
            if rng.random() < unknown_share
            else (TriState.YES if known else TriState.NO)
            for group, known in self.truth.items()
        }

    # -- years and identification -----------------------------------------------------------------
    def _years(self) -> None:
        rng, maker = self.rng, self.maker
        self.years: list[_Year] = []
        level = self.base_level
        first_years = [y for y in range(maker.current_first - 2, maker.current_first + 1) if y >= self.grade]
        roll = rng.random()
        # The student's current-year situation.
        self.pending_new = self.is_new and roll < 0.12  # 先家访后认定, not visited yet
        self.visit_first = self.is_new and roll < 0.75  # 先家访后认定 (visited or not)
        self.exited_aid = not self.is_new and 0.75 <= roll < 0.80  # no longer identified this year
        for first in first_years:
            start, end = academic_year_bounds(academic_year_starting(first))
            year = _Year(first, start, min(end, self.today))
            if first > first_years[0] and rng.random() < 0.2:
                level = max(0, min(2, level + rng.choice((-1, 1))))
            year.level = LEVELS[level]
            year.emergency = rng.random() < 0.04
            self.years.append(year)
        current = self.years[-1]
        if self.pending_new:
            current.level = None
        elif self.exited_aid:
            current.level = IdentificationLevel.NOT_DIFFICULT
        self.current = current

    def _identifications(self) -> None:
        rng = self.rng
        director = self.staff.director
        self.identifications: list[Identification] = []
        for year in self.years:
            first = year.first
            is_current = year is self.current
            steps = [
                (IdentificationStatus.APPLIED, date(first, 9, rng.randint(5, 25)), self.counselor.id),
                (IdentificationStatus.COLLEGE_REVIEW, date(first, 10, rng.randint(1, 12)), self.counselor.id),
                (
                    IdentificationStatus.PUBLICIZED,
                    date(first, 10, rng.randint(13, 20)),
                    director and director.id,
                ),
                (
                    IdentificationStatus.IDENTIFIED,
                    date(first, 10, rng.randint(21, 31)),
                    director and director.id,
                ),
                (IdentificationStatus.ARCHIVED, date(first, 11, rng.randint(5, 30)), self.counselor.id),
            ]
            if is_current and self.visit_first:
                # The visit comes first; the steps move back by the time the visit took.
                self.pre_visit_day = day_between(rng, date(first, 9, 3), date(first, 10, 8))
                steps = [
                    (status, max(day, self.pre_visit_day + timedelta(days=n)), by)
                    for n, (status, day, by) in enumerate(steps, start=1)
                ]
            steps = [step for step in steps if step[1] <= self.today]
            if is_current and self.pending_new:
                steps = steps[:1]
            elif is_current and len(steps) > 1 and rng.random() < 0.06:
                steps = steps[:-1]  # still waiting for the next step
            if not steps:
                steps = [
                    (
                        IdentificationStatus.APPLIED,
                        year.start if year.start <= self.today else self.today,
                        self.counselor.id,
                    )
                ]
            status = steps[-1][0]
            decided = status in (
                IdentificationStatus.PUBLICIZED,
                IdentificationStatus.IDENTIFIED,
                IdentificationStatus.ARCHIVED,
            )
            if not decided and year.level != IdentificationLevel.NOT_DIFFICULT:
                year.level = None
            history = [
                IdentificationChange(
                    changed_on=day,
                    status=step_status,
                    level=year.level if step_status != IdentificationStatus.APPLIED else None,
                    semester=f"{year.name}学年第一学期",
                    note="" if step_status != IdentificationStatus.PUBLICIZED else "公示五个工作日，无异议",
                    changed_by_id=by,
                )
                for step_status, day, by in steps
            ]
            spring = date(first + 1, 3, rng.randint(1, 31))
            if decided and year.disadvantaged and spring <= self.today and rng.random() < 0.1:
                index = LEVELS.index(year.level) if year.level in LEVELS else 1
                new_level = LEVELS[max(0, min(2, index + rng.choice((-1, 1))))]
                history.append(
                    IdentificationChange(
                        changed_on=spring,
                        status=status,
                        level=new_level,
                        semester=f"{year.name}学年第二学期",
                        note=rng.choice(
                            (
                                "学期动态调整：家庭突发变故",
                                "学期动态调整：家庭经济状况好转",
                                "学期动态调整：经民主评议复核",
                            )
                        ),
                        changed_by_id=director and director.id,
                    )
                )
                year.level = new_level
            first_of_student = year is self.years[0]
            causes = self._causes(year)
            groups = self._groups(
                0.3 if first_of_student and self.is_new else 0.12 if first_of_student else 0.04
            )
            basis = [
                IdentificationBasis.DOCUMENTS,
                *rng.sample(
                    (
                        IdentificationBasis.INTERVIEW,
                        IdentificationBasis.DEMOCRATIC_REVIEW,
                        IdentificationBasis.BIG_DATA,
                        IdentificationBasis.OTHER,
                    ),
                    rng.choice((0, 1, 1, 2)),
                ),
            ]
            will_visit = (is_current and self.visit_first and not self.pending_new) or rng.random() < 0.6
            if will_visit:
                basis.insert(0, IdentificationBasis.HOME_VISIT)
            exempt = any(
                self.truth[group]
                for group in (
                    SpecialGroup.DIBAO,
                    SpecialGroup.EXTREME_POVERTY_SUPPORT,
                    SpecialGroup.ORPHAN,
                    SpecialGroup.POVERTY_ALLEVIATED,
                )
            )
            identified_on = next((day for s, day, _ in steps if s == IdentificationStatus.IDENTIFIED), None)
            record = Identification(
                id=demo_id(rng, steps[0][1]),
                student_id=self.student.id,
                academic_year=year.name,
                level=year.level,
                special_groups=groups,
                causes=causes,
                per_capita_income=(Decimal(self.house.income) / self.house.size).quantize(Decimal("0.01")),
                identified_on=identified_on,
                basis=basis,
                without_application=exempt and rng.random() < 0.85,
                visit_before_identification=is_current and self.visit_first,
                status=status,
                history=history,
                note="" if rng.random() < 0.85 else "家庭情况已在家访中逐项核实。",
            )
            self.identifications.append(record)
            self.bundle.records.append(record)

    def _causes(self, year: _Year) -> list[HardshipCause]:
        rng, house = self.rng, self.house
        causes: list[HardshipCause] = []
        if house.ill_member is not None or self.truth[SpecialGroup.SERIOUS_ILLNESS]:
            causes.append(HardshipCause.ILLNESS)
        if house.disabled_member:
            causes.append(HardshipCause.DISABILITY)
        if rng.random() < 0.04:
            causes.append(HardshipCause.DISASTER)
        if house.single_parent or house.orphan:
            causes.append(HardshipCause.SINGLE_PARENT)
        if house.income / house.size < 9000 or rng.random() < 0.3:
            causes.append(HardshipCause.WEAK_LABOUR)
        if year.emergency:
            causes.append(HardshipCause.EMERGENCY)
        if not causes or rng.random() < 0.03:
            causes.append(HardshipCause.OTHER)
        return causes

    # -- key support -------------------------------------------------------------------------------
    def _key_support(self) -> None:
        rng, today = self.rng, self.today
        self.key: KeySupport | None = None
        self.key_types: list[DifficultyType] = []
        current = self.current
        roll = rng.random()
        eligible = current.disadvantaged
        if not eligible or roll >= 0.125:
            return
        exited = roll < 0.02 and not self.is_new
        earliest = max(self.years[0].start, current.start - timedelta(days=730))
        if self.is_new:
            earliest = max(earliest, current.start + timedelta(days=40))
        latest = today - timedelta(days=(200 if exited else 15))
        if latest < earliest:
            return
        started = day_between(rng, earliest, latest)
        types = list(_DIFFICULTY_WEIGHTS)
        weights = list(_DIFFICULTY_WEIGHTS.values())
        if self.grade > self.maker.current_first - 2:  # employment difficulties show in later years
            weights[types.index(DifficultyType.EMPLOYMENT)] = 3
        chosen: set[DifficultyType] = set()
        for _ in range(rng.choices((1, 2, 3), (45, 40, 15))[0]):
            chosen.add(rng.choices(types, weights)[0])
        self.key_types = [kind for kind in types if kind in chosen]
        director = self.staff.director
        people = [name for name in (director.name if director else "", self.counselor.name) if name]
        start_review = ReviewRecord(
            reviewed_on=started,
            participants=people + list(self.staff.college.center_staff[:2]),
            conclusion=rng.choice(P.KEY_START_CONCLUSIONS),
        )
        exited_on = None
        exit_review = None
        if exited:
            exited_on = day_between(rng, started + timedelta(days=120), today)
            exit_review = ReviewRecord(
                reviewed_on=exited_on,
                participants=people,
                conclusion=rng.choice(P.KEY_EXIT_CONCLUSIONS),
            )
        self.key = KeySupport(
            id=demo_id(rng, started),
            student_id=self.student.id,
            difficulty_types=self.key_types,
            started_on=started,
            start_review=start_review,
            exited_on=exited_on,
            exit_review=exit_review,
            note="" if rng.random() < 0.7 else "名单不公开，相关信息仅限帮扶人员知悉。",
        )
        self.bundle.records.append(self.key)
        if not exited:
            self.bundle.key_support = self.key
        self._mentoring()
        self._earlier_rescue()

    def _mentoring(self) -> None:
        rng, today = self.rng, self.today
        key = self.key
        assert key is not None
        if key.active and rng.random() >= 0.92:
            return  # a key-support student still waiting for a mentor (coverage #5 below 100%)
        candidates = [m for m in self.staff.mentors if m.active and set(m.specialties) & set(self.key_types)]
        candidates = (
            candidates or [m for m in self.staff.mentors if m.active] or self.maker.school.school_mentors
        )
        mentor = rng.choice(candidates)
        start = min(today, key.started_on + timedelta(days=rng.randint(3, 20)))
        end_of_support = key.exited_on or today
        assignments: list[tuple[Mentor, date, date | None]] = []
        if rng.random() < 0.12 and len(candidates) > 1 and (end_of_support - start).days > 90:
            handover = start + timedelta(days=rng.randint(30, (end_of_support - start).days - 30))
            earlier = rng.choice([m for m in candidates if m.id != mentor.id])
            assignments.append((earlier, start, handover))
            start = handover + timedelta(days=1)
        assignments.append((mentor, start, key.exited_on))
        for who, begin, until in assignments:
            goals = "；".join(P.MENTOR_GOALS[kind.value] for kind in self.key_types)
            assignment = MentorAssignment(
                id=demo_id(rng, begin),
                student_id=self.student.id,
                mentor_id=who.id,
                key_support_id=key.id,
                from_date=begin,
                to_date=until,
                goals=goals,
                plan=rng.choice(P.MENTOR_PLANS),
            )
            self.bundle.records.append(assignment)
            last = min(until or today, today)
            ctx = base_context(rng, call=self.call)
            for _ in range(rng.randint(1, 6)):
                form = rng.choice(_SUPPORT_FORMS)
                day = day_between(rng, begin, last)
                self.bundle.records.append(
                    SupportLogEntry(
                        id=demo_id(rng, day),
                        student_id=self.student.id,
                        mentor_id=who.id,
                        assignment_id=assignment.id,
                        log_date=day,
                        form=form,
                        duration_minutes=rng.randrange(20, 121, 5),
                        summary=fill(rng.choice(P.LOG_SUMMARY[form.value]), ctx)
                        + f"（{day.month}月{day.day}日）",
                        assessment=rng.choice(P.LOG_ASSESSMENT),
                        next_steps=rng.choice(P.LOG_NEXT),
                    )
                )
        if key.active:
            self.bundle.mentor = mentor
        # An individual rescue-education session this year for a little over half of them.
        current = self.current
        if key.active and rng.random() < 0.55:
            day = day_between(rng, max(current.start, key.started_on), today)
            participants = [
                Participant(
                    name=self.counselor.name, role=ParticipantRole.COUNSELOR, user_id=self.counselor.id
                ),
                Participant(name=mentor.name, role=ParticipantRole.MENTOR, user_id=mentor.user_id),
            ]
            specialist = {
                DifficultyType.PSYCHOLOGICAL: ParticipantRole.PSYCHOLOGY,
                DifficultyType.ACADEMIC: ParticipantRole.ACADEMIC,
                DifficultyType.EMPLOYMENT: ParticipantRole.CAREERS,
            }
            for kind in self.key_types:
                if kind in specialist:
                    participants.append(Participant(name=_someone(rng), role=specialist[kind]))
            self.bundle.records.append(
                RescueSession(
                    id=demo_id(rng, day),
                    kind=SessionKind.RESCUE_EDUCATION,
                    session_date=day,
                    college_id=self.staff.college.id,
                    topic=rng.choice(P.SESSION_TOPICS["rescue_education"]),
                    participants=participants,
                    student_ids=[self.student.id],
                    conclusions=rng.choice(P.SESSION_CONCLUSIONS),
                    measures=rng.choice(P.SESSION_MEASURES),
                )
            )

    def _earlier_rescue(self) -> None:
        """Individual rescue-education sessions in the earlier academic years of the support.

        Drawn from a random stream of their own, so every other record of the student stays as it was.
        """
        key = self.key
        assert key is not None
        rng = random.Random(f"jiafang-demo:{self.maker.school.seed}:student:{self.index}:rescue")
        assignments = [r for r in self.bundle.records if isinstance(r, MentorAssignment)]
        for year in self.years[:-1]:
            if key.started_on > year.end or (key.exited_on is not None and key.exited_on < year.start):
                continue
            if rng.random() >= 0.7:
                continue
            last = min(year.end, key.exited_on or year.end)
            day = day_between(rng, max(year.start, key.started_on), last)
            participants = [
                Participant(
                    name=self.counselor.name, role=ParticipantRole.COUNSELOR, user_id=self.counselor.id
                )
            ]
            for assignment in assignments:
                if assignment.from_date <= day and (assignment.to_date is None or assignment.to_date >= day):
                    mentor = next(m for m in self._all_mentors() if m.id == assignment.mentor_id)
                    participants.append(
                        Participant(name=mentor.name, role=ParticipantRole.MENTOR, user_id=mentor.user_id)
                    )
                    break
            if DifficultyType.PSYCHOLOGICAL in self.key_types:
                participants.append(Participant(name=_someone(rng), role=ParticipantRole.PSYCHOLOGY))
            self.bundle.records.append(
                RescueSession(
                    id=demo_id(rng, day),
                    kind=SessionKind.RESCUE_EDUCATION,
                    session_date=day,
                    college_id=self.staff.college.id,
                    topic=rng.choice(P.SESSION_TOPICS["rescue_education"]),
                    participants=participants,
                    student_ids=[self.student.id],
                    conclusions=rng.choice(P.SESSION_CONCLUSIONS),
                    measures=rng.choice(P.SESSION_MEASURES),
                )
            )

    def _all_mentors(self) -> list[Mentor]:
        return [*self.staff.mentors, *self.maker.school.school_mentors]

    # -- home visits -------------------------------------------------------------------------------
    def _visits(self) -> None:
        rng = self.rng
        key = self.key
        for year in self.years:
            is_current = year is self.current
            last = year.end
            if last < year.start:
                continue
            if is_current and self.visit_first:
                if not self.pending_new:
                    self._visit(year, VisitCategory.PRE_IDENTIFICATION, self.pre_visit_day)
            elif year.disadvantaged or (year.level is None and not is_current):
                if rng.random() < (0.86 if is_current else 0.72):
                    self._visit(year, VisitCategory.ANNUAL_COVERAGE, day_between(rng, year.start, last))
            elif year.level == IdentificationLevel.NOT_DIFFICULT and rng.random() < 0.2:
                self._visit(year, VisitCategory.ANNUAL_COVERAGE, day_between(rng, year.start, last))
            if key is not None and key.active_on(last) and rng.random() < (0.6 if is_current else 0.4):
                begin = max(year.start, key.started_on)
                self._visit(year, VisitCategory.KEY_SUPPORT_FOLLOW_UP, day_between(rng, begin, last))
            if year.emergency and rng.random() < 0.75:
                self._visit(year, VisitCategory.SUDDEN_HARDSHIP, day_between(rng, year.start, last))

    def _context(self, day: date) -> Context:
        rng = self.rng
        house = self.house
        guardian = self.guardian
        father = next((m for m in house.members if m.relationship == "父亲"), None)
        mother = next((m for m in house.members if m.relationship == "母亲"), None)
        sibling = next((m for m in house.members if m.relationship in ("弟弟", "妹妹", "哥哥", "姐姐")), None)
        ill = house.ill_member
        return base_context(
            rng,
            call=self.call,
            father=f"父亲{father.name}" if father and father.present else "叔叔",
            mother=f"母亲{mother.name}" if mother and mother.present else "奶奶",
            guardian=guardian.relationship if guardian else "亲属",
            county=self.county.county,
            town=self.town,
            ill_who=ill.relationship if ill else rng.choice(("奶奶", "爷爷", "母亲")),
            illness=ill.illness if ill and ill.illness else rng.choice(P.ILLNESSES),
            sib=sibling.relationship if sibling else "妹妹",
            date=f"{day.year}年{day.month}月{day.day}日",
            counselor=f"辅导员{self.counselor.name}",
            plan_date=f"{(day + timedelta(days=14)).month}月{(day + timedelta(days=14)).day}日",
        )

    def _record_no(self, year: int) -> str:
        """A printed record number as a laptop gives it; each demo student stands for one device (its
        index + 1), so numbers are unique and need no shared counter (students are made independently)."""
        self._numbered[year] = self._numbered.get(year, 0) + 1
        return format_record_no(year, self.index + 1, self._numbered[year])

    def _visit(self, year: _Year, category: VisitCategory, day: date) -> None:
        rng = self.rng
        day = min(day, self.today)
        is_current = year is self.current
        mode = rng.choices(_MODES, _MODE_WEIGHTS[category])[0]
        online = mode in ONLINE_MODES
        ctx = self._context(day)
        level = year.level if year.level in LEVELS else LEVELS[self.base_level]
        ctx["level"] = level.label
        ctx["basis"] = fill(P.LEVEL_ADVICE, ctx)
        house = self.house
        guardian = self.guardian
        status = (
            rng.choices((VisitStatus.DRAFT, VisitStatus.SUBMITTED, VisitStatus.REVIEWED), (6, 40, 54))[0]
            if is_current
            else rng.choices((VisitStatus.SUBMITTED, VisitStatus.REVIEWED), (10, 90))[0]
        )
        visitors = [Visitor(name=self.counselor.name, role=VisitorRole.COUNSELOR, user_id=self.counselor.id)]
        if mode == VisitMode.ON_SITE or category == VisitCategory.PRE_IDENTIFICATION:
            if rng.random() < 0.5:
                visitors.append(Visitor(name=_someone(rng), role=VisitorRole.HEAD_TEACHER))
            director = self.staff.director
            if director is not None and rng.random() < 0.2:
                visitors.append(
                    Visitor(name=director.name, role=VisitorRole.COLLEGE_LEADER, user_id=director.id)
                )
            if rng.random() < 0.08:
                visitors.append(Visitor(name=_someone(rng), role=VisitorRole.CENTER_STAFF))
            if rng.random() < 0.05:
                visitors.append(Visitor(name=_someone(rng), role=VisitorRole.OTHER))
        if category == VisitCategory.KEY_SUPPORT_FOLLOW_UP and self.bundle.mentor is not None:
            mentor = self.bundle.mentor
            visitors.append(Visitor(name=mentor.name, role=VisitorRole.MENTOR, user_id=mentor.user_id))
        interviewees = []
        if guardian is not None:
            interviewees.append(Interviewee(name=guardian.name, relationship=guardian.relationship))
        others = [m for m in house.present if m is not guardian and m.age >= 18]
        if others and rng.random() < 0.4:
            other = rng.choice(others)
            interviewees.append(Interviewee(name=other.name, relationship=other.relationship))
        if mode in (VisitMode.ON_SITE, VisitMode.AT_SCHOOL, VisitMode.VIDEO) and rng.random() < 0.6:
            interviewees.append(Interviewee(name=self.name, relationship="本人"))
        household: list[HouseholdMember] = []
        if (not online and rng.random() < 0.8) or rng.random() < 0.3:
            household = [
                HouseholdMember(
                    family_member_id=record.id,
                    name=member.name,
                    age=member.age,
                    relationship=member.relationship,
                    employer=member.employer,
                    occupation=member.occupation,
                    annual_income=Decimal(member.income) if member.present else None,
                    health=member.health,
                    status=member.status,
                )
                for member, record in self.members
            ]
        shocks = ""
        suggest_subsidy = False
        if category == VisitCategory.SUDDEN_HARDSHIP or (year.emergency and rng.random() < 0.3):
            shocks = fill(rng.choice(P.SHOCKS), ctx)
            suggest_subsidy = True
        pre = category == VisitCategory.PRE_IDENTIFICATION
        verify = pre or (category == VisitCategory.ANNUAL_COVERAGE and rng.random() < 0.3)
        if verify:
            cause = self.identifications[-1].causes[0] if year is self.current else HardshipCause.WEAK_LABOUR
            ctx["cause"] = _CAUSE_WORDS[cause]
        suggest_key = self.key is not None and self.key.started_on >= day and rng.random() < 0.6
        if not suggest_key and rng.random() < 0.02:
            suggest_key = True
        difficulties = self.key_types if self.key is not None else [rng.choice(_DIFFICULTY_TYPES)]
        draft = status == VisitStatus.DRAFT
        on_paper = mode in (VisitMode.ON_SITE, VisitMode.AT_SCHOOL)
        confirmation = (
            rng.choices((ConfirmationMethod.PAPER_SIGNATURE, ConfirmationMethod.NONE), (85, 15))[0]
            if on_paper
            else rng.choices((ConfirmationMethod.ONLINE, ConfirmationMethod.NONE), (70, 30))[0]
        )
        if guardian is None:
            confirmation = ConfirmationMethod.NONE
        photo = mode == VisitMode.ON_SITE and rng.random() < 0.3
        reviewed = status == VisitStatus.REVIEWED and self.staff.director is not None
        if status == VisitStatus.REVIEWED and not reviewed:
            status = VisitStatus.SUBMITTED
        review_day = min(self.today, day + timedelta(days=rng.randint(1, 12)))
        new_student = self.is_new and is_current
        wish_state = rng.choices((WishListState.NOT_HANDED_OUT, WishListState.HANDED_OUT), (55, 45))[0]
        income_pool = pool_without(P.INCOME, self._income_mismatch())
        data: dict[str, Any] = {
            "id": demo_id(rng, day),
            "student_id": self.student.id,
            "category": category,
            "mode": mode,
            "visit_date": day,
            "record_no": self._record_no(day.year),
            "duration_minutes": rng.randint(*_DURATION[mode]),
            "place": (
                f"{self.county.county}{self.town}"
                if mode == VisitMode.ON_SITE
                else "学校学生发展支持中心"
                if mode == VisitMode.AT_SCHOOL
                else self.county.county
                if rng.random() < 0.5
                else ""
            ),
            "visitors": visitors,
            "interviewees": interviewees,
            "household": household,
            "income_sources": self._income_sources(),
            "income_amount": Decimal(house.income),
            "income_notes": sentences(rng, income_pool, rng.randint(1, 3), ctx),
            "main_expenses": sentences(rng, P.EXPENSES, rng.randint(1, 3), ctx),
            "debts_amount": Decimal(rng.randrange(5_000, 150_000, 1_000)) if rng.random() < 0.45 else None,
            "debts_notes": sentences(rng, P.DEBTS, 1, ctx) if rng.random() < 0.6 else "",
            "housing": (housing := self._housing()),
            "housing_notes": fill(rng.choice(P.HOUSING[housing.value]), ctx),
            "special_groups_verified": self._groups(0.1 if online else 0.03),
            "causes": self._causes(year),
            "recent_shocks": shocks,
            "suggest_temporary_subsidy": suggest_subsidy,
            "student_traits": sentences(rng, P.TRAITS, rng.randint(2, 4), ctx) if rng.random() < 0.95 else "",
            "school_feedback": sentences(
                rng, P.NEW_STUDENT_FEEDBACK if new_student else P.SCHOOL_FEEDBACK, rng.randint(1, 3), ctx
            ),
            "aid_explained": sentences(rng, P.AID_EXPLAINED, rng.randint(1, 2), ctx)
            if rng.random() < 0.85
            else "",
            "policies_explained": rng.sample(_POLICIES, rng.randint(2, 5)),
            "gifts_amount": Decimal(rng.randrange(200, 1_001, 100))
            if on_paper and rng.random() < 0.5
            else None,
            "gifts_items": rng.choice(_GIFT_ITEMS)
            if mode == VisitMode.ON_SITE and rng.random() < 0.5
            else "",
            "wish_list_state": wish_state,
            "family_opinions": ""
            if draft and rng.random() < 0.5
            else sentences(rng, P.OPINIONS, rng.randint(1, 2), ctx),
            "verification_result": fill(rng.choice(P.VERIFICATION), ctx) if verify else "",
            "suggested_level": level if verify else None,
            "key_support_suggested": suggest_key,
            "suggested_difficulties": difficulties if suggest_key else [],
            "follow_up": follow_up_note(
                rng,
                ctx,
                long=rng.random() < 0.04,
                mode=mode.value,
                leave_out=("心愿单",) if wish_state == WishListState.NOT_HANDED_OUT else (),
            ),
            "visitor_signed": on_paper and not draft,
            "family_confirmation": confirmation,
            "family_confirmed_by": guardian.name
            if guardian is not None and confirmation != ConfirmationMethod.NONE
            else "",
            "student_signed": on_paper and rng.random() < 0.7,
            "photo_consent": photo,
            "publicity_consent": photo and rng.random() < 0.3,
            "status": status,
            "recorded_by_id": self.counselor.id,
            "reviewed_by_id": self.staff.director.id if reviewed and self.staff.director else None,
            "reviewed_at": datetime(
                review_day.year,
                review_day.month,
                review_day.day,
                rng.randint(9, 17),
                rng.randint(0, 59),
                tzinfo=CHINA_TZ,
            )
            if reviewed
            else None,
        }
        year.visits.append(data)

    def _income_mismatch(self) -> list[str]:
        """Words of income sentences that do not fit this household."""
        house = self.house
        words: list[str] = []
        if not house.migrant:
            words.extend(("{city}", "打工"))
        if not house.farming:
            words.append("{crop}")
        if not (self.truth[SpecialGroup.DIBAO] or self.truth[SpecialGroup.EXTREME_POVERTY_SUPPORT]):
            words.append("低保")
        if not any(m.relationship in ("祖父", "祖母") for m in house.present):
            words.append("爷爷奶奶")
        if house.migrant or house.farming:
            words.append("修理铺")
        return words

    def _income_sources(self) -> list[IncomeSource]:
        rng, house = self.rng, self.house
        sources: list[IncomeSource] = []
        if house.farming:
            sources.append(IncomeSource.FARMING)
        if house.migrant:
            sources.append(IncomeSource.MIGRANT_WORK)
        occupations = {member.occupation for member in house.present}
        if occupations & {"企业职工", "保洁员", "保安", "公司职员"}:
            sources.append(IncomeSource.WAGES)
        if "个体经营" in occupations:
            sources.append(IncomeSource.SELF_EMPLOYED)
        if "退休" in occupations or any(m.age >= 60 for m in house.present):
            sources.append(IncomeSource.PENSION)
        if self.truth[SpecialGroup.DIBAO] or self.truth[SpecialGroup.EXTREME_POVERTY_SUPPORT]:
            sources.append(IncomeSource.GOVERNMENT_SUBSIDY)
        if rng.random() < 0.15:
            sources.append(IncomeSource.RELATIVES)
        if not sources or rng.random() < 0.05:
            sources.append(IncomeSource.OTHER)
        return sources

    def _housing(self) -> HousingType:
        weights = (70, 10, 7, 8, 5) if self.rural else (5, 35, 40, 15, 5)
        return self.rng.choices(_HOUSING_TYPES, weights)[0]

    # -- wish lists ----------------------------------------------------------------------------------
    def _wishes(self) -> None:
        rng = self.rng
        current = self.current
        key = self.key
        share = 0.8 if key is not None and key.active else 0.5 if key is not None else 0.07
        for year in self.years:
            is_current = year is current
            if not year.disadvantaged or rng.random() >= (share if is_current else share * 0.4):
                continue
            visit = next(
                (
                    v
                    for v in sorted(year.visits, key=lambda v: v["visit_date"])
                    if v["mode"] != VisitMode.PHONE
                ),
                None,
            )
            paper = visit is not None and rng.random() < 0.6
            filled_on = visit["visit_date"] if paper and visit else day_between(rng, year.start, year.end)
            if paper and visit is not None:
                visit["wish_list_state"] = WishListState.FILLED_IN
            categories = self.key_types or [
                rng.choice(
                    (DifficultyType.EMPLOYMENT, DifficultyType.ACADEMIC, DifficultyType.COMPREHENSIVE_QUALITY)
                )
            ]
            items: list[str] = []
            for category in categories:
                options = self.maker.catalog_by_category.get(category, [])
                if options:
                    items.extend(rng.sample(options, min(len(options), rng.randint(1, 2))))
            if not items:
                continue
            status = rng.choices(_WISH_STATUSES, (15, 20, 30, 28, 7))[0]
            if not is_current and status in (WishStatus.PENDING, WishStatus.MATCHED):
                status = WishStatus.COMPLETED
            completed_on = day_between(rng, filled_on, year.end) if status == WishStatus.COMPLETED else None
            responsible = (
                (
                    self.bundle.mentor.name
                    if self.bundle.mentor and rng.random() < 0.5
                    else self.counselor.name
                )
                if status != WishStatus.PENDING
                else ""
            )
            ctx = base_context(rng, call=self.call)
            feedback = (
                fill(rng.choice(P.WISH_FEEDBACK), ctx)
                if status in (WishStatus.COMPLETED, WishStatus.UNFULFILLABLE)
                else ""
            )
            self.bundle.records.append(
                WishSelection(
                    id=demo_id(rng, filled_on),
                    student_id=self.student.id,
                    academic_year=year.name,
                    filled_by=rng.choices((WishFiller.STUDENT, WishFiller.PARENT), (75, 25))[0],
                    channel=WishChannel.HOME_VISIT_PAPER if paper else WishChannel.ONLINE,
                    visit_id=visit["id"] if paper and visit else None,
                    item_ids=items,
                    details=fill(rng.choice(P.WISH_DETAILS), ctx) if rng.random() < 0.8 else "",
                    priority=rng.choices(_WISH_PRIORITIES, (25, 55, 20))[0],
                    status=status,
                    responsible_person=responsible,
                    completed_on=completed_on,
                    feedback=feedback,
                )
            )

    def _build_visits(self) -> None:
        for year in self.years:
            for data in year.visits:
                self.bundle.records.append(HomeVisit(**data))

    # -- aid, rewards, give-back ---------------------------------------------------------------------
    def _aid_and_rewards(self) -> None:
        rng = self.rng
        records = self.bundle.records
        student_id = self.student.id

        def aid(
            year: _Year,
            kind: AidType,
            project: str,
            amount: int | None,
            day: date,
            source: str,
            position: str = "",
            note: str = "",
        ) -> None:
            if day > year.end or day > self.today:
                return
            records.append(
                GuaranteeAid(
                    id=demo_id(rng, day),
                    student_id=student_id,
                    academic_year=year.name,
                    aid_type=kind,
                    project_name=project,
                    amount=Decimal(amount) if amount is not None else None,
                    position=position,
                    granted_on=day,
                    funding_source=source,
                    note=note,
                )
            )

        for year in self.years:
            first = year.first
            if year.first == self.grade and rng.random() < 0.2:
                aid(
                    year,
                    AidType.GREEN_CHANNEL,
                    "新生入学绿色通道",
                    rng.randrange(4_000, 6_600, 100),
                    date(first, 9, rng.randint(1, 5)),
                    "学校事业收入",
                    note="缓缴学费，办理助学贷款后补缴",
                )
            if not year.disadvantaged:
                continue
            level = year.level
            assert level is not None
            if rng.random() < 0.9:
                aid(
                    year,
                    AidType.GRANT,
                    "国家助学金",
                    int(_GRANT_BY_LEVEL[level]),
                    date(first, 11, rng.randint(10, 30)),
                    "中央财政",
                )
            if rng.random() < 0.38:
                aid(
                    year,
                    AidType.LOAN_ORIGIN,
                    "生源地信用助学贷款",
                    rng.randrange(8_000, 16_001, 1_000),
                    date(first, rng.choice((9, 10)), rng.randint(1, 28)),
                    "银行贷款",
                )
            elif rng.random() < 0.04:
                aid(
                    year,
                    AidType.LOAN_CAMPUS,
                    "校园地国家助学贷款",
                    rng.randrange(8_000, 16_001, 1_000),
                    date(first, 10, rng.randint(1, 28)),
                    "银行贷款",
                )
            if rng.random() < 0.3:
                aid(
                    year,
                    AidType.HARDSHIP_SUBSIDY,
                    rng.choice(("学校困难补助", "冬季御寒补助", "春节返乡路费补助")),
                    rng.randrange(500, 2_001, 100),
                    date(first, 12, rng.randint(1, 28)),
                    "学校事业收入",
                )
            if level == IdentificationLevel.ESPECIALLY_DIFFICULT and rng.random() < 0.12:
                aid(
                    year,
                    AidType.TUITION_WAIVER,
                    "学费减免",
                    rng.randrange(3_000, 6_001, 500),
                    date(first, 10, rng.randint(1, 28)),
                    "学校事业收入",
                )
            if rng.random() < 0.22:
                paid = rng.randrange(1_500, 5_001, 100) if rng.random() < 0.7 else None
                aid(
                    year,
                    AidType.WORK_STUDY,
                    "校内勤工助学",
                    paid,
                    date(first, 9, rng.randint(15, 30)),
                    "学校事业收入",
                    position=rng.choice(_WORK_STUDY_POSTS),
                )
            if rng.random() < 0.15:
                project, amount, source = rng.choices(
                    (
                        ("国家励志奖学金", 6_000, "中央财政"),
                        ("学校一等奖学金", 2_000, "学校事业收入"),
                        ("学校二等奖学金", 1_000, "学校事业收入"),
                        ("国家奖学金", 10_000, "中央财政"),
                    ),
                    (40, 25, 30, 5),
                )[0]
                aid(year, AidType.SCHOLARSHIP, project, amount, date(first, 11, rng.randint(1, 30)), source)
            if rng.random() < 0.08:
                aid(
                    year,
                    AidType.SOCIAL_DONATION,
                    rng.choice(("爱心企业助学金", "校友助学金", "慈善总会助学金")),
                    rng.randrange(2_000, 5_001, 500),
                    date(first + 1, 4, rng.randint(1, 30)),
                    "社会捐赠",
                )
            if year.emergency and rng.random() < 0.8:
                aid(
                    year,
                    AidType.TEMPORARY_SUBSIDY,
                    "临时困难补助",
                    rng.randrange(1_000, 5_001, 500),
                    day_between(rng, year.start, year.end),
                    rng.choice(("省级财政", "学校事业收入")),
                    note="家庭突发变故，经学院集体评议发放",
                )
            # Growth rewards: most, not all, disadvantaged students get one each year.
            if rng.random() < (0.87 if year is self.current else 0.8):
                for _ in range(rng.choices((1, 2, 3), (60, 30, 10))[0]):
                    self._reward(year)

    def _reward(self, year: _Year) -> None:
        rng = self.rng
        kind = rng.choices(_REWARD_KINDS, (15, 20, 18, 12, 15, 15, 5))[0]
        description, department = rng.choice(P.REWARDS[kind.value])
        direct = kind in (RewardKind.SCHOLARSHIP, RewardKind.OTHER) or (
            kind == RewardKind.COMMENDATION and rng.random() < 0.3
        )
        value = Decimal(rng.choice((200, 300, 500, 800, 1_000, 2_000, 6_000))) if direct else None
        day = day_between(rng, year.start, year.end)
        self.bundle.records.append(
            GrowthReward(
                id=demo_id(rng, day),
                student_id=self.student.id,
                academic_year=year.name,
                kind=kind,
                form=RewardForm.DIRECT if direct else RewardForm.INDIRECT,
                description=description,
                value=value,
                granted_on=day,
                granting_department=department,
            )
        )

    def _give_back(self) -> None:
        rng = self.rng
        if rng.random() >= 0.18:
            return
        for _ in range(rng.choice((1, 1, 2))):
            kind = rng.choices(_GIVE_BACK_KINDS, (65, 25, 10))[0]
            day = day_between(rng, self.years[0].start, self.today)
            self.bundle.records.append(
                GiveBackActivity(
                    id=demo_id(rng, day),
                    student_id=self.student.id,
                    kind=kind,
                    title=rng.choice(P.GIVE_BACK[kind.value]),
                    activity_date=day,
                    hours=Decimal(rng.randrange(4, 81)) / 2 if kind != GiveBackKind.OTHER else None,
                    description=rng.choice(P.GIVE_BACK_TEXT),
                )
            )

    # -- monitoring ---------------------------------------------------------------------------------
    def _flags(self) -> None:
        rng = self.rng
        current = self.current
        if current.level == IdentificationLevel.NOT_DIFFICULT and rng.random() < 0.5:
            kind = FlagKind.NO_LONGER_ELIGIBLE
        elif current.emergency and rng.random() < 0.5:
            kind = FlagKind.FAMILY_EMERGENCY
        elif self.key is not None and DifficultyType.PSYCHOLOGICAL in self.key_types and rng.random() < 0.3:
            kind = FlagKind.PSYCH_OR_LIFE_ANOMALY
        elif rng.random() < 0.025:
            kind = rng.choices(_FLAG_KINDS, (15, 25, 20, 25, 15))[0]
        else:
            return
        raised = day_between(rng, self.today - timedelta(days=300), self.today)
        status = rng.choices(_FLAG_STATUSES, (30, 25, 45))[0]
        ctx = base_context(rng, call=self.call, cause=rng.choice(("因病", "因灾", "父亲失业", "家庭变故")))
        actions: list[FlagAction] = []
        notes = ""
        handled_by = None
        resolved_on = None
        if status != FlagStatus.OPEN:
            handled_by = self.staff.director.id if self.staff.director else self.counselor.id
            notes = rng.choice(P.FLAG_ACTION_NOTES)
            actions = {
                FlagKind.NO_LONGER_ELIGIBLE: [FlagAction.LEVEL_ADJUSTED],
                FlagKind.ELIGIBLE_NOT_REGISTERED: [FlagAction.LEVEL_ADJUSTED],
                FlagKind.FAMILY_EMERGENCY: [FlagAction.TEMPORARY_SUBSIDY_GRANTED],
                FlagKind.PSYCH_OR_LIFE_ANOMALY: [FlagAction.REFERRED],
                FlagKind.OTHER: [FlagAction.OTHER],
            }[kind]
            if rng.random() < 0.25:
                extra = rng.choice((FlagAction.KEY_SUPPORT_STARTED, FlagAction.REFERRED, FlagAction.OTHER))
                if extra not in actions:
                    actions.append(extra)
        if status == FlagStatus.RESOLVED:
            resolved_on = day_between(rng, raised, min(self.today, raised + timedelta(days=30)))
        raisers = [self.counselor.id]
        if self.bundle.mentor is not None and self.bundle.mentor.user_id:
            raisers.append(self.bundle.mentor.user_id)
        self.bundle.records.append(
            MonitoringFlag(
                id=demo_id(rng, raised),
                student_id=self.student.id,
                kind=kind,
                raised_on=raised,
                raised_by_id=rng.choice(raisers),
                description=fill(rng.choice(P.FLAG_TEXT[kind.value]), ctx),
                status=status,
                actions=actions,
                action_notes=notes,
                handled_by_id=handled_by,
                resolved_on=resolved_on,
            )
        )

    # -- outcomes (random streams of their own: the records above stay as they were) --------------------
    def _outcomes(self) -> None:
        if not self.current.disadvantaged:
            return
        reviewers = [self.counselor.name]
        if self.staff.director is not None:
            reviewers.insert(0, self.staff.director.name)
        self.bundle.records.extend(
            student_outcomes(
                self.maker.school.seed,
                self.index,
                self.student.id,
                is_new=self.is_new,
                reviewers=reviewers,
                today=self.today,
            )
        )

    # -- 个别交流 (a random stream of its own, like the outcomes) ---------------------------------------
    def _talks(self) -> None:
        if not self.current.disadvantaged:
            return
        self.bundle.records.extend(
            student_talks(
                self.maker.school.seed, self.index, self.student.id, self.counselor.id, today=self.today
            )
        )


def _someone(rng: random.Random) -> str:
    """A staff member without an account (head teacher, specialist teacher)."""
    return surname(rng) + given_name(rng, rng.choice((Gender.MALE, Gender.FEMALE)))
