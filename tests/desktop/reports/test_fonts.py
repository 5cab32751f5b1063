"""Font discovery: TrueType outlines only, the best face of a collection, the STSong-Light fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.reports.fonts import (
    FALLBACK_CID_FONT,
    FontCandidate,
    FontNotUsable,
    PdfFonts,
    _linux_rank,
    best_face_index,
    is_serif,
    parse_fc_list,
    pdf_fonts,
    register_candidate,
    shipped_fonts,
)
from desktop.reports.styles import form_styles
from desktop.reports.visit_form import build_visit_form
from sync.demo.showcase import DemoStudent
from tests.desktop.reports.conftest import PRINTED_AT, SCHOOL
from tests.desktop.reports.pdf_tools import (
    needs_font_files,
    needs_tools,
    pdf_fonts_of,
    pdf_text,
    qpdf_check,
    squeeze,
)

UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

pytestmark = needs_tools


def test_system_font_is_an_embeddable_truetype_face(cjk_fonts: PdfFonts) -> None:
    assert cjk_fonts.embedded
    assert cjk_fonts.warning is None
    assert cjk_fonts.source is not None and cjk_fonts.source.suffix.lower() in (".ttf", ".ttc")
    assert cjk_fonts.covers("家") and cjk_fonts.covers("访")


@needs_font_files((WQY, "fonts-wqy-microhei"))
def test_collection_face_is_the_proportional_one(cjk_fonts: PdfFonts) -> None:
    # index 1 is "WenQuanYi Micro Hei Mono"
    assert best_face_index(WQY) == 0
    fonts = pdf_fonts(WQY, app_font_dir=None, system_candidates=lambda: [])
    assert fonts.source == WQY and "Mono" not in fonts.regular


def test_cff_outlines_are_refused(tmp_path: Path) -> None:
    otf = tmp_path / "NotoSansCJK-Regular.otf"
    otf.write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(FontNotUsable):
        register_candidate(FontCandidate(otf, origin="configured"))


def test_configured_font_that_cannot_be_used_warns_and_falls_through(
    tmp_path: Path, cjk_fonts: PdfFonts
) -> None:
    otf = tmp_path / "bad.otf"
    otf.write_bytes(b"OTTO" + bytes(200))
    fonts = pdf_fonts(otf, app_font_dir=None)
    assert fonts.embedded  # the system font
    assert fonts.warning is not None and "设置的字体无法使用" in fonts.warning.message


def test_configured_font_comes_first(cjk_fonts: PdfFonts) -> None:
    assert cjk_fonts.source is not None
    fonts = pdf_fonts(cjk_fonts.source, app_font_dir=None, system_candidates=lambda: [])
    assert fonts.origin == "configured" and fonts.embedded and fonts.warning is None


def test_fonts_shipped_with_the_app_come_before_system_fonts(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    assert cjk_fonts.source is not None
    (tmp_path / cjk_fonts.source.name).symlink_to(cjk_fonts.source)
    assert [c.path.name for c in shipped_fonts(tmp_path)] == [cjk_fonts.source.name]
    fonts = pdf_fonts(None, app_font_dir=tmp_path, system_candidates=lambda: [])
    assert fonts.origin == "app" and fonts.embedded


def test_fc_list_output_keeps_truetype_regular_faces_and_pairs_bold() -> None:
    listing = "\n".join(
        [
            "/f/wqy-microhei.ttc\t0\tWenQuanYi Micro Hei\tRegular\tTrueType",
            "/f/wqy-microhei.ttc\t1\tWenQuanYi Micro Hei Mono\tRegular\tTrueType",
            "/f/NotoSansCJK-Regular.ttc\t2\tNoto Sans CJK SC\tRegular\tCFF",
            "/f/Some-R.ttf\t0\tSome Hei\tRegular\tTrueType",
            "/f/Some-B.ttf\t0\tSome Hei\tBold\tTrueType",
        ]
    )
    candidates = parse_fc_list(listing)
    assert [(c.path.name, c.index) for c in candidates] == [("wqy-microhei.ttc", 0), ("Some-R.ttf", 0)]
    assert candidates[1].bold_path == Path("/f/Some-B.ttf")


def test_no_truetype_font_falls_back_to_stsong_with_a_warning_and_a_valid_pdf(
    tmp_path: Path, demo: DemoStudent
) -> None:
    fonts = pdf_fonts(None, app_font_dir=None, system_candidates=lambda: [])
    assert fonts.regular == FALLBACK_CID_FONT and not fonts.embedded
    assert fonts.warning is not None and "STSong-Light" in fonts.warning.message
    out = tmp_path / "fallback.pdf"
    build_visit_form(
        demo.visit, demo.student, demo.family, school_name=SCHOOL, out=out, fonts=fonts, printed_at=PRINTED_AT
    )
    assert qpdf_check(out).returncode == 0
    names = [row.name for row in pdf_fonts_of(out)]
    assert FALLBACK_CID_FONT in names
    text = squeeze(pdf_text(out))
    assert "家访记录表" in text and demo.student.name in text


def test_a_character_missing_from_the_font_is_not_lost(
    tmp_path: Path, demo: DemoStudent, cjk_fonts: PdfFonts
) -> None:
    if all(cjk_fonts.covers(ch) for ch in "䶮㛃") and WQY.is_file():  # AR PL UMing has them
        cjk_fonts = pdf_fonts(WQY, app_font_dir=None, system_candidates=lambda: [])
    rare = next((ch for ch in "䶮㛃" if not cjk_fonts.covers(ch)), None)
    if rare is None:
        pytest.skip(f"{cjk_fonts.source} covers the rare test characters")
    demo.student.name = f"刘{rare}"
    buffer = io.BytesIO()
    build_visit_form(demo.visit, demo.student, demo.family, school_name=SCHOOL, out=buffer, fonts=cjk_fonts)
    out = tmp_path / "rare.pdf"
    out.write_bytes(buffer.getvalue())
    assert f"刘{rare}" in pdf_text(out)


@needs_font_files((UMING, "fonts-arphic-uming"), (WQY, "fonts-wqy-microhei"))
def test_song_serif_body_and_hei_headings() -> None:
    """Whatever order the system lists them in: the Ming serif is the body, the Hei sans the headings."""
    listed = [FontCandidate(WQY), FontCandidate(UMING, index=0, family="AR PL UMing CN")]
    fonts = pdf_fonts(None, app_font_dir=None, system_candidates=lambda: listed)
    assert fonts.source == UMING and fonts.face_index == 0
    assert fonts.heading_source == WQY and fonts.heading_font != fonts.regular
    assert fonts.label_font == fonts.heading
    styles = form_styles(fonts)
    assert styles.body.fontName == styles.value.fontName == fonts.regular
    assert styles.section.fontName == styles.title.fontName == fonts.heading_font
    # Without a serif, one Hei font serves everything, as before.
    sans_only = pdf_fonts(None, app_font_dir=None, system_candidates=lambda: [FontCandidate(WQY)])
    assert sans_only.source == WQY and sans_only.heading == "" and sans_only.label_font == sans_only.regular


def test_linux_collections_prefer_the_simplified_chinese_face() -> None:
    output = (
        f"{UMING}\t3\tAR PL UMing TW MBE\tLight\tTrueType\n"
        f"{UMING}\t0\tAR PL UMing CN\tLight\tTrueType\n"
        f"{WQY}\t0\tWenQuanYi Micro Hei\tRegular\tTrueType\n"
    )
    ranked = sorted(parse_fc_list(output), key=_linux_rank)
    assert [(c.path.name, c.index) for c in ranked[:2]] == [("uming.ttc", 0), ("uming.ttc", 3)]
    assert is_serif(ranked[0]) and not is_serif(ranked[-1])
