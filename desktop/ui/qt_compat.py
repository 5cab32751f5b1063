"""A work-around for a reference-count bug in PySide6 6.12.0 under Python < 3.12.

There, every `SignalInstance.emit()` called from Python returns `True` without taking a reference
to it; the interpreter then drops one reference to `True` per emit, and after a few thousand emits
Python aborts ("Fatal Python error: bool_dealloc").  On Python 3.12+ `True` is immortal and nothing
happens.  `install()` measures the leak once and, only if it is there, wraps `emit` to give back
the reference it took; on a fixed PySide6 it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_installed = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks_true() -> bool:
    """True when each Python-side emit drops a reference to `True`."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.fired.emit()
    leaked = before - sys.getrefcount(True)
    if leaked > 0:
        for _ in range(leaked):  # give back what the probe itself took
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked >= _PROBES


def install() -> bool:
    """Patch `SignalInstance.emit` when this PySide6 has the bug; returns whether it did."""
    global _installed
    if _installed:
        return True
    if not emit_leaks_true():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
