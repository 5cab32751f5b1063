"""Demo policy activities: each college's 民主测评 of its classes, 诚信教育, 资助工作者培训 and 专项研究
projects (and a few of the school's), and the counselors' 个别交流 with disadvantaged students.

Drawn from random streams of their own, so adding them changes no other demo record.  Only days from
the school's first use of the system (its accounts' creation) up to today carry activities.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sync.demo.record_ids import demo_id
from sync.records.academic import academic_year_bounds, academic_year_of, previous_academic_year
from sync.records.base import Record
from sync.records.policy_activities import (
    IdentificationEvaluation,
    IntegrityActivity,
    IntegrityForm,
    OneToOneTalk,
    ProjectStatus,
    ResearchProject,
    StaffTraining,
    TalkMode,
)

if TYPE_CHECKING:
    from sync.demo.school import CollegeStaff, DemoSchool

_EVALUATION_CONCLUSIONS = (
    "参评同学对本班认定结果总体认可，认为认定程序公开透明、等级划分基本合理。",
    "测评满意度较高，未发现明显不符合认定条件的情况，认定结果予以维持。",
    "大部分同学认可认定结果，个别同学对等级划分提出意见，已记录并反馈学院资助工作小组。",
)
_EVALUATION_ISSUES = (
    (
        "个别受助学生消费水平与家庭经济状况不符，同学有反映。",
        "已由辅导员个别谈话核实，并向学院资助工作小组反馈。",
    ),
    ("部分同学对认定等级的划分标准不够了解。", "在下次班会上重新解读认定办法和等级标准。"),
    ("一名同学的家庭情况在学期内发生变化，原认定等级偏低。", "已提交学院评议，按动态调整程序重新认定。"),
)
_INTEGRITY = (
    (
        IntegrityForm.CLASS_MEETING,
        "“诚信立身，感恩前行”主题班会",
        "各班围绕助学贷款诚信还款、如实申报家庭经济情况开展讨论，辅导员结合案例讲解失信后果。",
    ),
    (
        IntegrityForm.LECTURE,
        "国家助学贷款政策与诚信还款讲座",
        "邀请学校资助中心老师讲解助学贷款政策、还款流程和个人征信知识，现场解答同学提问。",
    ),
    (
        IntegrityForm.CONTRACT_SIGNING,
        "受助学生诚信承诺签名活动",
        "受助学生在诚信承诺书上签名，承诺如实提供家庭经济情况、按时还款、合理使用资助资金。",
    ),
    (
        IntegrityForm.CONTEST,
        "“资助伴我成长”诚信主题征文",
        "面向全体学生征集诚信与感恩主题作品，评出一、二、三等奖，优秀作品在学院公众号展示。",
    ),
    (
        IntegrityForm.PUBLICITY,
        "诚信教育宣传月",
        "通过展板、公众号推文和宿舍走访宣传诚信理念，发放资助政策及防范校园贷宣传册。",
    ),
    (
        IntegrityForm.OTHER,
        "诚信还款经验分享会",
        "邀请已毕业并按时还清助学贷款的校友线上分享还款规划和求职经历。",
    ),
)
_TRAININGS = (
    ("学生资助政策解读与业务培训", "学生资助管理中心", Decimal("4")),
    ("家庭经济困难学生认定工作培训", "学生资助管理中心", Decimal("3")),
    ("家访工作规范与沟通技巧培训", "学生工作部", Decimal("2.5")),
    ("心理危机识别与干预专题培训", "心理健康教育中心", Decimal("3")),
    ("资助育人案例研讨与工作坊", "学院学生事务中心", Decimal("2")),
    ("资助信息系统操作与数据安全培训", "学生资助管理中心", Decimal("1.5")),
)
_PROJECTS = (
    "家庭经济困难学生学业帮扶路径研究",
    "发展型资助育人模式探索与实践",
    "受助学生心理韧性培养的实证研究",
    "“资助+就业”精准帮扶机制研究",
    "朋辈互助在资助育人中的作用研究",
    "家访工作与精准认定的衔接机制研究",
    "受助学生社会实践与感恩回馈项目研究",
)
_OUTCOMES = (
    "形成研究报告一份，提炼学业帮扶“一生一策”工作方法，已在学院推广。",
    "完成调研问卷 300 余份，发表论文一篇，形成工作案例两篇。",
    "形成工作指南一份，相关做法入选学校资助育人优秀案例。",
)
_TALK_TOPICS = (
    "学业规划与课程学习",
    "资助政策与助学贷款",
    "心理状态与人际关系",
    "家庭近况与经济压力",
    "勤工助学岗位安排",
    "考研与就业打算",
    "生活适应与作息",
)
_TALK_SUMMARIES = (
    "学生情绪稳定，近期学习较为投入，对下一阶段有初步打算，希望继续申请勤工助学岗位。",
    "学生反映家里近况有些变化，经济压力较大，谈到时有些顾虑；已向其说明可申请的临时困难补助。",
    "学生谈到专业课学习吃力，特别是数学类课程，愿意参加学业帮扶小组。",
    "学生与室友相处融洽，课余参加志愿服务，对资助政策比较了解，表示会按时完成诚信承诺。",
    "学生近期睡眠不太好，压力主要来自考试和兼职；建议合理安排时间，必要时预约心理咨询。",
    "学生对未来考研还是就业有些犹豫，交流了往届学长学姐的经验，鼓励多参加职业规划活动。",
)
_TALK_FOLLOW_UPS = (
    "",
    "两周后再了解一次学习情况。",
    "联系学业导师安排课程辅导。",
    "协助办理临时困难补助申请。",
    "推荐其参加学院朋辈辅导活动，月底回访。",
    "与家长电话沟通一次，告知学生在校情况。",
)
_TALK_MODES = ((TalkMode.IN_PERSON, 70), (TalkMode.PHONE, 15), (TalkMode.ONLINE, 15))


def day_between(rng: random.Random, start: date, end: date) -> date:
    """A day in [start, end]; ``start`` when the range is empty."""
    span = (end - start).days
    return start if span <= 0 else start + timedelta(days=rng.randint(0, span))


def first_use(today: date) -> date:
    """The day the demo school began to use the system (as ``build_school`` dates its accounts)."""
    year_start, _ = academic_year_bounds(academic_year_of(today))
    return date(2024, 6, 6) if date(2024, 6, 6) <= today else year_start


def _window(first: date, last: date, start: date, today: date) -> tuple[date, date] | None:
    """The days of [first, last] from the school's first use up to today (None when there are none)."""
    first, last = max(first, start), min(last, today)
    return (first, last) if first <= last else None


def student_talks(seed: int, index: int, student_id: str, counselor_id: str, *, today: date) -> list[Record]:
    """The 个别交流 of a disadvantaged student with its counselor this academic year (none to three)."""
    rng = random.Random(f"jiafang-demo:{seed}:talks:{index}")
    year_start, year_end = academic_year_bounds(academic_year_of(today))
    window = _window(year_start + timedelta(days=7), year_end, first_use(today), today)
    if window is None:
        return []
    count = rng.choices((0, 1, 2, 3), (45, 30, 17, 8))[0]
    records: list[Record] = []
    for day in sorted(day_between(rng, *window) for _ in range(count)):
        records.append(
            OneToOneTalk(
                id=demo_id(rng, day),
                student_id=student_id,
                talked_on=day,
                talked_by_id=counselor_id,
                mode=rng.choices([m for m, _ in _TALK_MODES], [w for _, w in _TALK_MODES])[0],
                topics="、".join(rng.sample(_TALK_TOPICS, rng.randint(1, 2))),
                summary=rng.choice(_TALK_SUMMARIES),
                follow_up=rng.choice(_TALK_FOLLOW_UPS),
            )
        )
    return records


def college_activities(school: DemoSchool) -> list[Record]:
    """Each college's activities of this academic year and the last one, then the school's."""
    rng = random.Random(f"jiafang-demo:{school.seed}:activities")
    today = school.today
    start = first_use(today)
    current = academic_year_of(today)
    records: list[Record] = []
    for year in (previous_academic_year(current), current):
        first, last = academic_year_bounds(year)
        for staff in school.colleges:
            records.extend(_evaluations(rng, staff, year, start, today))
            window = _window(first + timedelta(days=20), last, start, today)
            if window is not None:
                records.extend(_integrity(rng, staff.college.id, window, rng.randint(1, 2), scale=1))
                if rng.random() < 0.6:
                    records.append(_training(rng, staff, window))
        window = _window(first + timedelta(days=20), last, start, today)
        if window is not None:
            records.extend(_integrity(rng, None, window, 1, scale=8))
            records.append(_training(rng, None, window, school))
    for staff in school.colleges:
        records.extend(_projects(rng, staff, start, today))
    return records


def _evaluations(
    rng: random.Random, staff: CollegeStaff, year: str, start: date, today: date
) -> list[Record]:
    """民主测评 of a few classes after the autumn identification (and again in spring)."""
    first, _ = academic_year_bounds(year)
    first_year = first.year
    records: list[Record] = []
    for window in (
        _window(date(first_year, 11, 5), date(first_year, 12, 20), start, today),
        _window(date(first_year + 1, 4, 1), date(first_year + 1, 5, 31), start, today),
    ):
        if window is None:
            continue
        for _ in range(rng.randint(1, 2)):
            day = day_between(rng, *window)
            major = rng.choice(staff.spec.majors)
            grade = rng.randint(first_year - 3, first_year)
            class_name = f"{major.short}{grade % 100:02d}{rng.randint(1, 3):02d}班"
            participants = rng.randint(25, 45)
            issues, follow_up = rng.choice(_EVALUATION_ISSUES) if rng.random() < 0.35 else ("", "")
            records.append(
                IdentificationEvaluation(
                    id=demo_id(rng, day),
                    college_id=staff.college.id,
                    class_name=class_name,
                    academic_year=year,
                    held_on=day,
                    participants=participants,
                    students_evaluated=rng.randint(4, max(5, participants // 4)),
                    conclusion=rng.choice(_EVALUATION_CONCLUSIONS),
                    issues_found=issues,
                    follow_up=follow_up,
                )
            )
    return records


def _integrity(
    rng: random.Random, college_id: str | None, window: tuple[date, date], count: int, *, scale: int
) -> list[Record]:
    records: list[Record] = []
    for form, title, description in rng.sample(_INTEGRITY, count):
        day = day_between(rng, *window)
        records.append(
            IntegrityActivity(
                id=demo_id(rng, day),
                college_id=college_id,
                held_on=day,
                title=title,
                form=form,
                participants=rng.randint(40, 260) * scale,
                description=description,
            )
        )
    return records


def _training(
    rng: random.Random,
    staff: CollegeStaff | None,
    window: tuple[date, date],
    school: DemoSchool | None = None,
) -> Record:
    day = day_between(rng, *window)
    title, organiser, hours = rng.choice(_TRAININGS)
    if staff is not None:
        people = [user.name for user in (*staff.counselors, *staff.center_staff)]
        if staff.director is not None:
            people.insert(0, staff.director.name)
        trainees = people[: rng.randint(min(3, len(people)), len(people))]
    else:
        assert school is not None
        trainees = [user.name for user in school.school_center]
        for college in school.colleges:
            if college.director is not None:
                trainees.append(college.director.name)
            trainees.extend(user.name for user in college.counselors[:2])
    return StaffTraining(
        id=demo_id(rng, day),
        college_id=staff.college.id if staff is not None else None,
        held_on=day,
        title=title,
        organiser=organiser,
        trainees=list(dict.fromkeys(trainees)),
        hours=hours,
    )


def _projects(rng: random.Random, staff: CollegeStaff, start: date, today: date) -> list[Record]:
    """A college's 专项研究: an earlier project (concluded when it has run a year), a newer one."""
    if (today - start).days < 60 or rng.random() < 0.25:
        return []
    leader = staff.director.name if staff.director is not None else staff.counselors[0].name
    titles = rng.sample(_PROJECTS, 2)
    records: list[Record] = []
    began = day_between(rng, start, min(today, start + timedelta(days=120)))
    if (today - began).days > 365 and rng.random() < 0.7:
        ended = day_between(rng, began + timedelta(days=300), today)
        records.append(
            ResearchProject(
                id=demo_id(rng, began),
                college_id=staff.college.id,
                title=titles[0],
                leader=leader,
                started_on=began,
                status=ProjectStatus.CONCLUDED,
                concluded_on=ended,
                outcome=rng.choice(_OUTCOMES),
            )
        )
    else:
        records.append(
            ResearchProject(
                id=demo_id(rng, began),
                college_id=staff.college.id,
                title=titles[0],
                leader=leader,
                started_on=began,
                status=ProjectStatus.IN_PROGRESS,
            )
        )
    if rng.random() < 0.5:
        newer = day_between(rng, max(start, today - timedelta(days=90)), today)
        records.append(
            ResearchProject(
                id=demo_id(rng, newer),
                college_id=staff.college.id,
                title=titles[1],
                leader=rng.choice(staff.counselors).name,
                started_on=newer,
                status=ProjectStatus.APPROVED,
            )
        )
    return records
