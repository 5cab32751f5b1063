"""Syncing with the center: logging in (registering this computer), a sync run, its status and log.

The work lives in ``desktop.store.center_sync`` (it needs the store's replica and outbox); this is the
one name the UI and the CLI call it by.
"""

from __future__ import annotations

from typing import Any

from desktop.app.changes import Kind
from desktop.store import center_figures, center_sync
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
    sync_status,
)
from sync.client import RequestRefused, SyncError
from sync.records import current_academic_year, previous_academic_year

FIGURE_YEARS = 4  # the academic years whose figures an aggregate-only laptop keeps (as the dashboard lists)
ANNUAL_YEARS = 2  # the years whose annual report figures it keeps (current and previous; others on demand)


def figure_years(count: int = FIGURE_YEARS) -> list[str]:
    years = [current_academic_year()]
    while len(years) < count:
        years.append(previous_academic_year(years[-1]))
    return years


class FiguresUnavailable(SyncError):
    """The sync ran, but the center did not give its figures (an aggregate-only laptop)."""


def run_sync(store: Any, **options: Any) -> SyncSummary:
    """A sync (``center_sync.run_sync``); in aggregate-only mode the center's figures of the recent years
    (and the annual report's of the current and previous year) are fetched and kept after it (``FiguresUnavailable`` when the center refuses them)."""
    summary = center_sync.run_sync(store, **options)
    if center_figures.aggregate_only(store):
        try:
            center_figures.refresh(
                store,
                figure_years(),
                annual_years=figure_years(ANNUAL_YEARS),
                transport=options.get("transport"),
                tls=options.get("tls"),
            )
        except RequestRefused as error:
            raise FiguresUnavailable(f"同步已完成，但未能取得中心统计：{error}") from None
        summary.changed_kinds.add(Kind.CENTER_FIGURES)
    return summary


__all__ = [
    "Account",
    "FiguresUnavailable",
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
