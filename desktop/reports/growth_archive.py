"""The growth archive (资助成长档案): one student's records assembled into a filed document.

Sections follow DOMAIN.md: profile, family, identification history, guarantee aid, home visits, traits
and portrait, growth rewards, wish list and services, monitoring, one-to-one talks (个别交流: when, how,
on what and by whom — never what was said, which like the key-support log's notes stays in the app),
give-back activities, and, only when
the reader's role may see it and the reader asks for it, the restricted key-support section; then the
attachment list and the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.reports.audit_wording import audit_description
from desktop.reports.file_names import ARCHIVE_PREFIX, student_document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import data_table, narrative_rows, note_line, title_block
from desktop.reports.formatting import fmt_date, fmt_day, fmt_int, fmt_label, fmt_labels, fmt_money, joined
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import DocumentInfo, FormHeader, FormStart, PageFrame, printed_on, render
from desktop.reports.print_settings import DEFAULT_ARCHIVE_TITLE
from desktop.reports.styles import FormStyles, form_styles
from desktop.reports.visit_form import FAMILY_HEADERS, FAMILY_WIDTHS, family_rows, student_grid
from desktop.store.repositories.history import StudentHistory
from desktop.store.role_rules import BULK_KEY_SUPPORT_ROLES, KEY_SUPPORT_ROLES
from sync.records.enums import Role, TriState

NONE_YET = "（暂无记录）"
AUDIT_ROWS = 30
ARCHIVE_NOTE = (
    "注：本档案由系统根据认定、资助、家访、奖励、心愿单等记录自动生成；身份证件号、手机号已部分隐去。"
    "档案仅供学生资助育人工作使用，严禁公开。"
)


class KeySupportNotAllowed(PermissionError):
    """The reader's role may not see the key-support section."""


def may_see_key_support(role: Role | None) -> bool:
    """Counselors, mentors and the centers may see key support; administrators may not (role_rules)."""
    return role in KEY_SUPPORT_ROLES


def may_bulk_export_key_support(role: Role | None) -> bool:
    """The key-support section leaves in bulk only with a center role (DOMAIN: privacy; role_rules)."""
    return role in BULK_KEY_SUPPORT_ROLES


@dataclass(frozen=True)
class ArchiveOptions:
    school_name: str = ""
    title: str = DEFAULT_ARCHIVE_TITLE
    include_key_support: bool = False
    printed_at: datetime | None = None


def _numbered(titles: Sequence[str]) -> list[str]:
    digits = "一二三四五六七八九十"
    out = []
    for i, title in enumerate(titles, start=1):
        number = digits[i - 1] if i <= 10 else "十" + digits[i - 11]
        out.append(f"{number}、{title}")
    return out


def archive_story(bundle: StudentHistory, *, styles: FormStyles, options: ArchiveOptions) -> list[Flowable]:
    """The flowables of one student's archive."""
    s = bundle.student
    sections = [
        "基本信息",
        "家庭成员",
        "困难认定记录",
        "保障型资助记录",
        "家访记录",
        "学生特点与成长画像",
        "成长奖励",
        "成长发展心愿单及服务",
        "监测反馈",
        "个别交流",
        "回馈社会活动",
    ]
    if options.include_key_support:
        sections.append("重点帮扶（受限内容）")
    sections.append("附件及档案记录")
    heads = iter(_numbered(sections))
    meta = [
        ("学院", bundle.college_name),
        ("辅导员", bundle.counselor_name),
        ("生成日期", printed_on(options.printed_at)),
    ]
    # The QR code holds the student record id only (the app opens the student from it).
    story: list[Flowable] = [FormStart(FormHeader(f"{s.name}　{s.student_no}", qr=s.id))]
    story.extend(title_block(styles, options.school_name, options.title, meta))
    story.append(student_grid(styles, s, bundle.college_name, heading=next(heads)))
    story.append(
        data_table(
            styles,
            FAMILY_HEADERS,
            _rows_or_none(family_rows(bundle.family)),
            FAMILY_WIDTHS,
            heading=next(heads),
            centered=(1, 2, 5, 6),
        )
    )
    story.extend(_identifications(styles, bundle, next(heads)))
    story.append(_aid(styles, bundle, next(heads)))
    story.append(_visits(styles, bundle, next(heads)))
    story.extend(_portrait(styles, bundle, next(heads)))
    story.append(_rewards(styles, bundle, next(heads)))
    story.append(_wishes(styles, bundle, next(heads)))
    story.append(_flags(styles, bundle, next(heads)))
    story.append(_talks(styles, bundle, next(heads)))
    story.append(_give_back(styles, bundle, next(heads)))
    if options.include_key_support:
        story.extend(_key_support(styles, bundle, next(heads)))
    story.extend(_attachments_and_audit(styles, bundle, next(heads)))
    story.append(Spacer(1, 2 * mm))
    story.append(note_line(styles, ARCHIVE_NOTE))
    return story


def _rows_or_none(rows: list[list[str]]) -> list[list[str]]:
    return rows or [[NONE_YET]]  # one cell: the table spans it over every column


def _identifications(styles: FormStyles, bundle: StudentHistory, heading: str) -> list[Flowable]:
    headers = ("学年", "认定等级", "特殊群体", "致困原因", "人均年收入(元)", "认定日期", "认定依据", "状态")
    rows = []
    steps: list[list[str]] = []
    for ident in sorted(bundle.identifications, key=lambda i: i.academic_year):
        flags = [g.label for g in ident.groups_with(TriState.YES)]
        marks = joined(
            "免申即享" if ident.without_application else "",
            "先家访后认定" if ident.visit_before_identification else "",
            sep="、",
        )
        rows.append(
            [
                ident.academic_year,
                fmt_label(ident.level),
                "、".join(flags) or "无",
                fmt_labels(ident.causes),
                fmt_money(ident.per_capita_income),
                fmt_day(ident.identified_on),
                joined(fmt_labels(ident.basis), marks, sep="；"),
                ident.status.label,
            ]
        )
        steps.extend(
            [
                ident.academic_year,
                semester_of_year(change.semester, ident.academic_year),
                change.status.label,
                fmt_label(change.level),
                fmt_day(change.changed_on),
                change.note,
            ]
            for change in ident.history
        )
    parts: list[Flowable] = [
        data_table(
            styles,
            headers,
            _rows_or_none(rows),
            (17, 14, 30, 18, 15, 18, 22, 10),
            heading=heading,
            centered=(0, 1, 4, 5, 7),
        )
    ]
    if steps:  # each step of the process and each later adjustment, under its own headers
        parts.append(
            data_table(
                styles,
                ("学年", "学期", "认定环节", "等级", "日期", "说明"),
                steps,
                (17, 15, 15, 14, 18, 62),
                centered=(0, 1, 2, 3, 4),
            )
        )
    return parts


def semester_of_year(semester: str, academic_year: str) -> str:
    """The term under its year's column without repeating the year: "2024-2025学年第一学期" → "第一学期"."""
    rest = semester.removeprefix(academic_year).removeprefix("学年").strip()
    return rest if semester.startswith(academic_year) and rest else semester


def _aid(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("学年", "资助类型", "项目名称", "金额(元)/岗位", "日期", "资金来源")
    rows = [
        [
            a.academic_year,
            a.aid_type.label,
            a.project_name,
            joined(fmt_money(a.amount), a.position, sep="；"),
            fmt_day(a.granted_on),
            a.funding_source,
        ]
        for a in sorted(bundle.aid, key=lambda a: a.granted_on)
    ]
    return data_table(
        styles, headers, _rows_or_none(rows), (17, 22, 40, 22, 20, 20), heading=heading, centered=(0, 3, 4)
    )


def _visits(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("家访日期", "家访类别", "家访形式", "地点(县/镇)", "家访人员", "在校表现反馈及家长意见")
    rows = [
        [
            fmt_day(v.visit_date),
            v.category.label,
            v.mode.label,
            v.place,
            "、".join(p.name for p in v.visitors),
            joined(v.school_feedback, v.family_opinions, sep="；"),
        ]
        for v in sorted(bundle.visits, key=lambda v: v.visit_date)
    ]
    return data_table(
        styles, headers, _rows_or_none(rows), (20, 17, 15, 22, 20, 50), heading=heading, centered=(0, 1, 2)
    )


def _portrait(styles: FormStyles, bundle: StudentHistory, heading: str) -> list[Flowable]:
    items: list[tuple[str, str]] = []
    if bundle.student.talents:
        items.append(("个人特长", bundle.student.talents))
    for v in sorted(bundle.visits, key=lambda v: v.visit_date):
        if v.student_traits:
            items.append((f"{fmt_date(v.visit_date)}家访", v.student_traits))
    if not items:
        items.append(("学生特点", NONE_YET))
    return narrative_rows(styles, items, heading=heading)


def _rewards(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("学年", "奖励类别", "奖励形式", "内容", "价值(元)", "日期", "授予部门")
    rows = [
        [
            r.academic_year,
            r.kind.label,
            r.form.label,
            r.description,
            fmt_money(r.value),
            fmt_day(r.granted_on),
            r.granting_department,
        ]
        for r in sorted(bundle.rewards, key=lambda r: r.granted_on)
    ]
    return data_table(
        styles,
        headers,
        _rows_or_none(rows),
        (17, 15, 20, 38, 13, 20, 20),
        heading=heading,
        centered=(0, 1, 4, 5),
    )


def _wishes(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("学年", "所选服务项目", "具体需求", "填写", "状态", "负责人", "完成日期及反馈")
    rows = [
        [
            w.academic_year,
            "、".join(bundle.wish_item_names.get(i, "（项目已停用）") for i in w.item_ids),
            w.details,
            f"{w.filled_by.label}·{w.channel.label}",
            w.status.label,
            w.responsible_person,
            joined(fmt_day(w.completed_on), w.feedback, sep="；"),
        ]
        for w in sorted(bundle.wishes, key=lambda w: w.academic_year)
    ]
    return data_table(
        styles,
        headers,
        _rows_or_none(rows),
        (17, 30, 30, 20, 12, 18, 27),
        heading=heading,
        centered=(0, 4),
    )


def _flags(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("提出日期", "反馈类型", "情况说明", "状态", "处理措施", "完成日期")
    rows = [
        [
            fmt_day(f.raised_on),
            f.kind.label,
            f.description,
            f.status.label,
            joined(fmt_labels(f.actions), f.action_notes, sep="；"),
            fmt_day(f.resolved_on),
        ]
        for f in sorted(bundle.flags, key=lambda f: f.raised_on)
    ]
    return data_table(
        styles, headers, _rows_or_none(rows), (20, 22, 45, 13, 35, 20), heading=heading, centered=(0, 3, 5)
    )


def _talks(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    """个别交流: date, mode, topics and who talked; the summary and follow-up are not printed."""
    headers = ("交流日期", "方式", "交流主题", "交流人")
    rows = [
        [fmt_day(t.talked_on), t.mode.label, t.topics, bundle.user_names.get(t.talked_by_id or "", "")]
        for t in sorted(bundle.talks, key=lambda t: t.talked_on)
    ]
    return data_table(
        styles, headers, _rows_or_none(rows), (25, 20, 85, 25), heading=heading, centered=(0, 1, 3)
    )


def _give_back(styles: FormStyles, bundle: StudentHistory, heading: str) -> Flowable:
    headers = ("日期", "类别", "活动名称", "时长(小时)", "说明")
    rows = [
        [
            fmt_day(g.activity_date),
            g.kind.label,
            g.title,
            "" if g.hours is None else f"{g.hours.normalize():f}",
            g.description,
        ]
        for g in sorted(bundle.give_backs, key=lambda g: g.activity_date)
    ]
    return data_table(
        styles, headers, _rows_or_none(rows), (20, 22, 40, 15, 58), heading=heading, centered=(0, 1, 3)
    )


def _key_support(styles: FormStyles, bundle: StudentHistory, heading: str) -> list[Flowable]:
    periods = []
    for k in sorted(bundle.key_supports, key=lambda k: k.started_on):
        start = joined(fmt_day(k.started_on), k.start_review.conclusion if k.start_review else "", sep="；")
        end = (
            joined(fmt_day(k.exited_on), k.exit_review.conclusion if k.exit_review else "", sep="；")
            or "帮扶中"
        )
        periods.append([fmt_labels(k.difficulty_types), start, end, k.note])
    parts: list[Flowable] = [
        data_table(
            styles,
            ("困难类型", "纳入日期及评议", "退出日期及评议", "备注"),
            _rows_or_none(periods),
            (35, 40, 40, 40),
            heading=heading,
        )
    ]
    mentors = [
        [
            bundle.mentor_names.get(m.mentor_id, ""),
            joined(fmt_day(m.from_date), fmt_day(m.to_date) or "至今", sep=" — "),
            m.goals,
            m.plan,
        ]
        for m in sorted(bundle.mentor_assignments, key=lambda m: m.from_date)
    ]
    parts.append(
        data_table(
            styles,
            ("育人导师", "起止日期", "帮扶目标", "帮扶计划(一人一策)"),
            _rows_or_none(mentors),
            (20, 35, 45, 55),
        )
    )
    logs = [
        [
            fmt_day(e.log_date),
            e.form.label,
            fmt_int(e.duration_minutes, "分钟"),
            e.summary,
            e.assessment,
            e.next_steps,
        ]
        for e in sorted(bundle.support_logs, key=lambda e: e.log_date)
    ]
    parts.append(
        data_table(
            styles,
            ("帮扶日期", "形式", "时长", "摘要", "评估", "下一步"),
            _rows_or_none(logs),
            (20, 15, 13, 45, 30, 30),
            centered=(0, 1, 2),
        )
    )
    sessions = [
        [
            fmt_day(r.session_date),
            r.kind.label,
            r.topic,
            "、".join(p.name for p in r.participants),
            joined(r.conclusions, r.measures, sep="；"),
        ]
        for r in sorted(bundle.rescue_sessions, key=lambda r: r.session_date)
    ]
    parts.append(
        data_table(
            styles,
            ("日期", "类别", "主题", "参加人员", "结论与措施"),
            _rows_or_none(sessions),
            (20, 18, 30, 30, 55),
            centered=(0, 1),
        )
    )
    return parts


def _attachments_and_audit(styles: FormStyles, bundle: StudentHistory, heading: str) -> list[Flowable]:
    files = [
        [fmt_day(v.visit_date), a.file_name, f"{max(1, a.size // 1024)} KB"]
        for v in sorted(bundle.visits, key=lambda v: v.visit_date)
        for a in v.attachments
    ]
    parts: list[Flowable] = [
        data_table(
            styles,
            ("家访日期", "附件", "大小"),
            _rows_or_none(files),
            (25, 110, 20),
            heading=heading,
            centered=(0, 2),
        )
    ]
    recent = sorted(bundle.audit, key=lambda e: e.at)[-AUDIT_ROWS:]
    audit_rows = [
        [_local_time(e.at), audit_description(e), bundle.user_names.get(e.actor_id or "", "")] for e in recent
    ]
    parts.append(
        data_table(
            styles,
            ("时间", "操作", "操作人"),
            _rows_or_none(audit_rows),
            (30, 95, 30),
            centered=(0, 2),
        )
    )
    return parts


def archive_info(bundle: StudentHistory, printed_at: datetime | None) -> DocumentInfo:
    """Neutral metadata: 成长档案 学号 日期."""
    return student_document_info(ARCHIVE_PREFIX, bundle.student, (printed_at or datetime.now()).date())


def _local_time(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%Y-%m-%d %H:%M}"


def build_growth_archive(
    bundle: StudentHistory,
    *,
    school_name: str,
    title: str = DEFAULT_ARCHIVE_TITLE,
    include_key_support: bool = False,
    viewer_role: Role | None = None,
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """One student's growth archive as PDF bytes (also written to ``out`` if given).

    ``include_key_support`` needs a ``viewer_role`` that may see it (raises :class:`KeySupportNotAllowed`).
    """
    if include_key_support and not may_see_key_support(viewer_role):
        raise KeySupportNotAllowed("当前角色无权查看重点帮扶内容")
    fonts = fonts or pdf_fonts()
    styles = form_styles(fonts)
    options = ArchiveOptions(school_name, title, include_key_support, printed_at)
    story = archive_story(bundle, styles=styles, options=options)
    info = archive_info(bundle, printed_at)
    data = render(story, PageFrame(fonts, school_name, title, author=school_name, info=info))
    write_pdf(data, out)
    return data
