"""Each record field declares the schema version that introduced it (docs/sync-protocol.md §2a)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import Field, create_model

from sync.protocol import SCHEMA_MAX, SCHEMA_VERSION
from sync.records import RECORD_TYPES, HomeVisit, schema
from sync.records.schema import FIRST_SCHEMA, field_since, latest_schema, newer_fields


def test_the_protocols_schema_is_the_newest_field_of_any_record() -> None:
    # Adding a field with ``since`` = N + 1 means raising SCHEMA_VERSION (and the server's window) too.
    assert SCHEMA_VERSION == latest_schema() == SCHEMA_MAX


SCHEMA_1_FIELDS = Path(__file__).with_name("schema_1_fields.txt")


def test_a_field_added_after_the_first_schema_declares_its_version() -> None:
    # A field without ``since`` counts as schema 1, which older servers know: a newer laptop would send
    # it to them.  The first schema's fields are fixed; every later one says which schema added it.
    # A record type added later (the outcome records of issue 15) is not in the list: a server of an
    # older release refuses its ops as a whole (unknown_type); a field added to it later declares its schema.
    listed = {
        line for line in SCHEMA_1_FIELDS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    }
    first_types = {line.partition(".")[0] for line in listed}
    first = {
        f"{record_type}.{name}"
        for record_type, cls in RECORD_TYPES.items()
        if record_type in first_types
        for name in cls.model_fields
        if field_since(cls, name) == FIRST_SCHEMA
    }
    assert first - listed == set(), (
        'declare the new field\'s schema: Field(..., json_schema_extra={"since": N})'
    )
    assert listed - first == set(), (
        "a field of the first schema was removed or renamed (fields are only added)"
    )


def test_a_field_added_later_has_a_default() -> None:
    # Records and ops of an older schema lack it: they are read with its default (§2a).
    for record_type, cls in RECORD_TYPES.items():
        for name, info in cls.model_fields.items():
            if field_since(cls, name) > FIRST_SCHEMA:
                assert not info.is_required(), f"{record_type}.{name}: a field added later needs a default"


def test_a_field_without_a_version_is_of_the_first_schema() -> None:
    for cls in RECORD_TYPES.values():
        for name in cls.model_fields:
            assert field_since(cls, name) >= FIRST_SCHEMA
    assert field_since(HomeVisit, "follow_up") == FIRST_SCHEMA


def test_newer_fields_are_those_a_server_of_an_older_schema_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    newer = create_model(
        "HomeVisit", __base__=HomeVisit, road_condition=(str, Field("", json_schema_extra={"since": 3}))
    )
    monkeypatch.setattr(schema, "RECORD_TYPES", {**RECORD_TYPES, "home_visit": newer})
    assert field_since(newer, "road_condition") == 3
    assert newer_fields("home_visit", ["road_condition", "follow_up"], 2) == ["road_condition"]
    assert newer_fields("home_visit", ["road_condition", "follow_up"], 3) == []
    assert newer_fields("home_visit", ["follow_up", "unknown_to_me"], 1) == []
    assert newer_fields("no_such_type", ["anything"], 1) == []
