"""Owner-only permissions for a data folder: the folder (and its sub-folders) 0700, every file 0600.

The database is encrypted, but its size, its WAL, the wrapped key and the backups are nobody else's
business on a shared computer: another local account must not even be able to copy them for an
offline guessing attack on the passphrase.  A new folder is made 0700 before anything is written in
it; an existing folder (made by an older version, or copied in with a permissive umask) is tightened
each time the store is opened.  SQLite creates ``-wal``/``-shm`` with the mode of the database file,
so the database file is created 0600 before SQLCipher first opens it.

On Windows the POSIX mode bits mean little (a per-user profile folder is private by its ACL), so
these functions only act on POSIX systems.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def _posix() -> bool:
    return os.name == "posix"


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) and make the folder itself 0700."""
    folder = Path(folder)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if _posix():
        os.chmod(folder, FOLDER_MODE)


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (then only tighten its mode)."""
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE))
    if _posix():
        os.chmod(path, FILE_MODE)


def tighten_folder(folder: Path) -> None:
    """Make ``folder`` and every folder under it 0700 and every regular file in it 0600.

    Symbolic links are neither followed nor changed (a link placed in the folder must not make us
    change the mode of a file elsewhere).
    """
    folder = Path(folder)
    if not _posix() or not folder.is_dir():
        return
    os.chmod(folder, FOLDER_MODE)
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs:
            _chmod_if(Path(root) / name, stat.S_ISDIR, FOLDER_MODE)
        for name in files:
            _chmod_if(Path(root) / name, stat.S_ISREG, FILE_MODE)


def _chmod_if(path: Path, kind: Callable[[int], bool], mode: int) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:  # a temp file removed meanwhile
        return
    if kind(info.st_mode) and stat.S_IMODE(info.st_mode) != mode:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, mode)
