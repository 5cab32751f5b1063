"""`jiafang coverage`: text, JSON, one college, the drill-down and the role rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.coverage import MEASURE_RULES, Measure
from desktop.store.store import Store
from sync.records import AuditAction, Role
from tests.desktop.commands.conftest import make_store
from tests.desktop.store.coverage_fixture import YEAR, build_school


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_text_and_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(data_dir)
    build_school(store)
    store.close()
    assert run(data_dir, "coverage", "--year", YEAR) == 0
    out = capsys.readouterr().out
    assert "家访全覆盖" in out and "4/6" in out
    assert "育人导师全覆盖" in out and "1/2" in out
    assert "到校约谈（不计入家访）：0 人" in out
    assert "文学院" in out
    assert run(data_dir, "coverage", "--year", YEAR, "--json", "--college", "理学院") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["visits"]["covered"] == 1 and data["totals"]["visits"]["total"] == 2
    assert data["totals"]["center"]["covered"] == 0


def test_missing_list_and_audit(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(data_dir)
    build_school(store)
    store.close()
    assert run(data_dir, "coverage", "--year", YEAR, "--missing", "visits") == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.startswith("  ")]
    assert lines[0].split()[0] == "A003" and "先家访后认定" in lines[0]
    assert run(data_dir, "coverage", "--year", YEAR, "--missing", "mentors") == 0
    with Store.open(data_dir, "correct horse battery") as opened, opened.session() as s:
        assert [e.action for e in s.audit.list()] == [AuditAction.VIEW_RESTRICTED]


def test_admin_sees_no_key_support(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(data_dir, Role.ADMIN)
    build_school(store)
    store.close()
    assert run(data_dir, "coverage", "--year", YEAR) == 0
    out = capsys.readouterr().out
    assert "育人导师全覆盖" not in out and "不显示重点帮扶" in out
    assert run(data_dir, "coverage", "--year", YEAR, "--missing", "rescue") == 1
    assert "仅对学生发展支持中心开放" in capsys.readouterr().err


def test_counselor_gets_the_figures_but_no_key_support_list(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(data_dir, Role.COUNSELOR)
    build_school(store)
    store.close()
    assert run(data_dir, "coverage", "--year", YEAR) == 0
    assert "育人导师全覆盖" in capsys.readouterr().out  # the counts, not the names
    for measure in ("mentors", "rescue"):
        assert run(data_dir, "coverage", "--year", YEAR, "--missing", measure, "--json") == 1
        captured = capsys.readouterr()
        assert "仅对学生发展支持中心开放" in captured.err and captured.out == ""
    assert run(data_dir, "coverage", "--year", YEAR, "--missing", "visits") == 0


def test_explain_shows_each_rule_and_what_is_missing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(data_dir)
    build_school(store)
    store.close()
    assert run(data_dir, "coverage", "--year", YEAR, "--explain") == 0
    out = capsys.readouterr().out
    for rule in MEASURE_RULES.values():
        assert f"口径：{rule}" in out
    assert "未达标：理学院（缺阵地(地点/房间)、副主任）" in out
    assert run(data_dir, "coverage", "--year", YEAR, "--missing", "archive") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(
        line.split()[0] == "A002" and "缺资助历史、缺学生特点、缺本学年成长奖励" in line for line in lines[1:]
    )
    assert run(data_dir, "coverage", "--year", YEAR, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rules"]["rescue"] == MEASURE_RULES[Measure.RESCUE]
    assert {"name": "理学院", "school": False, "missing": ["阵地(地点/房间)", "副主任"]} in data["centers"]


def test_errors(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(data_dir, "coverage") == 1
    assert "没有 JiaFang 数据" in capsys.readouterr().err
    make_store(data_dir).close()
    assert run(data_dir, "coverage", "--year", "2025-2027") == 1
    assert "学年格式" in capsys.readouterr().err
    assert run(data_dir, "coverage", "--college", "不存在学院") == 1
    assert "找不到学院" in capsys.readouterr().err
