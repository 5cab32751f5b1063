"""Upgrades keep data: a store made by an earlier release opens in this one.

tests/desktop/store/test_migrations.py checks ``Store.open`` on a v1 store in-process, field by
field.  Here the store of every earlier schema version is opened the way a user of the new release
opens it, through the ``jiafang`` command in a fresh process: migrated to the newest schema, the data
intact, an encrypted pre-migration backup taken, the passphrase unchanged.  installers/build_linux.sh
does the same with the frozen app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.store.migrations import LATEST_VERSION, STEPS
from tests.installers.old_store import OLD_STORE_PASSPHRASE, OLD_STUDENT_NAMES, make_old_store

EARLIER_VERSIONS = [step.version for step in STEPS if step.version < LATEST_VERSION]


def _jiafang(data_dir: Path, *args: str) -> Any:
    env = {
        **os.environ,
        "JIAFANG_PASSPHRASE": OLD_STORE_PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args, "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return json.loads(done.stdout)


@pytest.mark.parametrize("version", EARLIER_VERSIONS)
def test_a_store_from_an_earlier_release_opens_with_its_data(tmp_path: Path, version: int) -> None:
    data_dir = tmp_path / f"store-v{version}"
    make_old_store(data_dir, version)
    key_file = (data_dir / "key.json").read_bytes()

    info = _jiafang(data_dir, "info")
    assert info["schema_version"] == LATEST_VERSION
    assert info["counts"]["student"] == 2 and info["counts"]["home_visit"] == 1
    backups = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert any(f"pre-migration-v{version}-to-v{LATEST_VERSION}" in name for name in backups), backups

    students = _jiafang(data_dir, "students")
    assert sorted(row["name"] for row in students) == sorted(OLD_STUDENT_NAMES)
    # Opened with the passphrase the old release set; the wrapped key was not rewritten.
    assert (data_dir / "key.json").read_bytes() == key_file

    again = _jiafang(data_dir, "info")  # a second start migrates nothing and takes no second backup
    assert again["schema_version"] == LATEST_VERSION
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == backups


def test_old_store_helper_refuses_unknown_versions(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="schema versions"):
        make_old_store(tmp_path / "x", LATEST_VERSION + 1)
