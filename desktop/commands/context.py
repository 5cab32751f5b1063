"""What every `jiafang` subcommand gets: the data folder, the passphrase source, output helpers."""

from __future__ import annotations

import getpass
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

PASSPHRASE_ENV = "JIAFANG_PASSPHRASE"


class CommandError(Exception):
    """A failure to report as one clear line (exit status 1 unless given)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def default_data_dir() -> Path:
    override = os.environ.get("JIAFANG_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("JiaFang", appauthor=False))


@dataclass
class CommandContext:
    data_dir: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)

    def passphrase(
        self, prompt: str = "密码 (passphrase): ", *, confirm: bool = False, env: str = PASSPHRASE_ENV
    ) -> str:
        """The passphrase (or another secret) from the environment variable ``env`` (for scripts), else
        asked on the terminal."""
        value = os.environ.get(env)
        if value:
            return value
        if not sys.stdin.isatty():
            raise CommandError(f"需要密码：请在终端中运行，或设置环境变量 {env}。")
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("再次输入密码 (again): ") != first:
            raise CommandError("两次输入的密码不一致，未作任何改动。")
        return first

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        json.dump(value, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")
