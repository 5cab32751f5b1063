"""This store and the center: log in (device registration), run a sync, read the sync status, export the
sync log and the quarantine.

The one path both ``jiafang login`` / ``jiafang sync`` and the desktop app take; it calls the sync engine
(``sync.client``) with the store as its replica (``desktop.store.sync_replica``) and keeps what the app
shows next to the other sync bookkeeping in the store's encrypted ``meta`` table (``sync.`` keys, which
a wipe order deletes with the rest).  No Qt here: the app runs these functions on its store thread.
"""

from __future__ import annotations

import contextlib
import json
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete

from desktop.store import center_trust
from desktop.store.atomic_file import write_atomic
from desktop.store.conflict_review import waiting_conflict_count
from desktop.store.errors import StoreError
from desktop.store.record_numbering import set_device_no
from desktop.store.store import Store
from desktop.store.sync_replica import StoreReplica
from desktop.store.tables import MetaRow
from sync import college_ca
from sync.certificate_pin import CertificatePin
from sync.client import DeviceRevoked, DeviceWiped, EngineSettings, Progress, SyncEngine, login
from sync.password_change import change_server_password
from sync.protocol import BackfillPage, PullPage, RecordState
from sync.records import RECORD_TYPES, AuditAction, Role
from sync.replica import Backfill
from sync.server_address import is_https
from sync.typed_page import FreshPage

SERVER_KEY = "sync.server"
TOKEN_KEY = "sync.token"
USERNAME_KEY = "sync.username"
LAST_SUCCESS_KEY = "sync.last_success"
CERT_SEEN_KEY = "sync.cert_seen"  # SHA-256 of the certificate the center presented at the last login
CERT_PIN_KEY = "sync.cert_pin"  # the pinned one: any other certificate is refused (when set)
# Aggregate-only mode ("1"), accepted by the center at the last login (desktop/store/center_figures.py),
# and the figures it fetched, one entry per academic year.
AGGREGATE_ONLY_KEY = "sync.aggregate_only"
FIGURES_PREFIX = "figures."


class NotConnected(StoreError):
    message = "尚未连接中心服务器：请先登录中心账号。"


@dataclass(frozen=True)
class Account:
    server: str
    username: str
    display_name: str
    role: Role
    user_id: str
    certificate: str | None = None  # the fingerprint seen at this login (https only)
    pinned: bool = False
    aggregate_only: bool = False  # no student records on this laptop: the center's figures instead


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows."""

    server: str
    username: str
    connected: bool
    pending: int
    conflicts: int
    quarantined: int
    last_success: datetime | None
    trusted_ca: str = ""  # name of the college CA this laptop trusts ("" when none)
    certificate: str | None = None
    pinned: bool = False
    aggregate_only: bool = False


@dataclass(frozen=True)
class LeftStudent:
    """A student reassigned away and purged from this device (for the notice; never logged)."""

    student_no: str
    name: str


@dataclass
class SyncSummary:
    pushed: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    conflicts_received: int = 0
    conflicts_open: int = 0
    entered: int = 0
    left: list[LeftStudent] = field(default_factory=list)
    quarantined: int = 0  # moved to the quarantine by this sync
    quarantine_total: int = 0
    repaired: int = 0
    pending: int = 0
    attachments_uploaded: int = 0
    attachments_downloaded: int = 0
    held: int = 0  # ops waiting in the outbox because their attachment could not be uploaded
    # ops waiting in the outbox for the center's server to learn their fields (protocol §2a)
    awaiting_upgrade: int = 0
    unreadable: int = 0  # pulled records this client could not read, quarantined (protocol §2a)
    finished_at: datetime | None = None
    changed_kinds: set[str] = field(default_factory=set)  # record types written locally (for views)

    def as_dict(self) -> dict[str, Any]:
        """The CLI's ``--json`` form (no personal data)."""
        return {
            "pushed": dict(self.pushed),
            "pulled": self.pulled,
            "conflicts_received": self.conflicts_received,
            "conflicts_open": self.conflicts_open,
            "students_entered": self.entered,
            "students_left": len(self.left),
            "quarantined": self.quarantined,
            "repaired": self.repaired,
            "pending": self.pending,
            "attachments_uploaded": self.attachments_uploaded,
            "attachments_downloaded": self.attachments_downloaded,
            "held": self.held,
            "awaiting_server_upgrade": self.awaiting_upgrade,
            "unreadable": self.unreadable,
        }


class _NotingReplica(StoreReplica):
    """The store replica, remembering who a purge removed (so the notice can name them) and which kinds
    of record it wrote (so only the views showing them refresh)."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.left: list[LeftStudent] = []
        self.kinds: set[str] = set()

    def apply_page(self, page: PullPage) -> None:
        self.kinds.update(record.record_type for record in page.records)
        super().apply_page(page)

    def apply_fresh_page(self, page: FreshPage, committing: Callable[[], None]) -> bool:
        applied = super().apply_fresh_page(page, committing)
        if applied:
            self.kinds.update(record.record_type for record in page.records)
        return applied

    def apply_backfill(self, backfill: Backfill, page: BackfillPage) -> None:
        self.kinds.update(record.record_type for record in page.records)
        super().apply_backfill(backfill, page)

    def apply_repair(self, records: list[RecordState], buckets: list[int]) -> int:
        changed = super().apply_repair(records, buckets)
        if changed:
            self.kinds.update(RECORD_TYPES)
        return changed

    def wipe(self) -> None:
        self.kinds.update(RECORD_TYPES)
        super().wipe()

    def purge_students(self, student_ids: list[str]) -> Any:
        with self.store.session() as s:
            for student_id in student_ids:
                student = s.students.get(student_id, include_deleted=True)
                if student is not None:
                    self.left.append(LeftStudent(student.student_no, student.name))
        self.kinds.update(RECORD_TYPES)
        return super().purge_students(student_ids)


@contextlib.contextmanager
def obeying_center(store: Store) -> Iterator[None]:
    """Run a call to the center and obey what it says about this device, at any endpoint.

    A wipe order destroys the store for good (``Store.destroy``: the data key first, then every file)
    before ``DeviceWiped`` goes on to the caller; if some file could not be destroyed, the error says
    which, so the user deletes the folder by hand.  A revoked device forgets its token (the data stays;
    the user logs in again once allowed).
    """
    try:
        yield
    except DeviceWiped as error:
        report = store.destroy()
        if not report.complete:
            raise DeviceWiped(
                f"{error}。以下文件未能删除，请立即手动删除整个数据目录：{'、'.join(report.failed)}"
            ) from error
        raise
    except DeviceRevoked:
        forget_token(store)
        raise


# -- account ------------------------------------------------------------------------------------------
def connect(
    store: Store,
    server: str,
    username: str,
    password: str,
    *,
    device_name: str = "",
    transport: httpx.BaseTransport | None = None,
    pin_certificate: bool = False,
    forget_pin: bool = False,
    tls: ssl.SSLContext | None = None,
    ca_file: Path | None = None,
    aggregate_only: bool = False,
) -> Account:
    """Log in to the center and register this device; the token is kept in the encrypted store.

    Over https the certificate's SHA-256 fingerprint is returned (to show) and kept; with
    ``pin_certificate`` it is pinned: later logins and syncs refuse any other certificate.  A pin made
    for this server is checked at this login too, unless ``forget_pin`` (after the center renewed its
    certificate and the user checked the new fingerprint).  ``tls`` is the base context (verifying).
    ``ca_file``: a college CA certificate (PEM) to trust from now on (kept in the store, see
    ``center_trust``); without it the CA kept before, if any, is trusted.

    Raises ``sync.client.SyncError`` (Chinese message) when the server refuses or cannot be reached,
    the address is http:// to another computer, or the certificate is not the pinned one;
    ``center_trust.BadCaFile`` when ``ca_file`` holds no CA certificate.

    ``aggregate_only`` (school center only, else the center refuses the login): this laptop holds no
    student record; the next sync removes any it holds, and fetches the center's figures instead.
    """
    server = server.strip().rstrip("/")
    ca_pem = center_trust.read_ca_file(ca_file) if ca_file else center_trust.trusted_ca(store)
    base = tls if tls is not None else college_ca.ssl_context(ca_pem)
    with store.session() as s:
        pinned = s.meta.get(CERT_PIN_KEY) if s.meta.get(SERVER_KEY) == server else None
    pin = CertificatePin(None if forget_pin else pinned) if is_https(server) else None
    with obeying_center(store):
        answer = login(
            server,
            username=username.strip(),
            password=password,
            device_id=store.info.device_id,
            device_name=device_name,
            transport=transport,
            tls=pin.ssl_context(base) if pin is not None else base,
            aggregate_only=aggregate_only,
        )
    if ca_file:
        center_trust.keep_ca(store, ca_pem)
    role = Role(answer.user.role)
    store.set_local_user(user_id=answer.user.id, user_name=answer.user.display_name, role=role)
    seen = pin.seen if pin is not None else None
    keep_pin = seen if pin_certificate or (pinned and not forget_pin) else None
    with store.session() as s:
        s.meta.set_many({SERVER_KEY: server, TOKEN_KEY: answer.token, USERNAME_KEY: username.strip()})
        _set_or_delete(s.db, CERT_SEEN_KEY, seen)
        _set_or_delete(s.db, CERT_PIN_KEY, keep_pin)
        _set_or_delete(s.db, AGGREGATE_ONLY_KEY, "1" if aggregate_only else None)
        if not aggregate_only:  # the laptop computes its own figures again
            s.db.execute(delete(MetaRow).where(MetaRow.key.startswith(FIGURES_PREFIX)))
        if answer.device_no is not None:
            set_device_no(s, answer.device_no)
    return Account(
        server,
        username.strip(),
        answer.user.display_name,
        role,
        answer.user.id,
        seen,
        keep_pin is not None,
        aggregate_only,
    )


def _set_or_delete(db: Any, key: str, value: str | None) -> None:
    db.execute(delete(MetaRow).where(MetaRow.key == key))
    if value is not None:
        db.add(MetaRow(key=key, value=value))


def _engine_tls(server: str, pinned: str | None, tls: ssl.SSLContext | None) -> ssl.SSLContext | None:
    if pinned and is_https(server):
        return CertificatePin(pinned).ssl_context(tls)
    return tls


def change_password(
    store: Store,
    current_password: str,
    new_password: str,
    *,
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> None:
    """Change the center password of the account this store is logged in as (``jiafang passwd
    --server``); the pinned certificate and a wipe order apply as to a sync."""
    with store.session() as s:
        server, token = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY)
        username, pinned = s.meta.get(USERNAME_KEY), s.meta.get(CERT_PIN_KEY)
    if not server or not token:
        raise NotConnected()
    with obeying_center(store):
        change_server_password(
            server,
            token,
            current_password=current_password,
            new_password=new_password,
            user_inputs=(username or "", store.info.user_name),
            transport=transport,
            tls=_engine_tls(server, pinned, tls),
        )


def account(store: Store) -> Account | None:
    """The center account this store is logged in to (None when not logged in)."""
    with store.session() as s:
        server, token, username = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY), s.meta.get(USERNAME_KEY)
        seen, pinned = s.meta.get(CERT_SEEN_KEY), s.meta.get(CERT_PIN_KEY)
        aggregate = s.meta.get(AGGREGATE_ONLY_KEY) == "1"
        info = s.meta.info()
    if not server or not token:
        return None
    return Account(
        server, username or "", info.user_name, info.role, info.user_id, seen, bool(pinned), aggregate
    )


def forget_pinned_certificate(store: Store) -> None:
    """Stop refusing other certificates (after the center renewed its certificate and the user checked
    the new fingerprint); the next login shows the new one and can pin it again."""
    with store.session() as s:
        _set_or_delete(s.db, CERT_PIN_KEY, None)


def forget_token(store: Store) -> None:
    """Sign this computer out of the center (the server address stays for the next login)."""
    with store.session() as s:
        s.db.execute(delete(MetaRow).where(MetaRow.key == TOKEN_KEY))


def sync_status(store: Store) -> SyncStatus:
    replica = StoreReplica(store)
    with store.session() as s:
        server, token = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY)
        username, last = s.meta.get(USERNAME_KEY), s.meta.get(LAST_SUCCESS_KEY)
        seen, pinned = s.meta.get(CERT_SEEN_KEY), s.meta.get(CERT_PIN_KEY)
        aggregate = s.meta.get(AGGREGATE_ONLY_KEY) == "1"
    return SyncStatus(
        server=server or "",
        username=username or "",
        connected=bool(server and token),
        pending=replica.pending_count(),
        conflicts=waiting_conflict_count(store),
        quarantined=len(replica.quarantined()),
        last_success=datetime.fromisoformat(last) if last else None,
        trusted_ca=center_trust.trusted_ca_name(store),
        certificate=seen,
        pinned=bool(pinned),
        aggregate_only=aggregate,
    )


# -- sync ---------------------------------------------------------------------------------------------
def _college_ca(store: Store) -> ssl.SSLContext | None:
    """The verifying context that also trusts the college CA this laptop keeps (None: none kept)."""
    return college_ca.ssl_context(center_trust.trusted_ca(store))


def run_sync(
    store: Store,
    *,
    progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
    settings: EngineSettings | None = None,
    transport: httpx.BaseTransport | None = None,
    tls: ssl.SSLContext | None = None,
) -> SyncSummary:
    """Push, pull, push again (``SyncEngine.sync``); raises ``NotConnected`` or a ``SyncError``.

    A revoked device forgets its token (the user logs in again); a wiped one has had its store
    destroyed (key, database and backups; the store is closed when ``DeviceWiped`` arrives).  Each
    step is its own store transaction, so a cancelled or cut sync leaves the store consistent and the
    next sync carries on.
    """
    with store.session() as s:
        server, token = s.meta.get(SERVER_KEY), s.meta.get(TOKEN_KEY)
        pinned = s.meta.get(CERT_PIN_KEY)
    if not server or not token:
        raise NotConnected()
    replica = _NotingReplica(store)
    quarantine_before = len(replica.quarantined())
    with (
        obeying_center(store),
        SyncEngine(
            replica,
            server,
            token,
            settings=settings,
            progress=progress,
            cancel=cancel,
            transport=transport,
            tls=_engine_tls(server, pinned, tls if tls is not None else _college_ca(store)),
        ) as engine,
    ):
        report = engine.sync()
    finished = report.finished_at or datetime.now(UTC)
    replica.sync_log()  # writes the routine lines the replica keeps until its next write
    with store.session() as s:
        s.meta.set(LAST_SUCCESS_KEY, finished.isoformat())
    quarantine_total = len(replica.quarantined())
    return SyncSummary(
        pushed=dict(report.pushed),
        pulled=report.pulled_records,
        conflicts_received=report.conflicts_received,
        conflicts_open=waiting_conflict_count(store),
        entered=len(report.entered),
        left=list(replica.left),
        quarantined=max(quarantine_total - quarantine_before, report.quarantined),
        quarantine_total=quarantine_total,
        repaired=report.repaired,
        pending=replica.pending_count(),
        attachments_uploaded=report.attachments_uploaded,
        attachments_downloaded=report.attachments_downloaded,
        held=len(report.held),
        awaiting_upgrade=len(report.awaiting_upgrade),
        unreadable=replica.unreadable,
        finished_at=finished,
        changed_kinds=set(replica.kinds),
    )


# -- sync log and quarantine --------------------------------------------------------------------------
def sync_log(store: Store) -> list[dict[str, str]]:
    """The sync log, oldest first: ``{"at", "level", "message"}`` (Chinese, no personal data)."""
    return StoreReplica(store).sync_log()


def export_sync_log(store: Store, path: Path) -> int:
    """Write the sync log as UTF-8 text, one line per entry; returns how many lines."""
    entries = sync_log(store)
    lines = [f"{entry['at']}\t{entry['level']}\t{entry['message']}" for entry in entries]
    write_atomic(Path(path), ("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def export_quarantine(store: Store, path: Path) -> int:
    """Write the quarantined changes (ops the center did not take) as JSON; audited; returns how many."""
    items = StoreReplica(store).quarantined()
    data = json.dumps(
        {"exported_at": datetime.now(UTC).isoformat(), "changes": items}, ensure_ascii=False, indent=2
    )
    write_atomic(Path(path), data.encode("utf-8"))
    with store.session() as s:
        s.audit.log(AuditAction.EXPORT, detail=f"sync quarantine: {len(items)}")
    return len(items)
