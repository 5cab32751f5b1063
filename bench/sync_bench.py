"""Sync benchmark on PostgreSQL: first sync, no-op sync, small pulls and pushes, 200 devices at once.

    /work/venv/bin/python bench/sync_bench.py [--pg-url URL] [--records 100000] [--devices 200]
        [--rounds 10] [--load-processes 4] [--workers 2] [--only-devices] [--only-scope]
        [--entering 5000] [--held 20000]

Empties the given PostgreSQL database, loads synthetic demo records into a real ``jiafang-server``
process (uvicorn on 127.0.0.1), and syncs real clients against it:

- first sync of all records into an empty encrypted store (the desktop replica), records/s, next to
  a baseline measured in the same run: the same rows as plain JSON over HTTP, bulk-inserted into the
  same kind of encrypted store (the practical limit), and the ratio to it;
- no-op sync, pull of 100 changed records, push + pull of 100 changes (medians, ms);
- scope change: a new intake of 5,000 students entering the scope of a laptop (encrypted store) that
  already holds 20,000 records, time until it is synced (digest checked), next to a first sync of the
  same records into an empty store (``--only-scope`` runs just this);
- many devices syncing at once, simulated by several processes of async clients (bench/device_load.py):
  syncs/s, p50/p95/p99 latency, errors, next to the same load on ``GET /health`` in the same run.

Prints figures; asserts nothing (budgets are in DESIGN.md).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import device_load  # bench/device_load.py (the script's folder is on sys.path)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from desktop.store.store import Store  # noqa: E402
from desktop.store.sync_replica import StoreReplica  # noqa: E402
from sync.client import EngineSettings, SyncEngine, SyncReport, login  # noqa: E402
from sync.demo import DemoGenerator  # noqa: E402
from sync.ids import new_id  # noqa: E402
from sync.records import RECORD_TYPES, Role  # noqa: E402
from sync.server import directory  # noqa: E402
from sync.server.database import Database  # noqa: E402
from sync.server.settings import Settings  # noqa: E402
from tests.helpers.memory_replica import MemoryReplica  # noqa: E402

DeviceSpec = device_load.DeviceSpec

DEFAULT_PG = "postgresql+psycopg://jiafang:jiafang@127.0.0.1:5432/jiafang_bench"
PASSWORD = "bench-password-1"
PASSPHRASE = "bench passphrase"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_healthy(url: str) -> None:
    pause = threading.Event()
    for _ in range(1000):
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pause.wait(0.02)
    raise RuntimeError("server did not start")


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


def load(url: str, records: int, counselor_students: int) -> dict[str, Any]:
    """Demo records until ``records`` are loaded; accounts for the school center and two counselors."""
    database = Database(Settings(database_url=url))
    per_student = 18
    generator = DemoGenerator(students=max(1, records // per_student), today=_today())
    started = time.perf_counter()
    school = generator.school_records()
    merge_started = time.perf_counter()
    total = database.run(lambda s: directory.import_records(s, school))
    merge_seconds = time.perf_counter() - merge_started
    student_ids: list[str] = []
    for chunk in generator.student_chunks(250):
        student_ids += [r.id for r in chunk if r.RECORD_TYPE == "student"]

        def write(session: Any, chunk: list[Any] = chunk) -> int:
            return directory.import_records(session, chunk)

        merge_started = time.perf_counter()
        total += database.run(write)
        merge_seconds += time.perf_counter() - merge_started
        if total >= records:
            break
    load_seconds = time.perf_counter() - started
    college_id = generator.school.colleges[0].college.id

    def accounts(session: Any) -> dict[str, str]:
        made = {
            "school": directory.create_user(
                session,
                username="bench_school",
                password=PASSWORD,
                role=Role.SCHOOL_CENTER,
                display_name="校中心",
            )
        }
        for name in ("bench_c1", "bench_c2", "bench_c3"):
            made[name] = directory.create_user(
                session,
                username=name,
                password=PASSWORD,
                role=Role.COUNSELOR,
                display_name=name,
                college_id=college_id,
            )
        return made

    users = database.run(accounts)
    mine = student_ids[:counselor_students]
    database.run(
        lambda s: directory.write_records(
            s,
            [("student", sid, {"counselor_id": users["bench_c1"], "college_id": college_id}) for sid in mine],
        )
    )
    database.dispose()
    return {
        "records": total,
        "load_seconds": load_seconds,
        "merge_seconds": merge_seconds,
        "users": users,
        "students": mine,
        "others": student_ids[counselor_students:],
        "college_id": college_id,
    }


def ingest_baseline(url: str, chunk: int = 4500) -> float:
    """Records/s of the database alone: the rows the merge path wrote, copied by ``COPY`` (in chunks of a
    batch's size, one transaction each) into a table like ``records`` with its indexes.  Same run, so the
    ratio to it stays meaningful on a loaded machine."""
    engine = create_engine(url)
    with engine.begin() as connection:
        rows = connection.execute(text("SELECT * FROM records")).all()
        columns = list(connection.execute(text("SELECT * FROM records LIMIT 0")).keys())
        connection.execute(text("DROP TABLE IF EXISTS records_baseline"))
        connection.execute(text("CREATE TABLE records_baseline (LIKE records INCLUDING ALL)"))
    raw = engine.raw_connection()
    driver: Any = raw.driver_connection
    started = time.perf_counter()
    for start in range(0, len(rows), chunk):
        statement = f"COPY records_baseline ({', '.join(columns)}) FROM STDIN"
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows[start : start + chunk]:
                copy.write_row(tuple(row))
        driver.commit()
    seconds = time.perf_counter() - started
    raw.close()
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE records_baseline"))
    engine.dispose()
    return len(rows) / seconds


def _today() -> Any:
    from datetime import date

    return date.today()


def serve(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "--database-url",
            url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_healthy(f"http://127.0.0.1:{port}")
    return process


def store_client(
    folder: Path, server: str, username: str, settings: EngineSettings
) -> tuple[Store, SyncEngine]:
    store = Store.create(
        folder, PASSPHRASE, school_name="基准大学", user_name=username, role=Role.COUNSELOR, use_keyring=False
    )
    answer = login(server, username=username, password=PASSWORD, device_id=store.info.device_id)
    store.set_local_user(user_id=answer.user.id, user_name=username, role=Role(answer.user.role))
    return store, SyncEngine(StoreReplica(store), server, answer.token, settings=settings)


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


# -- baseline: the same rows as plain JSON over HTTP, bulk-inserted into an encrypted store --------------
def baseline(server: str, token: str, device_id: str, folder: Path) -> tuple[float, int]:
    """Fetch every row once (server pull pages, kept as raw JSON), serve them from a plain HTTP server,
    then time: GET them as JSON and bulk-insert them with the store's own bulk loader."""
    pages: list[bytes] = []
    headers = {"X-JiaFang-Protocol": "1", "X-JiaFang-Schema": "1", "Authorization": f"Bearer {token}"}
    cursor = None
    with httpx.Client(base_url=server, headers=headers, timeout=120) as http:
        while True:
            page = http.post(
                "/sync/pull", json={"device_id": device_id, "cursor": cursor, "limit": 5000}
            ).json()
            rows = [{"record_type": r["record_type"], "id": r["id"], **r["fields"]} for r in page["records"]]
            pages.append(json.dumps(rows, ensure_ascii=False).encode())
            cursor = page["cursor"]
            if not page["more"]:
                break

    class Pages(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages[int(self.path.rsplit("/", 1)[1])]
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            return

    plain = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    store = Store.create(
        folder, PASSPHRASE, school_name="基准", user_name="基线", role=Role.COUNSELOR, use_keyring=False
    )
    count = 0
    started = time.perf_counter()
    with httpx.Client(base_url=f"http://127.0.0.1:{plain.server_address[1]}", timeout=120) as http:
        for number in range(len(pages)):
            rows = http.get(f"/page/{number}").json()
            by_type: dict[str, list[Any]] = {}
            for row in rows:
                record_type = row.pop("record_type")
                by_type.setdefault(record_type, []).append(RECORD_TYPES[record_type].model_validate(row))
            with store.session() as s:
                for record_type, records in by_type.items():
                    count += s.repository(record_type).create_many(records, outbox=False)
    seconds = time.perf_counter() - started
    plain.shutdown()
    store.close()
    return seconds, count


def single_client(server: str, loaded: dict[str, Any]) -> None:
    """First sync into an empty store (with its baseline), no-op sync, pull of 100, push + pull of 100."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first_settings = EngineSettings(page_limit=5000, check_digest=False)
        store, engine = store_client(folder / "school", server, "bench_school", first_settings)
        report_holder: list[Any] = []
        seconds = timed(lambda: report_holder.append(engine.sync()))
        pulled = report_holder[0].pulled_records
        rate = pulled / seconds
        digest_seconds = timed(lambda: engine._check_digest(report_holder[0]))
        print(
            f"first sync into an empty encrypted store: {pulled} records in {seconds:.1f} s = {rate:,.0f} records/s"
            f" (digest check after it: {digest_seconds * 1000:.0f} ms, ok={report_holder[0].digest_ok})"
        )
        token = engine._http.headers["Authorization"].split(" ", 1)[1]
        base_seconds, base_count = baseline(server, token, store.info.device_id, folder / "baseline")
        base_rate = base_count / base_seconds
        print(
            f"baseline, same rows as plain JSON over HTTP + bulk insert into an encrypted store: "
            f"{base_rate:,.0f} records/s; JiaFang reaches {rate / base_rate:.0%} of it"
        )
        engine.close()
        store.close()

        small = EngineSettings(check_digest=False)
        store, engine = store_client(folder / "counselor", server, "bench_c1", small)
        engine.sync()
        noop = [timed(engine.sync) for _ in range(30)]
        print(f"no-op sync: {median_ms(noop)}")
        dev = new_id()
        answer = login(server, username="bench_c1", password=PASSWORD, device_id=dev)
        writer_replica = MemoryReplica(dev, answer.user.id)
        writer = SyncEngine(writer_replica, server, answer.token, settings=small)
        writer.sync()
        students = loaded["students"][:100]
        pulls: list[float] = []
        for round_number in range(7):
            for sid in students:
                writer_replica.edit("student", sid, {"talents": f"r{round_number}"})
            writer.sync()
            pulls.append(timed(engine.sync))
        print(f"pull of 100 changed records: {median_ms(pulls)}")
        both: list[float] = []
        for round_number in range(7):
            for sid in students:
                writer_replica.edit("student", sid, {"high_school": f"h{round_number}"})
            writer.sync()
            with store.session() as s:
                for sid in students:
                    s.students.patch(sid, class_name=f"c{round_number}")
            both.append(timed(engine.sync))
        print(f"push of 100 + pull of 100 changes: {median_ms(both)}")
        writer.close()
        engine.close()
        store.close()


def _assign(url: str, counselor: str, college_id: str, students: list[str]) -> None:
    database = Database(Settings(database_url=url))
    for start in range(0, len(students), 1000):
        chunk = students[start : start + 1000]
        database.run(
            lambda s, chunk=chunk: directory.write_records(
                s, [("student", sid, {"counselor_id": counselor, "college_id": college_id}) for sid in chunk]
            )
        )
    database.dispose()


def _intake(url: str, counselor: str, college_id: str, count: int) -> None:
    """A roster import of ``count`` new students for ``counselor`` (as ``jiafang-server`` imports one)."""
    database = Database(Settings(database_url=url))
    for start in range(0, count, 1000):
        changes = [
            (
                "student",
                new_id(),
                {
                    "student_no": f"2099{number:06d}",
                    "name": f"新生{number}",
                    "college_id": college_id,
                    "counselor_id": counselor,
                    "grade": 2026,
                    "major": "软件工程",
                    "class_name": f"软件26{number % 40:02d}",
                    "is_new_student": True,
                },
            )
            for number in range(start, min(count, start + 1000))
        ]
        database.run(lambda s, changes=changes: directory.write_records(s, changes, new=True))
    database.dispose()


def scope_entering(server: str, url: str, loaded: dict[str, Any], entering: int, held: int) -> None:
    """A laptop holding ``held`` records; ``entering`` new students enter its scope; time to synced."""
    counselor = loaded["users"]["bench_c3"]
    per_student = max(1, loaded["records"] // max(1, len(loaded["others"]) + len(loaded["students"])))
    _assign(url, counselor, loaded["college_id"], loaded["others"][: held // per_student])
    settings = EngineSettings()  # what the app uses: pages of 2000, digest checked
    with tempfile.TemporaryDirectory() as tmp:
        store, engine = store_client(Path(tmp) / "laptop", server, "bench_c3", settings)
        seconds, first = _timed_sync(engine)
        print(
            f"laptop before the intake: first sync of {first.pulled_records} records in {seconds:.1f} s "
            f"(digest ok={first.digest_ok})"
        )
        _intake(url, counselor, loaded["college_id"], entering)
        seconds, report = _timed_sync(engine)
        print(
            f"{len(report.entered)} students entering the scope of that laptop: synced in {seconds:.2f} s "
            f"({report.pulled_records} records received incl. backfill, digest ok={report.digest_ok})"
        )
        engine.close()
        store.close()
        store, engine = store_client(Path(tmp) / "fresh", server, "bench_c3", settings)
        seconds, fresh = _timed_sync(engine)
        print(
            f"  next to it, a first sync of the same records into an empty store: {fresh.pulled_records} "
            f"records in {seconds:.2f} s (digest ok={fresh.digest_ok})"
        )
        engine.close()
        store.close()


def _timed_sync(engine: SyncEngine) -> tuple[float, SyncReport]:
    started = time.perf_counter()
    report = engine.sync()
    return time.perf_counter() - started, report


def _quantile(ordered: list[float], fraction: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def concurrent_devices(
    server: str, specs: list[DeviceSpec], rounds: int, processes: int, kind: str
) -> dict[str, Any]:
    """``rounds`` syncs (``kind="sync"``) or health calls (``"health"``) by every device at once, the
    devices spread over ``processes`` worker processes (bench/device_load.py)."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(processes) as pool:
        gate = manager.Barrier(processes)
        chunks = [specs[number::processes] for number in range(processes)]
        results = pool.starmap(device_load.worker, [(server, chunk, rounds, kind, gate) for chunk in chunks])
    latencies = sorted(latency for result in results for latency in result.latencies)
    errors = [error for result in results for error in result.errors]
    wall = max(r.last_end for r in results) - min(r.first_start for r in results)
    return {
        "per_second": len(latencies) / wall if wall > 0 else 0.0,
        "p50_ms": _quantile(latencies, 0.50) * 1000,
        "p95_ms": _quantile(latencies, 0.95) * 1000,
        "p99_ms": _quantile(latencies, 0.99) * 1000,
        "errors": len(errors),
        "first_errors": errors[:3],
        "count": len(latencies),
    }


def _load_line(figures: dict[str, Any], unit: str) -> str:
    line = (
        f"{figures['per_second']:.0f} {unit}/s, p50 {figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, "
        f"p99 {figures['p99_ms']:.0f} ms, errors {figures['errors']} of {figures['count'] + figures['errors']}"
    )
    if figures["first_errors"]:
        line += f" (e.g. {figures['first_errors'][0]})"
    return line


def many_devices(server: str, devices: int, rounds: int, processes: int, workers: int) -> None:
    specs = [
        DeviceSpec(answer.device_id, answer.token)
        for answer in (
            login(server, username="bench_c2", password=PASSWORD, device_id=new_id()) for _ in range(devices)
        )
    ]
    shape = f"{processes} load processes x {devices // processes} async devices, {rounds} rounds each"
    health = concurrent_devices(server, specs, rounds, processes, "health")
    figures = concurrent_devices(server, specs, rounds, processes, "sync")
    print(
        f"{devices} devices syncing at once ({workers} server workers; {shape}): {_load_line(figures, 'syncs')}"
    )
    print(f"  baseline, the same load on GET /health (one trivial query): {_load_line(health, 'calls')}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", default=os.environ.get("JIAFANG_BENCH_PG_URL", DEFAULT_PG))
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=10, help="syncs per device in the many-devices run")
    parser.add_argument("--load-processes", type=int, default=4, help="processes simulating the devices")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--only-devices", action="store_true", help="skip the single-client figures (first sync, no-op, …)"
    )
    parser.add_argument("--only-scope", action="store_true", help="only the students-entering-scope figure")
    parser.add_argument("--entering", type=int, default=5000, help="new students entering a laptop's scope")
    parser.add_argument("--held", type=int, default=20_000, help="records that laptop holds before")
    args = parser.parse_args()

    empty_database(args.pg_url)
    loaded = load(args.pg_url, args.records, counselor_students=300)
    ingest = loaded["records"] / loaded["merge_seconds"]
    print(
        f"server ingest through the merge path: {loaded['records']} records in {loaded['merge_seconds']:.1f} s"
        f" = {ingest:,.0f} records/s (budget ≥ 5,000); with making the"
        f" demo records: {loaded['load_seconds']:.1f} s = {loaded['records'] / loaded['load_seconds']:,.0f}/s"
    )
    copied = ingest_baseline(args.pg_url)
    print(
        f"  baseline, the same rows by bare COPY into a table like records (the database alone): "
        f"{copied:,.0f} records/s; the merge path reaches {ingest / copied:.0%} of it"
    )
    port = free_port()
    server_process = serve(args.pg_url, port, args.workers)
    server = f"http://127.0.0.1:{port}"
    try:
        if args.only_scope:
            scope_entering(server, args.pg_url, loaded, args.entering, args.held)
            return 0
        if not args.only_devices:
            single_client(server, loaded)
            scope_entering(server, args.pg_url, loaded, args.entering, args.held)
        many_devices(server, args.devices, args.rounds, args.load_processes, args.workers)
    finally:
        server_process.send_signal(signal.SIGTERM)
        server_process.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
