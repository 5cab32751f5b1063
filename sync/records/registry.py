"""Every record type by its stable name."""

from __future__ import annotations

from sync.records.aid import GiveBackActivity, GrowthReward, GuaranteeAid
from sync.records.audit import AuditEntry
from sync.records.base import Record
from sync.records.monitoring import MonitoringFlag
from sync.records.outcomes import AcademicResult, CaseReview, CollegeAcademicBenchmark, EnrolmentStatus
from sync.records.people import College, Mentor, SchoolCenter, User
from sync.records.students import FamilyMember, Identification, Student
from sync.records.support import KeySupport, MentorAssignment, RescueSession, SupportLogEntry
from sync.records.visits import HomeVisit
from sync.records.wishes import WishCatalogItem, WishSelection

ALL_RECORDS: tuple[type[Record], ...] = (
    College,
    SchoolCenter,
    User,
    Mentor,
    Student,
    FamilyMember,
    Identification,
    HomeVisit,
    GuaranteeAid,
    GrowthReward,
    GiveBackActivity,
    KeySupport,
    MentorAssignment,
    SupportLogEntry,
    RescueSession,
    WishCatalogItem,
    WishSelection,
    MonitoringFlag,
    AuditEntry,
    EnrolmentStatus,
    CaseReview,
    AcademicResult,
    CollegeAcademicBenchmark,
)

RECORD_TYPES: dict[str, type[Record]] = {record.RECORD_TYPE: record for record in ALL_RECORDS}

# Chinese names of the record types (for people: summaries, printed audit trails).
RECORD_TYPE_LABELS: dict[str, str] = {
    "college": "学院",
    "school_center": "学校学生发展支持中心",
    "user": "账号",
    "mentor": "育人导师",
    "student": "学生",
    "family_member": "家庭成员",
    "identification": "困难认定",
    "home_visit": "家访记录",
    "guarantee_aid": "保障型资助",
    "growth_reward": "成长奖励",
    "give_back_activity": "回馈活动",
    "key_support": "重点帮扶",
    "mentor_assignment": "导师分配",
    "support_log_entry": "帮扶记录",
    "rescue_session": "救助性教育/集体教研",
    "wish_catalog_item": "心愿单服务项目",
    "wish_selection": "心愿单",
    "monitoring_flag": "监测反馈",
    "audit_entry": "审计记录",
    "enrolment_status": "学籍状态",
    "case_review": "个案评议",
    "academic_result": "学业成绩",
    "college_academic_benchmark": "学院学业基准",
}


def record_type(name: str) -> type[Record]:
    """The record class for a stable type name; raises KeyError with a Chinese message."""
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise KeyError(f"未知的记录类型：{name}") from None
