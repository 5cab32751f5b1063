"""Exported file names: 学号 only, no sensitive words, ID or phone numbers, valid everywhere."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.reports.file_names import (
    SENSITIVE_WORDS,
    archive_file_name,
    blank_form_file_name,
    clean_part,
    combined_file_name,
    is_safe_file_name,
    visit_file_name,
)
from sync.demo.showcase import DemoStudent


def test_visit_and_archive_names_use_the_student_number_only(demo: DemoStudent) -> None:
    s = demo.student
    assert visit_file_name(s, [date(2025, 3, 10)]) == f"家访记录_{s.student_no}_20250310.pdf"
    assert (
        visit_file_name(s, [date(2025, 3, 10), date(2024, 9, 5)])
        == f"家访记录_{s.student_no}_20240905-20250310.pdf"
    )
    assert archive_file_name(s, date(2025, 3, 21)) == f"成长档案_{s.student_no}_20250321.pdf"
    assert blank_form_file_name() == "家访记录表_空白.pdf"
    assert blank_form_file_name(s) == f"家访记录表_{s.student_no}_空白.pdf"
    for name in (visit_file_name(s, [date(2025, 3, 10)]), archive_file_name(s), blank_form_file_name(s)):
        assert s.name not in name
        assert is_safe_file_name(name)


def test_an_id_number_used_as_student_number_is_not_put_in_a_file_name(demo: DemoStudent) -> None:
    assert demo.student.id_number
    demo.student.student_no = demo.student.id_number
    name = archive_file_name(demo.student, date(2025, 3, 21))
    assert demo.student.id_number not in name and is_safe_file_name(name)


@pytest.mark.parametrize("word", SENSITIVE_WORDS)
def test_sensitive_words_are_removed_from_user_text(word: str) -> None:
    name = combined_file_name("家访记录", f"机电2401班{word}学生", date(2024, 9, 1), date(2025, 8, 31))
    assert word not in name and is_safe_file_name(name)
    assert name.startswith("家访记录_机电2401班") and name.endswith("_20240901-20250831.pdf")


def test_reserved_characters_numbers_and_device_names() -> None:
    assert clean_part('a/b\\c:d*e?"f<g>h|i') == "a_b_c_d_e_f_g_h_i"
    assert clean_part("联系 13812345678 的班级") == "联系_的班级"
    assert clean_part("320102200501011234 号") == "号"
    assert combined_file_name("CON", "", None, None) == "_CON.pdf"
    assert len(combined_file_name("家访记录", "长" * 300, None, None)) <= 84
    assert not is_safe_file_name("家访记录_贫困生.pdf")
    assert not is_safe_file_name("13812345678.pdf")
