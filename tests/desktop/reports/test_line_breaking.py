"""Chinese line-breaking rules: no closing punctuation at a line start, no opening bracket at a line end."""

from __future__ import annotations

from desktop.reports.fonts import PdfFonts
from desktop.reports.line_breaking import CANNOT_END, CANNOT_START, kinsoku_word_split

SIZE = 10.0


def _lines(text: str, fonts: PdfFonts, chars_per_line: int = 10) -> list[str]:
    rows = kinsoku_word_split(text, [SIZE * chars_per_line], fonts.regular, SIZE)
    return [str(row[1]) for row in rows]


def test_one_closing_mark_hangs_at_the_end_of_the_line(cjk_fonts: PdfFonts) -> None:
    lines = _lines("一二三四五六七八九十，十一十二", cjk_fonts)
    assert lines[0] == "一二三四五六七八九十，"
    assert "".join(lines) == "一二三四五六七八九十，十一十二"


def test_several_closing_marks_take_the_last_character_down_with_them(cjk_fonts: PdfFonts) -> None:
    text = "一二三四五六七八九十）。后面的文字"
    lines = _lines(text, cjk_fonts)
    assert lines[0] == "一二三四五六七八九"
    assert lines[1].startswith("十）。")
    assert "".join(lines) == text


def test_an_opening_bracket_does_not_end_a_line(cjk_fonts: PdfFonts) -> None:
    text = "一二三四五六七八九《十一》后面"
    lines = _lines(text, cjk_fonts)
    assert not lines[0].endswith("《")
    assert "".join(lines) == text


def test_numbers_stay_whole_when_the_line_offers_an_earlier_break(cjk_fonts: PdfFonts) -> None:
    text = "家庭年收入约为 42,000 元，负债三万元。"
    lines = _lines(text, cjk_fonts, chars_per_line=8)
    assert any("42,000" in line for line in lines)
    assert "".join(lines) == text


def test_no_line_starts_with_closing_punctuation_in_a_long_mixed_text(cjk_fonts: PdfFonts) -> None:
    sentence = "他说：“好的！”（已确认），我们《资助政策》讲解了三遍……然后、再去；最后？是。"
    text = sentence * 40
    for width in (7, 9, 11, 13, 17, 23):
        lines = _lines(text, cjk_fonts, chars_per_line=width)
        assert "".join(lines) == text
        assert [line for line in lines[1:] if line[0] in CANNOT_START] == []
        assert [line for line in lines[:-1] if line[-1] in CANNOT_END] == []


def test_a_check_box_option_stays_on_one_line(cjk_fonts: PdfFonts) -> None:
    text = "　".join(
        f"□\u00a0{label}" for label in ("务农", "外出务工", "工资收入", "个体经营", "亲友资助", "其他")
    )
    for width in (8, 10, 12, 15):
        lines = _lines(text, cjk_fonts, chars_per_line=width)
        assert "".join(lines) == text
        assert all(line[0] == "□" for line in lines), lines


def test_no_single_character_on_the_last_line(cjk_fonts: PdfFonts) -> None:
    """ "与学生关/系" and "（暂无记/录）" become "与学生/关系" and "（暂无/记录）"."""
    assert _lines("与学生关系", cjk_fonts, chars_per_line=4) == ["与学生", "关系"]
    assert _lines("（暂无记录）", cjk_fonts, chars_per_line=4) == ["（暂无", "记录）"]
    text = "一二三四五六七八九十甲"
    lines = _lines(text, cjk_fonts)
    assert len(lines[-1]) >= 2 and "".join(lines) == text
