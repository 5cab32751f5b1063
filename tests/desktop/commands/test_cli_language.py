"""`jiafang --help`, usage lines and argparse's errors in Chinese; English with --lang en or LANG=en*."""

from __future__ import annotations

import argparse
import re

import pytest

from desktop.cli import build_parser, main
from desktop.commands.help_en import HELP_EN
from desktop.commands.parser_language import chinese_error, cli_language


@pytest.fixture(autouse=True)
def _chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--help")
    assert status == 0
    assert out.startswith("用法：jiafang")
    assert "选项:" in out and "位置参数:" in out and "显示此帮助信息并退出" in out
    for english in ("usage:", "options:", "positional arguments", "show this help message and exit"):
        assert english not in out


def test_subcommand_help_and_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "selftest", "--help")
    assert status == 0 and out.startswith("用法：jiafang selftest") and "显示此帮助信息并退出" in out
    status, _, err = _run(capsys, "pdf", "visit")
    assert status == 2
    assert "用法：jiafang pdf visit" in err
    assert "jiafang pdf visit：错误：缺少必需的参数：--student" in err
    status, _, err = _run(capsys, "no-such-command")
    assert status == 2 and "错误：参数 命令：无效的选项 'no-such-command'" in err
    status, _, err = _run(capsys, "info", "--bogus")
    assert status == 2 and "无法识别的参数：--bogus" in err and "error" not in err


def test_english_with_lang_option_or_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, _ = _run(capsys, "--lang", "en", "--help")
    assert status == 0 and out.startswith("usage: jiafang") and "show this help message and exit" in out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    status, _, err = _run(capsys, "info", "--bogus")
    assert status == 2 and "error: unrecognized arguments: --bogus" in err
    status, out, _ = _run(capsys, "--lang", "zh_CN", "--help")
    assert out.startswith("用法：")


def test_language_choice_and_message_translation() -> None:
    assert cli_language([], {}) == "zh_CN"
    assert cli_language([], {"LANG": "en_GB.UTF-8"}) == "en"
    assert cli_language([], {"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}) == "zh_CN"
    assert cli_language(["--lang=en"], {}) == "en"
    assert cli_language(["--lang", "zh_CN"], {"LANG": "en_US"}) == "zh_CN"
    assert (
        chinese_error("argument --students: invalid int value: 'x'") == "参数 --students：无效的 int 值：'x'"
    )
    assert chinese_error("something new") == "something new"


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    texts = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            texts.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            texts += [choice.help for choice in action._choices_actions if choice.help]
            for sub in action.choices.values():
                texts += _help_texts(sub)
    return texts


def test_every_help_text_has_its_english() -> None:
    texts = _help_texts(build_parser("zh_CN"))
    assert len(texts) > 60
    missing = [text for text in texts if text not in HELP_EN and text != "显示此帮助信息并退出"]
    assert missing == []
    assert not [text for text in HELP_EN.values() if re.search(r"[\u4e00-\u9fff]", text)]


def test_english_help_shows_english_texts_for_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--lang", "en", "pdf", "batch", "--help")
    assert status == 0
    assert "one combined file (default: one file per student)" in out
    assert "合并为一个文件" not in out
