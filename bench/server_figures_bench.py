"""The center's figures served by ``jiafang-server`` (GET /figures/coverage) at 20,000 students, on
PostgreSQL: whole-school aggregates budget ≤ 300 ms.

    .venv/bin/python bench/server_figures_bench.py --pg-url postgresql+psycopg://…/jiafang_bench [--students 20000]

Empties the given PostgreSQL database, loads a synthetic demo school into it, starts a real server (one
worker process) and asks for the figures as the school center over HTTP:

- cold: the first request after the server started (the worker reads every live record the figures
  need, once);
- warm: the same request again (nothing changed: the worker reads no row and answers the figures it
  computed for the same change number);
- after a change: a growth reward written before each request (the worker reads that one row and
  computes the figures again: the figure computation's own cost);
- one college (the college center's view): its first request (computed), then warm;

each as a median next to the budget and a same-run baseline, ``GET /health`` (one database round trip
through the same server and client). Also the worker's resident memory after the figures are loaded.
Nothing here is a test.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from sync.demo import DemoGenerator  # noqa: E402
from sync.protocol import PROTOCOL_HEADER, SCHEMA_HEADER, SCHEMA_VERSION  # noqa: E402
from sync.records import GrowthReward, Role, Student, academic_year_of, previous_academic_year  # noqa: E402
from sync.server import directory  # noqa: E402
from sync.server.database import Database  # noqa: E402
from sync.server.settings import Settings  # noqa: E402

BUDGET_MS = 300  # whole-school aggregates on PostgreSQL at 20,000 students (issue 15)
PASSWORD = "bench-password-1"
HEADERS = {PROTOCOL_HEADER: "1", SCHEMA_HEADER: str(SCHEMA_VERSION)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def empty_database(url: str) -> None:
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    name = url.rsplit("/", 1)[1]
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def load(url: str, students: int) -> tuple[int, list[str], str]:
    """The demo school; returns the records written, some student ids and a college id."""
    database = Database(Settings(database_url=url))
    generator = DemoGenerator(students=students, today=date.today())
    total = database.run(lambda s: directory.import_records(s, generator.school_records()))
    student_ids: list[str] = []
    for chunk in generator.student_chunks(500):
        student_ids += [record.id for record in chunk if isinstance(record, Student)][:2]

        def write(session: Any, chunk: list[Any] = chunk) -> int:
            return directory.import_records(session, chunk)

        total += database.run(write)
    college_id = generator.school.colleges[0].college.id

    def accounts(session: Any) -> None:
        directory.create_user(
            session,
            username="bench_school",
            password=PASSWORD,
            role=Role.SCHOOL_CENTER,
            display_name="校中心",
        )
        directory.create_user(
            session,
            username="bench_college",
            password=PASSWORD,
            role=Role.COLLEGE_CENTER,
            display_name="院中心",
            college_id=college_id,
        )

    database.run(accounts)
    database.dispose()
    return total, student_ids, college_id


def filled(url: str) -> tuple[int, list[str], str] | None:
    """What an earlier run loaded (None: nothing, or not this script's accounts)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            account = connection.execute(
                text("SELECT college_id FROM accounts WHERE username = 'bench_college'")
            ).first()
            if account is None:
                return None
            records = connection.execute(text("SELECT count(*) FROM records")).scalar_one()
            students = connection.execute(
                text("SELECT id FROM records WHERE record_type = 'student' ORDER BY id LIMIT 40")
            ).scalars()
            return int(records), list(students), str(account[0])
    except Exception:
        return None
    finally:
        engine.dispose()


def serve(url: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "sync.server.cli", "--database-url", url, "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "1", "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pause = threading.Event()
    for _ in range(1500):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            pause.wait(0.02)
    process.kill()
    raise RuntimeError("server did not start")


def rss_mb(pid: int) -> float:
    """Resident memory of the process and its children (the uvicorn worker), in MB."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def login(http: httpx.Client, username: str) -> None:
    answer = http.post("/auth/login", json={"username": username, "password": PASSWORD, "device_id": _id()})
    answer.raise_for_status()
    http.headers["Authorization"] = f"Bearer {answer.json()['token']}"


def _id() -> str:
    from sync.ids import new_id

    return new_id()


def timed(call: Callable[[], httpx.Response]) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return elapsed


def ms(samples: list[float]) -> str:
    return f"{1000 * statistics.median(samples):7.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", required=True, help="PostgreSQL database to empty and fill")
    parser.add_argument("--students", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--reuse", action="store_true", help="keep a database this script filled before (same --students)"
    )
    args = parser.parse_args()
    url = args.pg_url
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")

    found = filled(url) if args.reuse else None
    if found is not None:
        records, student_ids, college_id = found
        print(f"reusing {records} records")
    else:
        empty_database(url)
        started = time.perf_counter()
        records, student_ids, college_id = load(url, args.students)
        print(
            f"loaded {records} records of {args.students} students in {time.perf_counter() - started:.0f} s"
        )
    year = academic_year_of(date.today())
    if date.today().month < 11:  # early in a year the demo's figures are thin: the year before
        year = previous_academic_year(year)

    port = free_port()
    process = serve(url, port)
    database = Database(Settings(database_url=url), migrate=False)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=HEADERS, timeout=300) as http:
            login(http, "bench_school")

            def figures(**params: str) -> httpx.Response:
                return http.get("/figures/coverage", params={"year": year, **params})

            health = [timed(lambda: http.get("/health")) for _ in range(args.runs * 2)]
            cold = timed(figures)
            warm = [timed(figures) for _ in range(args.runs)]
            memory = rss_mb(process.pid)
            changed: list[float] = []
            for number in range(args.runs):
                reward = GrowthReward(
                    student_id=student_ids[number % len(student_ids)],
                    academic_year=year,
                    kind="commendation",
                    description="基准测试奖励",
                    granted_on=date.today(),
                )
                database.run(lambda s, r=reward: directory.import_records(s, [r]))
                changed.append(timed(figures))
            college_first = timed(lambda: figures(college=college_id))
            college = [timed(lambda: figures(college=college_id)) for _ in range(args.runs)]
            totals = figures().json()["totals"]
    finally:
        process.terminate()
        process.wait(timeout=30)
        database.dispose()

    print(f"\nGET /figures/coverage?year={year} as the school center, {args.students} students, PostgreSQL")
    print(f"  baseline GET /health (same server, same client) {ms(health)}")
    print(f"  cold (first request: the worker reads the records) {1000 * cold:7.1f} ms")
    verdict = "within" if 1000 * statistics.median(warm) <= BUDGET_MS else "OVER"
    print(
        f"  warm, whole school                              {ms(warm)}   budget ≤ {BUDGET_MS} ms: {verdict}"
    )
    print(f"  after one change (reads one row), whole school  {ms(changed)}")
    print(f"  one college, first request (computed)           {1000 * college_first:7.1f} ms")
    print(f"  warm, one college                               {ms(college)}")
    print(f"  server worker memory after loading              {memory:7.0f} MB")
    print(f"  visits {totals['visits']['covered']}/{totals['visits']['total']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
