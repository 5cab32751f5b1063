"""`jiafang settings`: the printed visit form title reaches the PDF; bad input is refused in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.reports.store_source import report_settings
from desktop.reports.visit_form import DEFAULT_VISIT_TITLE
from desktop.store.store import Store
from tests.desktop.commands.conftest import PASSPHRASE, make_store


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_set_get_list_and_unset(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_store(data_dir).close()
    assert run(data_dir, "settings", "get", "pdf.visit_form_title") == 0
    assert capsys.readouterr().out.strip() == DEFAULT_VISIT_TITLE
    assert run(data_dir, "settings", "set", "pdf.visit_form_title", " 学生家访记录表 ") == 0
    assert "已设置" in capsys.readouterr().out
    assert run(data_dir, "settings", "get", "pdf.visit_form_title") == 0
    assert capsys.readouterr().out.strip() == "学生家访记录表"
    assert run(data_dir, "settings", "list") == 0
    listed = capsys.readouterr().out
    assert "pdf.visit_form_title\t学生家访记录表" in listed
    assert "pdf.archive_title\t学生资助成长档案（默认）" in listed
    store = Store.open(data_dir, PASSPHRASE)
    try:
        with store.session() as s:
            assert report_settings(s).visit_title == "学生家访记录表"  # what the PDF commands print
    finally:
        store.close()
    assert run(data_dir, "settings", "unset", "pdf.visit_form_title") == 0
    capsys.readouterr()
    assert run(data_dir, "settings", "get", "pdf.visit_form_title") == 0
    assert capsys.readouterr().out.strip() == DEFAULT_VISIT_TITLE


def test_bad_names_and_values_are_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_store(data_dir).close()
    assert run(data_dir, "settings", "set", "pdf.title", "x") == 1
    assert "没有名为 pdf.title 的设置" in capsys.readouterr().err
    assert run(data_dir, "settings", "set", "pdf.visit_form_title", "  ") == 1
    assert "不能为空" in capsys.readouterr().err
    assert run(data_dir, "settings", "set", "pdf.visit_form_title", "长" * 41) == 1
    assert "不超过 40 个字" in capsys.readouterr().err
    assert run(data_dir, "settings", "set", "pdf.font_path", str(data_dir / "none.ttf")) == 1
    assert "找不到字体文件" in capsys.readouterr().err
    assert run(data_dir, "settings", "get", "pdf.visit_form_title") == 0
    assert capsys.readouterr().out.strip() == DEFAULT_VISIT_TITLE  # nothing changed
