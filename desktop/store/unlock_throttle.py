"""Slowing down passphrase guessing: after a few wrong passphrases, each further attempt must wait.

The record (how many wrong passphrases in a row, and when the last one was typed) lives in
``unlock-attempts.json`` next to ``key.json``, written atomically with mode 0600, so quitting and
restarting the app, or running the CLI instead, does not reset the wait.  A correct passphrase clears
it.  The wait doubles with each failure past ``FREE_FAILURES``, up to ``MAX_DELAY`` seconds.

What it does not stop: someone who copies ``key.json`` off the laptop guesses offline, where only the
passphrase's strength and Argon2id's cost slow them (see docs/security.md); this record only slows
guessing through JiaFang itself (the app and the ``jiafang`` command).
"""

from __future__ import annotations

import contextlib
import json
import math
import time
from pathlib import Path

from desktop.store.atomic_file import write_atomic
from desktop.store.errors import StoreError

THROTTLE_FILE_NAME = "unlock-attempts.json"
FREE_FAILURES = 3  # typing mistakes happen: the first three wrong passphrases cost nothing
BASE_DELAY = 2.0  # seconds after the 3rd failure, doubling with each one after it
MAX_DELAY = 300.0


def wall_clock() -> float:
    """Seconds since the epoch (a wall clock: the record must survive a restart); tests replace it."""
    return time.time()


class UnlockThrottled(StoreError):
    """Too many wrong passphrases: the next attempt must wait ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, math.ceil(seconds))
        super().__init__(f"密码错误次数过多，请等待 {self.seconds} 秒后再试。数据未作任何改动。")


def delay_after(failures: int) -> float:
    if failures < FREE_FAILURES:
        return 0.0
    return float(min(MAX_DELAY, BASE_DELAY * 2 ** (failures - FREE_FAILURES)))


class UnlockThrottle:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / THROTTLE_FILE_NAME

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            failures, last = int(doc["failures"]), float(doc["last_failure"])
        except FileNotFoundError:
            return 0, 0.0
        except (ValueError, TypeError, KeyError, OSError):
            # A damaged record counts as "just failed too often", never as "no failures".
            return FREE_FAILURES, wall_clock()
        return max(0, failures), last

    @property
    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        """Seconds to wait before the next attempt (0 when one may be made now)."""
        failures, last = self._read()
        delay = delay_after(failures)
        if delay <= 0:
            return 0.0
        elapsed = max(0.0, wall_clock() - last)  # a clock set back never shortens the wait below 0
        return max(0.0, delay - elapsed)

    def check(self) -> None:
        """Raise ``UnlockThrottled`` while a wait is running."""
        wait = self.remaining()
        if wait > 0:
            raise UnlockThrottled(wait)

    def failed(self) -> float:
        """Count a wrong passphrase; returns the wait now due before the next attempt."""
        failures = self._read()[0] + 1
        record = json.dumps({"failures": failures, "last_failure": wall_clock()}).encode("utf-8")
        with contextlib.suppress(OSError):  # a read-only folder: the answer is still "wrong passphrase"
            write_atomic(self.path, record)
        return delay_after(failures)

    def succeeded(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
