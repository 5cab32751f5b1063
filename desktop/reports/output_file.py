"""Writing a finished PDF: to a stream, or to a path through a temporary name in the same folder.

A file appears under its final name only when complete (write, fsync, rename), so an interrupted or
cancelled export never leaves a half-written PDF behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO

PARTIAL_SUFFIX = ".part"


def partial_name(path: Path) -> Path:
    """The temporary name a file is written under before it is renamed into place."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{PARTIAL_SUFFIX}")


def write_pdf(data: bytes, out: Path | BinaryIO | None) -> None:
    if out is None:
        return
    if isinstance(out, (str, Path)):
        write_file_atomically(Path(out), data)
    else:
        out.write(data)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` under a temporary name next to ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = partial_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
