"""Batch export: one file per student or one combined file, progress, cancellation, no partial files."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.reports.batch_export import BatchSettings, StudentVisits, export_batch
from desktop.reports.file_names import is_safe_file_name
from desktop.reports.fonts import PdfFonts
from desktop.reports.growth_archive import KeySupportNotAllowed
from sync.demo.showcase import demo_student
from sync.records.enums import Role
from tests.desktop.reports.conftest import PRINTED_AT, SCHOOL, TODAY, demo_bundle
from tests.desktop.reports.pdf_tools import needs_tools, page_count, pdf_text, qpdf_check, squeeze

pytestmark = needs_tools
SETTINGS = BatchSettings(school_name=SCHOOL, scope_label="机电2401班", printed_at=PRINTED_AT)


def _students(count: int, visits_each: int = 1) -> list[StudentVisits]:
    jobs = []
    for seed in range(count):
        demo = demo_student(seed + 1, today=TODAY)
        visits = [demo.visit]
        for extra in range(1, visits_each):
            visits.append(
                demo.visit.model_copy(
                    update={
                        "id": f"{demo.visit.id}-{extra}",
                        "visit_date": demo.visit.visit_date - timedelta(days=30 * extra),
                    }
                )
            )
        jobs.append(StudentVisits(demo.student, visits, demo.family, "机电工程学院"))
    return jobs


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".pdf") or p.name.startswith("."))


def test_one_file_per_student_with_progress(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    jobs = _students(3, visits_each=2)
    calls: list[tuple[int, int]] = []
    result = export_batch(
        jobs, tmp_path, settings=SETTINGS, progress=lambda d, t: calls.append((d, t)), fonts=cjk_fonts
    )
    assert not result.cancelled and result.done == 3 and len(result.files) == 3
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert _leftovers(tmp_path) == []
    for job, path in zip(jobs, result.files, strict=True):
        assert is_safe_file_name(path.name) and job.student.student_no in path.name
        assert qpdf_check(path).returncode == 0
        text = squeeze(pdf_text(path))
        # each of the student's two forms is numbered on its own
        pages = page_count(path)
        assert text.count(f"第1页共{pages // 2}页") == 2
        assert job.student.name in text
    assert result.student_ids == [job.student.id for job in jobs]


def test_one_combined_file(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    jobs = _students(3)
    calls: list[tuple[int, int]] = []
    result = export_batch(
        jobs,
        tmp_path,
        settings=SETTINGS,
        combined=True,
        progress=lambda d, t: calls.append((d, t)),
        fonts=cjk_fonts,
    )
    assert [p.name for p in result.files] == ["家访记录_机电2401班.pdf"]
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    path = result.files[0]
    assert qpdf_check(path).returncode == 0
    text = squeeze(pdf_text(path))
    assert all(job.student.name in text for job in jobs)
    assert text.count("第1页共") == 3  # numbering restarts for every form
    assert _leftovers(tmp_path) == []


def test_archives_one_per_student(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    bundles = [demo_bundle(demo_student(seed, today=TODAY), today=TODAY) for seed in (1, 2)]
    result = export_batch(bundles, tmp_path, settings=SETTINGS, fonts=cjk_fonts)
    assert [p.name for p in result.files] == [
        f"成长档案_{b.student.student_no}_20250321.pdf" for b in bundles
    ]
    assert all("重点帮扶" not in pdf_text(p) for p in result.files)


def test_key_support_in_bulk_needs_a_center_role(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    bundles = [demo_bundle(demo_student(1, today=TODAY), today=TODAY)]
    counselor = BatchSettings(school_name=SCHOOL, include_key_support=True, viewer_role=Role.COUNSELOR)
    with pytest.raises(KeySupportNotAllowed):
        export_batch(bundles, tmp_path, settings=counselor, fonts=cjk_fonts)
    center = BatchSettings(school_name=SCHOOL, include_key_support=True, viewer_role=Role.COLLEGE_CENTER)
    result = export_batch(bundles, tmp_path, settings=center, fonts=cjk_fonts)
    assert "重点帮扶" in pdf_text(result.files[0])


def test_cancel_keeps_finished_files_and_leaves_no_partial_file(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 2:
            cancel.set()

    result = export_batch(
        _students(5), tmp_path, settings=SETTINGS, progress=progress, cancel=cancel, fonts=cjk_fonts
    )
    assert result.cancelled and result.done == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in result.files)
    assert all(qpdf_check(p).returncode == 0 for p in result.files)


def test_cancelling_a_combined_export_writes_nothing(tmp_path: Path, cjk_fonts: PdfFonts) -> None:
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 1:  # reported while the combined document is being laid out
            cancel.set()

    result = export_batch(
        _students(4),
        tmp_path,
        settings=SETTINGS,
        combined=True,
        progress=progress,
        cancel=cancel,
        fonts=cjk_fonts,
    )
    assert result.cancelled and result.files == [] and result.done == 0
    assert list(tmp_path.iterdir()) == []


def test_a_failing_write_leaves_no_partial_file(
    tmp_path: Path, cjk_fonts: PdfFonts, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def broken_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export_batch(_students(1), tmp_path, settings=SETTINGS, fonts=cjk_fonts)
    assert list(tmp_path.iterdir()) == []


def test_a_callable_cancels_too_and_students_without_visits_are_skipped(
    tmp_path: Path, cjk_fonts: PdfFonts
) -> None:
    jobs = _students(2)
    empty = StudentVisits(jobs[0].student, [], jobs[0].family)
    result = export_batch([empty, *jobs], tmp_path, settings=SETTINGS, cancel=lambda: False, fonts=cjk_fonts)
    assert result.total == 2 and result.done == 2
    result = export_batch(jobs, tmp_path / "none", settings=SETTINGS, cancel=lambda: True, fonts=cjk_fonts)
    assert result.cancelled and result.files == []
