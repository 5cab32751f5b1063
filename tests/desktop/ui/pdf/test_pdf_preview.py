"""In-app PDF preview, save as and print, on a real encrypted store with real PDFs (offscreen Qt).

QtPdf renders under the offscreen platform, so the preview is checked through the document Qt loaded
(status Ready, page count) and printing through a QPrinter in PDF output mode (the system print
dialog itself is a thin wrapper and is not opened in tests).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.app.pdf_documents import PdfSpec
from desktop.reports import fonts
from desktop.reports.file_names import is_safe_file_name
from desktop.ui.pdf.pdf_jobs import PdfJobs
from desktop.ui.pdf.pdf_preview_dialog import PdfPreviewDialog, PdfPreviewOpener
from desktop.ui.pdf.pdf_printing import duplex_supported, new_printer
from sync.records import AuditAction, Role
from sync.records.masking import mask_id_number
from tests.desktop.reports.pdf_tools import needs_tools, page_count, pdf_text, qpdf_check, squeeze
from tests.desktop.ui.pdf_fixtures import PdfApp, audit_entries, pdf_app_fixture  # noqa: F401 (fixture)

pytestmark = needs_tools


def open_preview(qtbot: QtBot, pdf_app: PdfApp, spec: PdfSpec) -> PdfPreviewDialog:
    opener = PdfPreviewOpener(pdf_app.ctx, pdf_app.window, show_errors=False)
    with qtbot.waitSignal(opener.opened) as blocker:
        opener.open(spec)
    dialog = blocker.args[0]
    assert isinstance(dialog, PdfPreviewDialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    return dialog


def test_preview_of_a_visit_loads_from_memory_and_saves_as(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path
) -> None:
    demo = pdf_app.demos[0]
    dialog = open_preview(qtbot, pdf_app, PdfSpec.visit(demo.visit.id))
    assert dialog.page_count() > 0
    assert dialog.document.pageCount() == dialog.page_count()
    assert dialog.pdf.data.startswith(b"%PDF")
    assert dialog.page_label.text() == f"第 1 页 共 {dialog.page_count()} 页"  # the app runs in Chinese
    assert dialog.font_warning.isHidden()  # the CI machine has an embeddable CJK font
    # The default file name is the safe one: 学号, no name, no ID number.
    assert is_safe_file_name(dialog.pdf.file_name)
    assert demo.student.student_no in dialog.pdf.file_name
    assert demo.student.name not in dialog.pdf.file_name

    target = tmp_path / "out" / dialog.pdf.file_name
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(target)
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no partial file left
    assert qpdf_check(target).returncode == 0
    text = squeeze(pdf_text(target))
    assert demo.student.name in text
    assert demo.student.id_number
    assert mask_id_number(demo.student.id_number) in text
    assert demo.student.id_number not in text
    assert page_count(target) == dialog.page_count()

    dialog.close()
    pdf_app.app.shutdown()  # type: ignore[attr-defined]
    entries = [e for e in audit_entries(pdf_app.data_dir) if e.detail == "pdf:visit_form"]
    assert [(e.action, e.record_id, e.student_id) for e in entries] == [
        (AuditAction.EXPORT, demo.visit.id, demo.student.id)
    ]


def test_print_to_an_injected_pdf_printer_writes_an_audit_entry(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path
) -> None:
    demo = pdf_app.demos[1]
    dialog = open_preview(qtbot, pdf_app, PdfSpec.archive(demo.student.id))
    printer = new_printer()
    printer.setResolution(150)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as blocker:
        dialog.print_with(printer)
    assert blocker.args == [dialog.page_count()]
    assert dialog.print_button.isEnabled()
    assert qpdf_check(out).returncode == 0
    assert page_count(out) == dialog.page_count()

    dialog.close()
    pdf_app.app.shutdown()  # type: ignore[attr-defined]
    entries = [e for e in audit_entries(pdf_app.data_dir) if e.detail.startswith("pdf:")]
    assert [(e.action, e.detail, e.student_id) for e in entries] == [
        (AuditAction.PRINT, "pdf:growth_archive", demo.student.id)
    ]


def test_print_range_from_the_dialog_is_honoured(qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path) -> None:
    dialog = open_preview(qtbot, pdf_app, PdfSpec.archive(pdf_app.demos[0].student.id))
    assert dialog.page_count() >= 2
    printer = new_printer()
    printer.setResolution(100)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as blocker:
        dialog.print_with(printer)
    assert blocker.args == [1]
    assert page_count(tmp_path / "range.pdf") == 1


def test_blank_form_for_a_student_and_without_one(qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path) -> None:
    demo = pdf_app.demos[2]
    dialog = open_preview(qtbot, pdf_app, PdfSpec.blank(demo.student.id))
    assert dialog.pdf.file_name == f"家访记录表_{demo.student.student_no}_空白.pdf"
    with qtbot.waitSignal(dialog.saved):
        dialog.save_to(tmp_path / dialog.pdf.file_name)
    text = squeeze(pdf_text(tmp_path / dialog.pdf.file_name))
    assert demo.student.name in text and "家访记录表" in text
    dialog.close()

    empty = open_preview(qtbot, pdf_app, PdfSpec.blank())
    assert empty.pdf.file_name == "家访记录表_空白.pdf"
    assert empty.page_count() > 0
    empty.close()


def test_key_support_archive_only_for_roles_that_may_see_it(qtbot: QtBot, pdf_app: PdfApp) -> None:
    dialog = open_preview(
        qtbot, pdf_app, PdfSpec.archive(pdf_app.demos[0].student.id, include_key_support=True)
    )
    assert dialog.pdf.audit.detail == "pdf:growth_archive+key_support"
    dialog.close()


@pytest.mark.parametrize("pdf_app", [Role.ADMIN], indirect=True)
def test_key_support_archive_refused_for_an_administrator(qtbot: QtBot, pdf_app: PdfApp) -> None:
    opener = PdfPreviewOpener(pdf_app.ctx, pdf_app.window, show_errors=False)
    with qtbot.waitSignal(opener.failed) as blocker:
        opener.open(PdfSpec.archive(pdf_app.demos[0].student.id, include_key_support=True))
    assert blocker.args == ["当前角色无权查看重点帮扶内容"]


def test_unknown_visit_gives_a_chinese_message(qtbot: QtBot, pdf_app: PdfApp) -> None:
    opener = PdfPreviewOpener(pdf_app.ctx, pdf_app.window, show_errors=False)
    with qtbot.waitSignal(opener.failed) as blocker:
        opener.open(PdfSpec.visit("no-such-visit"))
    assert blocker.args == ["找不到这条家访记录。"]


def test_locking_closes_the_preview_and_drops_the_document(qtbot: QtBot, pdf_app: PdfApp) -> None:
    dialog = open_preview(qtbot, pdf_app, PdfSpec.visit(pdf_app.demos[0].visit.id))
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.finished):
        pdf_app.ctx.lock.lock()
    assert dialog.document.status() != QPdfDocument.Status.Ready
    assert dialog.buffer.data().size() == 0
    qtbot.waitUntil(lambda: PdfJobs.of(pdf_app.ctx.worker).pending == 0)


def test_profile_buttons_open_the_visit_form_and_the_archive(qtbot: QtBot, pdf_app: PdfApp) -> None:
    demo = pdf_app.demos[0]
    section = pdf_app.window.sections["roster"]
    profile = section.profile
    with qtbot.waitSignal(profile.loaded):
        section.open_student(demo.student.id)
    assert profile.visit_pdf.isEnabled()
    assert profile.archive_key_support_pdf.isVisible()  # a counselor may see key support

    with qtbot.waitSignal(profile.pdf.opened, timeout=60_000) as blocker:
        profile.visit_pdf.click()
    visit_dialog = blocker.args[0]
    assert visit_dialog.pdf.audit.record_id == demo.visit.id
    visit_dialog.close()

    with qtbot.waitSignal(profile.pdf.opened, timeout=60_000) as blocker:
        profile.archive_key_support_pdf.trigger()
    assert blocker.args[0].pdf.audit.detail == "pdf:growth_archive+key_support"
    blocker.args[0].close()

    with qtbot.waitSignal(profile.pdf.opened, timeout=60_000) as blocker:
        profile.blank_form_pdf.trigger()
    assert blocker.args[0].pdf.file_name == f"家访记录表_{demo.student.student_no}_空白.pdf"
    blocker.args[0].close()


@pytest.mark.parametrize("pdf_app", [Role.ADMIN], indirect=True)
def test_no_key_support_archive_in_the_menu_for_an_administrator(qtbot: QtBot, pdf_app: PdfApp) -> None:
    section = pdf_app.window.sections["roster"]
    profile = section.profile
    with qtbot.waitSignal(profile.loaded):
        section.open_student(pdf_app.demos[0].student.id)
    assert not profile.archive_key_support_pdf.isVisible()
    assert profile.archive_pdf.isVisible()


def test_blank_form_button_on_the_visits_page(qtbot: QtBot, pdf_app: PdfApp) -> None:
    visits = pdf_app.window.sections["visits"]
    with qtbot.waitSignal(visits.pdf.opened, timeout=60_000) as blocker:
        visits.blank_button.click()  # nothing selected: an empty form
    assert blocker.args[0].pdf.file_name == "家访记录表_空白.pdf"
    blocker.args[0].close()


def test_roster_export_button_passes_the_selection(qtbot: QtBot, pdf_app: PdfApp) -> None:
    roster = pdf_app.window.sections["roster"].roster
    roster.table.selectRow(0)
    roster.table.selectionModel().select(
        roster.model.index(1, 0),
        roster.table.selectionModel().SelectionFlag.Select | roster.table.selectionModel().SelectionFlag.Rows,
    )
    dialog = roster.batch_export()
    assert len(dialog.student_ids) == 2
    assert dialog.by_selection.isChecked()
    assert dialog.by_selection.text() == "所选学生（2 名）"
    dialog.reject()


def test_font_fallback_warning_is_shown(
    qtbot: QtBot, pdf_app: PdfApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No embeddable CJK font anywhere: the STSong-Light fallback is used and the user is told."""
    monkeypatch.delenv(fonts.FONT_PATH_ENV, raising=False)
    monkeypatch.setattr(fonts, "_cache", {})
    monkeypatch.setattr(fonts, "shipped_fonts", lambda _folder: [])
    monkeypatch.setattr(fonts, "system_font_candidates", list)
    dialog = open_preview(qtbot, pdf_app, PdfSpec.visit(pdf_app.demos[0].visit.id))
    assert not dialog.font_warning.isHidden()
    assert dialog.font_warning.text() == dialog.pdf.font_warning
    assert dialog.pdf.font_warning and "字体" in dialog.pdf.font_warning
    assert dialog.page_count() > 0
    dialog.close()


def test_preview_writes_no_temporary_file(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF is built and shown from memory: no temp file, nothing new in the data folder."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # let Python's tempfile see TMPDIR too
    before = sorted(p.name for p in pdf_app.data_dir.rglob("*"))
    dialog = open_preview(qtbot, pdf_app, PdfSpec.archive(pdf_app.demos[0].student.id))
    assert dialog.page_count() > 0
    dialog.close()
    assert list(temp.iterdir()) == []
    after = sorted(p.name for p in pdf_app.data_dir.rglob("*"))
    assert after == before


def test_printer_defaults_to_a4_and_prints_what_the_preview_shows(
    qtbot: QtBot, pdf_app: PdfApp, tmp_path: Path
) -> None:
    """A4 portrait, whole page; duplex only where a real printer reports it; every previewed page is
    printed at A4 size."""
    printer = new_printer()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    assert printer.fullPage()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert not duplex_supported(printer)  # PDF output is no duplex printer
    printer.setResolution(100)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog = open_preview(qtbot, pdf_app, PdfSpec.visit(pdf_app.demos[0].visit.id))
    with qtbot.waitSignal(dialog.printed, timeout=60_000):
        dialog.print_with(printer)
    assert page_count(out) == dialog.page_count() == dialog.document.pageCount()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info), info
