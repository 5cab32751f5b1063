"""Emitting signals from Python must not drain the reference count of True (PySide6 6.12.0 bug)."""

from __future__ import annotations

import sys

import desktop.ui  # noqa: F401  (installs the work-around)
from desktop.ui.qt_compat import _Probe


def test_many_emits_keep_true_alive() -> None:
    probe = _Probe()
    received: list[int] = []
    probe.fired.connect(lambda: received.append(1))
    before = sys.getrefcount(True)
    for _ in range(20_000):
        probe.fired.emit()
    assert len(received) == 20_000
    assert sys.getrefcount(True) >= before
