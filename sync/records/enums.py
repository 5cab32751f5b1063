"""Coded enums: stable ASCII codes (stored, synced) with Chinese labels (shown, printed).

A code never changes once released; a label may be reworded.  ``Gender("male").label == "男"``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class CodedEnum(StrEnum):
    """A ``StrEnum`` whose members carry a zh_CN label: ``MALE = "male", "男"``."""

    _label_: str

    def __new__(cls, code: str, label: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label_ = label
        return member

    @property
    def label(self) -> str:
        """The Chinese label shown to users."""
        return self._label_

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Code -> label, in declaration order (for combo boxes and printed legends)."""
        return {member.value: member.label for member in cls}

    @classmethod
    def from_label(cls, label: str) -> Self:
        """The member with this Chinese label (for imports of spreadsheets typed by people)."""
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(f"“{label}”不是有效的选项")


class Ownership(StrEnum):
    """How concurrent edits of a record type merge (see DESIGN.md, Sync)."""

    SHARED = "shared"  # merged field by field (student profile, family, identification, key support…)
    AUTHOR = "author"  # append-style, owned by the author (visits, aid, rewards, support logs…)


class Role(CodedEnum):
    COUNSELOR = "counselor", "辅导员"
    MENTOR = "mentor", "育人导师"
    COLLEGE_CENTER = "college_center", "学院学生发展支持中心"
    SCHOOL_CENTER = "school_center", "学校学生发展支持中心"
    ADMIN = "admin", "系统管理员"


class Gender(CodedEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class PoliticalStatus(CodedEnum):
    PARTY_MEMBER = "party_member", "中共党员"
    PROBATIONARY_MEMBER = "probationary_member", "中共预备党员"
    LEAGUE_MEMBER = "league_member", "共青团员"
    DEMOCRATIC_PARTY = "democratic_party", "民主党派"
    MASSES = "masses", "群众"


class HukouType(CodedEnum):
    URBAN = "urban", "城镇"
    RURAL = "rural", "农村"


class HealthStatus(CodedEnum):
    HEALTHY = "healthy", "健康"
    MINOR = "minor", "小病或轻残"
    MAJOR = "major", "大病或重残"


class MemberStatus(CodedEnum):
    """Whether a family member is present (DOMAIN: 已故/失踪/离异 noted)."""

    PRESENT = "present", "在家庭中"
    DECEASED = "deceased", "已故"
    MISSING = "missing", "失踪"
    DIVORCED = "divorced", "离异"


class IdentificationLevel(CodedEnum):
    ESPECIALLY_DIFFICULT = "especially_difficult", "特别困难"
    DIFFICULT = "difficult", "困难"
    GENERALLY_DIFFICULT = "generally_difficult", "一般困难"
    NOT_DIFFICULT = "not_difficult", "不困难"


class TriState(CodedEnum):
    """Yes / no / unknown: "unknown" is not "no"."""

    YES = "yes", "是"
    NO = "no", "否"
    UNKNOWN = "unknown", "未知"


class SpecialGroup(CodedEnum):
    POVERTY_ALLEVIATED = "poverty_alleviated", "脱贫家庭(原建档立卡)/监测对象"
    DIBAO = "dibao", "低保"
    DIBAO_MARGINAL = "dibao_marginal", "低保边缘"
    EXTREME_POVERTY_SUPPORT = "extreme_poverty_support", "特困供养"
    ORPHAN = "orphan", "孤儿/事实无人抚养"
    DISABLED = "disabled", "残疾学生/残疾人子女"
    MARTYR_FAMILY = "martyr_family", "烈士子女/优抚对象子女"
    POOR_WORKER_CHILD = "poor_worker_child", "特困职工子女"
    SINGLE_PARENT = "single_parent", "单亲"
    SERIOUS_ILLNESS = "serious_illness", "本人重大疾病"


class HardshipCause(CodedEnum):
    ILLNESS = "illness", "因病"
    DISABILITY = "disability", "因残"
    DISASTER = "disaster", "因灾"
    SINGLE_PARENT = "single_parent", "单亲"
    WEAK_LABOUR = "weak_labour", "劳动力弱"
    EMERGENCY = "emergency", "突发事件"
    OTHER = "other", "其他"


class IdentificationBasis(CodedEnum):
    HOME_VISIT = "home_visit", "家访"
    INTERVIEW = "interview", "谈话"
    DEMOCRATIC_REVIEW = "democratic_review", "民主评议"
    BIG_DATA = "big_data", "大数据"
    DOCUMENTS = "documents", "证明材料"
    OTHER = "other", "其他"


class IdentificationStatus(CodedEnum):
    APPLIED = "applied", "申请"
    COLLEGE_REVIEW = "college_review", "学院评议"
    PUBLICIZED = "publicized", "公示"
    IDENTIFIED = "identified", "认定"
    ARCHIVED = "archived", "建档"


class VisitCategory(CodedEnum):
    PRE_IDENTIFICATION = "pre_identification", "认定前核实"
    ANNUAL_COVERAGE = "annual_coverage", "年度全覆盖"
    KEY_SUPPORT_FOLLOW_UP = "key_support_follow_up", "重点帮扶跟进"
    SUDDEN_HARDSHIP = "sudden_hardship", "突发困难"


class VisitMode(CodedEnum):
    ON_SITE = "on_site", "实地入户"
    AT_SCHOOL = "at_school", "到校约谈"
    PHONE = "phone", "电话"
    VIDEO = "video", "视频"
    WECHAT_QQ = "wechat_qq", "微信·QQ"


class VisitStatus(CodedEnum):
    """A draft may be incomplete; a submitted visit must pass every rule of its category."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    REVIEWED = "reviewed", "已审核"


class VisitorRole(CodedEnum):
    COUNSELOR = "counselor", "辅导员"
    HEAD_TEACHER = "head_teacher", "班主任"
    COLLEGE_LEADER = "college_leader", "学院领导"
    MENTOR = "mentor", "育人导师"
    CENTER_STAFF = "center_staff", "支持中心工作人员"
    OTHER = "other", "其他"


class HousingType(CodedEnum):
    SELF_BUILT = "self_built", "自建房"
    COMMERCIAL = "commercial", "商品房"
    RENTED = "rented", "租住"
    BORROWED = "borrowed", "借住"
    OTHER = "other", "其他"


class IncomeSource(CodedEnum):
    FARMING = "farming", "务农"
    MIGRANT_WORK = "migrant_work", "外出务工"
    WAGES = "wages", "工资收入"
    SELF_EMPLOYED = "self_employed", "个体经营"
    PENSION = "pension", "养老金/退休金"
    GOVERNMENT_SUBSIDY = "government_subsidy", "低保及政府补助"
    RELATIVES = "relatives", "亲友资助"
    OTHER = "other", "其他"


class Policy(CodedEnum):
    """Policies explained on a visit: the 八位一体 items and related measures."""

    GREEN_CHANNEL = "green_channel", "绿色通道"
    LOAN_ORIGIN = "loan_origin", "生源地信用助学贷款"
    LOAN_CAMPUS = "loan_campus", "校园地助学贷款"
    HARDSHIP_SUBSIDY = "hardship_subsidy", "困难补助"
    TUITION_WAIVER = "tuition_waiver", "减免学费"
    WORK_STUDY = "work_study", "勤工助学"
    SCHOLARSHIP = "scholarship", "奖学金"
    GRANT = "grant", "助学金"
    SOCIAL_DONATION = "social_donation", "社会捐赠"
    TEMPORARY_SUBSIDY = "temporary_subsidy", "临时困难补助"
    WISH_LIST = "wish_list", "成长发展心愿单"
    GROWTH_REWARD = "growth_reward", "成长奖励"


class WishListState(CodedEnum):
    NOT_HANDED_OUT = "not_handed_out", "未发放"
    HANDED_OUT = "handed_out", "已发放"
    FILLED_IN = "filled_in", "已填写"


class ConfirmationMethod(CodedEnum):
    """How the family confirmed a visit record (家长签字或线上确认)."""

    NONE = "none", "未确认"
    PAPER_SIGNATURE = "paper_signature", "纸质签字"
    ONLINE = "online", "线上确认"


class DifficultyType(CodedEnum):
    """The seven difficulties of key-support targets; also the wish-list categories."""

    PSYCHOLOGICAL = "psychological", "心理困难"
    ACADEMIC = "academic", "学业困难"
    EMPLOYMENT = "employment", "就业困难"
    MORAL_BEHAVIOUR = "moral_behaviour", "品德行为"
    COMPREHENSIVE_QUALITY = "comprehensive_quality", "综合素养"
    FAMILY_GUIDANCE = "family_guidance", "家庭指导"
    SPECIAL_EDUCATION = "special_education", "特殊教育"


class SupportForm(CodedEnum):
    HEART_TO_HEART = "heart_to_heart", "谈心谈话"
    ACADEMIC_GUIDANCE = "academic_guidance", "学业指导"
    HOME_SCHOOL = "home_school", "家校沟通"
    ACTIVITY = "activity", "活动"


class AidType(CodedEnum):
    GREEN_CHANNEL = "green_channel", "绿色通道"
    LOAN_ORIGIN = "loan_origin", "生源地信用助学贷款"
    LOAN_CAMPUS = "loan_campus", "校园地助学贷款"
    HARDSHIP_SUBSIDY = "hardship_subsidy", "困难补助"
    TUITION_WAIVER = "tuition_waiver", "减免学费"
    WORK_STUDY = "work_study", "勤工助学"
    SCHOLARSHIP = "scholarship", "奖学金"
    GRANT = "grant", "助学金"
    SOCIAL_DONATION = "social_donation", "社会捐赠"
    TEMPORARY_SUBSIDY = "temporary_subsidy", "临时困难补助"


class RewardKind(CodedEnum):
    SCHOLARSHIP = "scholarship", "奖学金"
    COMMENDATION = "commendation", "公开表彰"
    POSITION_TRAINING = "position_training", "岗位锻炼"
    STUDY_TOUR = "study_tour", "研学机会"
    SKILLS_TRAINING = "skills_training", "技能培训"
    SOCIAL_PRACTICE = "social_practice", "社会实践"
    OTHER = "other", "其他"


class RewardForm(CodedEnum):
    DIRECT = "direct", "直接奖励(资金、物品)"
    INDIRECT = "indirect", "间接奖励(平台、机会)"


class SessionKind(CodedEnum):
    RESCUE_EDUCATION = "rescue_education", "救助性教育"
    CASE_CONFERENCE = "case_conference", "集体教研"


class ParticipantRole(CodedEnum):
    COUNSELOR = "counselor", "辅导员"
    MENTOR = "mentor", "育人导师"
    PSYCHOLOGY = "psychology", "心理健康教师"
    ACADEMIC = "academic", "学业指导教师"
    CAREERS = "careers", "就业指导教师"
    CENTER_STAFF = "center_staff", "支持中心工作人员"
    OTHER = "other", "其他"


class WishFiller(CodedEnum):
    STUDENT = "student", "学生"
    PARENT = "parent", "家长"


class WishChannel(CodedEnum):
    HOME_VISIT_PAPER = "home_visit_paper", "家访时纸质填写"
    ONLINE = "online", "线上填写"


class WishPriority(CodedEnum):
    HIGH = "high", "高"
    NORMAL = "normal", "中"
    LOW = "low", "低"


class WishStatus(CodedEnum):
    PENDING = "pending", "待受理"
    MATCHED = "matched", "已对接"
    IN_PROGRESS = "in_progress", "进行中"
    COMPLETED = "completed", "已完成"
    UNFULFILLABLE = "unfulfillable", "无法满足"


class FlagKind(CodedEnum):
    NO_LONGER_ELIGIBLE = "no_longer_eligible", "不再符合认定条件"
    ELIGIBLE_NOT_REGISTERED = "eligible_not_registered", "符合条件但未入库"
    FAMILY_EMERGENCY = "family_emergency", "家庭突发变故"
    PSYCH_OR_LIFE_ANOMALY = "psych_or_life_anomaly", "心理/生活异常"
    OTHER = "other", "其他"


class FlagStatus(CodedEnum):
    OPEN = "open", "待处理"
    IN_PROGRESS = "in_progress", "处理中"
    RESOLVED = "resolved", "已处理"


class FlagAction(CodedEnum):
    TEMPORARY_SUBSIDY_GRANTED = "temporary_subsidy_granted", "发放临时困难补助"
    LEVEL_ADJUSTED = "level_adjusted", "调整认定档次"
    KEY_SUPPORT_STARTED = "key_support_started", "纳入重点帮扶"
    REFERRED = "referred", "转介相关部门"
    OTHER = "other", "其他"


class GiveBackKind(CodedEnum):
    VOLUNTEER = "volunteer", "志愿服务"
    AID_AMBASSADOR = "aid_ambassador", "资助宣传大使"
    OTHER = "other", "其他"


class EnrolmentState(CodedEnum):
    """A student's enrolment (学籍) in a term, as the registrar records it."""

    STUDYING = "studying", "在读"
    SUSPENDED = "suspended", "休学"
    RESERVED = "reserved", "保留学籍"
    WITHDRAWN = "withdrawn", "退学"
    TRANSFERRED = "transferred", "转学"
    GRADUATED = "graduated", "毕业"
    COMPLETED = "completed", "结业"


class AuditAction(CodedEnum):
    CREATE = "create", "新建"
    UPDATE = "update", "修改"
    DELETE = "delete", "删除"
    REVIEW = "review", "审核"
    VIEW_RESTRICTED = "view_restricted", "查看受限内容"
    EXPORT = "export", "导出"
    PRINT = "print", "打印"
    LOGIN = "login", "登录"
    BACKUP = "backup", "备份"
    RESTORE = "restore", "恢复备份"
