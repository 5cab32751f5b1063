"""The bulk path of a first sync (sync/typed_page.py + StoreReplica.apply_fresh_page) writes exactly what
the usual path (apply_page, record by record) writes, on every record type of a generated school, and
refuses (writing nothing) whatever it cannot take: the page then goes the usual way."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.store.store import Store
from desktop.store.sync_replica import ATTACHMENTS_CHECK, CURSOR, StoreReplica
from sync.demo import DemoGenerator
from sync.ids import new_id
from sync.protocol import PullPage
from sync.records import RECORD_TYPES, Record, Role
from sync.typed_page import FreshPage, parse_fresh_page

TODAY = date(2025, 11, 20)  # a fixed past day: the records' "not in the future" checks use the real date
AUTHOR = new_id()
SKIPPED_COLUMNS = {"created_at", "updated_at"}  # the moment of writing


def make_store(folder: Path) -> Store:
    return Store.create(
        folder, "correct horse battery", school_name="示例大学", user_name="甲", role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )  # fmt: skip


@pytest.fixture
def two_stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    usual, bulk = make_store(tmp_path / "usual"), make_store(tmp_path / "bulk")
    try:
        yield usual, bulk
    finally:
        usual.close()
        bulk.close()


@pytest.fixture(scope="module")
def school() -> list[Record]:
    generator = DemoGenerator(students=60, today=TODAY, seed=5)
    return [record for chunk in generator.chunks(500) for record in chunk]


def state(record: Record, seq: int, *, deleted: bool = False, **fields: Any) -> dict[str, Any]:
    values = {**record.model_dump(mode="json", exclude={"id"}), **fields}
    students = record.scope_student_ids()
    return {
        "record_type": record.RECORD_TYPE,
        "id": record.id,
        "student_id": students[0] if students else None,
        "deleted": deleted,
        "rev": 1,
        "versions": {name: seq for name in values},
        "fields": values,
        "seq": seq,
        "author_id": AUTHOR,
    }


def page_bytes(states: list[dict[str, Any]], **extra: Any) -> bytes:
    seq = max((s["seq"] for s in states), default=0)
    page = {
        "records": states,
        "conflicts": [],
        "scope": [],
        "cursor": f"{seq}.1",
        "more": False,
        "horizon": seq,
    }
    return json.dumps({**page, **extra}, ensure_ascii=False).encode()


def stored_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every record table's rows (as stored, all columns but the moment of writing), by id."""
    with store.session() as s:
        tables = {name: s.repository(name).table for name in RECORD_TYPES}
        return {
            name: [
                tuple(row)
                for row in s.db.execute(
                    select(*[c for c in table.columns if c.name not in SKIPPED_COLUMNS]).order_by(table.c.id)
                )
            ]
            for name, table in tables.items()
        }


def meta(store: Store, key: str) -> str | None:
    with store.session() as s:
        return s.meta.get(key)


def bulk(store: Store, data: bytes) -> bool:
    fresh = parse_fresh_page(data)
    assert fresh is not None
    committing: list[int] = []
    applied = StoreReplica(store).apply_fresh_page(fresh, lambda: committing.append(1))
    assert committing == ([1] if applied else [])
    return applied


def test_the_bulk_path_writes_what_the_usual_path_writes(
    two_stores: tuple[Store, Store], school: list[Record]
) -> None:
    usual, bulk_store = two_stores
    states = [state(record, seq) for seq, record in enumerate(school, start=1)]
    deleted = school[-1].model_copy(update={"id": new_id()})
    states.append(state(deleted, len(states) + 1, deleted=True))  # a deletion of a record never held
    visit = next(s for s in states if s["record_type"] == "home_visit")
    visit["fields"]["attachments"] = [{"sha256": "ab" * 32, "file_name": "签字.jpg", "size": 1024}]
    visit["fields"]["photo_consent"] = True
    # every record type but the two a school makes elsewhere (the audit trail, the center's own)
    assert {s["record_type"] for s in states} == set(RECORD_TYPES) - {"audit_entry", "school_center"}
    data = page_bytes(states)
    StoreReplica(usual).apply_page(PullPage.model_validate_json(data))
    assert bulk(bulk_store, data)
    before = stored_rows(usual)
    assert sum(len(rows) for rows in before.values()) >= len(school)
    assert stored_rows(bulk_store) == before
    assert meta(bulk_store, CURSOR) == meta(usual, CURSOR) == f"{len(states)}.1"
    assert meta(bulk_store, ATTACHMENTS_CHECK) == meta(usual, ATTACHMENTS_CHECK) == "1"


def test_every_record_type_of_the_school_is_read_typed(school: list[Record]) -> None:
    fresh = parse_fresh_page(page_bytes([state(record, seq) for seq, record in enumerate(school, start=1)]))
    assert isinstance(fresh, FreshPage) and len(fresh.records) == len(school)
    for item, record in zip(fresh.records, school, strict=True):
        assert item.id == record.id and isinstance(item.record, type(record))
        assert item.record.model_dump(exclude={"id"}) == record.model_dump(exclude={"id"})


@pytest.mark.parametrize(
    "change",
    ["unknown field", "refused value", "unknown type", "conflict", "scope event"],
)
def test_what_the_typed_read_refuses_goes_the_usual_way(school: list[Record], change: str) -> None:
    states = [state(record, seq) for seq, record in enumerate(school[:50], start=1)]
    extra: dict[str, Any] = {}
    if change == "unknown field":
        states[3]["fields"]["a_field_of_a_newer_schema"] = "x"  # kept as ``extra`` by the usual path
    elif change == "refused value":
        states[3]["fields"][next(iter(states[3]["fields"]))] = {"not": "a value it takes"}  # quarantined
    elif change == "unknown type":
        states[3]["record_type"] = "a_type_of_a_newer_schema"
    elif change == "conflict":
        extra["conflicts"] = [{"anything": 1}]
    else:
        extra["scope"] = [{"anything": 1}]
    assert parse_fresh_page(page_bytes(states, **extra)) is None


def test_a_page_holding_a_record_stored_here_is_refused_and_nothing_is_written(
    two_stores: tuple[Store, Store], school: list[Record]
) -> None:
    _usual, store = two_stores
    first = [state(record, seq) for seq, record in enumerate(school[:40], start=1)]
    assert bulk(store, page_bytes(first))
    before = stored_rows(store)
    again = [state(record, 100 + seq) for seq, record in enumerate(school[30:80], start=1)]  # 10 held
    assert not bulk(store, page_bytes(again))
    assert stored_rows(store) == before and meta(store, CURSOR) == "40.1"
