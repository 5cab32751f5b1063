"""The blank visit form, printed before a trip and filled in by hand (same layout as the filled form)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from desktop.reports.fonts import PdfFonts
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE, FormOptions, render_visit_form
from sync.records.students import FamilyMember, Student


def build_blank_form(
    student: Student | None = None,
    family: Sequence[FamilyMember] = (),
    *,
    school_name: str,
    title: str = DEFAULT_VISIT_TITLE,
    college_name: str = "",
    out: Path | BinaryIO | None = None,
    fonts: PdfFonts | None = None,
    printed_at: datetime | None = None,
) -> bytes:
    """A blank form for handwriting; the student's basic facts (and known family) pre-filled if given."""
    options = FormOptions(school_name, title, college_name, printed_at)
    return render_visit_form(None, student, family, options=options, out=out, fonts=fonts)
