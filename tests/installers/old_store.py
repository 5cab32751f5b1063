"""A store file as an earlier release wrote it, for upgrade tests and the frozen app's smoke test.

    python -m tests.installers.old_store DIR [--version N]

builds, in the empty folder DIR, the store the first release made (schema v1, through the v1
migration step, filled by SQL: two students, a family member, a visit; see
tests/desktop/store/test_migrations.py) and, with ``--version N``, carries it to schema vN with the
steps of that release.  The passphrase is ``OLD_STORE_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from desktop.store.engine import open_engine
from desktop.store.migrations import STEPS, migrate
from desktop.store.store import DB_FILE_NAME
from tests.desktop.store.conftest import PASSPHRASE
from tests.desktop.store.test_migrations import make_v1_store

OLD_STORE_PASSPHRASE = PASSPHRASE
OLD_STUDENT_NAMES = ("钱迁移", "赵迁移")


def make_old_store(data_dir: Path, version: int = 1) -> bytes:
    """The store of the release whose newest schema was ``version``; returns its data key."""
    if not 1 <= version <= len(STEPS):
        raise ValueError(f"schema versions go from 1 to {len(STEPS)}")
    data_dir.mkdir(parents=True, exist_ok=True)
    key = make_v1_store(data_dir)
    if version > 1:
        engine = open_engine(data_dir / DB_FILE_NAME, key)
        try:
            migrate(engine, steps=STEPS[:version])
        finally:
            engine.dispose()
    return key


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--version", type=int, default=1)
    args = parser.parse_args(argv)
    make_old_store(args.data_dir, args.version)
    print(args.data_dir)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
