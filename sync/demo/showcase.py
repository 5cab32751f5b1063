"""One showcase student with every kind of record filled in: for the PDF tests, the README sample
images (docs/render_sample_form.py) and the PDF benchmark.

``demo_student`` makes a student with family and a submitted visit; ``demo_history`` adds one of every
other record kind (the whole growth archive).  Unlike the school generator next to it, it fills every
field a form prints rather than a realistic mix.  Every name, number and story here is invented; the
ID number is checksum-valid but synthetic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sync.records.academic import academic_year_of
from sync.records.aid import GiveBackActivity, GrowthReward, GuaranteeAid
from sync.records.audit import AuditEntry
from sync.records.enums import (
    AidType,
    AuditAction,
    ConfirmationMethod,
    DifficultyType,
    FlagAction,
    FlagKind,
    FlagStatus,
    Gender,
    GiveBackKind,
    HardshipCause,
    HealthStatus,
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
    WishListState,
    WishStatus,
)
from sync.records.id_numbers import fake_id_number
from sync.records.monitoring import MonitoringFlag
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
from sync.records.visits import Attachment, HomeVisit, HouseholdMember, Interviewee, Visitor
from sync.records.wishes import WishCatalogItem, WishSelection

DEMO_SCHOOL = "江苏示范职业技术学院"
DEMO_COLLEGE = "机电工程学院"

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = ("子涵", "浩然", "雨桐", "欣怡", "宇轩", "梓萱", "俊杰", "思远", "佳琪", "明轩", "诗涵", "晨阳")

FOLLOW_UP_TEXT = (
    "本次家访由辅导员与班主任共同入户。学生家住县城以西约二十公里的村里，父亲长期在外务工，"
    "母亲因慢性病需要长期服药，家中还有一个正在读初中的妹妹。家长对学校的资助政策了解不多，"
    "我们逐项讲解了国家助学金、生源地信用助学贷款和勤工助学岗位的申请办法，并当场协助学生填写了"
    "成长发展心愿单。学生在家里懂事勤快，主动承担家务；在校学习认真，但性格偏内向，与同学交流较少。"
    "后续计划：一、开学后第一周内与学生谈心一次，了解适应情况；二、推荐学生参加学院的技能培训项目；"
    "三、每学期与家长电话沟通一次，及时掌握家庭变化。"
)


@dataclass(frozen=True)
class DemoStudent:
    student: Student
    family: list[FamilyMember]
    visit: HomeVisit


@dataclass(frozen=True)
class DemoHistory:
    """A demo student's whole history with the names its records refer to (the fields of the growth
    desktop's ``StudentHistory``: ``StudentHistory(**vars(history))``)."""

    student: Student
    college_name: str = ""
    counselor_name: str = ""
    family: list[FamilyMember] = field(default_factory=list)
    identifications: list[Identification] = field(default_factory=list)
    aid: list[GuaranteeAid] = field(default_factory=list)
    visits: list[HomeVisit] = field(default_factory=list)
    rewards: list[GrowthReward] = field(default_factory=list)
    wishes: list[WishSelection] = field(default_factory=list)
    wish_item_names: dict[str, str] = field(default_factory=dict)
    flags: list[MonitoringFlag] = field(default_factory=list)
    give_backs: list[GiveBackActivity] = field(default_factory=list)
    key_supports: list[KeySupport] = field(default_factory=list)
    mentor_assignments: list[MentorAssignment] = field(default_factory=list)
    mentor_names: dict[str, str] = field(default_factory=dict)
    support_logs: list[SupportLogEntry] = field(default_factory=list)
    rescue_sessions: list[RescueSession] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)
    user_names: dict[str, str] = field(default_factory=dict)


def demo_student(seed: int = 7, *, follow_up: str = FOLLOW_UP_TEXT, today: date | None = None) -> DemoStudent:
    """One synthetic student with family and a submitted annual-coverage visit."""
    rng = random.Random(seed)
    today = today or date.today()
    birth = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 700))
    surname = rng.choice(_SURNAMES)
    student = Student(
        student_no=f"2024{seed % 100:02d}{rng.randrange(1000, 9999)}",
        name=surname + rng.choice(_GIVEN),
        gender=rng.choice(list(Gender)),
        ethnicity="汉族",
        birth_date=birth,
        id_number=fake_id_number(rng, birth),
        major="机电一体化技术",
        grade=2024,
        class_name="机电2401班",
        political_status=PoliticalStatus.LEAGUE_MEMBER,
        hukou_type=HukouType.RURAL,
        origin_place="江苏省宿迁市泗阳县",
        home_address="泗阳县某镇某村12组",
        phone=f"138{rng.randrange(10000000, 99999999)}",
        parent_phone=f"139{rng.randrange(10000000, 99999999)}",
        high_school="泗阳县第一中学",
        talents="书法、篮球",
        is_new_student=True,
    )
    father = FamilyMember(
        student_id=student.id,
        name=surname + "建国",
        age=48,
        relationship="父亲",
        employer="外地建筑工地",
        occupation="务工",
        annual_income=Decimal("36000"),
        health=HealthStatus.HEALTHY,
    )
    mother = FamilyMember(
        student_id=student.id,
        name="周" + "秀兰",
        age=46,
        relationship="母亲",
        employer="在家",
        occupation="务农",
        annual_income=Decimal("6000"),
        health=HealthStatus.MAJOR,
    )
    sister = FamilyMember(
        student_id=student.id,
        name=surname + "小雨",
        age=14,
        relationship="妹妹",
        employer="泗阳县实验初级中学",
        occupation="学生",
    )
    family = [father, mother, sister]
    visit = HomeVisit(
        student_id=student.id,
        category=VisitCategory.ANNUAL_COVERAGE,
        mode=VisitMode.ON_SITE,
        visit_date=today - timedelta(days=10),
        duration_minutes=90,
        place="宿迁市泗阳县众兴镇",
        visitors=[
            Visitor(name="陈老师", role=VisitorRole.COUNSELOR),
            Visitor(name="刘老师", role=VisitorRole.HEAD_TEACHER),
        ],
        interviewees=[
            Interviewee(name=father.name, relationship="父亲"),
            Interviewee(name=mother.name, relationship="母亲"),
        ],
        household=[
            HouseholdMember(
                family_member_id=m.id,
                name=m.name,
                age=m.age,
                relationship=m.relationship,
                employer=m.employer,
                occupation=m.occupation,
                annual_income=m.annual_income,
                health=m.health,
            )
            for m in family
        ],
        income_sources=[IncomeSource.MIGRANT_WORK, IncomeSource.FARMING],
        income_amount=Decimal("42000"),
        income_notes="父亲务工收入不稳定，冬季基本无活。",
        main_expenses="母亲医药费每年约一万二千元；妹妹上学费用。",
        debts_amount=Decimal("30000"),
        debts_notes="为母亲治病向亲戚借款。",
        housing=HousingType.SELF_BUILT,
        housing_notes="二十年前自建平房，屋顶有漏雨。",
        special_groups_verified={
            **dict.fromkeys(SpecialGroup, TriState.NO),
            SpecialGroup.DIBAO_MARGINAL: TriState.YES,
            SpecialGroup.POOR_WORKER_CHILD: TriState.UNKNOWN,
        },
        causes=[HardshipCause.ILLNESS, HardshipCause.WEAK_LABOUR],
        recent_shocks="今年夏天母亲住院一次，花费约两万元。",
        suggest_temporary_subsidy=True,
        student_traits="懂事勤快，主动承担家务；性格内向，做事踏实。",
        school_feedback="学习认真，上学期专业课成绩位于班级前三分之一；参加了学院志愿服务队。",
        aid_explained="已获国家助学金（二等）、绿色通道入学；本学期安排勤工助学岗位。",
        policies_explained=[Policy.GRANT, Policy.LOAN_ORIGIN, Policy.WORK_STUDY, Policy.WISH_LIST],
        gifts_amount=Decimal("500"),
        gifts_items="大米一袋、食用油一桶",
        wish_list_state=WishListState.FILLED_IN,
        family_opinions="感谢学校关心，希望孩子能学到一技之长，早日就业。",
        verification_result="家庭情况与申请材料一致。",
        suggested_level=IdentificationLevel.DIFFICULT,
        key_support_suggested=False,
        follow_up=follow_up,
        family_confirmation=ConfirmationMethod.PAPER_SIGNATURE,
        family_confirmed_by=father.name,
        record_no=format_record_no((today - timedelta(days=10)).year, 1, seed % 9999 + 1),
    )
    return DemoStudent(student, family, visit)


def demo_history(demo: DemoStudent, *, today: date | None = None) -> DemoHistory:
    """The demo student's full history, every record kind filled (for the growth archive preview)."""
    today = today or date.today()
    sid = demo.student.id
    year = academic_year_of(today)
    earlier = today - timedelta(days=200)
    identification = Identification(
        student_id=sid,
        academic_year=year,
        level=IdentificationLevel.DIFFICULT,
        special_groups={SpecialGroup.DIBAO_MARGINAL: TriState.YES},
        causes=[HardshipCause.ILLNESS],
        per_capita_income=Decimal("10500"),
        identified_on=earlier,
        basis=[IdentificationBasis.HOME_VISIT, IdentificationBasis.DEMOCRATIC_REVIEW],
        status=IdentificationStatus.ARCHIVED,
        visit_before_identification=True,
        history=[
            IdentificationChange(
                changed_on=earlier - timedelta(days=12),
                status=IdentificationStatus.COLLEGE_REVIEW,
                level=IdentificationLevel.DIFFICULT,
                semester="第一学期",
                note="学院评议小组评议通过。",
            ),
            IdentificationChange(
                changed_on=earlier - timedelta(days=7),
                status=IdentificationStatus.PUBLICIZED,
                semester="第一学期",
                note="公示五个工作日，无异议",
            ),
        ],
    )
    aid = [
        GuaranteeAid(
            student_id=sid,
            academic_year=year,
            aid_type=AidType.GRANT,
            project_name="国家助学金（二等）",
            amount=Decimal("3300"),
            granted_on=earlier,
            funding_source="中央财政",
        ),
        GuaranteeAid(
            student_id=sid,
            academic_year=year,
            aid_type=AidType.WORK_STUDY,
            project_name="图书馆勤工助学",
            position="图书整理助理",
            granted_on=earlier,
        ),
    ]
    rewards = [
        GrowthReward(
            student_id=sid,
            academic_year=year,
            kind=RewardKind.SKILLS_TRAINING,
            form=RewardForm.INDIRECT,
            description="参加学院数控技能提升训练营",
            granted_on=earlier,
            granting_department="机电工程学院",
        )
    ]
    catalog = WishCatalogItem(
        category=DifficultyType.EMPLOYMENT,
        service_item="职业生涯规划一对一咨询",
        provider_department="就业指导中心",
    )
    wishes = [
        WishSelection(
            student_id=sid,
            academic_year=year,
            item_ids=[catalog.id],
            details="希望了解数控方向的就业前景。",
            status=WishStatus.MATCHED,
            responsible_person="就业指导中心 吴老师",
        )
    ]
    flags = [
        MonitoringFlag(
            student_id=sid,
            kind=FlagKind.FAMILY_EMERGENCY,
            raised_on=earlier,
            description="母亲住院，家庭支出骤增。",
            status=FlagStatus.RESOLVED,
            actions=[FlagAction.TEMPORARY_SUBSIDY_GRANTED],
            resolved_on=earlier + timedelta(days=7),
        )
    ]
    give_back = [
        GiveBackActivity(
            student_id=sid,
            kind=GiveBackKind.VOLUNTEER,
            title="社区助老志愿服务",
            activity_date=earlier,
            hours=Decimal("12"),
        )
    ]
    key_support = [
        KeySupport(
            student_id=sid,
            difficulty_types=[DifficultyType.EMPLOYMENT],
            started_on=earlier,
            start_review=ReviewRecord(
                reviewed_on=earlier, participants=["陈老师", "王主任"], conclusion="纳入"
            ),
        )
    ]
    mentors = [
        MentorAssignment(student_id=sid, mentor_id="demo-mentor", from_date=earlier, goals="明确就业方向")
    ]
    logs = [
        SupportLogEntry(
            student_id=sid,
            mentor_id="demo-mentor",
            log_date=earlier + timedelta(days=14),
            form=SupportForm.HEART_TO_HEART,
            summary="了解学生的职业兴趣，布置了职业测评。",
        )
    ]
    sessions = [
        RescueSession(
            kind=SessionKind.CASE_CONFERENCE,
            session_date=earlier + timedelta(days=20),
            participants=[Participant(name="陈老师", role=ParticipantRole.COUNSELOR)],
            student_ids=[sid],
            conclusions="继续跟进就业指导。",
        )
    ]
    visit = demo.visit.model_copy(
        update={
            "attachments": [
                Attachment(sha256="ab" * 32, file_name="家访签字页.jpg", size=412_000),
                Attachment(sha256="cd" * 32, file_name="住房情况.jpg", size=268_000),
            ]
        }
    )
    moment = datetime.combine(today, time(9, 30), tzinfo=UTC)
    audit = [
        AuditEntry(
            at=moment - timedelta(days=9),
            actor_id="demo-user",
            action=AuditAction.CREATE,
            record_type="home_visit",
            record_id=visit.id,
            student_id=sid,
        ),
        AuditEntry(
            at=moment - timedelta(days=8),
            actor_id="demo-user",
            action=AuditAction.EXPORT,
            record_type="home_visit",
            record_id=visit.id,
            student_id=sid,
            detail="pdf:visit_form",
        ),
        AuditEntry(
            at=moment - timedelta(days=2),
            actor_id="demo-user",
            action=AuditAction.EXPORT,
            record_type="home_visit",
            student_id=sid,
            detail="pdf:batch_visits",
        ),
        AuditEntry(
            at=moment - timedelta(days=1),
            actor_id="demo-user",
            action=AuditAction.PRINT,
            record_type="student",
            record_id=sid,
            student_id=sid,
            detail="pdf:blank_form",
        ),
    ]
    return DemoHistory(
        student=demo.student,
        college_name=DEMO_COLLEGE,
        counselor_name="陈老师",
        family=list(demo.family),
        identifications=[identification],
        aid=aid,
        visits=[visit],
        rewards=rewards,
        wishes=wishes,
        wish_item_names={catalog.id: catalog.service_item},
        flags=flags,
        give_backs=give_back,
        key_supports=key_support,
        mentor_assignments=mentors,
        mentor_names={"demo-mentor": "王老师"},
        support_logs=logs,
        rescue_sessions=sessions,
        audit=audit,
        user_names={"demo-user": "陈老师"},
    )
