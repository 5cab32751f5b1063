"""The coverage dashboard PDF and the trip's blank forms: content, no names, page per form."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber

from desktop.reports.coverage_report import build_coverage_pdf
from desktop.reports.file_names import is_safe_file_name
from desktop.reports.fonts import PdfFonts
from desktop.reports.trip_forms import TripStudent, build_trip_forms, trip_file_name
from desktop.store.coverage import compute_coverage
from desktop.store.store import Store
from sync.records import Role, Student
from tests.desktop.reports.conftest import SCHOOL
from tests.desktop.reports.pdf_tools import squeeze


def text_of(data: bytes) -> tuple[str, int]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)


def test_coverage_pdf(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    from tests.desktop.store.coverage_fixture import YEAR, build_school

    store = Store.create(
        tmp_path / "d",
        "correct horse battery",
        school_name=SCHOOL,
        user_name="张主任",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        build_school(store)
        with store.session() as s:
            report = compute_coverage(s, YEAR, include_key_support=True, today=date(2026, 11, 26))
    finally:
        store.close()
    out = tmp_path / "覆盖统计.pdf"
    data = build_coverage_pdf(report, school_name=SCHOOL, scope_label="全校", out=out, fonts=cjk_fonts)
    assert out.read_bytes() == data
    text, _pages = text_of(data)
    flat = squeeze(text)
    assert "六个全覆盖工作统计表" in flat
    assert "家访全覆盖4666.7%" in flat  # covered, total, percent
    assert "文学院" in flat and "王老师" in flat and "中文2501" in flat
    assert "张三" not in flat and "A001" not in flat  # counts only


def test_trip_forms(cjk_fonts: PdfFonts) -> None:
    students = [
        TripStudent(Student(student_no="A1", name="张三", class_name="中文2501"), college_name="文学院"),
        TripStudent(Student(student_no="A2", name="李四", phone="13812345678"), college_name="文学院"),
    ]
    data = build_trip_forms(students, school_name=SCHOOL, fonts=cjk_fonts)
    text, pages = text_of(data)
    flat = squeeze(text)
    assert "张三" in flat and "李四" in flat
    assert "138****5678" not in flat and "13812345678" not in flat  # left blank to write in
    assert pages >= 2
    name = trip_file_name("丰县")
    assert name.startswith("家访记录表_丰县") and is_safe_file_name(name)
