"""The admin command as an IT admin runs it: settings from the service's environment file, no prompt
without a terminal, one Chinese line for every failure; the directory (unique colleges, listing and
updating colleges and users, staff numbers), roster import errors by row and column, the demo's refusal,
and an audit entry with the operator for every action."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select, update

from sync.ids import new_id
from sync.server import cli, env_file, roster
from sync.server.database import Database
from sync.server.models import Account, AuditEntry, Device, RecordRow
from sync.server.models.base import utcnow
from sync.server.settings import Settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An environment file like the shipped template, for a SQLite database in ``tmp_path``; the
    variables ``--env-file`` puts into this process's environment are taken out again afterwards."""
    saved = dict(os.environ)
    for name in list(os.environ):
        if name.startswith("JIAFANG_"):
            monkeypatch.delenv(name)
    path = tmp_path / "jiafang-server.env"
    path.write_text(
        "# comment\n"
        f"JIAFANG_DATABASE_URL=sqlite:///{tmp_path / 'admin.sqlite3'}\n"
        f'JIAFANG_DATA_DIR="{tmp_path}"\n'
        "JIAFANG_TOMBSTONE_DAYS=500\n"
        "\n"
        "JIAFANG_PASSWORD='a password with spaces # and hash'\n",
        encoding="utf-8",
    )
    yield path
    os.environ.clear()
    os.environ.update(saved)


def admin(env: Path, *args: str) -> int:
    return cli.main(["--env-file", str(env), *args])


def _database(env: Path) -> Database:
    url = env_file.read(env)["JIAFANG_DATABASE_URL"]
    return Database(Settings(database_url=url), migrate=False)


def _audit(env: Path) -> list[AuditEntry]:
    database = _database(env)
    rows = database.run(lambda s: list(s.scalars(select(AuditEntry).order_by(AuditEntry.id))))
    database.dispose()
    return rows


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_env_file_format_is_systemds() -> None:
    values = env_file.parse(
        '# c\n; c\nexport A=1\nB="two words"\nC=\'#x=y\'\nD="q\\"uote"\nE=plain # not a comment\n'
    )
    assert values == {"A": "1", "B": "two words", "C": "#x=y", "D": 'q"uote', "E": "plain # not a comment"}
    with pytest.raises(env_file.EnvFileError, match="第 1 行"):
        env_file.parse("not a setting\n")
    with pytest.raises(env_file.EnvFileError, match=r"第 2 行.*引号"):
        env_file.parse('A=1\nB="open\n')


def test_every_setting_of_the_env_file_is_honoured(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(env, "init-db") == 0
    assert admin(env, "expire-tombstones") == 0
    assert "超过 500 天" in capsys.readouterr().out  # JIAFANG_TOMBSTONE_DAYS=500, not the default 400
    # The password in the file (quoted, with spaces) is the one the new account gets.
    assert admin(env, "create-user", "root.admin", "--role", "admin") == 0
    database = _database(env)
    account = database.run(lambda s: s.scalar(select(Account).where(Account.username == "root.admin")))
    database.dispose()
    from sync.server import auth

    assert account is not None and auth.verify_password(
        account.password_hash, "a password with spaces # and hash"
    )


def test_the_shipped_template_parses_and_names_real_settings() -> None:
    values = env_file.read(ROOT / "installers" / "server" / "jiafang-server.env")
    fields = {f"JIAFANG_{name.upper()}" for name in Settings.model_fields}
    assert {name for name in values if name.startswith("JIAFANG_")} <= fields
    assert "JIAFANG_DATABASE_URL" in values


def test_database_password_with_spaces_is_its_own_setting() -> None:
    settings = Settings(
        database_url="postgresql+psycopg://jiafang@127.0.0.1:5432/jiafang", database_password="a b@c:d/e%f"
    )
    from sqlalchemy import make_url

    assert make_url(settings.resolved_database_url()).password == "a b@c:d/e%f"


def test_no_prompt_without_a_terminal(tmp_path: Path, env: Path) -> None:
    text = env.read_text(encoding="utf-8").replace("JIAFANG_PASSWORD=", "#JIAFANG_PASSWORD=")
    env.write_text(text, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JIAFANG_")}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "--env-file",
            str(env),
            "create-user",
            "x1",
            "--role",
            "admin",
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**environment, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("错误：没有终端可输入密码") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and "EOFError" not in done.stderr


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "找不到环境文件"),
        ("folder", "环境文件路径是一个文件夹"),
        ("unreadable", "无权读取环境文件"),
        ("bad line", "环境文件第 2 行"),
    ],
)
def test_env_file_problems_are_one_line(
    tmp_path: Path,
    env: Path,
    setup: str,
    expected: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = env
    if setup == "missing":
        path = tmp_path / "nope.env"
    elif setup == "folder":
        path = tmp_path
    elif setup == "unreadable":
        # (tests run as root, which may read anything: refuse the read as the file system would)
        def refuse(*_args: object, **_kwargs: object) -> str:
            raise PermissionError(13, "Permission denied", str(env))

        monkeypatch.setattr(Path, "read_text", refuse)
    else:
        env.write_text("JIAFANG_TOMBSTONE_DAYS=1\nsudo is missing\n", encoding="utf-8")
    assert admin(path, "list-colleges") == 2
    assert expected in _one_line_error(capsys)


def test_bad_database_urls_and_settings_are_one_line(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--env-file", str(env), "--database-url", "not a url", "list-colleges"]) == 2
    assert "数据库地址无效" in _one_line_error(capsys)
    refused = "postgresql+psycopg://nobody:secret-pw@127.0.0.1:1/none"
    assert cli.main(["--env-file", str(env), "--database-url", refused, "list-colleges"]) == 2
    err = _one_line_error(capsys)
    assert err.startswith("错误：数据库出错") and "secret-pw" not in err
    env.write_text(env.read_text(encoding="utf-8") + "JIAFANG_POOL_SIZE=many\n", encoding="utf-8")
    assert admin(env, "list-colleges") == 2
    assert "JIAFANG_POOL_SIZE" in _one_line_error(capsys)


def test_files_that_cannot_be_read_are_one_line(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert admin(env, "import-roster", str(tmp_path / "missing.xlsx")) == 2
    assert "找不到文件" in _one_line_error(capsys)
    (tmp_path / "gbk.csv").write_bytes("学号,姓名\n2024001,张三\n".encode("gbk"))  # as Excel saves it
    assert admin(env, "import-roster", str(tmp_path / "gbk.csv")) == 0
    capsys.readouterr()
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\xff\x00\x81")
    assert admin(env, "import-roster", str(tmp_path / "binary.csv")) == 2
    assert "无法识别文件的编码" in _one_line_error(capsys)
    (tmp_path / "fake.xlsx").write_text("not a workbook", encoding="utf-8")
    assert admin(env, "import-roster", str(tmp_path / "fake.xlsx")) == 2
    assert "无法读取 Excel 文件" in _one_line_error(capsys)


def test_colleges_are_unique_listed_and_updated(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(env, "create-college", "信息工程学院", "--code", "XG") == 0
    college_id = capsys.readouterr().out.strip()
    assert admin(env, "create-college", "信息工程学院", "--code", "XX") == 2
    assert "已有学院使用名称或代码“信息工程学院”" in _one_line_error(capsys)
    assert admin(env, "create-college", "外国语学院", "--code", "xg") == 2  # codes compare without case
    assert "“xg”" in _one_line_error(capsys)
    assert admin(env, "create-college", "XG") == 2  # a name may not be another college's code
    _one_line_error(capsys)
    assert admin(env, "create-college", "外国语学院", "--code", "WY") == 0
    capsys.readouterr()
    assert admin(env, "update-college", "XG", "--name", "信息与电气工程学院") == 0
    assert capsys.readouterr().out.strip() == college_id
    assert admin(env, "update-college", "WY", "--code", "XG") == 2
    _one_line_error(capsys)
    assert admin(env, "list-colleges", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(row["name"], row["code"], row["duplicate"]) for row in rows] == [
        ("信息与电气工程学院", "XG", False),
        ("外国语学院", "WY", False),
    ]


def test_duplicates_made_before_the_check_are_marked_and_named_by_id(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sync.server import directory

    assert admin(env, "init-db") == 0
    database = _database(env)
    ids = [new_id(), new_id()]
    database.run(
        lambda s: directory.write_records(
            s, [("college", cid, {"name": "重名学院", "code": ""}) for cid in ids]
        )
    )
    database.dispose()
    capsys.readouterr()
    assert admin(env, "list-colleges") == 0
    assert capsys.readouterr().out.count("重复，请用 update-college 改名") == 2
    assert admin(env, "create-user", "a1", "--role", "counselor", "--college", "重名学院") == 2
    assert "有 2 个学院都叫“重名学院”" in _one_line_error(capsys)
    assert admin(env, "update-college", ids[1], "--name", "重名学院二") == 0
    assert admin(env, "create-user", "a1", "--role", "counselor", "--college", "重名学院") == 0


def test_users_staff_numbers_listing_and_updates(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert admin(env, "create-college", "信息工程学院", "--code", "XG") == 0
    assert admin(env, "create-college", "外国语学院", "--code", "WY") == 0
    # A user name with a dot needs no staff number (none is made from it).
    assert admin(env, "create-user", "xg.center", "--role", "college_center", "--college", "XG") == 0
    assert (
        admin(
            env, "create-user", "wang.li", "--role", "counselor", "--college", "XG", "--staff-no", "20150032"
        )
        == 0
    )
    assert admin(env, "create-user", "li.mentor", "--role", "mentor", "--name", "李导师") == 0
    capsys.readouterr()
    assert admin(env, "list-users", "--json") == 0
    users = {row["username"]: row for row in json.loads(capsys.readouterr().out)}
    assert users["wang.li"]["staff_no"] == "20150032" and users["wang.li"]["college"] == "信息工程学院"
    assert users["xg.center"]["staff_no"].startswith("U-") and "xg" not in users["xg.center"]["staff_no"]
    assert admin(env, "update-user", "wang.li", "--name", "王丽", "--college", "WY") == 0
    assert admin(env, "update-user", "li.mentor", "--staff-no", "T2020") == 0
    assert admin(env, "update-user", "wang.li", "--staff-no", "bad no!") == 2
    _one_line_error(capsys)
    assert admin(env, "update-user", "nobody") == 2
    assert "找不到用户" in _one_line_error(capsys)
    assert admin(env, "list-users", "--college", "WY", "--json") == 0
    [wang] = json.loads(capsys.readouterr().out)
    assert (wang["username"], wang["name"], wang["college"]) == ("wang.li", "王丽", "外国语学院")
    database = _database(env)
    records = database.run(
        lambda s: {
            row.record_type: json.loads(row.fields)
            for row in s.scalars(select(RecordRow).where(RecordRow.record_type.in_(["mentor"])))
        }
    )
    database.dispose()
    assert records["mentor"]["staff_no"] == "T2020"  # the mentor record changes with its account
    assert admin(env, "list-users") == 0
    assert "王丽\t辅导员\t外国语学院\t20150032" in capsys.readouterr().out


def _roster(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_roster_errors_by_row_and_column_and_nothing_imported(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert admin(env, "create-college", "信息工程学院", "--code", "XG") == 0
    capsys.readouterr()
    unknown = _roster(tmp_path / "unknown.xlsx", [["学号", "姓名", "宿舍"], ["2024001", "张三", "3-101"]])
    assert admin(env, "import-roster", str(unknown)) == 2
    assert "无法识别的列：“宿舍”" in _one_line_error(capsys)
    bad = _roster(
        tmp_path / "bad.xlsx",
        [
            ["学号", "姓名", "性别", "身份证件号", "学院", "年级", "辅导员"],
            ["2024001", "张三", "男", "", "XG", "2024", ""],
            ["2024002", "李四", "M?", "110101200001011234", "XG", "2024", ""],
            ["2024003", "王五", "女", "", "没有的学院", "二〇二四", "nobody"],
            ["2024001", "赵六", "女", "", "XG", "2024", ""],
        ],
    )
    assert admin(env, "import-roster", str(bad)) == 2
    err = _one_line_error(capsys)
    assert "名单有 6 处错误，未导入任何学生" in err
    for part in (
        "第 3 行“性别”列",
        "第 3 行“身份证件号”列",
        "第 4 行“学院”列：找不到学院：没有的学院",
        "第 4 行“年级”列",
        "第 4 行“辅导员”列：找不到用户：nobody",
        "第 5 行“学号”列：与第 2 行的学号重复",
    ):
        assert part in err, part
    assert "110101200001011234" not in err  # the cell's content is never repeated
    database = _database(env)
    students = database.run(
        lambda s: list(s.scalars(select(RecordRow.id).where(RecordRow.record_type == "student")))
    )
    database.dispose()
    assert students == []
    good = _roster(
        tmp_path / "good.xlsx", [["学号", "姓名", "学院"], ["2024001", "张三", "XG"], [2024002, "李四", "XG"]]
    )
    assert admin(env, "import-roster", str(good)) == 0
    assert "已导入 2 名学生" in capsys.readouterr().out
    database = _database(env)
    numbers = database.run(
        lambda s: sorted(
            json.loads(f)["student_no"]
            for f in s.scalars(select(RecordRow.fields).where(RecordRow.record_type == "student"))
        )
    )
    database.dispose()
    assert numbers == ["2024001", "2024002"]  # a number typed in Excel is the same student number


def test_the_shipped_roster_template_has_every_column_and_imports(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = ROOT / "installers" / "server" / "roster-template.xlsx"
    made = tmp_path / "made.xlsx"
    assert admin(env, "roster-template", str(made)) == 0
    for path in (shipped, made):
        book = load_workbook(path)
        header = [cell.value for cell in book.worksheets[0][1]]
        assert header == [title for title, _ in roster.roster_columns()], path
        notes = [row[0] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
        assert notes == header
    book = load_workbook(shipped)
    assert book.worksheets[0].max_row == 1  # nothing below the header: the first student is row 2
    book.worksheets[0].append(["2024009", "测试生"])
    book.save(tmp_path / "filled.xlsx")
    assert admin(env, "import-roster", str(tmp_path / "filled.xlsx")) == 0


def test_demo_refuses_a_database_with_real_accounts_or_students(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert admin(env, "create-college", "信息工程学院", "--code", "XG") == 0
    assert admin(env, "create-user", "admin", "--role", "admin") == 0
    capsys.readouterr()
    assert admin(env, "demo", "--students", "5") == 2
    err = _one_line_error(capsys)
    assert "已有 1 个账号、0 名学生" in err
    database = _database(env)
    count = database.run(lambda s: len(list(s.scalars(select(Account.id)))))
    database.dispose()
    assert count == 1  # no demo account was made, no password printed
    roster_only = tmp_path / "students-only.env"
    roster_only.write_text(
        f"JIAFANG_DATABASE_URL=sqlite:///{tmp_path / 'roster.sqlite3'}\nJIAFANG_DATA_DIR={tmp_path}\n",
        encoding="utf-8",
    )
    good = _roster(tmp_path / "good.xlsx", [["学号", "姓名"], ["2024001", "张三"]])
    assert admin(roster_only, "import-roster", str(good)) == 0
    assert admin(roster_only, "demo", "--students", "5") == 2
    assert "0 个账号、1 名学生" in _one_line_error(capsys)


def test_every_admin_action_is_audited_with_its_operator(
    tmp_path: Path, env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUDO_USER", "it.zhang")
    assert admin(env, "create-college", "信息工程学院", "--code", "XG") == 0
    assert admin(env, "update-college", "XG", "--code", "XGXY") == 0
    assert admin(env, "create-user", "wang.li", "--role", "counselor", "--college", "XGXY") == 0
    assert admin(env, "update-user", "wang.li", "--name", "王丽") == 0
    good = _roster(tmp_path / "good.xlsx", [["学号", "姓名", "学院"], ["2024001", "张三", "XGXY"]])
    assert admin(env, "import-roster", str(good)) == 0
    assert admin(env, "assign", "wang.li", "2024001") == 0
    database = _database(env)
    user_id = database.run(lambda s: s.scalar(select(Account.id).where(Account.username == "wang.li")))
    device_ids = ["0190aaaa-0000-7000-8000-000000000001", "0190aaab-0000-7000-8000-000000000002"]
    for device_id in device_ids:
        database.run(lambda s, d=device_id: s.add(Device(id=d, user_id=user_id, name="王丽的电脑")))
    database.dispose()
    # A prefix two devices share is refused; a unique one is enough.
    assert admin(env, "revoke-device", "0190aaa") == 2
    assert "不止一台" in _one_line_error(capsys)
    assert admin(env, "revoke-device", "0190aaaa") == 0
    assert admin(env, "wipe-device", "0190AAAB") == 0  # as typed from a printout
    assert admin(env, "rename-device", device_ids[0], "王丽的笔记本") == 0
    assert admin(env, "wipe-device", "ffff0000") == 2
    assert "找不到设备" in _one_line_error(capsys)
    assert admin(env, "wipe-device", "019") == 2
    assert "至少给出前 4 位" in _one_line_error(capsys)
    assert admin(env, "expire-tombstones") == 0
    assert admin(env, "expire-uploads") == 0
    assert admin(env, "housekeeping") == 0
    assert admin(env, "backup", "--unencrypted", "--output", str(tmp_path / "b.sqlite3")) == 0
    entries = _audit(env)
    actions = [entry.action for entry in entries]
    for action in (
        "college_created",
        "college_updated",
        "user_created",
        "user_updated",
        "roster_imported",
        "students_assigned",
        "device_revoked",
        "device_wipe_ordered",
        "device_renamed",
        "tombstones_expired",
        "uploads_expired",
        "backup",
    ):
        assert action in actions, action
    mine = [entry for entry in entries if entry.action != "database_migrated"]
    assert {entry.operator for entry in mine} == {f"os:it.zhang (sudo -u {_login()})"}
    college = next(entry.college_id for entry in entries if entry.action == "college_created")
    about_college = {entry.action for entry in entries if entry.college_id == college}
    assert {"college_created", "user_created", "device_revoked", "device_wipe_ordered"} <= about_college
    capsys.readouterr()
    assert admin(env, "audit", "--json", "--since", "1d") == 0
    read = json.loads(capsys.readouterr().out)
    assert [row["action"] for row in read] == actions
    revoked = next(row for row in read if row["action"] == "device_revoked")
    assert revoked["device_id"] == device_ids[0] and revoked["target"] == "wang.li" and revoked["at"]
    assert admin(env, "audit") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("\tos:it.zhang" in line and "\tdevice_revoked\twang.li" in line for line in lines)
    # --since: nothing older than the given time.
    database = _database(env)
    database.run(lambda s: s.execute(update(AuditEntry).values(at=utcnow() - timedelta(days=3))))
    database.dispose()
    assert admin(env, "audit", "--json", "--since", "2d") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert admin(env, "audit", "--since", "yesterday") == 2
    assert "--since 的时间无效" in _one_line_error(capsys)


def _login() -> str:
    import getpass

    return getpass.getuser()
