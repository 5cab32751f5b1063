"""批量导出 PDF from the app: real store, real PDFs, progress signals, cancel without partial files, audit."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import batch_export
from desktop.app.batch_export import BatchOutcome
from desktop.app.roster import RosterQuery
from desktop.reports.file_names import is_safe_file_name
from desktop.ui.pdf.batch_export_dialog import BatchExportDialog
from desktop.ui.pdf.pdf_jobs import PdfJobs
from sync.records import AuditAction
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, qpdf_check, squeeze
from tests.desktop.ui.pdf_fixtures import (  # noqa: F401 (fixture)
    DEMO_CLASS,
    PdfApp,
    audit_entries,
    pdf_app_fixture,
)

pytestmark = needs_tools


def make_dialog(qtbot: QtBot, pdf_app: PdfApp, folder: Path, **kwargs: Any) -> BatchExportDialog:
    dialog = BatchExportDialog(pdf_app.ctx, parent=pdf_app.window, **kwargs)
    qtbot.waitUntil(lambda: dialog.class_name.count() > 0)  # the store's colleges and classes arrived
    dialog.folder.setText(str(folder))
    dialog.show()
    return dialog


def leftovers(folder: Path) -> list[str]:
    """Anything that is not a finished PDF (a partial file starts with a dot and ends in .part)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or not p.name.endswith(".pdf"))


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Hold the export thread after the first student until the test opens the gate."""
    opened = threading.Event()
    real = batch_export.export_batch

    def held(*args: Any, **kwargs: Any) -> Any:
        report = kwargs["progress"]

        def progress(done: int, total: int) -> None:
            report(done, total)
            if done == 1:
                opened.wait()

        kwargs["progress"] = progress
        return real(*args, **kwargs)

    monkeypatch.setattr(batch_export, "export_batch", held)
    yield opened
    opened.set()  # never leave the thread waiting


def test_selected_students_one_file_each_with_progress_and_audit(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path
) -> None:
    ids = [demo.student.id for demo in pdf_app.demos]
    dialog = make_dialog(qtbot, pdf_app, tmp_path / "out", student_ids=ids)
    assert dialog.by_selection.isChecked()
    assert dialog.key_support.isHidden()  # a counselor may not bulk-export key support
    seen: list[tuple[int, int]] = []
    dialog.progressed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as blocker:
        dialog.export_button.click()
    outcome = blocker.args[0]
    assert isinstance(outcome, BatchOutcome)
    assert not outcome.result.cancelled and outcome.result.done == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert dialog.progress.value() == 3 and dialog.progress.maximum() == 3
    assert not dialog.running and dialog.export_button.isEnabled()

    folder = tmp_path / "out"
    assert leftovers(folder) == []
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3
    for demo in pdf_app.demos:
        [name] = [n for n in names if demo.student.student_no in n]
        assert is_safe_file_name(name) and demo.student.name not in name
        assert qpdf_check(folder / name).returncode == 0
        assert demo.student.name in squeeze(pdf_text(folder / name))

    dialog.close()
    pdf_app.app.shutdown()  # type: ignore[attr-defined]
    entries = [e for e in audit_entries(pdf_app.data_dir) if e.detail.startswith("pdf:")]
    assert sorted((e.action, e.detail, e.student_id) for e in entries) == sorted(
        (AuditAction.EXPORT, "pdf:batch_visits", student_id) for student_id in ids
    )


def test_cancel_keeps_finished_files_and_leaves_no_partial_file(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path, gate: threading.Event
) -> None:
    ids = [demo.student.id for demo in pdf_app.demos]
    folder = tmp_path / "out"
    dialog = make_dialog(qtbot, pdf_app, folder, student_ids=ids)
    with qtbot.waitSignal(dialog.progressed, timeout=120_000, check_params_cb=lambda done, _t: done == 1):
        dialog.export_button.click()
    assert dialog.cancel_button.text() == "取消"
    dialog.cancel_button.click()  # while exporting, the button cancels
    assert dialog.running and not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as blocker:
        gate.set()
    result = blocker.args[0].result
    assert result.cancelled and result.done == 1 and result.total == 3
    assert leftovers(folder) == []
    assert [p.name for p in folder.iterdir()] == [result.files[0].name]
    assert "取消" in dialog.status.text() or "已取消" in dialog.status.text()

    dialog.close()
    pdf_app.app.shutdown()  # type: ignore[attr-defined]
    entries = [e for e in audit_entries(pdf_app.data_dir) if e.detail.startswith("pdf:")]
    assert [e.student_id for e in entries] == result.student_ids  # only what was written


def test_cancel_of_a_combined_file_writes_nothing(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path, gate: threading.Event
) -> None:
    folder = tmp_path / "out"
    dialog = make_dialog(qtbot, pdf_app, folder, student_ids=[d.student.id for d in pdf_app.demos])
    dialog.combined.setChecked(True)
    with qtbot.waitSignal(dialog.progressed, timeout=120_000, check_params_cb=lambda done, _t: done == 1):
        dialog.start()
    dialog.cancel_export()
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as blocker:
        gate.set()
    assert blocker.args[0].result.cancelled
    assert blocker.args[0].result.files == []
    assert list(folder.iterdir()) == []


def test_a_class_as_one_combined_archive(qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    dialog = make_dialog(qtbot, pdf_app, folder)
    assert not dialog.by_selection.isEnabled()
    # nothing preselected: no unrelated college or class, and starting asks for one
    assert dialog.college.currentIndex() == -1 and dialog.class_name.currentIndex() == -1
    assert dialog.college.currentText() == "" and dialog.class_name.placeholderText() == "请选择班级…"
    dialog.start()
    assert "请选择" in dialog.status.text()
    dialog.class_name.setCurrentIndex(dialog.class_name.findText(DEMO_CLASS))
    assert dialog.by_class.isChecked()
    dialog.kind.setCurrentIndex(1)  # growth archives
    assert not dialog.date_from.isEnabled()
    dialog.combined.setChecked(True)
    with qtbot.waitSignal(dialog.export_finished, timeout=120_000) as blocker:
        dialog.start()
    result = blocker.args[0].result
    assert [p.name for p in result.files] == [f"成长档案_{DEMO_CLASS}.pdf"]
    text = squeeze(pdf_text(result.files[0]))
    for demo in pdf_app.demos:
        assert demo.student.name in text


def test_nothing_to_export_in_the_date_range_or_the_filter(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    dialog = make_dialog(
        qtbot,
        pdf_app,
        folder,
        student_ids=[pdf_app.demos[0].student.id],
        query=RosterQuery(class_name="会计2401"),
    )
    dialog.date_from.set_value(date.today() - timedelta(days=2))  # the demo visits are 10 days old
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status.text() == "这些学生在所选日期内没有可导出的记录。"

    dialog.by_filter.setChecked(True)  # 会计2401: students without visits
    dialog.date_from.set_value(None)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status.text() == "这些学生在所选日期内没有可导出的记录。"
    assert not folder.exists() or list(folder.iterdir()) == []

    dialog.date_from.set_value(date.today())
    dialog.date_to.set_value(date.today() - timedelta(days=1))
    dialog.start()
    assert not dialog.running
    assert dialog.status.text() == "开始日期晚于结束日期。"


def test_locking_cancels_the_export_and_audits_what_was_written(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path, gate: threading.Event
) -> None:
    folder = tmp_path / "out"
    dialog = make_dialog(qtbot, pdf_app, folder, student_ids=[d.student.id for d in pdf_app.demos])
    with qtbot.waitSignal(dialog.progressed, timeout=120_000, check_params_cb=lambda done, _t: done == 1):
        dialog.start()
    cancel = dialog.cancel_export

    def cancel_then_release() -> None:
        cancel()
        gate.set()  # the lock then waits for the student being written

    dialog.cancel_export = cancel_then_release  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.finished):
        pdf_app.ctx.lock.lock()
    assert leftovers(folder) == []
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 1
    qtbot.waitUntil(lambda: PdfJobs.of(pdf_app.ctx.worker).pending == 0)
    pdf_app.app.shutdown()  # type: ignore[attr-defined]
    entries = [e for e in audit_entries(pdf_app.data_dir) if e.detail.startswith("pdf:")]
    assert len(entries) == 1
