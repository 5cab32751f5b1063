"""Which schema version introduced each record field (docs/sync-protocol.md §2a).

A field added after the first schema declares the version that introduced it in its metadata::

    new_field: ShortText = Field("", title="…", json_schema_extra={"since": 2})

and a record type added later says so once (``SCHEMA_SINCE: ClassVar[int] = 2``): its fields are of
that schema, so an older server's laptop holds the type's ops until the server knows it.

``sync.protocol.SCHEMA_VERSION`` is the highest of these.  A client whose server serves an older schema
holds the ops that carry newer fields (``newer_fields``) until the server is upgraded; a server reads
an op of an older schema by giving the fields that schema did not have their defaults.
"""

from __future__ import annotations

from collections.abc import Iterable

from sync.records.base import Record
from sync.records.registry import RECORD_TYPES

FIRST_SCHEMA = 1
SINCE = "since"


def field_since(cls: type[Record], name: str) -> int:
    """The schema version that introduced a field of ``cls``: the one it declares, else the record
    type's (``Record.SCHEMA_SINCE``; the first schema for the original types), the first for ``id``."""
    extra = cls.model_fields[name].json_schema_extra
    since = extra.get(SINCE) if isinstance(extra, dict) else None
    if isinstance(since, int):
        return since
    return FIRST_SCHEMA if name in Record.model_fields else cls.SCHEMA_SINCE


def record_schema(cls: type[Record]) -> int:
    """The schema version of the newest field of ``cls``."""
    return max(field_since(cls, name) for name in cls.model_fields)


def latest_schema() -> int:
    """The newest schema version any record field declares."""
    return max(record_schema(cls) for cls in RECORD_TYPES.values())


def newer_fields(record_type: str, names: Iterable[str], schema: int) -> list[str]:
    """Of these fields of a ``record_type`` record, those a server of ``schema`` does not know yet
    (sorted; fields this client does not know itself are the server's own and never newer)."""
    cls = RECORD_TYPES.get(record_type)
    if cls is None:
        return []
    return sorted(name for name in names if name in cls.model_fields and field_since(cls, name) > schema)
