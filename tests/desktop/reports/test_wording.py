"""Words for people: audit entries in the archive and joined cells without doubled punctuation."""

from __future__ import annotations

from desktop.reports.audit_wording import audit_description
from desktop.reports.formatting import joined
from desktop.reports.growth_archive import semester_of_year
from sync.records.audit import AuditEntry
from sync.records.enums import AuditAction


def _entry(action: AuditAction, record_type: str = "", detail: str = "") -> AuditEntry:
    return AuditEntry(action=action, record_type=record_type, detail=detail)


def test_audit_codes_read_as_words() -> None:
    export, printed = AuditAction.EXPORT, AuditAction.PRINT
    assert audit_description(_entry(export, "home_visit", "pdf:visit_form")) == "导出家访记录表"
    assert audit_description(_entry(export, "home_visit", "pdf:batch_visits")) == "批量导出家访记录表"
    assert (
        audit_description(_entry(export, "student", "pdf:batch_archives_combined"))
        == "批量导出资助成长档案（合并为一个文件）"
    )
    assert audit_description(_entry(printed, "student", "pdf:blank_form")) == "打印空白家访记录表"
    assert audit_description(_entry(AuditAction.CREATE, "home_visit")) == "新建家访记录"
    assert audit_description(_entry(export, "", "导入学生：新增 3 条")) == "导入学生：新增 3 条"
    assert audit_description(_entry(export, "", "sync quarantine: 2")) == "导出同步隔离记录 2 条"
    # an unknown code is never printed
    assert audit_description(_entry(export, "home_visit", "pdf:something_new")) == "导出家访记录"


def test_joined_never_doubles_punctuation() -> None:
    assert joined("成绩中上。", "家长希望孩子早日就业") == "成绩中上。家长希望孩子早日就业"
    assert joined("成绩中上", "家长希望孩子早日就业") == "成绩中上；家长希望孩子早日就业"
    assert joined("第一学期：", "公示", sep="：") == "第一学期：公示"
    assert joined("", " ", "甲") == "甲"
    assert joined("近期住院。", "□ 建议", sep="<br/>") == "近期住院。<br/>□ 建议"  # markup separators stay


def test_a_step_term_does_not_repeat_its_year() -> None:
    assert semester_of_year("2024-2025学年第一学期", "2024-2025") == "第一学期"
    assert semester_of_year("第二学期", "2024-2025") == "第二学期"
    assert semester_of_year("2023-2024学年第一学期", "2024-2025") == "2023-2024学年第一学期"
    assert semester_of_year("2024-2025学年", "2024-2025") == "2024-2025学年"
