"""A pull page read straight into record objects: the bulk path of a first sync.

A pull page is normally read twice: pydantic-core parses it into ``RecordState``s whose ``fields`` are
plain dicts, then the replica validates each record's fields into its record class, one Python call
per record. For a page of records every one of which this client knows and reads (the common case of
a first sync: thousands of records of known types, no conflicts, no scope events), one pass in
pydantic-core does both: each state's ``fields`` are validated as its record class while the JSON is
parsed, about 40 % less work per page.

Anything else (a record type or a field this client does not know, a value it does not accept, a
conflict or a scope event) makes ``parse_fresh_page`` answer None, and the page goes the usual way,
where each case is handled record by record (kept as ``extra``, quarantined, …). The records it holds
are instances of a subclass of their record class whose ``id`` is not part of ``fields`` (the state
carries it): ``FreshRecord.id`` is the one to use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field, ValidationError, create_model

from sync.protocol import Id
from sync.records import RECORD_TYPES, Record


@dataclass(frozen=True)
class FreshRecord:
    """One record of a typed page: its state's columns and its validated fields (``record``, whose
    own ``id`` is a placeholder: use ``id``)."""

    record_type: str
    id: str
    student_id: str | None
    deleted: bool
    versions: dict[str, int]
    seq: int
    author_id: str
    record: Record


@dataclass(frozen=True)
class FreshPage:
    """A pull page of records only (no conflicts, no scope events), its records validated."""

    records: list[FreshRecord]
    cursor: str
    more: bool
    horizon: int
    conflicts: tuple[()] = ()
    scope: tuple[()] = ()


def _fields_model(record_class: type[Record]) -> type[Record]:
    # The record's own class, with an id that is not required (the state carries it): the same fields,
    # validators and defaults; unknown fields are refused as the record class refuses them.
    return create_model(f"{record_class.__name__}Fields", __base__=record_class, id=(str, ""))


def _state_model(record_type: str, record_class: type[Record]) -> type[BaseModel]:
    tag: Any = Literal[record_type]  # a type made at run time
    return create_model(
        f"Fresh_{record_type}",
        __base__=_Strict,
        record_type=(tag, ...),
        id=(Id, ...),
        student_id=(str | None, ...),
        deleted=(bool, ...),
        rev=(int, ...),
        versions=(dict[str, int], ...),
        fields=(_fields_model(record_class), ...),
        seq=(int, ...),
        author_id=(str, ...),
    )


class _Strict(BaseModel):
    model_config = {"extra": "forbid"}


@functools.cache
def _page_model() -> type[BaseModel]:
    states = tuple(_state_model(name, cls) for name, cls in RECORD_TYPES.items())
    state: Any = Annotated[Union[states], Field(discriminator="record_type")]  # noqa: UP007
    return create_model(
        "FreshPullPage",
        __base__=_Strict,
        records=(list[state], ...),
        conflicts=(list[Any], ...),
        scope=(list[Any], ...),
        cursor=(str, ...),
        more=(bool, ...),
        horizon=(int, ...),
    )


def parse_fresh_page(data: bytes) -> FreshPage | None:
    """The page read into record objects, or None when it must go the usual way (see the module
    docstring)."""
    try:
        parsed: Any = _page_model().model_validate_json(data)
    except ValidationError:
        return None
    if parsed.conflicts or parsed.scope:
        return None
    return FreshPage(
        [
            FreshRecord(
                s.record_type, s.id, s.student_id, s.deleted, s.versions, s.seq, s.author_id, s.fields
            )
            for s in parsed.records
        ],
        parsed.cursor,
        parsed.more,
        parsed.horizon,
    )
