"""Creating and opening the encrypted store: the first run, a passphrase, a kept key."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.store.key_vault import KeyVault
from desktop.store.store import Store
from sync.records.enums import Role


@dataclass(frozen=True)
class FirstRunAnswers:
    """What the first run asks: a passphrase, the school's name, the user's name and role."""

    passphrase: str
    school_name: str
    user_name: str
    role: Role


def create_store(data_dir: Path, answers: FirstRunAnswers) -> tuple[Store, bytes]:
    store = Store.create(
        data_dir,
        answers.passphrase,
        school_name=answers.school_name,
        user_name=answers.user_name,
        role=answers.role,
    )
    try:
        key = KeyVault(data_dir).unlock(answers.passphrase)
    except BaseException:
        store.close()
        raise
    return store, key


def open_with_passphrase(data_dir: Path, passphrase: str) -> tuple[Store, bytes]:
    """Unwrap the key once (Argon2id) and open with it, keeping the key for keyring changes."""
    key = KeyVault(data_dir).unlock(passphrase)
    return Store.open(data_dir, key=key), key


def open_with_key(data_dir: Path, key: bytes) -> Store:
    return Store.open(data_dir, key=key)
