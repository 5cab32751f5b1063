"""Deterministic UUIDv7 ids for demo records.

Real records get ``sync.ids.new_id()`` (wall clock + OS randomness); demo records get the same
UUIDv7 layout with the timestamp of the day the record was made (a working hour of that day) and
random bits from the generator's seeded ``random.Random``, so the same seed gives the same ids.
"""

from __future__ import annotations

import random
from datetime import date

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAY_MS = 86_400_000
# Working hours in China (08:00–20:00 UTC+8) expressed as UTC offsets within the day.
_WORK_START_MS = 0
_WORK_SPAN_MS = 12 * 3_600_000


def demo_id(rng: random.Random, made_on: date) -> str:
    """A UUIDv7 whose timestamp falls on ``made_on`` and whose random bits come from ``rng``."""
    ms = (made_on.toordinal() - _EPOCH_ORDINAL) * _DAY_MS + _WORK_START_MS + rng.randrange(_WORK_SPAN_MS)
    rand = rng.getrandbits(74)
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
