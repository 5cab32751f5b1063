"""Versioned schema migrations of the local store.

The schema version lives in the ``meta`` table (key ``schema_version``). ``STEPS`` is the ordered list;
a new store runs every step from v1 (so a new store and a migrated one have the same schema, which a
test checks against the ORM tables). Each step runs in its own transaction together with the new
version number, so a crash leaves the store at the old or the new version. Before migrating a store
that already holds data, ``migrate`` calls ``before`` (the store takes an encrypted backup there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from sqlalchemy import Connection, Engine, text

from desktop.store.errors import StoreTooNew
from desktop.store.migration_steps import (
    v0001_initial,
    v0002_pinyin_sort,
    v0003_coverage_indexes,
    v0004_roster_index,
    v0005_attachment_blobs,
    v0006_record_numbers,
    v0007_center_and_coverage_rules,
    v0008_local_tables,
    v0009_record_extra,
    v0010_coverage_working_set,
    v0011_outcome_records,
)

SCHEMA_VERSION_KEY = "schema_version"


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    upgrade: Callable[[Connection], None]

    @classmethod
    def of(cls, module: ModuleType) -> Step:
        return cls(module.VERSION, module.DESCRIPTION, module.upgrade)


STEPS: tuple[Step, ...] = (
    Step.of(v0001_initial),
    Step.of(v0002_pinyin_sort),
    Step.of(v0003_coverage_indexes),
    Step.of(v0004_roster_index),
    Step.of(v0005_attachment_blobs),
    Step.of(v0006_record_numbers),
    Step.of(v0007_center_and_coverage_rules),
    Step.of(v0008_local_tables),
    Step.of(v0009_record_extra),
    Step.of(v0010_coverage_working_set),
    Step.of(v0011_outcome_records),
)
LATEST_VERSION = STEPS[-1].version


def schema_version(conn: Connection) -> int:
    """The schema version of a database; 0 for an empty one."""
    has_meta = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
    ).first()
    if has_meta is None:
        return 0
    value = conn.execute(
        text("SELECT value FROM meta WHERE key = :key"), {"key": SCHEMA_VERSION_KEY}
    ).scalar()
    return int(value) if value is not None else 0


def _set_version(conn: Connection, version: int) -> None:
    conn.execute(
        text(
            "INSERT INTO meta (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = :value"
        ),
        {"key": SCHEMA_VERSION_KEY, "value": str(version)},
    )


def pending_steps(current: int, steps: Sequence[Step] = STEPS) -> list[Step]:
    latest = steps[-1].version if steps else 0
    if current > latest:
        raise StoreTooNew()
    return [step for step in steps if step.version > current]


def migrate(
    engine: Engine,
    *,
    before: Callable[[int, int], object] | None = None,
    steps: Sequence[Step] = STEPS,
) -> list[int]:
    """Bring the database up to the last of ``steps``; returns the versions applied.

    ``before(current, target)`` is called once, before the first step, when the database already has
    a schema (not for a new, empty store).
    """
    with engine.connect() as conn:
        current = schema_version(conn)
    todo = pending_steps(current, steps)
    if not todo:
        return []
    if current > 0 and before is not None:
        before(current, todo[-1].version)
    applied: list[int] = []
    for step in todo:
        with engine.begin() as conn:
            step.upgrade(conn)
            _set_version(conn, step.version)
        applied.append(step.version)
    return applied
