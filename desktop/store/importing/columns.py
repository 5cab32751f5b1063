"""The columns an import understands: for each kind of file, the target fields and their usual headers.

The first title of a column is the one JiaFang writes when it exports (so an export imports back);
the other titles are what school systems commonly call the same column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sync.records.enums import CodedEnum


class ImportKind(CodedEnum):
    ROSTER = "roster", "学生名单"
    IDENTIFICATION = "identification", "困难认定结果"
    AID = "aid", "资助记录"
    REWARD = "reward", "成长奖励"
    ACADEMIC = "academic", "学业成绩"
    ENROLMENT = "enrolment", "学籍状态"


@dataclass(frozen=True)
class Column:
    field: str
    titles: tuple[str, ...]
    required: bool = False

    @property
    def title(self) -> str:
        return self.titles[0]


ROSTER_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号", "学籍号"), required=True),
    Column("name", ("姓名", "学生姓名"), required=True),
    Column("gender", ("性别",)),
    Column("ethnicity", ("民族",)),
    Column("birth_date", ("出生日期", "出生年月", "生日")),
    Column("id_number", ("身份证件号", "身份证号", "身份证号码", "证件号码", "公民身份号码")),
    Column("college", ("学院", "院系", "所在学院", "二级学院", "学院名称"), required=True),
    Column("major", ("专业", "专业名称")),
    Column("grade", ("年级",)),
    Column("class_name", ("班级", "班级名称", "行政班")),
    Column("political_status", ("政治面貌",)),
    Column("hukou_type", ("户口性质", "户籍性质", "户口类型")),
    Column("origin_place", ("生源地", "生源地区", "籍贯")),
    Column("home_address", ("家庭住址", "家庭地址", "家庭详细地址")),
    Column("phone", ("本人手机", "手机号", "手机号码", "联系电话", "学生手机")),
    Column("parent_phone", ("家长手机", "家长电话", "家长联系电话", "监护人电话")),
    Column("high_school", ("毕业中学", "毕业学校", "高中")),
    Column("talents", ("个人特长", "特长")),
    Column("counselor_no", ("辅导员工号",)),
    Column("counselor_name", ("辅导员", "辅导员姓名")),
    Column("is_new_student", ("是否新生", "新生")),
)

IDENTIFICATION_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号"), required=True),
    Column("name", ("姓名", "学生姓名")),
    Column("academic_year", ("学年", "认定学年"), required=True),
    Column("level", ("认定等级", "困难等级", "认定档次", "困难档次")),
    Column("status", ("认定状态", "状态")),
    Column("identified_on", ("认定日期", "认定时间")),
    Column("per_capita_income", ("家庭人均年收入", "家庭人均年收入(元)", "人均年收入")),
    Column("causes", ("致困原因", "困难原因")),
    Column("basis", ("认定依据",)),
    Column("without_application", ("免申即享",)),
    Column("visit_before_identification", ("先家访后认定",)),
    Column("aid_decision", ("资助决定", "资助结果", "拟资助项目")),
    Column("visit_exception_reason", ("先家访后认定例外原因", "未家访原因")),
    Column("note", ("备注",)),
)

# Guarantee-aid history (资助历史). Besides JiaFang's own titles, the usual titles of the national
# student-aid system's payment exports (全国学生资助管理信息系统; inferred, see docs/coverage.md).
AID_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号"), required=True),
    Column("name", ("姓名", "学生姓名")),
    Column("academic_year", ("学年", "资助学年", "发放学年"), required=True),
    Column("aid_type", ("资助类型", "资助项目类型", "项目类别", "资助类别")),
    Column("project_name", ("项目名称", "资助项目名称", "资助项目"), required=True),
    Column("amount", ("金额(元)", "金额", "资助金额", "资助金额(元)", "发放金额")),
    Column("position", ("岗位", "勤工助学岗位")),
    Column("granted_on", ("日期", "发放日期", "发放时间", "资助日期"), required=True),
    Column("funding_source", ("资金来源", "经费来源")),
    Column("note", ("备注",)),
)

REWARD_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号"), required=True),
    Column("name", ("姓名", "学生姓名")),
    Column("academic_year", ("学年", "奖励学年"), required=True),
    Column("kind", ("奖励类别", "奖励类型"), required=True),
    Column("form", ("奖励形式",)),
    Column("description", ("内容", "奖励内容", "奖励名称", "荣誉名称"), required=True),
    Column("value", ("价值(元)", "奖励金额", "金额")),
    Column("granted_on", ("日期", "奖励日期", "获奖日期", "授予日期"), required=True),
    Column("granting_department", ("授予部门", "颁发单位", "授予单位")),
)

# A term's results from the academic affairs system (教务系统): GPA and the failed-course count. The term
# may be one column ("2025-2026-1") or two (学年 "2025-2026", 学期 "1"), as the usual exports write it.
ACADEMIC_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号"), required=True),
    Column("name", ("姓名", "学生姓名")),
    Column("academic_year", ("学年", "学年度")),
    Column("term", ("学期", "学年学期", "开课学期", "考试学期", "学期名称"), required=True),
    Column("gpa", ("平均学分绩点", "学分绩点", "GPA", "平均绩点", "绩点", "平均学分绩")),
    Column(
        "failed_courses",
        ("不及格门数", "不及格课程数", "不及格科目数", "挂科门数", "不及格课程门数"),
        required=True,
    ),
)

# Enrolment status per term (学籍状态), from the registrar's (教务处) roster or 学籍异动 list: a term as
# "2025-2026-1" (or "2025-2026学年第一学期"), or a 学年 column and a 学期 column (1 / 2 / 第一学期).
ENROLMENT_COLUMNS: tuple[Column, ...] = (
    Column("student_no", ("学号", "学生学号"), required=True),
    Column("name", ("姓名", "学生姓名")),
    Column("term", ("学期", "学年学期", "所在学期"), required=True),
    Column("academic_year", ("学年",)),
    Column("state", ("学籍状态", "学籍状况", "在籍状态", "学生状态"), required=True),
    Column("applied_state", ("申请中的学籍变动", "异动申请", "学籍异动申请", "申请异动类别")),
    Column("effective_on", ("生效日期", "异动日期", "变动日期")),
    Column("note", ("备注", "异动原因")),
)

COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.ROSTER: ROSTER_COLUMNS,
    ImportKind.IDENTIFICATION: IDENTIFICATION_COLUMNS,
    ImportKind.AID: AID_COLUMNS,
    ImportKind.REWARD: REWARD_COLUMNS,
    ImportKind.ACADEMIC: ACADEMIC_COLUMNS,
    ImportKind.ENROLMENT: ENROLMENT_COLUMNS,
}

_NOISE = re.compile(r"[\s*＊:：]|（[^）]*）$|\([^)]*\)$")


def normalize_header(text: str) -> str:
    """Header text without spaces, required-markers (*) and a trailing note in brackets."""
    cleaned = _NOISE.sub("", text.strip())
    return cleaned or text.strip()


def _titles(kind: ImportKind) -> dict[str, str]:
    found: dict[str, str] = {}
    for column in COLUMNS[kind]:
        for title in column.titles:
            found.setdefault(normalize_header(title), column.field)
    return found


TITLES: dict[ImportKind, dict[str, str]] = {kind: _titles(kind) for kind in ImportKind}


def column_of(kind: ImportKind, field: str) -> Column:
    for column in COLUMNS[kind]:
        if column.field == field:
            return column
    raise KeyError(field)


def guess_field(kind: ImportKind, header: str) -> str | None:
    """The field a header stands for, by its usual titles (None when unknown)."""
    return TITLES[kind].get(normalize_header(header))
