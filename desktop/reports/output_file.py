"""Writing a finished PDF: to a stream, or to a path through a temporary name in the same folder.

A file appears under its final name only when complete (write, fsync, rename), so an interrupted or
cancelled export never leaves a half-written PDF behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from desktop.store.atomic_file import write_atomic

PARTIAL_SUFFIX = ".part"


def write_pdf(data: bytes, out: Path | BinaryIO | None) -> None:
    if out is None:
        return
    if isinstance(out, (str, Path)):
        write_file_atomically(Path(out), data)
    else:
        out.write(data)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` under a temporary ``.part`` name next to ``path``, then rename it into place."""
    write_atomic(path, data, temp_suffix=PARTIAL_SUFFIX)
