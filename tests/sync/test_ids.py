from __future__ import annotations

import time
import uuid

from sync.ids import HLC, HybridClock, id_timestamp_ms, new_id


def test_uuid7_format_and_monotonic() -> None:
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert abs(id_timestamp_ms(ids[-1]) - time.time() * 1000) < 60_000


def test_hlc_orders_own_edits_even_when_clock_repeats() -> None:
    clock = HybridClock("dev-a")
    values = [clock.now() for _ in range(1000)]
    assert values == sorted(values)
    assert len({v.encode() for v in values}) == 1000
    far = HLC(values[-1].wall_ms + 10_000_000, 5, "dev-b")
    clock.observe(far)
    after = clock.now()
    assert (after.wall_ms, after.counter) > (far.wall_ms, far.counter)
    assert HLC.decode(after.encode()) == after
    assert sorted([after.encode(), values[0].encode()]) == [values[0].encode(), after.encode()]
