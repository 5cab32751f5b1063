"""Aggregate-only mode: a school-center laptop that holds no student record (the center's server puts no
student in its scope, docs/sync-protocol.md §6b) and shows the center's figures instead, fetched after
each sync and kept in the store's encrypted ``meta`` table for offline use (one entry per academic year,
with the time the server computed them).

    center_figures.aggregate_only(store)          # chosen at login (center_sync.connect)
    center_figures.refresh(store, ["2025-2026"])  # after a sync, when online
    center_figures.kept_coverage(store, "2025-2026")
    center_figures.annual_figures(store, "2025-2026", None)  # the annual report's: kept, else fetched now
"""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterable

import httpx

from desktop.store import center_trust
from desktop.store.center_sync import (
    AGGREGATE_ONLY_KEY,
    CERT_PIN_KEY,
    FIGURES_PREFIX,
    SERVER_KEY,
    TOKEN_KEY,
    NotConnected,
    obeying_center,
)
from desktop.store.store import Store
from sync import college_ca
from sync.certificate_pin import CertificatePin
from sync.client import ServerUnavailable
from sync.figures.served import CoverageFigures
from sync.figures.served_annual import ServedAnnual, served_annual
from sync.figures_client import fetch_annual, fetch_coverage
from sync.server_address import is_https

COVERAGE_PREFIX = FIGURES_PREFIX + "coverage."  # + academic year: the served figures as JSON
ANNUAL_PREFIX = FIGURES_PREFIX + "annual."  # + academic year: the annual report's served figures (school)
ANNUAL_NOT_SYNCED = "该学年的中心统计尚未同步，请联网同步后再生成年度报告"


class NoFigures(LookupError):
    """Nothing kept for this year yet (Chinese message)."""

    def __init__(self, academic_year: str) -> None:
        super().__init__(
            f"本机为仅统计模式，尚无 {academic_year} 学年的统计：请连接中心服务器同步一次后再查看。"
        )


def aggregate_only(store: Store) -> bool:
    with store.session() as s:
        return s.meta.get(AGGREGATE_ONLY_KEY) == "1"


def _tls(store: Store, server: str, pinned: str | None, tls: ssl.SSLContext | None) -> ssl.SSLContext | None:
    base = tls if tls is not None else college_ca.ssl_context(center_trust.trusted_ca(store))
    if pinned and is_https(server):
        return CertificatePin(pinned).ssl_context(base)
    return base


def refresh(
    store: Store,
    academic_years: Iterable[str],
    *,
    annual_years: Iterable[str] = (),
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> list[CoverageFigures]:
    """Fetch the whole school's coverage figures of these years (and the annual report's figures of
    ``annual_years``) and keep them; raises ``NotConnected`` or a ``sync.client.SyncError`` (a wipe order
    or a revoked device is obeyed as in a sync)."""
    with store.session() as s:
        server, token, pinned = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY), s.meta.get(CERT_PIN_KEY)
    if not server or not token:
        raise NotConnected()
    context = _tls(store, server, pinned, tls)
    fetched: list[CoverageFigures] = []
    annual: dict[str, str] = {}
    with obeying_center(store):
        for year in academic_years:
            fetched.append(fetch_coverage(server, token, year, transport=transport, tls=context))
        for year in annual_years:
            data = fetch_annual(server, token, year, transport=transport, tls=context)
            served_annual(data)  # readable before it is kept
            annual[ANNUAL_PREFIX + year] = json.dumps(data, ensure_ascii=False)
    with store.session() as s:
        s.meta.set_many({COVERAGE_PREFIX + f.academic_year: f.model_dump_json() for f in fetched} | annual)
    return fetched


def kept_coverage(store: Store, academic_year: str) -> CoverageFigures:
    """The figures of a year kept from the last fetch; ``NoFigures`` when none were fetched yet."""
    with store.session() as s:
        value = s.meta.get(COVERAGE_PREFIX + academic_year)
    if value is None:
        raise NoFigures(academic_year)
    return CoverageFigures.model_validate_json(value)


def kept_annual(store: Store, academic_year: str) -> ServedAnnual | None:
    """The whole school's annual report figures of a year kept from the last sync (None: not kept)."""
    with store.session() as s:
        value = s.meta.get(ANNUAL_PREFIX + academic_year)
    return None if value is None else served_annual(json.loads(value))


class AnnualNotSynced(LookupError):
    """Neither kept nor fetchable now (offline, or not connected): the Chinese message says to sync."""

    def __init__(self) -> None:
        super().__init__(ANNUAL_NOT_SYNCED)


def annual_figures(
    store: Store,
    academic_year: str,
    college_id: str | None,
    *,
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> ServedAnnual:
    """The center's annual report figures of a year, the school (None) or one college: the school's kept
    from the last sync, else fetched from the center now (the school's are then kept too).
    ``AnnualNotSynced`` when not kept and the center cannot be reached; the center's refusals are raised
    as ``sync.client.SyncError`` (Chinese messages)."""
    if college_id is None:
        kept = kept_annual(store, academic_year)
        if kept is not None:
            return kept
    with store.session() as s:
        server, token, pinned = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY), s.meta.get(CERT_PIN_KEY)
    if not server or not token:
        raise AnnualNotSynced()
    context = _tls(store, server, pinned, tls)
    try:
        with obeying_center(store):
            data = fetch_annual(
                server, token, academic_year, college_id=college_id, transport=transport, tls=context
            )
    except ServerUnavailable:
        raise AnnualNotSynced() from None
    served = served_annual(data)
    if college_id is None:
        with store.session() as s:
            s.meta.set(ANNUAL_PREFIX + academic_year, json.dumps(data, ensure_ascii=False))
    return served
