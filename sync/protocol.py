"""Messages of the sync protocol (docs/sync-protocol.md), shared by the server and the client engine."""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync.records.schema import FIRST_SCHEMA, latest_schema

PROTOCOL_VERSION = 1
# The schema: the newest version any record field declares (``since``, docs/sync-protocol.md §2a), so
# adding a field with its ``since`` is all it takes; this release serves every schema up to it.
SCHEMA_VERSION = latest_schema()
SCHEMA_MIN = FIRST_SCHEMA
SCHEMA_MAX = SCHEMA_VERSION

PROTOCOL_HEADER = "X-JiaFang-Protocol"
SCHEMA_HEADER = "X-JiaFang-Schema"

MAX_PUSH_OPS = 500
MAX_PULL_LIMIT = 5000
# Scope changes of any size travel in bounded pieces (protocol §6): a pull page announces at most this
# many enter/leave events (the rest follow on the next pages, ``more`` stays true), and one backfill
# request names at most this many students (the client splits larger backfills).
MAX_SCOPE_EVENTS = 500
MAX_BACKFILL_STUDENTS = 500
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_CHUNK_BYTES = 1024 * 1024
DIGEST_BUCKETS = 256

JsonValue = Any

# Text the server stores in a column of its own (ids, names, cursors): PostgreSQL text cannot hold NUL,
# so such text with a NUL character is refused as invalid (422), on every database alike.
NO_NUL = r"^[^\x00]*$"
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_NUL)]


class ErrorCode(StrEnum):
    BAD_REQUEST = "bad_request"
    UNAUTHORIZED = "unauthorized"
    TOKEN_REVOKED = "token_revoked"
    DEVICE_WIPED = "device_wiped"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    CURSOR_EXPIRED = "cursor_expired"
    SERVER_RESTORED = "server_restored"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    VALIDATION_FAILED = "validation_failed"
    HASH_MISMATCH = "hash_mismatch"
    UPGRADE_REQUIRED = "upgrade_required"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"


ERROR_STATUS: dict[ErrorCode, int] = {
    ErrorCode.BAD_REQUEST: 400,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.TOKEN_REVOKED: 401,
    ErrorCode.DEVICE_WIPED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.CURSOR_EXPIRED: 410,
    ErrorCode.SERVER_RESTORED: 409,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.VALIDATION_FAILED: 422,
    ErrorCode.HASH_MISMATCH: 422,
    ErrorCode.UPGRADE_REQUIRED: 426,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.UNAVAILABLE: 503,
}

RETRYABLE_ERRORS = frozenset({ErrorCode.RATE_LIMITED, ErrorCode.UNAVAILABLE})


class RejectReason(StrEnum):
    VALIDATION_FAILED = "validation_failed"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    UNKNOWN_TYPE = "unknown_type"
    STUDENT_MISMATCH = "student_mismatch"
    BUSY = "busy"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Model):
    code: ErrorCode
    message: str
    retryable: bool = False


class ErrorBody(_Model):
    error: ErrorDetail


# --- auth -------------------------------------------------------------------------------------------


class LoginRequest(_Model):
    username: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=256)
    device_id: Id
    device_name: str = Field(default="", max_length=128, pattern=NO_NUL)
    # Aggregate-only mode (school center only): the device holds no student record, it reads the
    # center's figures instead (docs/sync-protocol.md §6b); chosen at each login.
    aggregate_only: bool = False


class PasswordChangeRequest(_Model):
    """``POST /auth/password``: a logged-in user changes their own password (204; 403 when
    ``current_password`` is wrong; 422 with the policy's Chinese explanation when ``new_password`` is weak)."""

    current_password: str = Field(min_length=1, max_length=256)
    new_password: str = Field(min_length=1, max_length=256)


class TokenResponse(_Model):
    """``POST /auth/refresh``: the device's new token; the one that called is no longer valid."""

    token: str


class UserInfo(_Model):
    id: str
    username: str
    display_name: str
    role: str
    college_id: str | None


class LoginResponse(_Model):
    token: str
    user: UserInfo
    device_id: str
    # The device's number for printed record numbers (given once; None from a server before it).
    device_no: int | None = None
    aggregate_only: bool = False  # the mode the device now runs in (see ``LoginRequest``)


class HealthResponse(_Model):
    status: Literal["ok"] = "ok"
    protocol: int = PROTOCOL_VERSION
    schema_min: int = SCHEMA_MIN
    schema_max: int = SCHEMA_MAX


# --- push -------------------------------------------------------------------------------------------


class OpKind(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Op(_Model):
    op_id: Id
    record_type: Id
    record_id: Id
    kind: OpKind
    student_id: str | None = Field(default=None, max_length=64, pattern=NO_NUL)
    fields: dict[str, JsonValue] = Field(default_factory=dict)
    base: dict[str, int] = Field(default_factory=dict)
    base_rev: int = Field(default=0, ge=0)
    resolves: list[Id] = Field(default_factory=list, max_length=100)
    device_id: Id
    author_id: Id
    hlc: str = Field(min_length=1, max_length=128, pattern=NO_NUL)
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema", ge=1)
    # Re-sent after a server restore (§8a): the whole record as this device holds it, not an edit.
    recovered: bool = False

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OpStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class OpResult(_Model):
    op_id: str
    status: OpStatus
    rev: int | None = None
    versions: dict[str, int] = Field(default_factory=dict)
    conflicts: list[str] = Field(default_factory=list)
    reason: RejectReason | None = None
    message: str | None = None
    retryable: bool = False
    original: OpStatus | None = None  # for duplicates: the status the op first got

    @property
    def acknowledged(self) -> bool:
        """True when the op may leave the outbox (rejected-for-good ops go to quarantine)."""
        return self.status is not OpStatus.REJECTED or not self.retryable


class PushRequest(_Model):
    device_id: Id
    ops: list[Op] = Field(max_length=MAX_PUSH_OPS)
    # The device's pull cursor and the highest change number push answers reported to it: let the
    # server see a restore before any op is numbered (§8a).
    cursor: str | None = Field(default=None, max_length=64, pattern=NO_NUL)
    seen: int = Field(default=0, ge=0, le=2**62)


class PushResponse(_Model):
    results: list[OpResult]
    horizon: int


# --- pull -------------------------------------------------------------------------------------------


class RecordState(_Model):
    record_type: str
    id: str
    student_id: str | None
    deleted: bool
    rev: int
    versions: dict[str, int]
    fields: dict[str, JsonValue]
    seq: int
    author_id: str


class ConflictSide(_Model):
    value: JsonValue
    author_id: str
    device_id: str
    hlc: str
    received_at: str


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class ConflictState(_Model):
    id: str
    record_type: str
    record_id: str
    student_id: str | None
    field: str  # "*" for delete-versus-edit
    kept: ConflictSide
    other: ConflictSide
    status: ConflictStatus
    resolved_by: str | None = None
    seq: int


class ScopeEventKind(StrEnum):
    ENTER = "enter"
    LEAVE = "leave"


class ScopeEvent(_Model):
    kind: ScopeEventKind
    student_id: str


class Cursor(_Model):
    """Position of a device in the change sequence plus its scope generation and the server's epoch
    (the identity of the server's history: it changes when the database is restored, §8a)."""

    seq: int = Field(ge=0)
    gen: int = Field(ge=0)
    epoch: str = Field(default="", max_length=32, pattern=r"^[0-9a-f]*$")

    def encode(self) -> str:
        base = f"{self.seq}.{self.gen}"
        return f"{base}.{self.epoch}" if self.epoch else base

    @classmethod
    def decode(cls, text: str | None) -> Cursor | None:
        if text is None:
            return None
        seq_text, _, rest = text.partition(".")
        gen_text, _, epoch = rest.partition(".")
        if not (seq_text.isdigit() and gen_text.isdigit()) or not _EPOCH.fullmatch(epoch):
            raise ValueError("cursor")
        return cls(seq=int(seq_text), gen=int(gen_text), epoch=epoch)


_EPOCH = re.compile(r"[0-9a-f]{0,32}")


class PullRequest(_Model):
    device_id: Id
    cursor: str | None = Field(default=None, max_length=64, pattern=NO_NUL)
    limit: int = Field(default=1000, ge=1, le=MAX_PULL_LIMIT)
    seen: int = Field(default=0, ge=0, le=2**62)  # as in ``PushRequest`` (§8a)
    # The client reads cursors that name the server's epoch (``seq.gen.epoch``, §8a); older clients,
    # which do not send it, get ``seq.gen`` cursors.
    epochs: bool = False


class PullPage(_Model):
    records: list[RecordState] = Field(default_factory=list)
    conflicts: list[ConflictState] = Field(default_factory=list)
    scope: list[ScopeEvent] = Field(default_factory=list)
    cursor: str
    more: bool
    horizon: int


class BackfillRequest(_Model):
    device_id: Id
    student_ids: list[Id] = Field(min_length=1, max_length=MAX_BACKFILL_STUDENTS)
    upto: int = Field(ge=0)
    after: int = Field(default=0, ge=0)
    limit: int = Field(default=1000, ge=1, le=MAX_PULL_LIMIT)


class BackfillPage(_Model):
    records: list[RecordState] = Field(default_factory=list)
    conflicts: list[ConflictState] = Field(default_factory=list)
    after: int
    more: bool


class EpochRequest(_Model):
    device_id: Id


class EpochInfo(_Model):
    """The server's current epoch; ``since``: every change numbered ``≤ since`` is shared with the
    history before the restore, later ones are not (a device re-sends what it holds beyond it)."""

    epoch: str
    since: int
    horizon: int


# --- digest and repair ------------------------------------------------------------------------------


def record_hash(record_type: str, record_id: str, rev: int) -> int:
    """The 31-bit contribution of one live record to the digest (order-independent sum)."""
    digest = hashlib.sha256(f"{record_type}|{record_id}|{rev}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 33


class DigestRequest(_Model):
    device_id: Id
    buckets: bool = False


class BucketDigest(_Model):
    count: int
    sum: int


class DigestResponse(_Model):
    count: int
    sum: int
    horizon: int
    buckets: list[BucketDigest] | None = None


class RepairRequest(_Model):
    device_id: Id
    buckets: list[int] = Field(min_length=1, max_length=DIGEST_BUCKETS)
    after: str = Field(default="", max_length=64, pattern=NO_NUL)
    limit: int = Field(default=1000, ge=1, le=MAX_PULL_LIMIT)


class RepairPage(_Model):
    records: list[RecordState]
    after: str
    more: bool
    horizon: int


# --- attachments and devices --------------------------------------------------------------------------


class AttachmentInit(_Model):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=1, le=64 * 1024 * 1024)
    student_id: Id


class AttachmentStatus(_Model):
    sha256: str
    size: int
    received: int
    complete: bool


class DeviceInfo(_Model):
    id: str
    user_id: str
    username: str
    name: str
    created_at: str
    last_seen_at: str | None
    revoked: bool
    wipe: bool
    last_sync_at: str | None = None
    open_conflicts: int = 0
