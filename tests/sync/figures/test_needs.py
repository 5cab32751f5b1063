"""Bare records: the converters give the same values as the records' validation, cheaper."""

from __future__ import annotations

import gc
import threading
from typing import Any

import pytest
from pydantic import ValidationError

from sync.figures.needs import bare_record, converters
from sync.gc_pause import gc_paused
from sync.records import HomeVisit, VisitMode, Visitor, VisitorRole


def _converted(fields: tuple[str, ...], stored: dict[str, Any]) -> HomeVisit:
    values = dict(stored)
    for name, fn in converters(HomeVisit, fields):
        values[name] = fn(values[name])
    return bare_record(HomeVisit, values)


def test_stored_parts_and_enums_convert_as_validation_does() -> None:
    stored = {
        "id": "v1",
        "mode": "on_site",
        "visitors": [{"name": "王老师", "role": "mentor", "user_id": "u1"}, {"name": "李老师"}],
    }
    visit = _converted(("id", "mode", "visitors"), stored)
    assert visit.mode is VisitMode("on_site")
    assert visit.visitors == [
        Visitor(name="王老师", role=VisitorRole.MENTOR, user_id="u1"),
        Visitor(name="李老师"),  # the absent fields take their defaults
    ]
    assert visit.visitors[1].role is VisitorRole.COUNSELOR
    with pytest.raises(AttributeError):
        _ = visit.student_id  # not read: a figure that reads it fails loudly


def test_what_was_never_stored_goes_through_validation() -> None:
    with pytest.raises(ValidationError):
        _converted(("id", "visitors"), {"id": "v1", "visitors": [{"name": "王老师", "badge": 7}]})
    with pytest.raises(ValidationError):
        _converted(("id", "visitors"), {"id": "v1", "visitors": [{"role": "mentor"}]})  # no name
    with pytest.raises(ValueError):
        _converted(("id", "mode"), {"id": "v1", "mode": "by_pigeon"})


def test_the_collector_pause_nests_across_threads_and_restores() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def reader() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=reader)
    with gc_paused():
        assert not gc.isenabled()
        other.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other reader is still reading
    release.set()
    other.join(10)
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
