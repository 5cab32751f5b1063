"""The school level of the demo: colleges with majors, staff accounts, mentors and the wish-list catalogue."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sync.demo.activities import college_activities
from sync.demo.names import full_name
from sync.demo.outcomes import college_benchmarks
from sync.demo.people import fake_mobile
from sync.demo.record_ids import demo_id
from sync.records.academic import academic_year_bounds, academic_year_of
from sync.records.base import Record
from sync.records.choices import PROVIDER_DEPARTMENTS
from sync.records.enums import DifficultyType, Gender, Role
from sync.records.people import College, Mentor, User
from sync.records.wishes import WishCatalogItem

COUNSELOR_LOAD = 175  # students per counselor (the ministry's ratio is at least 1:200)
MENTOR_LOAD = 5  # key-support students per mentor
KEY_SUPPORT_SHARE = 0.10
SCHOOL_NAME = "江苏示范理工学院"  # fictitious


@dataclass(frozen=True)
class Major:
    name: str
    short: str  # used in class names: 计科2301班


@dataclass(frozen=True)
class CollegeSpec:
    name: str
    code: str
    weight: int
    majors: tuple[Major, ...]
    center: str  # "full": director and staff; "director_only": no staff recorded; "none"
    mentor_department: str = ""


COLLEGE_SPECS: tuple[CollegeSpec, ...] = (
    CollegeSpec("机械工程学院", "01", 14, (Major("机械设计制造及其自动化", "机制"), Major("车辆工程", "车辆"), Major("材料成型及控制工程", "材控")), "full"),
    CollegeSpec("电气与自动化工程学院", "02", 13, (Major("电气工程及其自动化", "电气"), Major("自动化", "自动化"), Major("电子信息工程", "电信")), "full"),
    CollegeSpec("计算机科学与工程学院", "03", 15, (Major("计算机科学与技术", "计科"), Major("软件工程", "软工"), Major("数据科学与大数据技术", "数据"), Major("物联网工程", "物联网")), "full"),
    CollegeSpec("经济与管理学院", "04", 14, (Major("会计学", "会计"), Major("财务管理", "财管"), Major("市场营销", "营销"), Major("国际经济与贸易", "国贸")), "full"),
    CollegeSpec("外国语学院", "05", 8, (Major("英语", "英语"), Major("日语", "日语"), Major("翻译", "翻译")), "full"),
    CollegeSpec("化学与材料工程学院", "06", 10, (Major("化学工程与工艺", "化工"), Major("应用化学", "应化"), Major("高分子材料与工程", "高分子")), "full"),
    CollegeSpec("文学院", "07", 9, (Major("汉语言文学", "汉语言"), Major("秘书学", "秘书"), Major("新闻学", "新闻")), "director_only"),
    CollegeSpec("数学与统计学院", "08", 8, (Major("数学与应用数学", "数学"), Major("统计学", "统计"), Major("信息与计算科学", "信计")), "full"),
    CollegeSpec("艺术与设计学院", "09", 9, (Major("视觉传达设计", "视传"), Major("环境设计", "环设"), Major("产品设计", "产设")), "none"),
)  # fmt: skip

# The wish-list catalogue of the school center: (category, item, department, description).
CATALOG: tuple[tuple[DifficultyType, str, str, str], ...] = (
    (
        DifficultyType.PSYCHOLOGICAL,
        "一对一心理咨询",
        "心理健康教育中心",
        "由专职心理咨询师提供每学期不少于四次的个体咨询。",
    ),
    (
        DifficultyType.PSYCHOLOGICAL,
        "心理健康团体辅导",
        "心理健康教育中心",
        "以人际交往、压力管理为主题的小组辅导，每期八次。",
    ),
    (DifficultyType.PSYCHOLOGICAL, "朋辈心理互助", "学生工作处", "由心理委员和朋辈辅导员结对陪伴。"),
    (DifficultyType.ACADEMIC, "专业课一对一辅导", "学院", "由专业课教师或研究生助教针对薄弱课程开展辅导。"),
    (DifficultyType.ACADEMIC, "朋辈学业互助小组", "教务处", "高年级优秀学生带领的学习小组，每周两次。"),
    (DifficultyType.ACADEMIC, "学习方法与时间管理训练", "教务处", "学习策略工作坊，帮助制定个人学习计划。"),
    (DifficultyType.EMPLOYMENT, "简历诊断与模拟面试", "就业指导中心", "一对一简历修改与模拟面试。"),
    (
        DifficultyType.EMPLOYMENT,
        "求职创业补贴申领指导",
        "就业指导中心",
        "协助符合条件的毕业生申领求职创业补贴。",
    ),
    (
        DifficultyType.EMPLOYMENT,
        "职业技能培训",
        "就业指导中心",
        "办公软件、驾驶、专业技能证书等培训，费用由学校承担。",
    ),
    (DifficultyType.EMPLOYMENT, "岗位推荐与校友内推", "学院", "优先推荐优质实习及就业岗位。"),
    (
        DifficultyType.MORAL_BEHAVIOUR,
        "行为习惯养成辅导",
        "学生工作处",
        "针对作息、网络使用等问题的跟踪辅导。",
    ),
    (DifficultyType.MORAL_BEHAVIOUR, "诚信与感恩主题教育", "学生工作处", "资助诚信教育及感恩实践活动。"),
    (
        DifficultyType.COMPREHENSIVE_QUALITY,
        "红色研学与社会实践",
        "校团委",
        "寒暑假研学及社会实践项目，费用全免。",
    ),
    (DifficultyType.COMPREHENSIVE_QUALITY, "英语能力提升计划", "学院", "四六级备考辅导与英语角活动。"),
    (DifficultyType.COMPREHENSIVE_QUALITY, "文体特长培养", "体育部", "体育、艺术类兴趣课程及社团活动支持。"),
    (DifficultyType.COMPREHENSIVE_QUALITY, "图书阅读推广计划", "图书馆", "赠书与读书分享会。"),
    (DifficultyType.FAMILY_GUIDANCE, "家庭教育指导讲座", "学生工作处", "面向家长的线上家庭教育讲座。"),
    (DifficultyType.FAMILY_GUIDANCE, "家校沟通专项服务", "学院", "辅导员定期与家长沟通，协助解决家庭矛盾。"),
    (
        DifficultyType.SPECIAL_EDUCATION,
        "无障碍学习支持",
        "教务处",
        "为残疾学生提供考试及课程学习的合理便利。",
    ),
    (
        DifficultyType.SPECIAL_EDUCATION,
        "康复与医疗协助",
        "学生工作处",
        "协助办理医疗保险报销及康复资源对接。",
    ),
    (DifficultyType.COMPREHENSIVE_QUALITY, "海外短期交流资助", "学院", "往年项目，已暂停。"),
)
_INACTIVE_ITEMS = frozenset({"海外短期交流资助"})

_SCHOOL_DEPARTMENTS = ("心理健康教育中心", "就业指导中心", "教务处", "学生工作处")


@dataclass
class CollegeStaff:
    """The people of one college the student generator needs (ids and names)."""

    college: College
    spec: CollegeSpec
    counselors: list[User] = field(default_factory=list)
    director: User | None = None
    center_staff: list[User] = field(default_factory=list)
    mentors: list[Mentor] = field(default_factory=list)


@dataclass
class DemoSchool:
    """Everything above the students: made once, then used by every chunk of students."""

    seed: int
    students: int
    today: date
    colleges: list[CollegeStaff]
    school_center: list[User]
    admins: list[User]
    school_mentors: list[Mentor]
    mentor_users: list[User]
    catalog: list[WishCatalogItem]
    name: str = SCHOOL_NAME

    @property
    def current_year(self) -> str:
        return academic_year_of(self.today)

    def records(self) -> list[Record]:
        """The school-level records, in an order that respects references."""
        result: list[Record] = [staff.college for staff in self.colleges]
        for staff in self.colleges:
            result.extend(staff.counselors)
            if staff.director is not None:
                result.append(staff.director)
            result.extend(staff.center_staff)
        result.extend(self.school_center)
        result.extend(self.admins)
        result.extend(self.mentor_users)
        for staff in self.colleges:
            result.extend(staff.mentors)
        result.extend(self.school_mentors)
        result.extend(self.catalog)
        result.extend(college_benchmarks(self))
        result.extend(college_activities(self))
        return result


def build_school(seed: int, students: int, today: date) -> DemoSchool:
    rng = random.Random(f"jiafang-demo:{seed}:school")
    year_start, _ = academic_year_bounds(academic_year_of(today))
    founded = date(2024, 6, 6) if date(2024, 6, 6) <= today else year_start
    staff_no = iter(range(10001, 99999))
    total_weight = sum(spec.weight for spec in COLLEGE_SPECS)

    def user(name: str, role: Role, college_id: str | None, made_on: date) -> User:
        return User(
            id=demo_id(rng, made_on),
            staff_no=f"{next(staff_no)}",
            name=name,
            role=role,
            college_id=college_id,
            phone=fake_mobile(rng),
        )

    def person() -> str:
        return full_name(rng, rng.choice((Gender.MALE, Gender.FEMALE)))

    colleges: list[CollegeStaff] = []
    mentor_users: list[User] = []
    for spec in COLLEGE_SPECS:
        director_name = person()
        staff_names = [person() for _ in range(rng.randint(2, 4))]
        college = College(
            id=demo_id(rng, founded - timedelta(days=30)),
            name=spec.name,
            code=spec.code,
            center_director=director_name if spec.center != "none" else "",
            center_site=f"{spec.name}学生事务中心 101 室" if spec.center == "full" else "",
            center_deputies=staff_names[:1] if spec.center == "full" else [],
            center_staff=staff_names[1:] if spec.center == "full" else [],
            center_established_on=founded if spec.center != "none" else None,
        )
        staff = CollegeStaff(college=college, spec=spec)
        expected = students * spec.weight / total_weight
        for _ in range(max(1, math.ceil(expected / COUNSELOR_LOAD))):
            staff.counselors.append(user(person(), Role.COUNSELOR, college.id, founded))
        staff.director = user(director_name, Role.COLLEGE_CENTER, college.id, founded)
        if spec.center == "full":
            staff.center_staff = [
                user(name, Role.COLLEGE_CENTER, college.id, founded) for name in staff_names
            ]
        mentor_count = max(2, math.ceil(expected * KEY_SUPPORT_SHARE / MENTOR_LOAD))
        for number in range(mentor_count):
            name = person()
            account = user(name, Role.MENTOR, college.id, founded)
            mentor_users.append(account)
            staff.mentors.append(
                Mentor(
                    id=demo_id(rng, founded),
                    staff_no=account.staff_no,
                    name=name,
                    department=spec.name,
                    specialties=_specialties(rng, number),
                    user_id=account.id,
                    since=founded,
                )
            )
        colleges.append(staff)

    school_center = [user(person(), Role.SCHOOL_CENTER, None, founded) for _ in range(3 + (students >= 5000))]
    admins = [user(person(), Role.ADMIN, None, founded)]
    school_mentors: list[Mentor] = []
    for number, department in enumerate(_SCHOOL_DEPARTMENTS * max(1, students // 5000)):
        name = person()
        account = user(name, Role.MENTOR, None, founded)
        mentor_users.append(account)
        specialty = {
            "心理健康教育中心": [DifficultyType.PSYCHOLOGICAL, DifficultyType.FAMILY_GUIDANCE],
            "就业指导中心": [DifficultyType.EMPLOYMENT],
            "教务处": [DifficultyType.ACADEMIC, DifficultyType.SPECIAL_EDUCATION],
            "学生工作处": [DifficultyType.MORAL_BEHAVIOUR, DifficultyType.COMPREHENSIVE_QUALITY],
        }[department]
        school_mentors.append(
            Mentor(
                id=demo_id(rng, founded),
                staff_no=account.staff_no,
                name=name,
                department=department,
                specialties=specialty,
                user_id=account.id,
                active=number != 1,  # one retired mentor keeps the history readable
                since=founded,
            )
        )
    catalog = [
        WishCatalogItem(
            id=demo_id(rng, founded),
            category=category,
            service_item=item,
            provider_department=department if department in PROVIDER_DEPARTMENTS else "学院",
            description=description,
            active=item not in _INACTIVE_ITEMS,
        )
        for category, item, department, description in CATALOG
    ]
    return DemoSchool(
        seed=seed,
        students=students,
        today=today,
        colleges=colleges,
        school_center=school_center,
        admins=admins,
        school_mentors=school_mentors,
        mentor_users=mentor_users,
        catalog=catalog,
    )


def _specialties(rng: random.Random, number: int) -> list[DifficultyType]:
    """One to three difficulty types; the first seven mentors of a college cover all seven."""
    types = list(DifficultyType)
    chosen = {types[number % len(types)]} if number < len(types) else set()
    chosen.update(rng.sample(types, rng.randint(1, 2)))
    return [kind for kind in types if kind in chosen]
