"""Destroying a data folder for good: what a wipe order from the center does on this laptop.

The store and every backup are encrypted with one data key, kept only wrapped in ``key.json`` and
(optionally) in the OS keyring.  Destroying that key first makes every copy of the database
undecryptable at once, wherever it is (crypto-shredding): a backup copied off the laptop before the
wipe cannot be restored here or anywhere else, because no file or person holds the key any more.
Then every file is overwritten with random bytes, flushed, and unlinked: the database, its WAL and
shared-memory files, the backups, the unlock-attempt record and any temporary file.

Overwriting is best effort: on an SSD or a copy-on-write or journalling file system the old blocks
may survive somewhere the program cannot reach; that is why the key is destroyed first and the
overwrite is only a second line.  The per-device UI preferences (language, idle time; no student
data) are kept so that the new-store wizard speaks the same language.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from desktop.store.key_vault import KEY_FILE_NAME, KeyringAccess

_CHUNK = 1024 * 1024
KEEP_FILES = frozenset({"ui-settings.json"})


@dataclass
class ShredReport:
    """What was destroyed, and what could not be (relative paths; no personal data)."""

    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.failed


def shred_file(path: Path) -> None:
    """Overwrite ``path`` in place with random bytes, flush it to disk, then unlink it."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        noise = os.urandom(min(size, _CHUNK))
        written = 0
        while written < size:
            written += os.write(fd, noise[: size - written])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()


def destroy_folder(data_dir: Path, *, store_id: str | None, keyring: KeyringAccess) -> ShredReport:
    """Destroy the data key (keyring entry, then key.json), then every other file of the folder.

    Nothing stops half-way: each file is tried, and what failed is listed in the report.
    """
    data_dir = Path(data_dir)
    report = ShredReport()
    if store_id:
        keyring.delete(store_id)
    key_file = data_dir / KEY_FILE_NAME
    others = sorted(
        (path for path in data_dir.rglob("*") if path.is_file() or path.is_symlink()),
        key=lambda path: (len(path.parts), str(path)),
    )
    for path in [key_file, *[p for p in others if p != key_file]]:
        name = str(path.relative_to(data_dir))
        if path.name in KEEP_FILES and path.parent == data_dir:
            continue
        try:
            if path.is_symlink():
                path.unlink()
            elif path.exists():
                shred_file(path)
            else:
                continue
        except OSError:
            report.failed.append(name)
            continue
        report.removed.append(name)
    for folder in sorted((p for p in data_dir.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        with contextlib.suppress(OSError):
            folder.rmdir()
    return report
