"""The pinyin readings of single Chinese characters, read from pypinyin's character table only.

Search keys need one syllable per character (names are not segmented into words), so importing
``pypinyin`` itself is not worth it: its import loads the phrase dictionary (a 2.5 MB JSON file,
~55 MB of memory and about half a second at start) before a single character is looked up. This
module reads the character table (``pinyin_dict.json``, shipped inside the pypinyin package) on first
use, without importing the package, and converts tone marks the way pypinyin's ``Style.NORMAL`` does
with ``v_to_u=False`` (ü is written "v"). A test checks every character against pypinyin itself.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

_TABLE_FILE = "pinyin_dict.json"

# Tone-marked letters and their plain form (pypinyin's phonetic symbols; "ü" becomes "v").
_PLAIN: dict[str, str] = {
    **dict.fromkeys("āáǎà", "a"),
    **dict.fromkeys("ēéěè", "e"),
    **dict.fromkeys("ōóǒò", "o"),
    **dict.fromkeys("īíǐì", "i"),
    **dict.fromkeys("ūúǔù", "u"),
    **dict.fromkeys("üǖǘǚǜ", "v"),
    **dict.fromkeys("ńňǹ", "n"),
    "ḿ": "m",
    "ế": "ê",
    "ề": "ê",
}
_COMBINING_MARKS = "\u0304\u030c\u0300"  # m̄ m̀ ê̄ ê̌ are written with a combining macron/caron/grave


def _plain(reading: str) -> str:
    text = "".join(_PLAIN.get(char, char) for char in reading)
    for mark in _COMBINING_MARKS:
        text = text.replace(mark, "")
    return text.lower()


def _table_path() -> Path | None:
    spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / _TABLE_FILE
        if path.is_file():
            return path
    return None


@functools.cache
def _table() -> dict[int, str]:
    """Code point -> "zhāng,cháng" (the usual reading first), loaded once."""
    path = _table_path()
    if path is None:  # a packaging that keeps no data file: fall back to the package's own table
        from pypinyin.pinyin_dict import pinyin_dict

        return dict(pinyin_dict)
    raw: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return {int(code): readings for code, readings in raw.items()}


def char_readings(char: str) -> tuple[str, ...]:
    """The readings of one character without tones, the usual one first; the character itself if unknown."""
    readings = _table().get(ord(char))
    if readings is None:
        return (char.lower(),)
    return tuple(dict.fromkeys(_plain(reading) for reading in readings.split(",")))


@functools.cache
def all_syllables() -> frozenset[str]:
    """Every toneless syllable of the table ("zhang", "lv", …): what a typed pinyin unit can be."""
    found: set[str] = set()
    for readings in _table().values():
        for reading in readings.split(","):
            plain = _plain(reading)
            if plain.isascii() and plain.isalpha():
                found.add(plain)
    return frozenset(found)
