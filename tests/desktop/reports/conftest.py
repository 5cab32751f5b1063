"""Fixtures of the report tests: demo records, an embeddable CJK font, an output folder."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest

from desktop.reports.fonts import PdfFonts, pdf_fonts
from desktop.store.repositories.history import StudentHistory
from sync.demo.showcase import DemoStudent, demo_history, demo_student

PRINTED_AT = datetime(2025, 3, 21, 9, 30)
TODAY = date(2025, 3, 20)
SCHOOL = "江苏示范职业技术学院"


def demo_bundle(demo: DemoStudent, *, today: date = TODAY) -> StudentHistory:
    """The demo student's whole history as the growth archive takes it."""
    return StudentHistory(**vars(demo_history(demo, today=today)))


@pytest.fixture(autouse=True)
def _no_font_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JIAFANG_PDF_FONT", raising=False)


@pytest.fixture(scope="session")
def cjk_fonts() -> PdfFonts:
    """The system's embeddable CJK font (Debian: fonts-wqy-microhei; .ci/run installs it)."""
    fonts = pdf_fonts(None)
    if not fonts.embedded and os.environ.get("CI") != "true":
        pytest.skip("no TrueType CJK font installed (Debian: apt-get install fonts-wqy-microhei)")
    assert fonts.embedded, fonts.warning
    return fonts


@pytest.fixture
def demo() -> DemoStudent:
    return demo_student(today=TODAY)


@pytest.fixture
def bundle(demo: DemoStudent) -> StudentHistory:
    return demo_bundle(demo, today=TODAY)
