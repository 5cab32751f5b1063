"""`jiafang init | info | students | passwd | backup | restore` on real encrypted stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.store import Store
from sync.records import College, Student

PASS = "correct horse 家访"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    assert (
        main(["--data-dir", str(folder), "init", "--school", "示例大学", "--name", "王老师", "--no-keyring"])
        == 0
    )
    with Store.open(folder, PASS) as store, store.session() as s:
        college = s.colleges.create(College(name="信息工程学院"))
        s.students.create(
            Student(student_no="2025010101", name="张三", college_id=college.id, class_name="计科2501")
        )
        s.students.create(
            Student(student_no="2025010102", name="李四", college_id=college.id, class_name="计科2501")
        )
    return folder


def test_students_search_by_initials_and_number(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "students", "--search", "zs", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in rows] == ["张三"]
    assert rows[0]["college"] == "信息工程学院" and rows[0]["class"] == "计科2501"
    assert main(["--data-dir", str(data_dir), "students", "--search", "2025010102"]) == 0
    out = capsys.readouterr().out
    assert "李四" in out and "张三" not in out


def test_info_reports_counts_versions_and_key_storage(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["student"] == 2
    assert info["counts"]["college"] == 1
    assert info["sqlcipher_version"].startswith("4.")
    assert info["schema_version"] >= 1
    assert info["key_storage"] == "passphrase (Argon2id)"
    assert info["pending_changes"] == 3
    assert main(["--data-dir", str(data_dir), "info"]) == 0
    assert "SQLCipher" in capsys.readouterr().out


def test_wrong_passphrase_is_one_clear_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    capsys.readouterr()
    monkeypatch.setenv("JIAFANG_PASSPHRASE", "wrong passphrase")
    assert main(["--data-dir", str(data_dir), "info"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "密码不正确" in err


def test_passwd_rewraps_and_old_passphrase_stops_working(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db_before = (data_dir / "jiafang.db").read_bytes()
    monkeypatch.setenv("JIAFANG_NEW_PASSPHRASE", "新密码 new passphrase")
    assert main(["--data-dir", str(data_dir), "passwd"]) == 0
    assert (data_dir / "jiafang.db").read_bytes() == db_before
    assert main(["--data-dir", str(data_dir), "info"]) == 1
    monkeypatch.setenv("JIAFANG_PASSPHRASE", "新密码 new passphrase")
    assert main(["--data-dir", str(data_dir), "info"]) == 0


def test_backup_then_restore_brings_back_deleted_data(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "backup"]) == 0
    backups = sorted((data_dir / "backups").glob("*manual*"))
    assert len(backups) == 1
    with Store.open(data_dir, PASS) as store, store.session() as s:
        s.students.purge(s.students.list()[0].id)
    assert main(["--data-dir", str(data_dir), "restore", str(backups[0])]) == 0
    with Store.open(data_dir, PASS) as store, store.session() as s:
        assert s.students.count() == 2
    assert main(["--data-dir", str(data_dir), "restore", str(data_dir / "nope.db")]) == 1


def test_missing_store_and_refused_reinit(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "empty"), "info"]) == 1
    assert "jiafang init" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "init", "--school", "x", "--name", "y"]) == 1
    assert "已有数据" in capsys.readouterr().err


def test_console_script_prints_no_traceback(data_dir: Path) -> None:
    env = {**os.environ, "JIAFANG_PASSPHRASE": "wrong passphrase"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "students"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("jiafang: ")


def test_output_piped_into_a_reader_that_stops_early(data_dir: Path) -> None:
    env = {**os.environ, "JIAFANG_PASSPHRASE": PASS}
    script = (
        f"{sys.executable} -m desktop.cli --data-dir '{data_dir}' info | true; echo status=${{PIPESTATUS[0]}}"
    )
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env, check=False)
    assert "意外错误" not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() == "status=0"


def test_info_and_keyring_report_what_the_keyring_holds_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The keyring entry deleted behind the app's back: `info` says so (not the stored flag), a
    passphrase unlock says how to put it back, and `jiafang keyring --restore` does."""
    import keyring

    from desktop.store.key_vault import KeyVault
    from tests.helpers.fixtures import MemoryKeyring

    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: ring)
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    folder = tmp_path / "data"
    args = ["--data-dir", str(folder)]
    assert main([*args, "init", "--school", "示例大学", "--name", "王老师"]) == 0
    assert len(ring.secrets) == 1
    capsys.readouterr()
    assert main([*args, "info", "--json"]) == 0
    assert "OS keyring" in json.loads(capsys.readouterr().out)["key_storage"]
    ring.secrets.clear()  # deleted with the OS's keyring tool
    assert main([*args, "info", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["key_storage"] == (
        "passphrase (Argon2id); the OS keyring no longer holds the key"
    )
    assert "jiafang keyring --restore" in captured.err
    assert main([*args, "keyring"]) == 0
    assert "已没有密钥" in capsys.readouterr().out
    assert main([*args, "keyring", "--restore"]) == 0
    assert "保存着" in capsys.readouterr().out
    vault = KeyVault(folder)
    assert vault.keyring_holds_key() and vault.unlock_from_keyring() == vault.unlock(PASS)
    monkeypatch.delenv("JIAFANG_PASSPHRASE")
    assert main([*args, "info", "--json"]) == 0  # unlocked by the keyring again, no passphrase
    assert "OS keyring" in json.loads(capsys.readouterr().out)["key_storage"]
    monkeypatch.setenv("JIAFANG_PASSPHRASE", PASS)
    assert main([*args, "keyring", "--off"]) == 0
    assert "只能用密码解锁" in capsys.readouterr().out
    assert ring.secrets == {} and not vault.keyring_entry_lost()
    assert main([*args, "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["key_storage"] == "passphrase (Argon2id)"
