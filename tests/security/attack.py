"""What an attack test checks afterwards: the server's state did not change."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select

from sync.server.database import Database
from sync.server.models import Base, Device

# Written on every contact, before a request is judged.
_BOOKKEEPING = {(Device.__tablename__, "last_seen_at")}
# A refused op's answer is kept so that sending it again gets the same answer (idempotency).
OP_ANSWERS = frozenset({"processed_ops"})


def snapshot(database: Database, *, ignore_tables: frozenset[str] = frozenset()) -> dict[str, str]:
    """One digest per server table over all its rows (in primary-key order)."""

    def read(session: Any) -> dict[str, str]:
        digests: dict[str, str] = {}
        for table in Base.metadata.sorted_tables:
            if table.name in ignore_tables:
                continue
            columns = [c for c in table.columns if (table.name, c.name) not in _BOOKKEEPING]
            rows = session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            digests[table.name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
        return digests

    return database.run(read)


def changed(database: Database, before: dict[str, str], **kwargs: Any) -> set[str]:
    after = snapshot(database, **kwargs)
    return {name for name in before if before[name] != after[name]}
