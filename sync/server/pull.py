"""Pull pages, backfill of students that entered scope, digest and repair (protocol §5–§7).

Pages are rendered straight from the stored JSON text (no parse and re-dump of every record), which is
what makes a first sync of 100,000 records fast.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select, union
from sqlalchemy.orm import Session

from sync.protocol import DIGEST_BUCKETS, BucketDigest, DigestResponse, ScopeEvent
from sync.records.enums import Role
from sync.server import scope
from sync.server.models import ConflictRow, RecordRow, RecordStudent
from sync.server.scope import Principal

RECORD_COLUMNS = (
    RecordRow.record_type,
    RecordRow.id,
    RecordRow.student_id,
    RecordRow.deleted,
    RecordRow.rev,
    RecordRow.versions,
    RecordRow.fields,
    RecordRow.seq,
    RecordRow.author_id,
)
_CONFLICT_COLUMNS = (
    ConflictRow.id,
    ConflictRow.record_type,
    ConflictRow.record_id,
    ConflictRow.student_id,
    ConflictRow.field,
    ConflictRow.kept,
    ConflictRow.other,
    ConflictRow.status,
    ConflictRow.resolved_by,
    ConflictRow.seq,
)

_dump = json.dumps

# Fields sent only to the roles that need them (least data): staff mobile numbers go to the centers,
# which organise the work, not to every counselor and mentor.
CENTER_ONLY_FIELDS: dict[str, tuple[str, ...]] = {"user": ("phone",)}
_CENTER_ROLES = frozenset({Role.COLLEGE_CENTER, Role.SCHOOL_CENTER})


def least_data(principal: Principal, records: Sequence[Any]) -> list[Any]:
    """The record rows as this principal may receive them (center-only fields removed for other roles)."""
    if principal.role in _CENTER_ROLES:
        return list(records)
    return [_without_center_fields(row) if row[0] in CENTER_ONLY_FIELDS else row for row in records]


def _without_center_fields(row: Any) -> Any:
    fields, versions = json.loads(row[6]), json.loads(row[5])
    for name in CENTER_ONLY_FIELDS[row[0]]:
        fields.pop(name, None)
        versions.pop(name, None)
    return (*row[:5], _compact(versions), _compact(fields), *row[7:])


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _conflicts_for(principal: Principal, conflicts: Sequence[Any]) -> list[Any]:
    if principal.role in _CENTER_ROLES:
        return list(conflicts)
    return [
        row
        for row in conflicts
        if row[1] not in CENTER_ONLY_FIELDS or (row[4] != "*" and row[4] not in CENTER_ONLY_FIELDS[row[1]])
    ]


def record_json(row: Any) -> str:
    return (
        f'{{"record_type":{_dump(row[0])},"id":{_dump(row[1])},"student_id":{_dump(row[2])},'
        f'"deleted":{"true" if row[3] else "false"},"rev":{int(row[4])},"versions":{row[5]},'
        f'"fields":{row[6]},"seq":{int(row[7])},"author_id":{_dump(row[8])}}}'
    )


def conflict_json(row: Any) -> str:
    return (
        f'{{"id":{_dump(row[0])},"record_type":{_dump(row[1])},"record_id":{_dump(row[2])},'
        f'"student_id":{_dump(row[3])},"field":{_dump(row[4])},"kept":{row[5]},"other":{row[6]},'
        f'"status":{_dump(row[7])},"resolved_by":{_dump(row[8])},"seq":{int(row[9])}}}'
    )


def _merge_by_seq(
    records: Sequence[Any], conflicts: Sequence[Any], limit: int
) -> tuple[list[Any], list[Any], int | None]:
    """Take the first ``limit`` items of both lists in seq order; returns the last seq taken if cut."""
    items = sorted(
        [(int(r[7]), 0, r) for r in records] + [(int(c[9]), 1, c) for c in conflicts], key=lambda i: i[0]
    )
    full = len(records) >= limit or len(conflicts) >= limit
    if len(items) > limit:
        items = items[:limit]
        full = True
    taken_records = [item[2] for item in items if item[1] == 0]
    taken_conflicts = [item[2] for item in items if item[1] == 1]
    return taken_records, taken_conflicts, (items[-1][0] if full and items else None)


def page(
    session: Session, principal: Principal, *, after: int, horizon: int, limit: int
) -> tuple[list[Any], list[Any], int, bool]:
    """Records and conflicts in scope with ``after < seq ≤ horizon``; returns them, the new seq, more."""
    if after >= horizon:
        return [], [], horizon, False  # nothing newer anywhere: the common no-op pull
    records = session.execute(
        select(*RECORD_COLUMNS)
        .where(RecordRow.seq > after, RecordRow.seq <= horizon, scope.record_visible(principal))
        .order_by(RecordRow.seq)
        .limit(limit)
    ).all()
    conflicts = session.execute(
        select(*_CONFLICT_COLUMNS)
        .where(ConflictRow.seq > after, ConflictRow.seq <= horizon, scope.conflict_visible(principal))
        .order_by(ConflictRow.seq)
        .limit(limit)
    ).all()
    taken_records, taken_conflicts, cut = _merge_by_seq(records, conflicts, limit)
    taken_records, taken_conflicts = (
        least_data(principal, taken_records),
        _conflicts_for(principal, taken_conflicts),
    )
    if cut is None:
        return taken_records, taken_conflicts, horizon, False
    return taken_records, taken_conflicts, cut, True


def render_page(
    records: Sequence[Any],
    conflicts: Sequence[Any],
    events: Sequence[ScopeEvent] | None,
    extra: dict[str, Any],
) -> str:
    head = ",".join(f"{_dump(key)}:{_dump(value)}" for key, value in extra.items())
    scope_json = (
        "" if events is None else f'"scope":[{",".join(event.model_dump_json() for event in events)}],'
    )
    return (
        f'{{"records":[{",".join(record_json(r) for r in records)}],'
        f'"conflicts":[{",".join(conflict_json(c) for c in conflicts)}],'
        f"{scope_json}{head}}}"
    )


def _students_condition(student_ids: list[str], *, after: int, upto: int) -> ColumnElement[bool]:
    """Records of these students: found through the (student, seq) index and ``record_students`` (a
    union of two index lookups; an ``OR`` of both made the database test every row of the range)."""
    own = select(RecordRow.id).where(
        RecordRow.student_id.in_(student_ids), RecordRow.seq > after, RecordRow.seq <= upto
    )
    shared = select(RecordStudent.record_id).where(RecordStudent.student_id.in_(student_ids))
    return RecordRow.id.in_(union(own, shared))


def backfill(
    session: Session, principal: Principal, *, student_ids: list[str], upto: int, after: int, limit: int
) -> tuple[list[Any], list[Any], int, bool]:
    """Every record (and conflict) of students that entered scope, up to the page they entered on."""
    condition = _students_condition(student_ids, after=after, upto=upto)
    records = session.execute(
        select(*RECORD_COLUMNS)
        .where(RecordRow.seq > after, RecordRow.seq <= upto, condition, scope.record_visible(principal))
        .order_by(RecordRow.seq)
        .limit(limit)
    ).all()
    conflicts = session.execute(
        select(*_CONFLICT_COLUMNS)
        .where(
            ConflictRow.seq > after,
            ConflictRow.seq <= upto,
            ConflictRow.student_id.in_(student_ids),
            scope.conflict_visible(principal),
        )
        .order_by(ConflictRow.seq)
        .limit(limit)
    ).all()
    taken_records, taken_conflicts, cut = _merge_by_seq(records, conflicts, limit)
    taken_records, taken_conflicts = (
        least_data(principal, taken_records),
        _conflicts_for(principal, taken_conflicts),
    )
    if cut is None:
        return taken_records, taken_conflicts, upto, False
    return taken_records, taken_conflicts, cut, True


def _live_in_scope(principal: Principal, horizon: int) -> list[ColumnElement[bool]]:
    return [RecordRow.deleted.is_(False), RecordRow.seq <= horizon, scope.record_visible(principal)]


def digest(session: Session, principal: Principal, *, horizon: int, buckets: bool) -> DigestResponse:
    conditions = _live_in_scope(principal, horizon)
    count, total = session.execute(
        select(func.count(), func.coalesce(func.sum(RecordRow.dhash), 0)).where(*conditions)
    ).one()
    response = DigestResponse(count=int(count), sum=int(total), horizon=horizon)
    if buckets:
        bucket = RecordRow.dhash % DIGEST_BUCKETS
        rows = session.execute(
            select(bucket, func.count(), func.coalesce(func.sum(RecordRow.dhash), 0))
            .where(*conditions)
            .group_by(bucket)
        ).all()
        table = [BucketDigest(count=0, sum=0) for _ in range(DIGEST_BUCKETS)]
        for number, bucket_count, bucket_sum in rows:
            table[int(number)] = BucketDigest(count=int(bucket_count), sum=int(bucket_sum))
        response.buckets = table
    return response


def repair(
    session: Session, principal: Principal, *, buckets: list[int], horizon: int, after: str, limit: int
) -> tuple[list[Any], str, bool]:
    """Live records in scope in the given digest buckets, paged by row key."""
    rows = session.execute(
        select(*RECORD_COLUMNS)
        .where(
            *_live_in_scope(principal, horizon),
            (RecordRow.dhash % DIGEST_BUCKETS).in_(buckets),
            RecordRow.id > after,
        )
        .order_by(RecordRow.id)
        .limit(limit)
    ).all()
    more = len(rows) >= limit
    return least_data(principal, rows), (str(rows[-1][1]) if rows else after), more
