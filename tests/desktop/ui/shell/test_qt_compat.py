"""Guard against PySide6 releases whose Signal.emit() leaks a reference to True (6.12.0 did).

The check runs in a subprocess: with a broken PySide6 the interpreter aborts after a few thousand
emits, which must fail this test rather than kill the test run.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal

class Probe(QObject):
    fired = Signal(int)

probe = Probe()
seen = []
probe.fired.connect(seen.append)
before = sys.getrefcount(True)
for i in range(20000):
    probe.fired.emit(i)
print(len(seen), before - sys.getrefcount(True))
"""


def test_many_emits_neither_leak_nor_crash() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    delivered, leaked = result.stdout.split()
    assert delivered == "20000"
    assert abs(int(leaked)) < 100
