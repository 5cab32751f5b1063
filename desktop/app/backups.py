"""Backups of the store: list, make one now, restore one (with the store closed)."""

from __future__ import annotations

from pathlib import Path

from desktop.store.backup import BackupInfo
from desktop.store.store import Store


def list_backups(store: Store) -> list[BackupInfo]:
    return sorted(store.list_backups(), key=lambda b: b.created_at, reverse=True)


def backup_now(store: Store) -> BackupInfo:
    return store.backup()


def restore_backup(data_dir: Path, backup_path: Path, key: bytes) -> BackupInfo | None:
    """Replace the database with a backup; the store must be closed (the worker closes it first)."""
    return Store.restore(data_dir, backup_path, key=key)
