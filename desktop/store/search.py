"""Roster search: a student is found by name, full pinyin, pinyin initials, 学号 or 班级.

Each student row keeps a ``search_key`` maintained on every write: the tokens below, lower-case,
separated by "|" so that a query never matches across two tokens. A search is then one
``LIKE '%query%'`` over one column, which stays fast at 20,000 students.

    张三, 2024001, 会计2401  ->  "张三|zhangsan|zs|2024001|会计2401"

Surnames with several readings (单 dan/shan, 曾 ceng/zeng) get every reading, so either finds them;
"ü" is also written "v" and "u" (吕: lv, lu).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from desktop.store.hanzi_readings import char_readings
from sync.records.record_numbers import read_reference

if TYPE_CHECKING:
    from desktop.store.repositories.session import StoreSession

SEPARATOR = "|"
_MAX_VARIANTS = 4


def _syllable_variants(syllable: str) -> list[str]:
    if "v" in syllable:
        return [syllable, syllable.replace("v", "u")]
    return [syllable]


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@functools.lru_cache(maxsize=16384)
def _char_readings(char: str) -> tuple[str, ...]:
    """The usual reading of one character first, then its other readings (cached: names share characters)."""
    return char_readings(char)


def _syllables(name: str) -> list[str]:
    """One syllable per Chinese character; a run of other characters stays one lower-case token."""
    syllables: list[str] = []
    other = ""
    for char in name:
        if _is_han(char):
            if other:
                syllables.append(other.lower())
                other = ""
            syllables.append(_char_readings(char)[0])
        elif not char.isspace():
            other += char
    if other:
        syllables.append(other.lower())
    return syllables


def pinyin_readings(name: str) -> list[list[str]]:
    """The full-pinyin syllables of a name, with alternative readings of its first character."""
    base = _syllables(name)
    if not base:
        return []
    first_options = list(_char_readings(name[0])) if _is_han(name[0]) else []
    firsts = list(dict.fromkeys([base[0], *first_options]))[:_MAX_VARIANTS]
    readings: list[list[str]] = []
    for first in firsts:
        rest = [_syllable_variants(syllable) for syllable in base[1:]]
        for combo in itertools.islice(itertools.product(_syllable_variants(first), *rest), _MAX_VARIANTS):
            readings.append(list(combo))
    return readings


def search_key(name: str, student_no: str = "", class_name: str = "") -> str:
    """The search key of a student (see the module docstring)."""
    tokens = [name.lower()]
    for syllables in pinyin_readings(name):
        tokens.append("".join(syllables))
        tokens.append("".join(syllable[:1] for syllable in syllables))
    tokens.extend([student_no.lower(), class_name.lower()])
    cleaned = (token.replace(SEPARATOR, "").replace(" ", "") for token in tokens)
    return SEPARATOR.join(dict.fromkeys(token for token in cleaned if token))


def name_sort_key(name: str) -> str:
    """The full pinyin of a name, syllables separated by spaces: sorts names as a Chinese reader expects."""
    return " ".join(_syllables(name))


def normalize_query(text: str) -> str:
    """What the user typed, as it is matched: lower-case, without spaces or the separator."""
    return "".join(text.lower().split()).replace(SEPARATOR, "")


def like_pattern(query: str) -> str:
    """A ``LIKE`` pattern matching ``query`` anywhere (``%`` and ``_`` typed by the user are literal)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool] | None:
    """The condition "search key contains the query", or None when the query is empty."""
    query = normalize_query(text)
    if not query:
        return None
    return column.like(like_pattern(query), escape="\\")


@dataclass(frozen=True)
class RecordHit:
    """The record a printed number or a scanned QR code names."""

    student_id: str
    visit_id: str | None = None


def find_printed_record(s: StoreSession, text: str) -> RecordHit | None:
    """The record a search box text names: a printed record number (``JF-2026-017-0042``, any case),
    a scanned QR payload (number and id) or a record id; None when it names none this laptop holds."""
    reference = read_reference(text)
    if reference is None:
        return None
    visit = s.visits.by_record_no(reference.record_no) if reference.record_no else None
    if visit is None and reference.record_id:
        visit = s.visits.get(reference.record_id)
        if visit is None:
            student = s.students.get(reference.record_id)
            return RecordHit(student.id) if student is not None else None
    return RecordHit(visit.student_id, visit.id) if visit is not None else None
