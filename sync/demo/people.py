"""Synthetic phone numbers and households: who lives with the student, their work, income and health."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from sync.demo.names import full_name, given_name, uyghur_given, uyghur_name
from sync.demo.phrases import ILLNESSES
from sync.records.enums import Gender, HealthStatus, MemberStatus

_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
    "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186", "187",
    "188", "189", "191", "198", "199",
)  # fmt: skip
_WORKPLACES = ("建筑工地", "电子厂", "物流园", "某饭店", "某工厂", "物业公司", "服装厂", "装修公司", "快递站")


def fake_mobile(rng: random.Random) -> str:
    """A synthetic mainland mobile number (1[3-9] + 9 digits)."""
    return f"{rng.choice(_MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"


@dataclass
class Member:
    """A household member before it becomes a FamilyMember record."""

    name: str
    relationship: str
    age: int
    gender: Gender
    occupation: str = ""
    employer: str = ""
    income: int = 0
    health: HealthStatus = HealthStatus.HEALTHY
    status: MemberStatus = MemberStatus.PRESENT
    illness: str = ""
    note: str = ""

    @property
    def present(self) -> bool:
        return self.status == MemberStatus.PRESENT


@dataclass
class Household:
    members: list[Member] = field(default_factory=list)
    single_parent: bool = False
    orphan: bool = False
    disabled_member: bool = False
    ill_member: Member | None = None
    farming: bool = False
    migrant: bool = False

    @property
    def present(self) -> list[Member]:
        return [member for member in self.members if member.present]

    @property
    def income(self) -> int:
        return sum(member.income for member in self.present)

    @property
    def size(self) -> int:
        """People sharing the household income, the student included."""
        return len(self.present) + 1

    def guardian(self) -> Member | None:
        for relationship in ("母亲", "父亲", "祖母", "祖父", "外祖母", "外祖父", "监护人", "哥哥", "姐姐"):
            for member in self.present:
                if member.relationship == relationship and member.age >= 18:
                    return member
        return None


def build_household(
    rng: random.Random,
    *,
    student_age: int,
    family_name: str,
    severity: float,
    rural: bool,
    uyghur: bool,
    county_name: str,
    work_cities: tuple[str, ...],
) -> Household:
    """A household whose hardship grows with ``severity`` (0 = mild, 1 = severe)."""
    house = Household()
    roll = rng.random()
    orphan = roll < 0.012 + 0.02 * severity
    single = not orphan and roll < 0.13 + 0.08 * severity
    father_age = student_age + rng.randint(22, 32)
    mother_age = father_age + rng.randint(-6, 2)
    father_given = uyghur_given(rng) if uyghur else ""
    father_name = (
        f"{father_given}·{uyghur_given(rng)}"
        if uyghur
        else family_name + given_name(rng, Gender.MALE, elder=True)
    )
    mother_name = uyghur_name(rng, Gender.FEMALE) if uyghur else full_name(rng, Gender.FEMALE, elder=True)
    father = Member(father_name, "父亲", father_age, Gender.MALE)
    mother = Member(mother_name, "母亲", mother_age, Gender.FEMALE)
    if orphan:
        father.status = MemberStatus.DECEASED
        mother.status = rng.choice((MemberStatus.DECEASED, MemberStatus.MISSING))
        house.orphan = True
    elif single:
        absent = father if rng.random() < 0.55 else mother
        absent.status = rng.choices(
            (MemberStatus.DECEASED, MemberStatus.DIVORCED, MemberStatus.MISSING), (5, 4, 1)
        )[0]
        house.single_parent = True
    for parent in (father, mother):
        if parent.status == MemberStatus.DECEASED:
            parent.note = f"{rng.randint(2008, 2024)}年因病去世"
        elif parent.status == MemberStatus.MISSING:
            parent.note = "多年前外出后失去联系"
        elif parent.status == MemberStatus.DIVORCED:
            parent.note = "父母离异，未承担抚养费用" if rng.random() < 0.6 else "父母离异，每年支付少量抚养费"
        else:
            _work(rng, parent, severity, rural, county_name, work_cities, house)
    house.members.extend((father, mother))
    if orphan or rng.random() < 0.35 + 0.2 * severity:
        for relationship, gender in (("祖父", Gender.MALE), ("祖母", Gender.FEMALE)):
            if rng.random() < (0.9 if orphan else 0.6):
                elder = Member(
                    full_name(
                        rng, gender, family_name=family_name if gender == Gender.MALE else None, elder=True
                    )
                    if not uyghur
                    else uyghur_name(rng, gender),
                    relationship,
                    father_age + rng.randint(22, 30),
                    gender,
                    occupation="务农" if rural else "退休",
                    income=rng.randrange(1_500, 4_000, 100) if rural else rng.randrange(12_000, 30_000, 500),
                )
                _health(rng, elder, 0.25 + 0.25 * severity, house)
                house.members.append(elder)
    siblings = rng.choices((0, 1, 2, 3), (24, 46, 22, 8))[0]
    for _ in range(siblings):
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        age = max(3, min(40, student_age + rng.choice((-9, -7, -5, -4, -3, -2, -1, 2, 3, 5))))
        older = age > student_age
        relationship = (
            ("哥哥" if older else "弟弟") if gender == Gender.MALE else ("姐姐" if older else "妹妹")
        )
        name = (
            uyghur_name(rng, gender, father_given)
            if uyghur
            else full_name(rng, gender, family_name=family_name)
        )
        sibling = Member(name, relationship, age, gender)
        if age < 23:
            sibling.occupation = "学生"
            sibling.employer = _school_for(rng, age, county_name)
        else:
            sibling.occupation = rng.choice(("务工", "个体经营", "公司职员", "务农"))
            sibling.employer = "在外地务工" if sibling.occupation == "务工" else ""
            sibling.income = rng.randrange(8_000, 30_000, 500) if rng.random() < 0.6 else 0
            if sibling.income == 0:
                sibling.note = "已成家，另立门户，对家庭支持有限"
        house.members.append(sibling)
    if orphan and not any(member.present and member.age >= 18 for member in house.members):
        guardian = Member(
            full_name(rng, Gender.MALE, family_name=family_name, elder=True),
            "监护人",
            father_age + rng.randint(-5, 8),
            Gender.MALE,
            occupation="务农",
            income=rng.randrange(10_000, 25_000, 500),
            note="伯父，现为法定监护人",
        )
        house.members.append(guardian)
    return house


def _work(
    rng: random.Random,
    parent: Member,
    severity: float,
    rural: bool,
    county_name: str,
    work_cities: tuple[str, ...],
    house: Household,
) -> None:
    _health(rng, parent, 0.12 + 0.25 * severity, house)
    if parent.health == HealthStatus.MAJOR:
        parent.occupation = "无业"
        parent.income = 0 if rng.random() < 0.7 else rng.randrange(1_000, 5_000, 100)
        return
    cut = 0.6 if parent.health == HealthStatus.MINOR else 1.0
    if rural and rng.random() < 0.55:
        parent.occupation = "务工"
        parent.employer = f"{rng.choice(work_cities)}{rng.choice(_WORKPLACES)}"
        parent.income = int(rng.randrange(24_000, 60_000, 1_000) * cut * (1.1 - 0.5 * severity))
        house.migrant = True
    elif rural:
        parent.occupation = "务农"
        parent.employer = f"{county_name}家中"
        parent.income = int(rng.randrange(6_000, 20_000, 500) * cut)
        house.farming = True
    else:
        parent.occupation = rng.choice(("个体经营", "企业职工", "保洁员", "保安", "无固定职业"))
        parent.employer = "" if parent.occupation == "无固定职业" else f"{county_name}某企业"
        parent.income = int(rng.randrange(18_000, 50_000, 1_000) * cut * (1.1 - 0.5 * severity))


def _health(rng: random.Random, member: Member, sick_share: float, house: Household) -> None:
    roll = rng.random()
    if roll < sick_share * 0.4:
        member.health = HealthStatus.MAJOR
        member.illness = rng.choice(ILLNESSES)
        if rng.random() < 0.3:
            member.note = "持有残疾证"
            house.disabled_member = True
        else:
            member.note = f"患{member.illness}"
        house.ill_member = house.ill_member or member
    elif roll < sick_share:
        member.health = HealthStatus.MINOR
        member.illness = rng.choice(("高血压", "腰肌劳损", "慢性胃炎", "关节炎", "听力下降"))
        member.note = f"患{member.illness}，需长期服药" if rng.random() < 0.5 else ""


def _school_for(rng: random.Random, age: int, county: str) -> str:
    if age <= 12:
        return f"{county}实验小学" if rng.random() < 0.4 else "本镇中心小学"
    if age <= 15:
        return f"{county}第{rng.choice('一二三四')}初级中学"
    if age <= 18:
        return f"{county}第{rng.choice('一二三')}中学" if rng.random() < 0.7 else f"{county}职业教育中心"
    return rng.choice(("省内某高校", "某职业技术学院", "外省某大学"))


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
