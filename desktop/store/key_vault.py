"""The key hierarchy of a local store.

A random 256-bit data key opens the SQLCipher database as a raw key.  That data key is kept wrapped
(AES-256-GCM) by a key derived from the user's passphrase with Argon2id and a random salt, in
`key.json` next to the database.  When the operating system's keyring works, the data key is also
kept there so that a trusted machine can unlock with the OS login; the passphrase always works.
Changing the passphrase rewraps the data key; the database is not rewritten.

If the passphrase is forgotten and the keyring does not hold the key, the data cannot be recovered
by anyone; records already synced can be downloaded again from the center's server.
"""

from __future__ import annotations

import base64
import importlib
import json
import math
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.store.atomic_file import write_atomic
from desktop.store.engine import KEY_BYTES
from desktop.store.errors import (
    KeyFileCorrupt,
    KeyFileMissing,
    StoreExists,
    WeakPassphrase,
    WrongPassphrase,
)
from desktop.store.unlock_throttle import UnlockThrottle
from sync.password_policy import MIN_LENGTH, password_problems

KEY_FILE_NAME = "key.json"
KEYRING_SERVICE = "JiaFang"
MIN_PASSPHRASE_LENGTH = MIN_LENGTH  # the same policy as the center's account passwords
_FORMAT = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, tuned so that an unlock takes 0.2–0.8 s on a 2-core laptop."""

    time_cost: int = 4
    memory_kib: int = 128 * 1024
    parallelism: int = 2


DEFAULT_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_wrapping_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def check_passphrase_strength(passphrase: str, *, user_inputs: tuple[str, ...] = ()) -> None:
    """Raise ``WeakPassphrase`` (with the Chinese explanation) unless the policy of
    ``sync.password_policy`` accepts the passphrase."""
    problems = password_problems(passphrase, user_inputs=user_inputs)
    if problems:
        raise WeakPassphrase("密码不符合要求：" + "".join(problems))


def _keyring_module(name: str) -> Any | None:
    """A keyring submodule, or None when this keyring release has no such module."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


class KeyringAccess:
    """The OS keyring, or nothing when no real backend works (fail/null backends, errors)."""

    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend

    def _ring(self) -> Any | None:
        try:
            import keyring
            from keyring.backends import fail, null
        except ImportError:
            return None
        try:
            ring = self._backend if self._backend is not None else keyring.get_keyring()
        except Exception:  # e.g. Secret Service configured but no D-Bus session: "no keyring"
            return None
        if isinstance(ring, fail.Keyring | null.Keyring):
            return None
        chainer = _keyring_module("keyring.backends.chainer")
        if chainer is not None and isinstance(ring, chainer.ChainerBackend) and not ring.backends:
            return None
        return ring

    def backend_name(self) -> str | None:
        ring = self._ring()
        return None if ring is None else f"{type(ring).__module__}.{type(ring).__name__}"

    def usable(self) -> bool:
        return self._ring() is not None

    def get(self, name: str) -> str | None:
        ring = self._ring()
        if ring is None:
            return None
        try:
            value = ring.get_password(KEYRING_SERVICE, name)
        except Exception:  # any backend failure means "no keyring", never a crash
            return None
        return value if isinstance(value, str) else None

    def set(self, name: str, secret: str) -> bool:
        ring = self._ring()
        if ring is None:
            return False
        try:
            ring.set_password(KEYRING_SERVICE, name, secret)
        except Exception:
            return False
        return True

    def delete(self, name: str) -> None:
        ring = self._ring()
        if ring is None:
            return
        try:
            ring.delete_password(KEYRING_SERVICE, name)
        except Exception:
            return


class KeyVault:
    """The wrapped data key of one data folder."""

    def __init__(
        self, data_dir: Path, *, keyring_backend: Any | None = None, kdf: KdfParams | None = None
    ) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / KEY_FILE_NAME
        self.keyring = KeyringAccess(keyring_backend)
        self.throttle = UnlockThrottle(self.data_dir)
        # Looked up at call time so that tests can lower the cost for speed (one test keeps it real).
        self._kdf = kdf or globals()["DEFAULT_KDF"]

    # -- reading the key file -------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _load(self) -> dict[str, Any]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError as exc:
            raise KeyFileMissing() from exc
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != _FORMAT:
                raise ValueError("unknown key file format")
            for name in ("store_id", "salt", "nonce", "wrapped"):
                if not isinstance(doc.get(name), str):
                    raise ValueError(f"missing {name}")
            _unb64(doc["salt"]), _unb64(doc["nonce"]), _unb64(doc["wrapped"])
            KdfParams(**doc["kdf"])
        except (ValueError, TypeError, UnicodeDecodeError, KeyError) as exc:
            raise KeyFileCorrupt() from exc
        return doc

    @property
    def store_id(self) -> str:
        return str(self._load()["store_id"])

    def keyring_enabled(self) -> bool:
        return bool(self._load().get("use_keyring", False))

    # -- creating, unlocking, rewrapping --------------------------------------------------------
    def _wrap(self, data_key: bytes, passphrase: str, store_id: str) -> dict[str, Any]:
        salt = os.urandom(16)
        nonce = os.urandom(12)
        wrapping = derive_wrapping_key(passphrase, salt, self._kdf)
        wrapped = AESGCM(wrapping).encrypt(nonce, data_key, store_id.encode("ascii"))
        return {
            "format": _FORMAT,
            "store_id": store_id,
            "kdf": {
                "time_cost": self._kdf.time_cost,
                "memory_kib": self._kdf.memory_kib,
                "parallelism": self._kdf.parallelism,
            },
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }

    def _write(self, doc: dict[str, Any]) -> None:
        write_atomic(self.path, json.dumps(doc, indent=2).encode("utf-8"))

    def create(
        self, passphrase: str, *, use_keyring: bool = True, user_inputs: tuple[str, ...] = ()
    ) -> bytes:
        """Make a new data key for this folder and wrap it with `passphrase` (``user_inputs``: the
        school's and the user's names, which a passphrase must not lean on)."""
        check_passphrase_strength(passphrase, user_inputs=user_inputs)
        if self.exists():
            raise StoreExists()
        data_key = os.urandom(KEY_BYTES)
        store_id = str(uuid.uuid4())
        doc = self._wrap(data_key, passphrase, store_id)
        doc["use_keyring"] = bool(use_keyring and self.keyring.set(store_id, data_key.hex()))
        self._write(doc)
        return data_key

    def unlock(self, passphrase: str) -> bytes:
        """The data key, or WrongPassphrase; ``UnlockThrottled`` while a wait after repeated wrong
        passphrases runs (the count is kept in ``unlock-attempts.json``; the key file is never touched)."""
        doc = self._load()
        self.throttle.check()
        params = KdfParams(**doc["kdf"])
        wrapping = derive_wrapping_key(passphrase, _unb64(doc["salt"]), params)
        try:
            key = AESGCM(wrapping).decrypt(
                _unb64(doc["nonce"]), _unb64(doc["wrapped"]), doc["store_id"].encode("ascii")
            )
        except InvalidTag as exc:
            wait = self.throttle.failed()
            if wait > 0:
                raise WrongPassphrase(
                    f"密码不正确。错误次数过多，请等待 {math.ceil(wait)} 秒后再试。数据未作任何改动。"
                ) from exc
            raise WrongPassphrase() from exc
        if len(key) != KEY_BYTES:
            raise KeyFileCorrupt()
        self.throttle.succeeded()
        return key

    def unlock_from_keyring(self) -> bytes | None:
        """The data key from the OS keyring when it is enabled and holds it, else None."""
        doc = self._load()
        if not doc.get("use_keyring"):
            return None
        secret = self.keyring.get(doc["store_id"])
        if secret is None:
            return None
        try:
            key = bytes.fromhex(secret)
        except ValueError:
            return None
        return key if len(key) == KEY_BYTES else None

    def change_passphrase(self, old: str, new: str) -> None:
        """Rewrap the data key under `new`; the database itself is not rewritten."""
        check_passphrase_strength(new)
        data_key = self.unlock(old)
        doc = self._load()
        new_doc = self._wrap(data_key, new, doc["store_id"])
        new_doc["use_keyring"] = doc.get("use_keyring", False)
        self._write(new_doc)

    def set_keyring(self, enabled: bool, data_key: bytes) -> bool:
        """Turn keeping the data key in the OS keyring on or off; returns whether it is now on."""
        doc = self._load()
        if enabled:
            enabled = self.keyring.set(doc["store_id"], data_key.hex())
        else:
            self.keyring.delete(doc["store_id"])
        doc["use_keyring"] = enabled
        self._write(doc)
        return enabled

    def keyring_holds_key(self) -> bool:
        """Whether the OS keyring holds this folder's data key now (asked each time, not a stored flag:
        someone may have deleted the entry, or the keyring may be gone)."""
        if not self.exists():
            return False
        secret = self.keyring.get(self.store_id)
        if secret is None:
            return False
        try:
            return len(bytes.fromhex(secret)) == KEY_BYTES
        except ValueError:
            return False

    def keyring_entry_lost(self) -> bool:
        """This machine was set to unlock with the OS keyring, but the keyring no longer holds the key
        (the passphrase still works; ``set_keyring(True, key)`` after an unlock puts it back)."""
        return self.exists() and self.keyring_enabled() and not self.keyring_holds_key()

    def storage_description(self) -> str:
        """What keeps the key, for `jiafang info`: what the keyring holds now, not what was once set."""
        if self.keyring_holds_key():
            return f"passphrase (Argon2id) + OS keyring ({self.keyring.backend_name()})"
        if self.keyring_entry_lost():
            return "passphrase (Argon2id); the OS keyring no longer holds the key"
        return "passphrase (Argon2id)"
