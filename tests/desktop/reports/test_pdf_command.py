"""`jiafang pdf …` on a real encrypted store: files written, names safe, an audit entry per export."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.reports.file_names import is_safe_file_name
from desktop.store.store import Store
from sync.demo.showcase import demo_student
from sync.records import AuditAction, College, Mentor, Role, User, WishCatalogItem
from tests.desktop.reports.conftest import TODAY, demo_bundle
from tests.desktop.reports.pdf_tools import needs_tools, pdf_text, qpdf_check, squeeze

pytestmark = needs_tools
PASS = "correct horse 家访"


def _fill(store: Store, seeds: range) -> list[str]:
    """Demo students (all record kinds) in one college and class; returns their 学号."""
    numbers = []
    with store.session() as s:
        college = s.colleges.create(College(name="机电工程学院"))
        mentor = s.mentors.create(Mentor(staff_no="T1001", name="王导师"))
        counselor = s.users.create(User(staff_no="C2001", name="陈老师", role=Role.COUNSELOR))
        for seed in seeds:
            demo = demo_student(seed, today=TODAY)
            student = demo.student.model_copy(update={"college_id": college.id, "counselor_id": counselor.id})
            s.students.create(student)
            for member in demo.family:
                s.family.create(member)
            s.visits.create(demo.visit)
            bundle = demo_bundle(demo, today=TODAY)
            for record in [
                *bundle.identifications,
                *bundle.aid,
                *bundle.rewards,
                *bundle.flags,
                *bundle.give_backs,
            ]:
                s.repository(record.RECORD_TYPE).create(record)
            for support in bundle.key_supports:
                s.key_supports.create(support)
            for assignment in bundle.mentor_assignments:
                s.mentor_assignments.create(assignment.model_copy(update={"mentor_id": mentor.id}))
            for log in bundle.support_logs:
                s.support_logs.create(log.model_copy(update={"mentor_id": mentor.id}))
            item = s.wish_catalog.create(WishCatalogItem(category="employment", service_item="简历指导"))
            s.wishes.create(bundle.wishes[0].model_copy(update={"item_ids": [item.id]}))
            numbers.append(student.student_no)
    return numbers


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    folder = tmp_path / "data"
    store = Store.create(
        folder,
        PASS,
        school_name="江苏示范职业技术学院",
        user_name="陈老师",
        role=Role.COUNSELOR,
        use_keyring=False,
    )
    with store:
        _fill(store, range(1, 4))
    return folder


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "pdf", *args])


def _student_nos(data_dir: Path) -> list[str]:
    with Store.open(data_dir, PASS) as store, store.session() as s:
        return sorted(student.student_no for student in s.students.list())


def _audit(data_dir: Path) -> list[tuple[str, str]]:
    with Store.open(data_dir, PASS) as store, store.session() as s:
        return [(e.action.value, e.detail) for e in s.audit.list() if e.detail.startswith("pdf:")]


def test_visit_form_to_a_folder_gets_a_safe_name_and_an_audit_entry(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _student_nos(data_dir)[0]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert _run(data_dir, "visit", "--student", number, "-o", str(out_dir)) == 0
    [pdf] = list(out_dir.iterdir())
    assert is_safe_file_name(pdf.name) and number in pdf.name
    assert str(pdf) in capsys.readouterr().out
    assert qpdf_check(pdf).returncode == 0
    text = squeeze(pdf_text(pdf))
    assert "江苏示范职业技术学院" in text and "机电工程学院" in text and number in text
    assert _audit(data_dir) == [(AuditAction.EXPORT.value, "pdf:visit_form")]


def test_output_folder_that_does_not_exist_yet(data_dir: Path, tmp_path: Path) -> None:
    """`-o new/` (trailing separator) is a folder: created, and two exports keep two files."""
    number = _student_nos(data_dir)[0]
    out_dir = tmp_path / "trip"
    assert _run(data_dir, "visit", "--student", number, "-o", f"{out_dir}/") == 0
    assert _run(data_dir, "archive", "--student", number, "-o", f"{out_dir}/") == 0
    assert len(list(out_dir.glob("*.pdf"))) == 2
    assert not (tmp_path / "trip.pdf").exists()


def test_archive_blank_and_errors(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    number = _student_nos(data_dir)[0]
    archive = tmp_path / "a.pdf"
    assert _run(data_dir, "archive", "--student", number, "-o", str(archive)) == 0
    text = squeeze(pdf_text(archive))
    assert "资助成长档案" in text and "简历指导" in text and "陈老师" in text
    assert "重点帮扶" not in text
    assert (
        _run(data_dir, "archive", "--student", number, "--with-key-support", "-o", str(tmp_path / "k.pdf"))
        == 0
    )
    restricted = squeeze(pdf_text(tmp_path / "k.pdf"))
    assert "重点帮扶" in restricted and "王导师" in restricted
    assert _run(data_dir, "blank", "-o", str(tmp_path / "blank.pdf")) == 0
    assert _run(data_dir, "blank", "--student", number, "-o", str(tmp_path / "blank2")) == 0
    assert (tmp_path / "blank2.pdf").exists()
    capsys.readouterr()
    assert _run(data_dir, "visit", "--student", "999", "-o", str(tmp_path / "x.pdf")) == 1
    assert "找不到学号为 999 的学生" in capsys.readouterr().err
    assert _run(data_dir, "visit", "--student", number, "--visit", "nope", "-o", str(tmp_path / "x.pdf")) == 1
    assert not (tmp_path / "x.pdf").exists()
    assert [detail for _, detail in _audit(data_dir)] == [
        "pdf:growth_archive",
        "pdf:growth_archive+key_support",
        "pdf:blank_form",
        "pdf:blank_form",
    ]


def test_batch_per_student_and_combined(data_dir: Path, tmp_path: Path) -> None:
    numbers = _student_nos(data_dir)
    out = tmp_path / "batch"
    assert _run(data_dir, "batch", "--college", "机电工程学院", "-o", str(out)) == 0
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and all(is_safe_file_name(n) for n in names)
    assert [n.split("_")[1] for n in names] == numbers
    assert (
        _run(
            data_dir,
            "batch",
            "--class",
            "机电2401班",
            "--combined",
            "--kind",
            "archives",
            "-o",
            str(tmp_path / "c"),
        )
        == 0
    )
    [combined] = list((tmp_path / "c").iterdir())
    assert combined.name == "成长档案_机电2401班.pdf"
    assert squeeze(pdf_text(combined)).count("第1页共") == 3
    details = [detail for _, detail in _audit(data_dir)]
    assert details.count("pdf:batch_visits") == 3 and details.count("pdf:batch_archives_combined") == 3


def test_batch_refusals(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert (
        _run(
            data_dir,
            "batch",
            "--college",
            "机电工程学院",
            "--kind",
            "archives",
            "--with-key-support",
            "-o",
            str(tmp_path / "k"),
        )
        == 1
    )
    assert "支持中心" in capsys.readouterr().err
    assert _run(data_dir, "batch", "--college", "没有的学院", "-o", str(tmp_path / "n")) == 1
    assert "找不到学院" in capsys.readouterr().err
    assert (
        _run(
            data_dir,
            "batch",
            "--class",
            "机电2401班",
            "--from",
            "2000-01-01",
            "--to",
            "2000-12-31",
            "-o",
            str(tmp_path / "e"),
        )
        == 1
    )
    assert "没有可导出的记录" in capsys.readouterr().err
    assert not (tmp_path / "k").exists()
    assert _audit(data_dir) == []


def test_font_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "font") == 0
    assert "嵌入子集" in capsys.readouterr().out


def test_visit_by_its_printed_number_with_the_title_setting(data_dir: Path, tmp_path: Path) -> None:
    number = _student_nos(data_dir)[0]
    with Store.open(data_dir, PASS) as store, store.session() as s:
        student = s.students.by_student_no(number)
        assert student is not None
        [visit] = s.visits.for_student(student.id)
    assert visit.record_no
    assert (
        main(["--data-dir", str(data_dir), "settings", "set", "pdf.visit_form_title", "学生家访记录表"]) == 0
    )
    out = tmp_path / "by-number.pdf"
    assert (
        _run(data_dir, "visit", "--student", number, "--visit", visit.record_no.lower(), "-o", str(out)) == 0
    )
    text = squeeze(pdf_text(out))
    assert "学生家访记录表" in text and "家庭经济困难学生家访记录表" not in text
    assert f"编号{visit.record_no}" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"家访记录 {number}" in info and "困难" not in info
