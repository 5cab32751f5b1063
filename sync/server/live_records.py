"""The live records the center's figures read, held in this process and kept current from the change
sequence: each request reads only the rows changed since the last one it saw (``seq`` above it), so a
figure request costs the computation, not a reload of the school.

It is a cache, not state: every worker keeps its own and brings it up to the committed horizon at the
start of each request, so a second worker (or host) never misses a change another one accepted. It
starts over when the history it followed is gone: another epoch (a restored database), a horizon below
what it saw, or tombstones expired past it (a deletion it could no longer read).
"""

from __future__ import annotations

import json
import logging
import threading
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.figures.facts import SchoolFacts
from sync.figures.needs import converters
from sync.records import Record
from sync.server import record_kinds, sequence
from sync.server.models import RecordRow

log = logging.getLogger("jiafang.server")
_BATCH = 2000


@dataclass(frozen=True)
class Snapshot:
    """The live records of the projected types as of change ``seq`` (``epoch``: of which history)."""

    facts: SchoolFacts
    seq: int
    epoch: str
    versions: dict[str, int]  # per record type: a number that changes whenever its records change


def _slotted(record_class: type[Record], fields: tuple[str, ...]) -> type:
    """A small slotted class with these fields of a record type and its properties and public methods
    (``is_online``, ``center_missing``, ``active_between`` …): a tenth of a record's memory, and the figures run over it three times as fast
    as over pydantic objects (fewer objects for the collector to walk). A field the figures read but did
    not declare fails loudly (``AttributeError``), never silently."""
    namespace: dict[str, Any] = {"__slots__": ("id", *fields), "RECORD_TYPE": record_class.RECORD_TYPE}
    for klass in reversed(record_class.__mro__):
        namespace.update({name: value for name, value in vars(klass).items() if isinstance(value, property)})
        if issubclass(klass, Record) and klass is not Record:
            # the record's own public methods (``ResearchProject.active_between`` …), not pydantic's
            namespace.update(
                {
                    name: value
                    for name, value in vars(klass).items()
                    if isinstance(value, types.FunctionType) and not name.startswith("_")
                }
            )
    return type(f"Figure{record_class.__name__}", (), namespace)


class _Bare:
    """How to hold one record type's records with the fields the figures read (``sync.figures.needs``):
    parsed with ``json.loads`` and converted to the fields' types, not validated again (they were
    validated when the server accepted them)."""

    def __init__(self, record_class: type[Record], fields: Iterable[str]) -> None:
        self.fields = tuple(name for name in dict.fromkeys(fields) if name != "id")
        unknown = set(self.fields) - set(record_class.model_fields)
        if unknown:
            raise ValueError(f"{record_class.__name__} has no fields {sorted(unknown)}")
        self.convert = dict(converters(record_class, self.fields))
        # a field missing from a record stored before the field existed reads as its default
        self.defaults = {
            name: record_class.model_fields[name].get_default(call_default_factory=True)
            for name in self.fields
        }
        self.shape = _slotted(record_class, self.fields)

    def record(self, record_id: str, fields: str) -> Any:
        data = json.loads(fields)
        held = self.shape()
        held.id = record_id
        for name in self.fields:
            value = data[name] if name in data else self.defaults[name]
            convert = self.convert.get(name)
            setattr(held, name, value if convert is None or value is None else convert(value))
        return held


class LiveRecords:
    """Live records of some record types, by type and id, caught up to the horizon on each ``snapshot``.

    ``needs``: per record type, the fields the figures read; those records are held as bare records of
    these fields (``sync.figures.needs``). Other types are validated and held whole.
    """

    def __init__(
        self,
        record_classes: Iterable[type[Record]],
        needs: Mapping[type[Record], Iterable[str]] | None = None,
    ) -> None:
        self._classes = {cls.RECORD_TYPE: cls for cls in record_classes}
        self._bare = {cls.RECORD_TYPE: _Bare(cls, fields) for cls, fields in (needs or {}).items()}
        self._lock = threading.Lock()
        self._records: dict[str, dict[str, Any]] = {name: {} for name in self._classes}
        self._lists: dict[str, list[Any]] = {}  # each type's records as a list, until they change
        self._versions: dict[str, int] = dict.fromkeys(self._classes, 0)
        self._seq = 0
        self._epoch: str | None = None
        self.rows_read = 0  # rows read from the database since this process started (for the bench)

    @property
    def record_types(self) -> tuple[str, ...]:
        return tuple(self._classes)

    def snapshot(self, session: Session) -> Snapshot:
        """The records as of the committed horizon, read in ``session`` (only what changed since the
        last call)."""
        horizon = sequence.read_horizon(session)
        with self._lock:
            if (
                horizon.epoch != self._epoch
                or horizon.value < self._seq
                or (self._seq > 0 and horizon.floor > self._seq)
            ):
                self._start_over(horizon.epoch)
            if horizon.value > self._seq:
                self._catch_up(session, horizon.value)
            for name, records in self._records.items():
                if name not in self._lists:
                    self._lists[name] = list(records.values())
            return Snapshot(SchoolFacts(dict(self._lists)), self._seq, horizon.epoch, dict(self._versions))

    def _start_over(self, epoch: str) -> None:
        self._records = {name: {} for name in self._classes}
        self._lists.clear()
        for name in self._versions:
            self._versions[name] += 1
        self._seq = 0
        self._epoch = epoch

    def _catch_up(self, session: Session, upto: int) -> None:
        rows = session.execute(
            select(RecordRow.record_type, RecordRow.id, RecordRow.deleted, RecordRow.fields)
            .where(
                RecordRow.seq > self._seq,
                RecordRow.seq <= upto,
                RecordRow.record_type.in_(list(self._classes)),
            )
            .order_by(RecordRow.seq)
            # streamed in batches: a first load does not hold every row's JSON text at once
            .execution_options(yield_per=_BATCH)
        )
        unreadable = 0
        bare = self._bare
        for record_type, record_id, deleted, fields in rows:
            self.rows_read += 1
            self._lists.pop(record_type, None)
            self._versions[record_type] += 1
            held = self._records[record_type]
            if deleted:
                held.pop(record_id, None)
                continue
            try:
                shape = bare.get(record_type)
                if shape is None:
                    held[record_id] = _parsed(self._classes[record_type], record_id, fields)
                else:
                    held[record_id] = shape.record(record_id, fields)
            except (ValidationError, ValueError, TypeError):
                held.pop(record_id, None)
                unreadable += 1
        if unreadable:
            log.warning("figures: %d stored records could not be read and are left out", unreadable)
        self._seq = upto


def _parsed(cls: type[Record], record_id: str, fields: str) -> Record:
    """The record from its stored JSON (which has no ``id``), parsed in one pass."""
    body = fields.strip()
    rest = body[1:].lstrip()
    head = '{"id":' + json.dumps(record_id)
    return cls.model_validate_json(head + ("}" if rest == "}" else "," + rest))


def classes_of(record_types: Iterable[str]) -> list[type[Record]]:
    """The record classes of these type names (unknown names are left out)."""
    found = (record_kinds.record_class(name) for name in record_types)
    return [cls for cls in found if cls is not None]
