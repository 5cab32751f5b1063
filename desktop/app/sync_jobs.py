"""Syncing with the center: logging in (registering this computer), a sync run, its status and log.

The work lives in ``desktop.store.center_sync`` (it needs the store's replica and outbox); this is the
one name the UI and the CLI call it by.
"""

from __future__ import annotations

from desktop.store.center_sync import (
    Account,
    NotConnected,
    SyncStatus,
    SyncSummary,
    change_password,
    connect,
    export_quarantine,
    export_sync_log,
    forget_pinned_certificate,
    forget_token,
    run_sync,
    sync_status,
)

__all__ = [
    "Account",
    "NotConnected",
    "SyncStatus",
    "SyncSummary",
    "change_password",
    "connect",
    "export_quarantine",
    "export_sync_log",
    "forget_pinned_certificate",
    "forget_token",
    "run_sync",
    "sync_status",
]
