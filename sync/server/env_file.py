"""Reading the service's environment file (``/etc/jiafang-server/jiafang-server.env``).

The server units and the admin commands both read it through ``jiafang-server --env-file PATH``, so a
setting can never reach one and not the other (as it did when a ``sudo`` alias passed on only some
variables).  The format is systemd's ``EnvironmentFile``: ``NAME=value`` lines, ``#`` or ``;`` comments,
blank lines; a value may be wrapped in single or double quotes (then it may hold spaces, ``#`` and
``=``; in double quotes ``\\"`` and ``\\\\`` are escapes).  An optional ``export`` prefix is accepted.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class EnvFileError(ValueError):
    """A Chinese one-line message: the file cannot be read, or which line is wrong."""


def _unquote(value: str, line: int) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        if value[0] == '"':
            inner = re.sub(r"\\([\"\\$`])", r"\1", inner)
        return inner
    if value[:1] in ("'", '"'):
        raise EnvFileError(f"环境文件第 {line} 行的引号没有配对")
    return value


def parse(text: str) -> dict[str, str]:
    """``NAME -> value`` of every setting line; raises on a line that is not one."""
    values: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        line = line.removeprefix("export ").lstrip()
        name, sep, value = line.partition("=")
        name = name.strip()
        if not sep or not _NAME.match(name):
            raise EnvFileError(f"环境文件第 {number} 行不是“名称=值”的形式")
        values[name] = _unquote(value.strip(), number)
    return values


def read(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EnvFileError(f"找不到环境文件：{path}") from None
    except PermissionError:
        raise EnvFileError(
            f"无权读取环境文件：{path}（管理命令应以服务用户身份运行，例如 sudo -u jiafang …）"
        ) from None
    except IsADirectoryError:
        raise EnvFileError(f"环境文件路径是一个文件夹：{path}") from None
    except UnicodeDecodeError:
        raise EnvFileError(f"环境文件不是 UTF-8 文本：{path}") from None
    except OSError as error:
        raise EnvFileError(f"无法读取环境文件 {path}：{error.strerror or error}") from None
    return parse(text)


def load(path: Path) -> dict[str, str]:
    """Read the file and put its settings into this process's environment (they win over inherited
    variables: the file is what the service runs with)."""
    values = read(path)
    os.environ.update(values)
    return values
