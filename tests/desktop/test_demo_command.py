"""`jiafang demo` builds a real encrypted store whose counts match the generator's."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.outbox import pending_count
from desktop.store.store import Store
from sync.demo import count_by_type, generate

PASS = "demo passphrase 家访"
TODAY = date(2025, 11, 20)


@pytest.fixture
def env_pass(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    return PASS


def _demo(folder: Path, *extra: str) -> int:
    return main(
        [
            "demo",
            "--data-dir",
            str(folder),
            "--students",
            "200",
            "--seed",
            "5",
            "--today",
            "2025-11-20",
            *extra,
        ]
    )


def test_demo_builds_a_store_with_the_generated_counts(
    tmp_path: Path, env_pass: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert _demo(folder, "--no-keyring") == 0
    out = capsys.readouterr().out
    assert "学生（student）：200" in out
    assert "用时" in out
    expected = count_by_type(generate(students=200, today=TODAY, seed=5))
    with Store.open(folder, env_pass) as store, store.session() as s:
        for record_type, count in expected.items():
            assert s.repository(record_type).count() == count, record_type
        assert pending_count(s.db) == 0  # demo data is a synced baseline: nothing to push
        assert store.info.school_name
        student = s.students.list(limit=1)[0]
        assert s.history(student.id).identifications
    # `jiafang info --json` reports the same numbers.
    assert main(["--data-dir", str(folder), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    for record_type, count in expected.items():
        assert info["counts"][record_type] == count


def test_global_data_dir_option_works_too(tmp_path: Path, env_pass: str) -> None:
    folder = tmp_path / "global"
    assert main(["--data-dir", str(folder), "demo", "--students", "20", "--today", "2025-11-20"]) == 0
    assert Store.db_path_of(folder).exists()


def test_demo_refuses_to_overwrite_a_store(
    tmp_path: Path, env_pass: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "demo"
    assert _demo(folder, "--no-keyring") == 0
    before = Store.db_path_of(folder).stat().st_mtime_ns
    capsys.readouterr()
    assert _demo(folder) == 1
    err = capsys.readouterr().err
    assert "已有数据" in err
    assert "不会覆盖" in err
    assert len(err.strip().splitlines()) == 1
    assert Store.db_path_of(folder).stat().st_mtime_ns == before


def test_passphrase_env_requires_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("JIAFANG_PASSPHRASE", raising=False)
    monkeypatch.delenv("DEMO_PASS", raising=False)
    folder = tmp_path / "demo"
    assert _demo(folder, "--passphrase-env", "DEMO_PASS") == 1
    assert "DEMO_PASS" in capsys.readouterr().err
    assert not Store.db_path_of(folder).exists()
    monkeypatch.setenv("DEMO_PASS", PASS)
    assert main(["demo", "--data-dir", str(folder), "--students", "5", "--today", "2025-11-20",
                 "--passphrase-env", "DEMO_PASS", "--no-keyring"]) == 0  # fmt: skip
    with Store.open(folder, PASS) as store, store.session() as s:
        assert s.students.count() == 5


@pytest.mark.parametrize("students", ["0", "-3", "999999"])
def test_student_count_is_checked(
    tmp_path: Path, env_pass: str, students: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path / "d"), "--students", students]) == 1
    assert "学生人数" in capsys.readouterr().err


def test_today_may_not_be_in_the_future(
    tmp_path: Path, env_pass: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--data-dir", str(tmp_path / "d"), "--students", "5", "--today", "2999-01-01"]) == 1
    assert "不能晚于今天" in capsys.readouterr().err


def test_a_failed_build_leaves_no_store_behind(
    tmp_path: Path, env_pass: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.commands import demo_command

    def broken(session: object, records: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(demo_command, "insert_records", broken)
    folder = tmp_path / "demo"
    assert _demo(folder, "--no-keyring") == 130
    assert not Store.db_path_of(folder).exists()
    assert not (folder / "key.json").exists()
    monkeypatch.undo()
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    assert _demo(folder, "--no-keyring") == 0  # the folder can be used again
