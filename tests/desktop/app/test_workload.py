"""The workload use cases on a real store: the view, the confirmation (who may), the XLSX and the PDF."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.app import workload
from desktop.store.store import Store
from sync.records import AuditAction, Role
from tests.desktop.app.conftest import PASSPHRASE
from tests.desktop.store.workload_store import fill_workload_school
from tests.sync.figures.workload_fixture import T1, T2, log

T1_DAY = date(2025, 12, 20)  # a day of the first term


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store.create(
        tmp_path / "data",
        PASSPHRASE,
        school_name="示例大学",
        user_name="李主任",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    fill_workload_school(opened)
    return opened


def test_a_college_center_confirms_its_college_and_the_term_stays_frozen(store: Store) -> None:
    with store:
        view = workload.workload_view(store, T1, "c1")
        assert view.may_confirm and view.scope_label == "文学院"
        assert not workload.workload_view(store, T1, "c2").may_confirm  # another college
        confirmed = workload.confirm_workload(store, T1, "c1")
        assert confirmed.report.confirmed and confirmed.confirmed_by == "李主任"
        assert not confirmed.may_confirm and "已确认" in confirmed.confirm_reason
        with pytest.raises(workload.WorkloadError, match="已确认"):
            workload.confirm_workload(store, T1, "c1")
        with store.session() as s:
            s.support_logs.create(log("l5", "m-qian", T1_DAY, 40))
            [stored] = s.workload_confirmations.list()
            assert stored.confirmed_by_id == "u-center" and len(stored.items) == 11  # 王 5, 赵 5, 钱 1
            assert [e.action for e in s.audit.list()] == [AuditAction.REVIEW]
        rows = {r.teacher.name: r for r in workload.workload_view(store, T1, "c1").report.teachers}
        assert rows["钱导师"].mentor_minutes == 30
        rows = {r.teacher.name: r for r in workload.workload_view(store, T2, "c1").report.teachers}
        assert rows["钱导师"].mentor_minutes == 40
        assert rows["钱导师"].activities[0].note == "补录：原属2025-2026-1"


def test_only_center_roles_confirm_and_not_a_running_term(store: Store) -> None:
    with store:
        store.set_local_user(user_id="u-wang", user_name="王老师", role=Role.COUNSELOR)
        view = workload.workload_view(store, T1, "c1")
        assert not view.may_confirm and "只有学生发展支持中心" in view.confirm_reason
        with pytest.raises(workload.WorkloadError, match="只有学生发展支持中心"):
            workload.confirm_workload(store, T1, "c1")
        store.set_local_user(user_id="u-school", user_name="周处长", role=Role.SCHOOL_CENTER)
        assert workload.workload_view(store, T1, "c2").may_confirm
        assert "请先选择一个学院" in workload.workload_view(store, T1, None).confirm_reason
        running = workload.recent_terms()[0]
        assert "尚未结束" in workload.workload_view(store, running, "c1").confirm_reason
        with store.session() as s:
            assert s.workload_confirmations.list() == []


def test_xlsx_has_one_row_per_teacher_with_chinese_headers(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "工作量.xlsx"
    with store:
        workload.export_workload(store, T1, "c1", path)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "2025-2026学年第一学期 教师资助育人工作量（文学院，未确认）"
    headers = rows[1]
    assert headers[:9] == [
        "姓名",
        "工号",
        "身份",
        "带教学生(人)",
        "导师帮扶(次)",
        "导师帮扶(分钟)",
        "救助性教育(次)",
        "集体教研(次)",
        "家访(次)",
    ]
    by_name = {r[0]: dict(zip(headers, r, strict=True)) for r in rows[2:]}
    assert sorted(by_name) == ["王老师", "赵导师", "钱导师"]
    wang = by_name["王老师"]
    assert (wang["家访(次)"], wang["家访-实地入户(次)"], wang["家访-电话(次)"], wang["家访(小时)"]) == (
        2,
        1,
        1,
        2.5,
    )
    assert (wang["救助性教育(次)"], wang["集体教研(次)"], wang["心愿单服务(项)"]) == (1, 1, 2)
    zhao = by_name["赵导师"]
    assert (zhao["带教学生(人)"], zhao["导师帮扶(次)"], zhao["导师帮扶(分钟)"]) == (1, 2, 105)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_one_signed_form_per_teacher_without_students(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "工作量.pdf"
    with store:
        workload.confirm_workload(store, T1, "c1")
        workload.export_workload(store, T1, "c1", path)
    text = _pdf_text(path)
    assert text.count("教师资助育人工作量认定表") >= 3
    for name in ("王老师", "赵导师", "钱导师"):
        assert name in text
    assert "2025-2026学年第一学期" in text
    assert "教师本人签字" in text and "确认人（学生发展支持中心）" in text and "李主任" in text
    assert "2025-10-02" in text and "实地入户" in text and "救助性教育" in text and "集体教研" in text
    assert "已由学生发展支持中心确认" in text
    for student in ("甲同学", "乙同学", "2024001", "2024002"):  # no student on the form
        assert student not in text


def test_an_unknown_file_type_is_refused_in_chinese(store: Store, tmp_path: Path) -> None:
    with store, pytest.raises(workload.WorkloadError, match=r"请用 \.xlsx 或 \.pdf"):
        workload.export_workload(store, T1, "c1", tmp_path / "工作量.docx")
    assert not (tmp_path / "工作量.docx").exists()
