"""Same seed, same records; another seed, other records; chunking and global randomness do not matter."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sync.demo import DemoGenerator, generate
from sync.records import Record

TODAY = date(2025, 11, 20)


def _dump(chunks: Any) -> list[dict[str, Any]]:
    return [
        record.model_dump(mode="json") | {"_type": record.RECORD_TYPE} for chunk in chunks for record in chunk
    ]


def test_same_seed_gives_identical_records() -> None:
    first = _dump(generate(students=260, today=TODAY, seed=5))
    random.seed(12345)  # the generator must not use the global random state
    random.random()
    second = _dump(generate(students=260, today=TODAY, seed=5))
    assert first == second


def test_different_seed_gives_different_records() -> None:
    first = _dump(generate(students=60, today=TODAY, seed=5))
    second = _dump(generate(students=60, today=TODAY, seed=6))
    names_first = [r["name"] for r in first if r["_type"] == "student"]
    names_second = [r["name"] for r in second if r["_type"] == "student"]
    assert names_first != names_second
    assert {r["id"] for r in first}.isdisjoint(r["id"] for r in second)


def test_chunk_size_does_not_change_the_records() -> None:
    small = _dump(DemoGenerator(students=520, today=TODAY, seed=3).chunks(100))
    large = _dump(DemoGenerator(students=520, today=TODAY, seed=3).chunks(10_000))
    assert small == large


def test_more_students_keep_the_first_ones() -> None:
    """Student i does not depend on how many students follow (a bigger demo extends a smaller one)."""
    few = DemoGenerator(students=40, today=TODAY, seed=9)
    many = DemoGenerator(students=80, today=TODAY, seed=9)
    few_students = [r.model_dump() for r in few.block(0) if r.RECORD_TYPE == "student"]
    many_students = [r.model_dump() for r in many.block(0) if r.RECORD_TYPE == "student"][: len(few_students)]
    assert [s["name"] for s in few_students] == [s["name"] for s in many_students]


def test_ids_are_uuid7_and_unique(demo_records: list[Record]) -> None:
    import uuid

    ids = [record.id for record in demo_records]
    assert len(ids) == len(set(ids))
    for record_id in ids[:2000]:
        parsed = uuid.UUID(record_id)
        assert parsed.version == 7
        assert str(parsed) == record_id


def test_zero_students_gives_only_the_school() -> None:
    chunks = list(generate(students=0, today=TODAY, seed=1))
    assert len(chunks) == 1
    assert {record.RECORD_TYPE for record in chunks[0]} >= {"college", "user", "mentor", "wish_catalog_item"}
