"""The home-visit record form (家访记录表): filled from a visit, or blank for handwriting on a trip.

The form follows the visit fields of DOMAIN.md in nine sections.  Privacy on paper: the ID number and
phones are masked (6+4, 3+4); the home address is not printed (the visit place is kept to 县/镇 only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.reports.file_names import BLANK_PREFIX, VISIT_PREFIX, document_info, student_label
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.form_parts import (
    DATE_BLANK,
    HEADING_ROOM,
    WRITING_ROW,
    Field,
    KeptWithTail,
    box,
    checkboxes,
    data_table,
    field_grid,
    label_markup,
    narrative_rows,
    note_line,
    section_bar,
    signature_panel,
    title_block,
)
from desktop.reports.formatting import fmt_date, fmt_int, fmt_label, fmt_money, joined
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import DocumentInfo, FormHeader, FormStart, PageFrame, printed_on, render
from desktop.reports.print_settings import DEFAULT_VISIT_TITLE
from desktop.reports.styles import FormStyles, form_styles
from sync.records.enums import (
    ConfirmationMethod,
    DifficultyType,
    HardshipCause,
    HousingType,
    IdentificationLevel,
    IncomeSource,
    MemberStatus,
    Policy,
    SpecialGroup,
    TriState,
    VisitCategory,
    VisitMode,
    WishListState,
)
from sync.records.masking import mask_id_number, mask_phone
from sync.records.record_numbers import qr_payload
from sync.records.students import FamilyMember, Student
from sync.records.visits import HomeVisit, HouseholdMember

FAMILY_HEADERS = ("姓名", "年龄", "与学生关系", "工作(学习)单位", "职业", "年收入(元)", "健康状况")
FAMILY_WIDTHS = (16, 9, 15, 38, 18, 17, 22)
VERIFIED_HEADER, VERIFIED_WIDTH, VERIFIED_MARK = "本次核实", 13, "已核实"  # the visit form only
BLANK_FAMILY_ROWS = 8
FILLED_ROW = 6.8 * mm
PRIVACY_NOTE = (
    "注：1. 身份证件号、手机号已按隐私保护要求部分隐去，家庭住址不在本表打印；"
    "2. 本表经家访人、家长（或线上确认）及学生签字后，由学院学生发展支持中心存档；"
    "3. 家访情况严格保密，不得公开或用于资助工作以外的用途。"
)
# The blank form: the family writes the full numbers in by hand, so nothing about masking.
BLANK_NOTE = "注：本表经家访人、家长（或线上确认）及学生签字后由学院学生发展支持中心存档，严格保密。"


@dataclass(frozen=True)
class FormOptions:
    """Settings printed on a form (from the app's settings)."""

    school_name: str = ""
    title: str = DEFAULT_VISIT_TITLE
    college_name: str = ""
    printed_at: datetime | None = None


def writing_lines(lines: int) -> float:
    """The height of a blank to write ``lines`` lines by hand in."""
    return lines * WRITING_ROW


def visit_number(visit: HomeVisit) -> str:
    """The number printed on the form: the record number, or (not yet numbered) the id's last digits."""
    return visit.record_no or visit.id[-12:]


def visit_info(visit: HomeVisit | None, student: Student | None) -> DocumentInfo:
    """Neutral metadata: 家访记录 学号 日期 (the record number as keyword), or 家访记录表 … 空白."""
    if visit is None:
        return document_info(BLANK_PREFIX, student_label(student) if student else "", "空白")
    label = student_label(student) if student else ""
    return document_info(VISIT_PREFIX, label, f"{visit.visit_date:%Y-%m-%d}", keywords=[visit.record_no])


def visit_header(visit: HomeVisit | None, student: Student | None) -> FormHeader:
    subject = f"{student.name}　{student.student_no}" if student is not None else ""
    if visit is None:
        return FormHeader(subject)
    return FormHeader(subject, visit_number(visit), qr_payload(visit.record_no, visit.id))


def visit_form_story(
    visit: HomeVisit | None,
    student: Student | None,
    family: Sequence[FamilyMember] = (),
    *,
    styles: FormStyles,
    options: FormOptions,
) -> list[Flowable]:
    """The flowables of one visit form; ``visit=None`` gives the blank form (student facts pre-filled
    when ``student`` is given)."""
    blank = visit is None
    meta = [
        ("学院", options.college_name),
        ("记录编号", visit_number(visit) if visit is not None else ""),
        ("打印日期", printed_on(options.printed_at)),
    ]
    story: list[Flowable] = [FormStart(visit_header(visit, student))]
    story.extend(title_block(styles, options.school_name, options.title, meta))
    story.append(student_grid(styles, student, options.college_name, blank=blank))
    story.append(_visit_facts(styles, visit))
    story.append(_family_table(styles, visit, family, blank=blank))
    story.extend(_economy(styles, visit))
    story.append(_special_groups(styles, visit))
    story.extend(_causes(styles, visit))
    story.extend(_communication(styles, visit))
    story.extend(_conclusion(styles, visit))
    _, bar, follow_up = narrative_rows(
        styles,
        [("后续措施\n家访手记", visit.follow_up if visit else "")],
        heading="八、后续措施／家访手记",
        min_height=writing_lines(3) if blank else 0,
    )
    signatures = [
        section_bar(styles, "九、签字确认"),
        signature_panel(styles, _signatures(visit), height=22 * mm),
        Spacer(1, 1.5 * mm),
        note_line(styles, BLANK_NOTE if blank else PRIVACY_NOTE),
    ]
    # The signatures never stand alone on a page: they stay with the last lines of section 八.
    story.extend([CondPageBreak(HEADING_ROOM), KeptWithTail([bar], follow_up, signatures)])
    return story


def student_grid(
    styles: FormStyles,
    student: Student | None,
    college_name: str,
    heading: str = "一、学生基本信息",
    *,
    blank: bool = False,
) -> Flowable:
    """The student's basic facts (ID number and phones masked; no home address).  On a blank form the
    ID number and phones are left empty: the family writes the full numbers in by hand."""
    s = student
    hidden = blank or s is None
    grade_class = ""
    if s is not None:
        grade_class = joined(f"{s.grade}级" if s.grade else "", s.class_name, sep=" ")
    rows = [
        [
            Field("姓名", s.name if s else ""),
            Field("性别", fmt_label(s.gender) if s else ""),
            Field("民族", s.ethnicity if s else ""),
        ],
        [
            Field("学号", s.student_no if s else ""),
            Field("出生日期", fmt_date(s.birth_date) if s else ""),
            Field("政治面貌", fmt_label(s.political_status) if s else ""),
        ],
        [
            Field("学院", college_name),
            Field("专业", s.major if s else ""),
            Field("年级班级", grade_class),
        ],
        [
            Field("身份证件号", "" if hidden or s is None else mask_id_number(s.id_number), span=2),
            Field("户口性质", fmt_label(s.hukou_type) if s else ""),
        ],
        [
            Field("本人手机", "" if hidden or s is None else mask_phone(s.phone)),
            Field("家长手机", "" if hidden or s is None else mask_phone(s.parent_phone)),
            Field("生源地", s.origin_place if s else ""),
        ],
        [
            Field("毕业中学", s.high_school if s else ""),
            Field("个人特长", s.talents if s else "", span=2),
        ],
    ]
    return field_grid(styles, rows, heading=heading, min_row_height=WRITING_ROW if blank else FILLED_ROW)


def _visit_facts(styles: FormStyles, visit: HomeVisit | None) -> Flowable:
    v = visit
    visitors = "、".join(f"{p.name}（{p.role.label}）" for p in v.visitors) if v else ""
    interviewees = "、".join(f"{p.name}（{p.relationship}）" for p in v.interviewees) if v else ""
    category = checkboxes(styles, [(c.label, v is not None and v.category == c) for c in VisitCategory])
    mode = checkboxes(styles, [(m.label, v is not None and v.mode == m) for m in VisitMode])
    rows = [
        [Field("家访类别", category, span=3, markup=True)],
        [Field("家访形式", mode, span=3, markup=True)],
        [
            Field("家访日期", fmt_date(v.visit_date) if v else DATE_BLANK, markup=v is None),
            Field(
                "时长",
                fmt_int(v.duration_minutes, " 分钟") if v else "&nbsp;" * 12 + "分钟",
                markup=v is None,
            ),
            Field("地点(县/镇)", v.place if v else ""),
        ],
    ]
    if v is None:  # handwritten: both on one row
        rows.append([Field("家访人员", ""), Field("受访人", "", span=2)])
    else:
        rows += [[Field("家访人员", visitors, span=3)], [Field("受访人", interviewees, span=3)]]
    height = FILLED_ROW if v else WRITING_ROW
    return field_grid(styles, rows, heading="二、家访基本情况", min_row_height=height)


def family_rows(members: Sequence[HouseholdMember | FamilyMember]) -> list[list[str]]:
    rows = []
    for m in members:
        health = m.health.label
        if m.status != MemberStatus.PRESENT:
            health = m.status.label
        rows.append(
            [
                m.name,
                fmt_int(m.age),
                m.relationship,
                m.employer,
                m.occupation,
                fmt_money(m.annual_income),
                health,
            ]
        )
    return rows


def _family_table(
    styles: FormStyles, visit: HomeVisit | None, family: Sequence[FamilyMember], *, blank: bool
) -> Flowable:
    """A recorded visit prints its household exactly as the visit form showed it (with 本次核实); a
    blank form prints the profile's family, with room to tick 本次核实 by hand."""
    rows = family_rows(visit.household if visit is not None else family)
    if visit is not None:
        verified = [styles.text(VERIFIED_MARK) if m.verified else "" for m in visit.household]
    else:  # a box to tick on every row, the written-in ones too
        rows += [["" for _ in FAMILY_HEADERS] for _ in range(BLANK_FAMILY_ROWS - len(rows))]
        verified = [box(False)] * len(rows)
    return data_table(
        styles,
        (*FAMILY_HEADERS, VERIFIED_HEADER),
        [[*row, verified[i]] for i, row in enumerate(rows)],
        (*FAMILY_WIDTHS, VERIFIED_WIDTH),
        heading="三、家庭成员情况",
        min_rows=BLANK_FAMILY_ROWS if blank else 1,
        row_height=WRITING_ROW if blank else 6.5 * mm,
        centered=(1, 2, 5, 6, 7),
        markup_columns=(7,),
    )


def _economy(styles: FormStyles, visit: HomeVisit | None) -> list[Flowable]:
    v = visit
    sources = checkboxes(styles, [(s.label, v is not None and s in v.income_sources) for s in IncomeSource])
    housing = checkboxes(styles, [(h.label, v is not None and v.housing == h) for h in HousingType])
    amount = fmt_money(v.income_amount) if v else ""
    debts = fmt_money(v.debts_amount) if v else ""
    income_line = _amount_line(styles, "家庭年收入", amount)
    if v and v.income_notes:
        income_line += "<br/>" + styles.text(v.income_notes)
    debts_line = _amount_line(styles, "负债金额", debts)
    if v and v.debts_notes:
        debts_line += "<br/>" + styles.text(v.debts_notes)
    housing_line = housing + ("<br/>" + styles.text(v.housing_notes) if v and v.housing_notes else "")
    expenses = styles.text(v.main_expenses) if v else ""
    items = [
        ("收入来源", sources),
        ("收入情况", income_line),
        ("主要支出", expenses),
        ("负债情况", debts_line),
    ]
    if v is None:  # handwritten: the two amounts share a line
        items = [items[0], ("收入及负债", f"{income_line}　　{debts_line}"), items[2]]
    return narrative_rows(
        styles,
        [*items, ("住房情况", housing_line)],
        heading="四、家庭经济状况",
        markup_values=True,
        heights=_blank_heights(v, (1.5, 1, 1.5, 1.5)),
    )


def _amount_line(styles: FormStyles, label: str, amount: str) -> str:
    """ "家庭年收入：42,000 元": the printed wording in the labels' face, the amount (or a blank) in the body's."""
    return f"{label_markup(styles, f'{label}：')}{styles.text(amount) or '＿＿＿＿＿'} {label_markup(styles, '元')}"


def _blank_heights(visit: HomeVisit | None, lines: Sequence[float]) -> list[float]:
    """Row heights of a narrative section: on a blank form, room for so many handwritten lines."""
    return [] if visit is not None else [writing_lines(1) * n for n in lines]


def _tri(styles: FormStyles, answer: TriState | None) -> str:
    return checkboxes(styles, [(t.label, answer == t) for t in (TriState.YES, TriState.NO, TriState.UNKNOWN)])


def _special_groups(styles: FormStyles, visit: HomeVisit | None) -> Flowable:
    groups = list(SpecialGroup)
    verified = visit.special_groups_verified if visit else {}
    rows = []
    for i in range(0, len(groups), 2):
        pair = groups[i : i + 2]
        rows.append(
            [
                Field(g.label, _tri(styles, verified.get(g)) if visit else _tri(styles, None), markup=True)
                for g in pair
            ]
        )
    return field_grid(
        styles,
        rows,
        heading="五、特殊群体核实与致困原因",
        pairs=2,
        label_width=40 * mm,
        max_label_width=40 * mm,  # the long group names wrap by phrase; the three boxes keep one line
        min_row_height=7 * mm,  # ticks only
    )


def _causes(styles: FormStyles, visit: HomeVisit | None) -> list[Flowable]:
    v = visit
    causes = checkboxes(styles, [(c.label, v is not None and c in v.causes) for c in HardshipCause])
    shocks = styles.text(v.recent_shocks) if v else ""
    subsidy = checkboxes(styles, [("建议发放临时困难补助", v is not None and v.suggest_temporary_subsidy)])
    return narrative_rows(
        styles,
        [("致困原因", causes), ("近期突发情况", joined(shocks, subsidy, sep="<br/>"))],
        markup_values=True,
        heights=_blank_heights(v, (1, 1.5)),
    )


def _communication(styles: FormStyles, visit: HomeVisit | None) -> list[Flowable]:
    v = visit
    policies = checkboxes(styles, [(p.label, v is not None and p in v.policies_explained) for p in Policy])
    # the printed wording (慰问金, 元, 慰问品) in the labels' face, what was given in the body's
    word = partial(label_markup, styles)
    if v is not None:
        amount = fmt_money(v.gifts_amount) if v.gifts_amount is not None else ""
        gifts = joined(
            f"{word('慰问金')} {styles.text(amount)} {word('元')}" if amount else "",
            f"{word('慰问品：')}{styles.text(v.gifts_items)}" if v.gifts_items else "",
        )
    else:
        gifts = f"{word('慰问金')}＿＿＿＿{word('元；慰问品：')}"
    wish = checkboxes(styles, [(w.label, v is not None and v.wish_list_state == w) for w in WishListState])
    return narrative_rows(
        styles,
        [
            ("学生特点\n在家表现", styles.text(v.student_traits) if v else ""),
            ("在校表现反馈", styles.text(v.school_feedback) if v else ""),
            ("受助情况告知", styles.text(v.aid_explained) if v else ""),
            ("政策宣传内容", policies),
            ("慰问金／慰问品", gifts),
            ("心愿单填写情况", wish),
            ("家长及学生\n意见建议", styles.text(v.family_opinions) if v else ""),
        ],
        heading="六、家校沟通与政策宣传",
        markup_values=True,
        heights=_blank_heights(v, (2, 1.5, 1, 1.5, 1, 1, 2)),
    )


def _conclusion(styles: FormStyles, visit: HomeVisit | None) -> list[Flowable]:
    v = visit
    levels = checkboxes(
        styles, [(lv.label, v is not None and v.suggested_level == lv) for lv in IdentificationLevel]
    )
    suggested = v is not None and v.key_support_suggested
    difficulties = checkboxes(
        styles, [(d.label, v is not None and d in v.suggested_difficulties) for d in DifficultyType]
    )
    key_support = (
        f"{box(v is not None and not suggested)}&nbsp;{label_markup(styles, '否')}　"
        f"{box(suggested)}&nbsp;{label_markup(styles, '是（困难类型：')}{difficulties}{label_markup(styles, '）')}"
    )
    return narrative_rows(
        styles,
        [
            ("核实结论", styles.text(v.verification_result) if v else ""),
            ("档次建议", levels),
            ("重点帮扶建议", key_support),
        ],
        heading="七、核实结论与帮扶建议",
        markup_values=True,
        heights=_blank_heights(v, (1.5, 1, 1.5)),
    )


def _signatures(visit: HomeVisit | None) -> list[tuple[str, str]]:
    family = ""
    if visit is not None and visit.family_confirmation == ConfirmationMethod.ONLINE:
        how = visit.mode.label if visit.is_online else "线上"
        family = f"已线上确认（确认人：{visit.family_confirmed_by}；方式：{how}）"
    return [
        ("家访人签字", ""),
        ("家长签字（或线上确认）", family),
        ("学生签字", ""),
    ]


def build_visit_form(
    visit: HomeVisit,
    student: Student,
    family: Sequence[FamilyMember] = (),
    *,
    school_name: str,
    title: str = DEFAULT_VISIT_TITLE,
    college_name: str = "",
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """One filled visit form as PDF bytes (also written to ``out``: a path, atomically, or a stream)."""
    options = FormOptions(school_name, title, college_name, printed_at)
    return render_visit_form(visit, student, family, options=options, out=out, fonts=fonts)


def render_visit_form(
    visit: HomeVisit | None,
    student: Student | None,
    family: Sequence[FamilyMember],
    *,
    options: FormOptions,
    out: Path | BinaryIO | None,
    fonts: PdfFonts | None,
) -> bytes:
    """The form as PDF bytes, filled from ``visit`` or blank (None) for handwriting; written to ``out``."""
    fonts = fonts or pdf_fonts()
    story = visit_form_story(visit, student, family, styles=form_styles(fonts), options=options)
    frame = PageFrame(
        fonts, options.school_name, options.title, author=options.school_name, info=visit_info(visit, student)
    )
    data = render(story, frame)
    write_pdf(data, out)
    return data
