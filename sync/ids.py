"""Record ids (UUIDv7) and hybrid logical clock values.

Every record and every outbox op gets a client-made UUIDv7: time-ordered, so ids sort roughly by
creation, and random enough that two offline laptops never collide.  The hybrid logical clock (HLC)
orders one device's own edits even when the wall clock jumps backwards; it never decides who wins
between devices (the server's sequence does that).
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from dataclasses import dataclass

_lock = threading.Lock()
_last_ms = 0
_last_rand = 0


def new_id() -> str:
    """Return a new UUIDv7 as text, monotonic within this process."""
    global _last_ms, _last_rand
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            # Same millisecond (or the clock went back): keep the timestamp, count up the random bits.
            ms = _last_ms
            rand = _last_rand + 1
            if rand >= 1 << 74:
                ms += 1
                rand = int.from_bytes(os.urandom(10), "big") >> 6
        else:
            rand = int.from_bytes(os.urandom(10), "big") >> 6
        _last_ms, _last_rand = ms, rand
    rand_a = (rand >> 62) & 0xFFF
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def id_timestamp_ms(record_id: str) -> int:
    """The creation time (ms since the epoch) embedded in a UUIDv7."""
    return uuid.UUID(record_id).int >> 80


@dataclass(frozen=True, order=True)
class HLC:
    """A hybrid logical clock value: wall milliseconds, a counter, and the device that made it."""

    wall_ms: int
    counter: int
    device: str = ""

    def encode(self) -> str:
        """A string that sorts in clock order (fixed-width fields)."""
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.device}"

    @classmethod
    def decode(cls, text: str) -> HLC:
        wall, counter, device = text.split("-", 2)
        return cls(int(wall), int(counter), device)


class HybridClock:
    """Issues HLC values for one device; `observe` merges a value seen from elsewhere."""

    def __init__(self, device: str, last: HLC | None = None) -> None:
        self._device = device
        self._last = last or HLC(0, 0, device)
        self._lock = threading.Lock()

    def now(self) -> HLC:
        with self._lock:
            wall = time.time_ns() // 1_000_000
            if wall > self._last.wall_ms:
                self._last = HLC(wall, 0, self._device)
            else:
                self._last = HLC(self._last.wall_ms, self._last.counter + 1, self._device)
            return self._last

    def observe(self, other: HLC) -> None:
        with self._lock:
            if (other.wall_ms, other.counter) > (self._last.wall_ms, self._last.counter):
                self._last = HLC(other.wall_ms, other.counter, self._device)
