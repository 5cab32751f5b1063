"""Checks shared by the store's workflows (key support, wish lists, monitoring feedback): a status
step the workflow allows, and a record's validation messages as one Chinese sentence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from pydantic import ValidationError

from desktop.store.errors import StoreError
from sync.records import errors_of
from sync.records.enums import CodedEnum

E = TypeVar("E", bound=StoreError)
S = TypeVar("S", bound=CodedEnum)


def invalid_record(error: type[E], exc: ValidationError) -> E:
    """The record's validation messages as the workflow's error (one sentence, joined with "；")."""
    return error("；".join(item.message for item in errors_of(exc)))


def require_step(
    transitions: Mapping[S, frozenset[S]], current: S, wanted: S, *, what: str, error: type[StoreError]
) -> None:
    """Refuse a status change the workflow does not allow: "<what>不能从“<current>”改为“<wanted>”。"."""
    if wanted not in transitions[current]:
        raise error(f"{what}不能从“{current.label}”改为“{wanted.label}”。")
