"""The visit form read back with pdftotext / pdfplumber / pdffonts / qpdf."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pdfplumber
import pytest

from desktop.reports.blank_form import build_blank_form
from desktop.reports.fonts import PdfFonts
from desktop.reports.form_parts import LABEL_COLUMN
from desktop.reports.formatting import fmt_date, fmt_money
from desktop.reports.line_breaking import CANNOT_START
from desktop.reports.page_frame import CONFIDENTIALITY_NOTICE, MARGIN_LEFT
from desktop.reports.styles import BODY_SIZE
from desktop.reports.visit_form import build_visit_form
from sync.demo.showcase import DemoStudent
from sync.records.enums import ConfirmationMethod, VisitMode
from sync.records.masking import mask_id_number, mask_phone
from tests.desktop.reports.conftest import PRINTED_AT, SCHOOL
from tests.desktop.reports.pdf_tools import (
    all_text,
    needs_tools,
    page_count,
    pdf_fonts_of,
    pdf_text,
    qpdf_check,
    squeeze,
)

pytestmark = needs_tools
LABEL_SPLIT = MARGIN_LEFT + LABEL_COLUMN - 1

LABELS = (
    "家庭经济困难学生家访记录表",
    "一、学生基本信息",
    "二、家访基本情况",
    "三、家庭成员情况",
    "四、家庭经济状况",
    "五、特殊群体核实与致困原因",
    "六、家校沟通与政策宣传",
    "七、核实结论与帮扶建议",
    "八、后续措施／家访手记",
    "九、签字确认",
    "姓名",
    "学号",
    "身份证件号",
    "家长手机",
    "家访类别",
    "家访形式",
    "家访人员",
    "受访人",
    "收入来源",
    "住房情况",
    "致困原因",
    "在校表现反馈",
    "政策宣传内容",
    "心愿单填写情况",
    "家长及学生意见建议",
    "核实结论",
    "档次建议",
    "重点帮扶建议",
    "家访人签字",
    "家长签字（或线上确认）",
    "学生签字",
    "日期",
)


def _build(demo: DemoStudent, fonts: PdfFonts, out: Path) -> Path:
    build_visit_form(
        demo.visit,
        demo.student,
        demo.family,
        school_name=SCHOOL,
        college_name="机电工程学院",
        out=out,
        fonts=fonts,
        printed_at=PRINTED_AT,
    )
    return out


def _filled_values(demo: DemoStudent) -> list[str]:
    s, v = demo.student, demo.visit
    values = [
        s.name,
        s.student_no,
        s.ethnicity,
        s.major,
        s.class_name,
        s.origin_place,
        s.high_school,
        s.talents,
        fmt_date(s.birth_date),
        fmt_date(v.visit_date),
        v.place,
        v.category.label,
        v.mode.label,
        v.income_notes,
        v.main_expenses,
        v.debts_notes,
        v.housing_notes,
        v.recent_shocks,
        v.student_traits,
        v.school_feedback,
        v.aid_explained,
        v.gifts_items,
        v.family_opinions,
        v.verification_result,
        v.follow_up,
        fmt_money(v.income_amount),
        fmt_money(v.debts_amount),
        "机电工程学院",
        SCHOOL,
    ]
    values += [p.name for p in v.visitors] + [p.name for p in v.interviewees]
    for m in v.household:
        values += [m.name, m.relationship, m.employer, m.occupation, fmt_money(m.annual_income)]
    return [value for value in values if value]


def test_every_value_and_label_is_in_the_text(tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts) -> None:
    out = _build(demo, cjk_fonts, tmp_path / "visit.pdf")
    text = all_text(out, LABEL_SPLIT)
    missing = [value for value in [*_filled_values(demo), *LABELS] if squeeze(value) not in text]
    assert missing == []


def test_font_is_embedded_and_subset_and_the_file_is_valid(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    out = _build(demo, cjk_fonts, tmp_path / "visit.pdf")
    check = qpdf_check(out)
    assert check.returncode == 0, check.stdout + check.stderr
    cjk = [row for row in pdf_fonts_of(out) if row.type.startswith("TrueType")]
    assert cjk, pdf_fonts_of(out)
    assert all(row.embedded and row.subset for row in cjk)
    # The issue 11 budget holds with a Song/Ming serif body too (AR PL UMing: about 140 KB), because the
    # subsets carry only the characters used and a slim name table (desktop/reports/font_embedding.py).
    assert out.stat().st_size <= 150 * 1024


def test_id_number_and_phones_are_masked(tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts) -> None:
    out = _build(demo, cjk_fonts, tmp_path / "visit.pdf")
    text = squeeze(pdf_text(out))
    s = demo.student
    assert s.id_number and s.phone and s.parent_phone
    assert mask_id_number(s.id_number) in text
    assert mask_phone(s.phone) in text and mask_phone(s.parent_phone) in text
    for secret in (s.id_number, s.phone, s.parent_phone, s.home_address):
        assert secret not in text
    # not even as bytes in the file (e.g. metadata)
    raw = out.read_bytes()
    assert s.id_number.encode() not in raw and s.phone.encode() not in raw


def test_page_numbers_and_confidentiality_footer(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    out = _build(demo, cjk_fonts, tmp_path / "visit.pdf")
    pages = page_count(out)
    assert pages >= 2
    text = squeeze(pdf_text(out))
    for number in range(1, pages + 1):
        assert f"第{number}页共{pages}页" in text
    assert text.count(squeeze(CONFIDENTIALITY_NOTICE)) == pages


def _body_text_by_page(path: Path) -> list[str]:
    """The narrative text (body size) of each page, in reading order, one string per line."""
    with pdfplumber.open(path) as pdf:
        return [
            page.filter(
                lambda obj: obj.get("object_type") != "char" or abs(float(obj["size"]) - BODY_SIZE) < 0.01
            ).extract_text()
            for page in pdf.pages
        ]


LONG_SENTENCE = (
    "学生在家主动承担家务，帮助母亲照顾妹妹；周末到镇上的农贸市场打零工（每天约八十元），“从不叫苦”。"
)


def _long_note(length: int = 5000) -> str:
    text = ""
    n = 0
    while len(text) < length:
        n += 1
        text += f"第{n}段：" + LONG_SENTENCE
    return text[:length]


def test_a_5000_character_note_spans_pages_and_extracts_back_whole(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    note = _long_note()
    assert len(note) == 5000
    demo.visit.follow_up = note
    out = _build(demo, cjk_fonts, tmp_path / "long.pdf")
    assert qpdf_check(out).returncode == 0
    pages = _body_text_by_page(out)
    joined = squeeze("".join(pages))
    assert squeeze(note) in joined
    start = joined.index(squeeze(note))
    end = start + len(squeeze(note)) - 1
    page_ends = list(itertools.accumulate(len(squeeze(page)) for page in pages))
    first_page = next(i for i, limit in enumerate(page_ends) if start < limit)
    last_page = next(i for i, limit in enumerate(page_ends) if end < limit)
    assert last_page - first_page >= 2  # it really flowed across page breaks
    assert page_count(out) >= 4


def test_no_line_of_a_long_note_starts_with_punctuation(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    demo.visit.follow_up = _long_note(3000)
    out = _build(demo, cjk_fonts, tmp_path / "lines.pdf")
    lines = [line.strip() for page in _body_text_by_page(out) for line in page.splitlines() if line.strip()]
    assert len(lines) > 50
    bad = [line for line in lines if line[0] in CANNOT_START]
    assert bad == []


def test_online_confirmation_is_printed_instead_of_a_parent_signature(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    demo.visit.mode = VisitMode.VIDEO
    demo.visit.family_confirmation = ConfirmationMethod.ONLINE
    demo.visit.family_confirmed_by = "周秀兰"
    out = _build(demo, cjk_fonts, tmp_path / "online.pdf")
    text = squeeze(pdf_text(out))
    assert "已线上确认（确认人：周秀兰；方式：视频）" in text


def test_title_is_configurable_and_bytes_come_back(demo: DemoStudent, cjk_fonts: PdfFonts) -> None:
    buffer = io.BytesIO()
    data = build_visit_form(
        demo.visit,
        demo.student,
        demo.family,
        school_name=SCHOOL,
        title="学生家访记录表",
        out=buffer,
        fonts=cjk_fonts,
    )
    assert data == buffer.getvalue() and data.startswith(b"%PDF-")


def test_writing_to_a_path_leaves_no_temporary_file(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    _build(demo, cjk_fonts, tmp_path / "visit.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["visit.pdf"]


def test_blank_form_has_the_labels_and_no_visit_values(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    out = tmp_path / "blank.pdf"
    build_blank_form(school_name=SCHOOL, out=out, fonts=cjk_fonts, printed_at=PRINTED_AT)
    assert qpdf_check(out).returncode == 0
    text = all_text(out, LABEL_SPLIT)
    assert [label for label in LABELS if squeeze(label) not in text] == []
    for value in (demo.student.name, demo.visit.follow_up[:10], demo.visit.family_opinions):
        assert value not in text


def test_blank_form_for_a_student_prefills_the_basic_facts(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    out = tmp_path / "blank-student.pdf"
    build_blank_form(demo.student, demo.family, school_name=SCHOOL, out=out, fonts=cjk_fonts)
    text = squeeze(pdf_text(out))
    s = demo.student
    assert s.id_number
    for value in (s.name, s.student_no, s.major, demo.family[0].name):
        assert value in text
    # The family writes the full numbers in by hand: neither printed nor masked, and no masking note.
    assert s.id_number not in text and mask_id_number(s.id_number) not in text
    assert "部分隐去" not in text
    assert demo.visit.follow_up[:10] not in text


@pytest.mark.parametrize("size", [0, 1, 2])
def test_notes_of_any_length_give_a_valid_pdf(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts, size: int
) -> None:
    demo.visit.follow_up = ["", "短", "<b>&amp; 不是标记 </b>\n第二行\r\n第三行\t制表"][size]
    out = _build(demo, cjk_fonts, tmp_path / "v.pdf")
    assert qpdf_check(out).returncode == 0
    if size == 2:
        text = pdf_text(out)
        assert "<b>&amp;" in text and "第二行" in text
    assert re.search(r"第1页共\d页", squeeze(pdf_text(out)))
