"""The growth archive read back: every section, the restricted key-support section only on request."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from desktop.reports.fonts import PdfFonts
from desktop.reports.growth_archive import (
    KeySupportNotAllowed,
    build_growth_archive,
    may_bulk_export_key_support,
    may_see_key_support,
)
from desktop.reports.page_frame import MARGIN_LEFT
from desktop.store.repositories.history import StudentHistory
from sync.demo.showcase import DemoStudent
from sync.records import OneToOneTalk
from sync.records.enums import Role
from sync.records.masking import mask_id_number
from tests.desktop.reports.conftest import PRINTED_AT, SCHOOL
from tests.desktop.reports.pdf_tools import (
    all_text,
    needs_tools,
    page_count,
    pdf_fonts_of,
    qpdf_check,
    squeeze,
)

pytestmark = needs_tools
SECTIONS = (
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
    "附件及档案记录",
)


def _build(bundle: StudentHistory, fonts: PdfFonts, out: Path, **kwargs: object) -> str:
    build_growth_archive(bundle, school_name=SCHOOL, out=out, fonts=fonts, printed_at=PRINTED_AT, **kwargs)  # type: ignore[arg-type]
    check = qpdf_check(out)
    assert check.returncode == 0, check.stdout + check.stderr
    return all_text(out, MARGIN_LEFT + 40)


def test_every_section_and_record_is_in_the_archive(
    tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts
) -> None:
    text = _build(bundle, cjk_fonts, tmp_path / "archive.pdf")
    assert "学生资助成长档案" in text and SCHOOL in text
    assert [s for s in SECTIONS if s not in text] == []
    values = [
        bundle.student.name,
        bundle.student.student_no,
        bundle.family[0].name,
        bundle.identifications[0].academic_year,
        bundle.aid[0].project_name,
        bundle.aid[1].position,
        bundle.visits[0].place,
        bundle.visits[0].student_traits,
        bundle.rewards[0].description,
        *bundle.wish_item_names.values(),
        bundle.wishes[0].details,
        bundle.flags[0].description,
        bundle.give_backs[0].title,
    ]
    assert [v for v in values if squeeze(v) not in text] == []
    assert bundle.student.id_number and mask_id_number(bundle.student.id_number) in text
    assert bundle.student.id_number not in text
    assert f"第1页共{page_count(tmp_path / 'archive.pdf')}页" in text
    assert all(
        row.embedded and row.subset
        for row in pdf_fonts_of(tmp_path / "archive.pdf")
        if "TrueType" in row.type
    )


def test_key_support_is_left_out_unless_asked_for(
    tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts
) -> None:
    text = _build(bundle, cjk_fonts, tmp_path / "plain.pdf")
    assert "重点帮扶" not in text
    for secret in (bundle.support_logs[0].summary, bundle.mentor_assignments[0].goals, "王老师"):
        assert squeeze(secret) not in text


def test_key_support_section_for_a_role_that_may_see_it(
    tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts
) -> None:
    text = _build(
        bundle, cjk_fonts, tmp_path / "ks.pdf", include_key_support=True, viewer_role=Role.COUNSELOR
    )
    assert "重点帮扶（受限内容）" in text
    for value in (bundle.support_logs[0].summary, bundle.mentor_assignments[0].goals, "王老师", "集体教研"):
        assert squeeze(value) in text


@pytest.mark.parametrize("role", [Role.ADMIN, None])
def test_key_support_is_refused_to_roles_that_may_not_see_it(
    tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts, role: Role | None
) -> None:
    with pytest.raises(KeySupportNotAllowed):
        build_growth_archive(
            bundle,
            school_name=SCHOOL,
            include_key_support=True,
            viewer_role=role,
            out=tmp_path / "x.pdf",
            fonts=cjk_fonts,
        )
    assert list(tmp_path.iterdir()) == []


def test_role_rules() -> None:
    assert may_see_key_support(Role.MENTOR) and not may_see_key_support(Role.ADMIN)
    assert may_bulk_export_key_support(Role.COLLEGE_CENTER) and not may_bulk_export_key_support(
        Role.COUNSELOR
    )


def test_an_archive_with_only_a_profile_is_valid(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    text = _build(StudentHistory(student=demo.student), cjk_fonts, tmp_path / "empty.pdf")
    assert "暂无记录" in text and demo.student.name in text


def test_talks_print_when_how_what_about_and_by_whom_but_not_what_was_said(
    tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts
) -> None:
    talker = "周晓梅"
    talks = [
        OneToOneTalk(
            student_id=bundle.student.id,
            talked_on=date(2025, 3, 12),
            talked_by_id="u-talk",
            mode="phone",
            topics="期中学业与兼职安排",
            summary="提到父亲病情加重，压力较大",
            follow_up="两周后再约面谈",
        ),
        OneToOneTalk(
            student_id=bundle.student.id,
            talked_on=date(2024, 11, 3),
            talked_by_id="u-talk",
            mode="in_person",
            topics="宿舍生活适应",
        ),
    ]
    with_talks = replace(bundle, talks=talks, user_names={**bundle.user_names, "u-talk": talker})
    text = _build(with_talks, cjk_fonts, tmp_path / "talks.pdf")
    assert "个别交流" in text
    for value in ("2025-03-12", "2024-11-03", "电话", "面谈", "期中学业与兼职安排", "宿舍生活适应", talker):
        assert squeeze(value) in text, value
    assert squeeze("父亲病情加重") not in text and squeeze("两周后再约面谈") not in text
    # oldest first, like every other section
    assert text.index(squeeze("宿舍生活适应")) < text.index(squeeze("期中学业与兼职安排"))


def test_a_student_without_talks_says_so(tmp_path: Path, bundle: StudentHistory, cjk_fonts: PdfFonts) -> None:
    text = _build(replace(bundle, talks=[]), cjk_fonts, tmp_path / "none.pdf")
    after = text[text.index("个别交流") :]
    assert after[: after.index("回馈社会活动")].count("暂无记录") == 1
