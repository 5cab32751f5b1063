from __future__ import annotations

import json
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.store import key_vault
from desktop.store.errors import KeyFileCorrupt, KeyFileMissing, StoreExists, WeakPassphrase, WrongPassphrase
from desktop.store.key_vault import KeyVault

PASS = "青山绿水 2025 秋天!"


def test_create_then_unlock_returns_the_same_key(tmp_path: Path) -> None:
    vault = KeyVault(tmp_path)
    key = vault.create(PASS, use_keyring=False)
    assert len(key) == 32
    assert vault.unlock(PASS) == key
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o600
    assert key.hex() not in vault.path.read_text()


def test_wrong_passphrase_is_clear_and_changes_no_file(tmp_path: Path) -> None:
    vault = KeyVault(tmp_path)
    vault.create(PASS, use_keyring=False)
    before = vault.path.read_bytes()
    with pytest.raises(WrongPassphrase, match="密码不正确"):
        vault.unlock("not the passphrase")
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not the passphrase", "another-long-pass")
    assert vault.path.read_bytes() == before
    # The only other file: the count of wrong passphrases that slows guessing (unlock_throttle.py).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.json", "unlock-attempts.json"]


def test_change_passphrase_rewraps_the_same_key(tmp_path: Path) -> None:
    vault = KeyVault(tmp_path)
    key = vault.create(PASS, use_keyring=False)
    old_doc = json.loads(vault.path.read_text())
    vault.change_passphrase(PASS, "新的密码 long enough")
    new_doc = json.loads(vault.path.read_text())
    assert new_doc["wrapped"] != old_doc["wrapped"] and new_doc["salt"] != old_doc["salt"]
    assert new_doc["store_id"] == old_doc["store_id"]
    assert vault.unlock("新的密码 long enough") == key
    with pytest.raises(WrongPassphrase):
        vault.unlock(PASS)
    assert stat.S_IMODE(vault.path.stat().st_mode) == 0o600


def test_weak_passphrase_and_existing_store_are_refused(tmp_path: Path) -> None:
    vault = KeyVault(tmp_path)
    with pytest.raises(WeakPassphrase):
        vault.create("short")
    assert not vault.exists()
    vault.create(PASS, use_keyring=False)
    with pytest.raises(StoreExists):
        vault.create(PASS)


def test_missing_and_corrupt_key_files(tmp_path: Path) -> None:
    vault = KeyVault(tmp_path)
    with pytest.raises(KeyFileMissing):
        vault.unlock(PASS)
    vault.path.write_text("{not json")
    with pytest.raises(KeyFileCorrupt):
        vault.unlock(PASS)
    vault.path.write_text(json.dumps({"format": 1, "store_id": "x"}))
    with pytest.raises(KeyFileCorrupt):
        vault.unlock(PASS)


def test_keyring_present_keeps_the_key_and_can_be_turned_off(tmp_path: Path, memory_keyring: Any) -> None:
    vault = KeyVault(tmp_path, keyring_backend=memory_keyring)
    key = vault.create(PASS)
    assert vault.keyring_enabled()
    assert vault.unlock_from_keyring() == key
    assert "keyring" in vault.storage_description()
    assert vault.set_keyring(False, key) is False
    assert memory_keyring.secrets == {}
    assert vault.unlock_from_keyring() is None
    assert vault.set_keyring(True, key) is True
    assert vault.unlock_from_keyring() == key


def test_keyring_absent_falls_back_to_passphrase(tmp_path: Path) -> None:
    from keyring.backends import fail, null

    for backend in (null.Keyring(), fail.Keyring()):
        folder = tmp_path / type(backend).__module__
        vault = KeyVault(folder, keyring_backend=backend)
        key = vault.create(PASS)
        assert not vault.keyring_enabled()
        assert vault.unlock_from_keyring() is None
        assert vault.unlock(PASS) == key
        assert vault.storage_description() == "passphrase (Argon2id)"


def test_broken_keyring_backend_counts_as_absent(tmp_path: Path, memory_keyring: Any) -> None:
    from keyring.errors import KeyringError

    def broken(*_args: object) -> None:
        raise KeyringError("locked collection")

    memory_keyring.set_password = broken
    vault = KeyVault(tmp_path, keyring_backend=memory_keyring)
    key = vault.create(PASS)
    assert not vault.keyring_enabled()
    assert vault.unlock(PASS) == key


@pytest.mark.real_kdf
def test_production_kdf_cost_is_real(tmp_path: Path) -> None:
    assert key_vault.DEFAULT_KDF.memory_kib >= 64 * 1024
    vault = KeyVault(tmp_path)
    vault.create(PASS, use_keyring=False)
    doc = json.loads(vault.path.read_text())
    assert doc["kdf"]["memory_kib"] == key_vault.DEFAULT_KDF.memory_kib
    start = time.perf_counter()
    vault.unlock(PASS)
    assert time.perf_counter() - start > 0.01  # not skipped; the budget itself is measured in bench/


def test_keyring_that_fails_to_load_counts_as_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    def no_dbus() -> None:
        raise RuntimeError("org.freedesktop.DBus.Error.NotSupported")

    monkeypatch.setattr(keyring, "get_keyring", no_dbus)
    vault = KeyVault(tmp_path)
    key = vault.create(PASS)
    assert not vault.keyring_enabled()
    assert vault.unlock_from_keyring() is None
    assert vault.storage_description() == "passphrase (Argon2id)"
    assert vault.unlock(PASS) == key
