"""Built-in column mappings: the national student-aid system's payment export, an academic affairs
system's term summary and JiaFang's plain templates (resources/import_templates/). They are offered next to the mappings a user saved, and a file
whose headers are exactly a preset's is read with it.

The national system's column titles are inferred from its published export samples (no official
schema was found); a school whose export differs saves its own mapping once.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store.importing.columns import ImportKind


@dataclass(frozen=True)
class Preset:
    kind: ImportKind
    fields: dict[str, str]  # header title -> field ("" = not imported)


NATIONAL_AID = "全国学生资助管理信息系统（资助发放明细）"
AID_TEMPLATE = "资助记录模板"
REWARD_TEMPLATE = "成长奖励模板"
ACADEMIC_AFFAIRS = "教务系统（学生成绩汇总）"
ACADEMIC_TEMPLATE = "学业成绩模板"
REGISTRAR_ENROLMENT = "教务系统学籍状态名单（学年、学期分列）"
ENROLMENT_TEMPLATE = "学籍状态模板"

PRESETS: dict[str, Preset] = {
    NATIONAL_AID: Preset(
        ImportKind.AID,
        {
            "学号": "student_no",
            "姓名": "name",
            "身份证件号码": "",  # not needed: the student is found by 学号 (and never stored from here)
            "资助学年": "academic_year",
            "资助项目类型": "aid_type",
            "资助项目名称": "project_name",
            "资助金额（元）": "amount",
            "发放时间": "granted_on",
            "资金来源": "funding_source",
        },
    ),
    AID_TEMPLATE: Preset(
        ImportKind.AID,
        {
            "学号": "student_no",
            "姓名": "name",
            "学年": "academic_year",
            "资助类型": "aid_type",
            "项目名称": "project_name",
            "金额(元)": "amount",
            "岗位": "position",
            "日期": "granted_on",
            "资金来源": "funding_source",
            "备注": "note",
        },
    ),
    REWARD_TEMPLATE: Preset(
        ImportKind.REWARD,
        {
            "学号": "student_no",
            "姓名": "name",
            "学年": "academic_year",
            "奖励类别": "kind",
            "奖励形式": "form",
            "内容": "description",
            "价值(元)": "value",
            "日期": "granted_on",
            "授予部门": "granting_department",
        },
    ),
    # The usual columns of a per-student term summary from an academic affairs system (正方、青果 and
    # the like: 学年 and 学期 apart); inferred from published samples, a school saves its own otherwise.
    ACADEMIC_AFFAIRS: Preset(
        ImportKind.ACADEMIC,
        {
            "学年": "academic_year",
            "学期": "term",
            "学号": "student_no",
            "姓名": "name",
            "学院": "",
            "专业": "",
            "班级": "",
            "平均学分绩点": "gpa",
            "不及格门数": "failed_courses",
        },
    ),
    ACADEMIC_TEMPLATE: Preset(
        ImportKind.ACADEMIC,
        {
            "学号": "student_no",
            "姓名": "name",
            "学期": "term",
            "平均学分绩点": "gpa",
            "不及格门数": "failed_courses",
        },
    ),
    # The registrar's roster of the term (教务系统 学籍信息/学籍异动 export): 学年 and 学期 in two columns.
    REGISTRAR_ENROLMENT: Preset(
        ImportKind.ENROLMENT,
        {
            "学号": "student_no",
            "姓名": "name",
            "学院": "",  # the student is found by 学号
            "专业": "",
            "班级": "",
            "学年": "academic_year",
            "学期": "term",
            "学籍状态": "state",
            "异动申请": "applied_state",
            "异动日期": "effective_on",
            "异动原因": "note",
        },
    ),
    ENROLMENT_TEMPLATE: Preset(
        ImportKind.ENROLMENT,
        {
            "学号": "student_no",
            "姓名": "name",
            "学期": "term",
            "学籍状态": "state",
            "申请中的学籍变动": "applied_state",
            "生效日期": "effective_on",
            "备注": "note",
        },
    ),
}
