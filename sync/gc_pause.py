"""Pause Python's cyclic garbage collector while tens of thousands of records are read or written.

Every record read is a new object that lives until the work is done, so the collector's passes (which
walk every live object, and run more often the more objects are made) cost more than the work itself:
at 20,000 students about 40 % of the annual report's read, and a quarter of a first sync's pages. The
records hold no reference cycles, so nothing is left for the collector to find; reference counting
frees them as usual. The pause is process-wide and nests across threads: the collector runs again when
the last reader is done (if it ran before the first one began). Pause around CPU work, never around a
wait (a network request): the pause lasts as long as the work.

    with gc_paused():
        facts = read_needed_facts(session, needs, years)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_readers = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _readers, _was_enabled
    with _lock:
        if _readers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0 and _was_enabled:
                gc.enable()


def freeze_long_lived() -> None:
    """Set every object alive now aside from the collector's full passes (``gc.freeze``).

    A desktop process that has built its window and opened its store holds a few hundred thousand
    objects that live as long as it does (modules, widgets, the roster's first pages); a full pass
    walks them all, about 90 ms at 20,000 students, and lands on whichever keystroke happens to trigger
    it. Frozen, they are skipped; reference counting still frees any of them that is dropped later.
    Call it once the process has settled (the app does, when the store is unlocked)."""
    gc.freeze()
