"""The `jiafang` argument parser in Chinese: argparse's own words ("usage:", "options:", "show this help
message and exit", its error messages) translated, unless the user asks for English (``--lang en`` or
a ``LANG``/``LC_ALL``/``LC_MESSAGES`` starting with ``en``): then argparse's words and our help texts
(help_en.py) are English.

argparse takes these strings from gettext at call time; rather than installing a process-wide gettext
catalogue, the parser below supplies them itself (titles, the help option, the usage prefix) and
translates the error messages it is about to print.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from desktop.commands.help_en import HELP_EN

LANGUAGES = ("zh_CN", "en")


def cli_language(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """``--lang X`` / ``--lang=X`` on the command line, else English when the locale says so."""
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1].lower().startswith("en") else "zh_CN"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower().startswith("en") else "zh_CN"
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


# argparse's error messages (Python 3.11–3.13), as patterns, and their Chinese.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), chinese)
    for pattern, chinese in (
        (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
        (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
        (
            r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
            r"参数 \1：无效的选项 \2（可选：\3）",
        ),
        (r"invalid choice: (.*?) \(choose from (.*)\)", r"无效的选项 \1（可选：\2）"),
        (r"argument (\S+): expected one argument", r"参数 \1：需要一个值"),
        (r"argument (\S+): expected at most one argument", r"参数 \1：最多需要一个值"),
        (r"argument (\S+): expected at least one argument", r"参数 \1：至少需要一个值"),
        (r"argument (\S+): expected (\d+) arguments?", r"参数 \1：需要 \2 个值"),
        (r"argument (\S+): invalid (\S+) value: (.*)", r"参数 \1：无效的 \2 值：\3"),
        (r"argument (\S+): not allowed with argument (.*)", r"参数 \1：不能与参数 \2 同时使用"),
        (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1：多余的值 \2"),
        (r"one of the arguments (.*) is required", r"必须提供以下参数之一：\1"),
        (r"ambiguous option: (\S+) could match (.*)", r"有歧义的选项：\1 可匹配 \2"),
        (r"argument (\S+): (.*)", r"参数 \1：\2"),
    )
)


def chinese_error(message: str) -> str:
    for pattern, chinese in _ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(chinese, message)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],  # argparse's mutually exclusive groups
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


def english(text: str | None) -> str | None:
    """The English of one of our Chinese help texts (itself when there is none)."""
    return HELP_EN.get(text, text) if text else text


class EnglishHelpFormatter(argparse.HelpFormatter):
    """Shows our help texts and descriptions in English (every option, group and subcommand)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return english(action.help)

    def add_text(self, text: str | None) -> None:
        super().add_text(english(text))


class JiaFangArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser speaking Chinese (``language="zh_CN"``) or English (argparse's own words and
    our help texts, from help_en.py)."""

    language = "zh_CN"  # set on the class of the top-level parser's family by `parser_class`

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        chinese = self.language == "zh_CN"
        kwargs.setdefault("formatter_class", ChineseHelpFormatter if chinese else EnglishHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False  # our own -h, with its help text in the parser's language
        super().__init__(*args, **kwargs)
        if chinese:
            self._positionals.title = "位置参数"
            self._optionals.title = "选项"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="显示此帮助信息并退出" if chinese else "show this help message and exit",
            )

    def error(self, message: str) -> NoReturn:
        if self.language != "zh_CN":
            super().error(message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


def parser_class(language: str) -> type[JiaFangArgumentParser]:
    """A parser class for `language` (subcommand parsers are made from the same class)."""
    return type("JiaFangArgumentParser", (JiaFangArgumentParser,), {"language": language})
