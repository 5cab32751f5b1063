"""A server killed with SIGKILL in the middle of a push: after a restart, nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from sync.client import EngineSettings, SyncReport
from sync.ids import new_id
from tests.sync.client.conftest import College, Devices
from tests.sync.server.conftest import free_port, wait_healthy
from tests.sync.server.records_data import visit


def _serve(url: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--database-url", url, "serve", "--port", str(port)],
        env={**os.environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_healthy(f"http://127.0.0.1:{port}")
    return process


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)


def test_sigkill_during_a_push(
    college: College, devices: Devices, processes: list[subprocess.Popen[bytes]]
) -> None:
    url = college.server.live.settings.database_url
    if url.startswith("sqlite"):
        pytest.skip("needs PostgreSQL: the test parks the push inside its transaction on a row lock")
    student = college.server.student(college.college_id, college.counselor_a)
    port = free_port()
    processes.append(_serve(url, port))
    # Enough tries to outlast a restart on a loaded machine (each waits at most 0.3 s).
    settings = EngineSettings(attempts=200, backoff_base=0.05, backoff_cap=0.3, batch_ops=500)
    laptop = devices.device("counselor_a", url=f"http://127.0.0.1:{port}", settings=settings)
    reader = devices.device("counselor_a")
    laptop.sync()
    written = [new_id() for _ in range(300)]
    for n, visit_id in enumerate(written):
        laptop.replica.edit("home_visit", visit_id, visit(student, notes=f"第{n}篇"), student_id=student)

    engine = create_engine(url)
    blocker = engine.connect()
    blocker.execute(text("SELECT value FROM seq_counter WHERE id = 1 FOR UPDATE"))
    outcome: list[SyncReport | BaseException] = []

    def run_sync() -> None:
        try:
            outcome.append(laptop.sync())
        except BaseException as error:  # reported below
            outcome.append(error)

    syncing = threading.Thread(target=run_sync)
    syncing.start()
    waiting = threading.Event()
    with engine.connect() as watcher:
        for _ in range(3000):
            parked = watcher.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    "AND query LIKE 'UPDATE seq_counter%'"
                )
            ).scalar_one()
            watcher.commit()
            if parked:
                break
            waiting.wait(0.01)
        assert parked, "the push never reached the sequence allocation"
    processes[0].send_signal(signal.SIGKILL)
    processes[0].wait(timeout=60)
    blocker.rollback()
    blocker.close()
    engine.dispose()
    processes.append(_serve(url, port))
    syncing.join()
    assert isinstance(outcome[0], SyncReport), outcome
    reader.sync()
    assert laptop.replica.outbox == []
    visits = {rid: rec for rid, rec in reader.replica.records.items() if rec.record_type == "home_visit"}
    assert sorted(visits) == sorted(written)
    assert all(record.rev == 1 for record in visits.values())
