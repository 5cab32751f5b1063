"""Blank visit forms for a planned trip: one form per student, in one PDF, in the planned order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak

from desktop.reports.file_names import combined_file_name, document_info
from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.reports.output_file import write_pdf
from desktop.reports.page_frame import PageFrame, render
from desktop.reports.styles import form_styles
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE, FormOptions, visit_form_story
from sync.records.students import FamilyMember, Student

BLANK_TRIP_PREFIX = "家访记录表"


@dataclass(frozen=True)
class TripStudent:
    student: Student
    family: Sequence[FamilyMember] = field(default_factory=tuple)
    college_name: str = ""


def trip_file_name(scope: str, first: datetime | None = None) -> str:
    """家访记录表_丰县_20260120-.pdf: no names, no sensitive words."""
    day = first.date() if first else None
    return combined_file_name(BLANK_TRIP_PREFIX, scope, day, None)


def build_trip_forms(
    students: Sequence[TripStudent],
    *,
    school_name: str,
    title: str = DEFAULT_VISIT_TITLE,
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
    on_form: Callable[[int], None] | None = None,
) -> bytes:
    """One blank form per student (basic facts and known family pre-filled), one document."""
    if not students:
        raise ValueError("没有要打印的学生")
    fonts = fonts or pdf_fonts()
    styles = form_styles(fonts)
    story: list[Flowable] = []
    for item in students:
        if story:
            story.append(PageBreak())
        options = FormOptions(school_name, title, item.college_name, printed_at)
        story.extend(visit_form_story(None, item.student, item.family, styles=styles, options=options))
    info = document_info(BLANK_TRIP_PREFIX, students[0].college_name if len(students) == 1 else "", "空白")
    data = render(story, PageFrame(fonts, school_name, title, author=school_name, info=info), on_form=on_form)
    write_pdf(data, out)
    return data
