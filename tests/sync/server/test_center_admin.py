"""``jiafang-server set-center`` and mentor ``--expertise`` (coverages #1 and #5), on a fresh SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.records import Role
from sync.server import cli, directory
from sync.server.database import Database
from sync.server.models import RecordRow
from sync.server.settings import Settings
from tests.sync.server.conftest import College


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("JIAFANG_PASSWORD", "cli-password-1")
    monkeypatch.setenv("JIAFANG_DATA_DIR", str(tmp_path))
    address = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert cli.main(["--database-url", address, "init-db"]) == 0
    return address


def run(url: str, *args: str) -> int:
    return cli.main(["--database-url", url, *args])


def fields_of(url: str, record_type: str) -> list[dict[str, object]]:
    database = Database(Settings(database_url=url), migrate=False)
    try:
        rows = database.run(
            lambda s: list(s.scalars(select(RecordRow.fields).where(RecordRow.record_type == record_type)))
        )
    finally:
        database.dispose()
    return [json.loads(row) for row in rows]


def test_set_college_and_school_centers(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "create-college", "文学院", "--code", "WX") == 0
    capsys.readouterr()
    assert run(url, "set-center", "--college", "WX", "--director", "张书记") == 0
    assert "尚缺：阵地(地点/房间)、副主任" in capsys.readouterr().out
    assert run(
        url, "set-center", "--college", "文学院", "--site", "文科楼 101", "--deputy", "刘老师", "--deputy", "赵老师",
        "--member", "钱老师",
    ) == 0  # fmt: skip
    assert "该中心已达标" in capsys.readouterr().out
    (college,) = fields_of(url, "college")
    assert college["center_site"] == "文科楼 101" and college["center_director"] == "张书记"
    assert college["center_deputies"] == ["刘老师", "赵老师"] and college["center_staff"] == ["钱老师"]

    assert run(url, "set-center", "--school", "--site", "学生事务中心", "--director", "学工处处长") == 0
    assert "尚缺：副主任" in capsys.readouterr().out
    assert run(url, "set-center", "--school", "--deputy", "学工处副处长") == 0
    (school,) = fields_of(url, "school_center")  # the same record is updated, not a second one
    assert school["site"] == "学生事务中心" and school["deputies"] == ["学工处副处长"]


def test_set_center_errors(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(url, "set-center", "--site", "x") == 2
    assert "二选一" in capsys.readouterr().err
    assert run(url, "set-center", "--college", "不存在", "--site", "x") == 2
    assert "找不到学院" in capsys.readouterr().err
    assert run(url, "set-center", "--school") == 2
    assert "请至少给出一项" in capsys.readouterr().err
    assert fields_of(url, "school_center") == []


def test_mentor_expertise(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            url,
            "create-user",
            "qian",
            "--role",
            "mentor",
            "--name",
            "钱导师",
            "--expertise",
            "心理困难,学业困难",
        )
        == 0
    )
    (mentor,) = fields_of(url, "mentor")
    assert mentor["specialties"] == ["psychological", "academic"]
    assert run(url, "update-user", "qian", "--expertise", "employment、家庭指导") == 0
    assert "就业困难、家庭指导" in capsys.readouterr().out
    (mentor,) = fields_of(url, "mentor")
    assert mentor["specialties"] == ["employment", "family_guidance"]
    assert run(url, "update-user", "qian", "--expertise", "会计") == 2
    assert "不认识的专长“会计”" in capsys.readouterr().err
    assert run(url, "create-user", "wang", "--role", "school_center", "--expertise", "心理困难") == 2
    assert "只用于育人导师" in capsys.readouterr().err
    assert run(url, "create-user", "sun", "--role", "school_center", "--name", "孙老师") == 0
    assert run(url, "update-user", "sun", "--expertise", "心理困难") == 2
    assert "只有育人导师账号" in capsys.readouterr().err


def test_college_center_edits_its_center_and_mentor_expertise(college: College) -> None:
    server = college.server
    other = server.college("外国语学院")
    mentor_user = server.user("mentor_q", Role.MENTOR)
    mentor = server.database.run(lambda s: directory.mentor_record_of(s, mentor_user))
    center = server.login("center")
    center.pull_all()
    site = {"center_site": "计算机楼 101", "center_deputies": ["刘老师"]}
    [own] = center.push(
        center.op("college", college.college_id, site, base={"center_site": 1, "center_deputies": 1})
    )
    assert own["status"] == "applied"
    [elsewhere] = center.push(
        center.op("college", other, site, base={"center_site": 1, "center_deputies": 1})
    )
    [rename] = center.push(center.op("college", college.college_id, {"name": "改名"}, base={"name": 1}))
    assert elsewhere["reason"] == "forbidden" and rename["reason"] == "forbidden"
    [expertise] = center.push(
        center.op("mentor", mentor, {"specialties": ["academic"]}, base={"specialties": 1})
    )
    assert expertise["status"] == "applied"
    [mentor_name] = center.push(center.op("mentor", mentor, {"name": "x"}, base={"name": 1}))
    assert mentor_name["reason"] == "forbidden"
    counselor = server.login("counselor_a")
    counselor.pull_all()
    [refused] = counselor.push(
        counselor.op("college", college.college_id, {"center_site": "x"}, base={"center_site": 1})
    )
    assert refused["reason"] == "forbidden"
