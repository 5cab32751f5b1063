"""First sync next to the CouchDB-protocol peer, in one run, on the same records.

    .venv/bin/python bench/peer_bench.py [--pg-url URL] [--records 100000] [--workers 2] [--runs 3]

1. JiaFang: empties the PostgreSQL database, loads synthetic demo records into a real ``jiafang-server``
   (uvicorn on 127.0.0.1) and times the first sync of all of them into an empty encrypted store (the
   desktop replica), records/s.
2. The peer: the same records (each record's fields as one JSON document, ``_id`` = the record id) are
   loaded into pouchdb-server 4.2.0 through ``_bulk_docs`` (its ingest, docs/s), then replicated into an
   empty local pouchdb-node 9.0.0 (LevelDB) database with PouchDB's default settings and tuned (batches
   of 1,000, ten in flight), docs/s.
3. Prints each figure, the budget (issue 16: JiaFang's first sync ≥ 2.5× the peer's tuned replication)
   and the ratio. Each side's compared figure is the median of ``--runs`` first syncs into new empty
   stores (the database VACUUM ANALYZEd after the load, as a school's server is when a laptop first
   syncs).

The peer's packages are pinned in bench/peer/package.json (``npm ci`` runs there when node_modules is
missing: it needs node and npm, and the npm registry once). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import sync_bench  # bench/sync_bench.py (the script's folder is on sys.path)
from sqlalchemy import create_engine, text

from sync.client import EngineSettings

PEER = Path(__file__).resolve().parent / "peer"
BUDGET_RATIO = 2.5


def ensure_peer() -> Path:
    """The peer's node_modules (installed from the lock file on first use)."""
    modules = PEER / "node_modules"
    if not (modules / ".bin" / "pouchdb-server").exists():
        if shutil.which("npm") is None or shutil.which("node") is None:
            raise SystemExit("需要 node 和 npm 才能运行对照组（pouchdb-server）：apt-get install nodejs npm")
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"], cwd=PEER, check=True, stdout=subprocess.DEVNULL
        )
    return modules


def settle(url: str) -> None:
    """VACUUM ANALYZE the freshly loaded database: a school's server is in that state when a laptop first
    syncs, not in the middle of the autovacuum a bulk load sets off (which ran beside the first run)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()


def jiafang_first_sync(server: str, *, rows_too: bool) -> tuple[int, float, list[dict[str, Any]]]:
    """Records pulled and seconds of the first sync into an empty encrypted store; the rows it pulled
    (when ``rows_too``)."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = EngineSettings(page_limit=5000, check_digest=False)
        store, engine = sync_bench.store_client(Path(tmp) / "school", server, "bench_school", settings)
        started = time.perf_counter()
        report = engine.sync()
        seconds = time.perf_counter() - started
        token = engine._http.headers["Authorization"].split(" ", 1)[1]
        rows = all_rows(server, token, store.info.device_id) if rows_too else []
        engine.close()
        store.close()
    return report.pulled_records, seconds, rows


def all_rows(server: str, token: str, device_id: str) -> list[dict[str, Any]]:
    """Every record the school center receives, as the peer's documents: fields plus ``_id``."""
    headers = {"X-JiaFang-Protocol": "1", "X-JiaFang-Schema": "1", "Authorization": f"Bearer {token}"}
    rows: list[dict[str, Any]] = []
    cursor = None
    with httpx.Client(base_url=server, headers=headers, timeout=120) as http:
        while True:
            page = http.post(
                "/sync/pull", json={"device_id": device_id, "cursor": cursor, "limit": 5000}
            ).json()
            rows += [{**r["fields"], "_id": r["id"], "type": r["record_type"]} for r in page["records"]]
            cursor = page["cursor"]
            if not page["more"]:
                return rows


def peer_server(modules: Path, folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = sync_bench.free_port()
    process = subprocess.Popen(
        [str(modules / ".bin" / "pouchdb-server"), "--port", str(port), "--dir", str(folder), "-n"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("pouchdb-server did not start")


def peer_ingest(url: str, rows: list[dict[str, Any]]) -> float:
    """Seconds to load every row into the peer with ``_bulk_docs`` (1,000 a request)."""
    with httpx.Client(base_url=url, timeout=300) as http:
        http.put("/bench").raise_for_status()
        started = time.perf_counter()
        for start in range(0, len(rows), 1000):
            body = json.dumps({"docs": rows[start : start + 1000]}, ensure_ascii=False).encode()
            answer = http.post(
                "/bench/_bulk_docs", content=body, headers={"Content-Type": "application/json"}
            )
            answer.raise_for_status()
        return time.perf_counter() - started


def new_folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def peer_replication(modules: Path, url: str, folder: Path, mode: str) -> tuple[int, float]:
    env = {**os.environ, "NODE_PATH": str(modules)}
    out = subprocess.run(
        ["node", str(PEER / "replicate.js"), f"{url}/bench", str(folder / mode), mode],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    return int(figures["docs"]), float(figures["seconds"])


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pg-url", default=os.environ.get("JIAFANG_BENCH_PG_URL", sync_bench.DEFAULT_PG))
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="first syncs of each side; medians compared")
    args = parser.parse_args()
    modules = ensure_peer()

    sync_bench.empty_database(args.pg_url)
    loaded = sync_bench.load(args.pg_url, args.records, counselor_students=300)
    settle(args.pg_url)
    port = sync_bench.free_port()
    server_process = sync_bench.serve(args.pg_url, port, args.workers)
    runs = max(1, args.runs)
    try:
        timings = [jiafang_first_sync(f"http://127.0.0.1:{port}", rows_too=n == 0) for n in range(runs)]
        count, rows = timings[0][0], timings[0][2]
        seconds = statistics.median(t[1] for t in timings)
    finally:
        server_process.send_signal(signal.SIGTERM)
        server_process.wait(timeout=60)
    size = sum(len(json.dumps(row, ensure_ascii=False).encode()) for row in rows) / max(1, len(rows))
    print(f"records: {loaded['records']:,} loaded; {len(rows):,} documents of {size:,.0f} bytes on average")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    rate = count / seconds
    each = ", ".join(f"{t[1]:.1f}" for t in timings)
    print(
        f"JiaFang first sync into an empty encrypted store: {count:,} records in {seconds:.1f} s = {rate:,.0f}/s"
        f" (median of {runs}: {each} s)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        process, url = peer_server(modules, folder)
        try:
            ingest = peer_ingest(url, rows)
            print(f"peer ingest (_bulk_docs, 1,000 a request): {len(rows) / ingest:,.0f} docs/s")
            peer: dict[str, float] = {}
            for mode in ("default", "tuned"):
                # the tuned replication (the one compared) as often as JiaFang's first sync, into new folders
                took = [
                    peer_replication(modules, url, new_folder(folder / f"run{n}"), mode)
                    for n in range(runs if mode == "tuned" else 1)
                ]
                docs, peer_seconds = took[0][0], statistics.median(t[1] for t in took)
                peer[mode] = docs / peer_seconds
                each = ", ".join(f"{t[1]:.1f}" for t in took)
                print(
                    f"peer first replication, {mode}: {docs:,} docs in {peer_seconds:.1f} s = {peer[mode]:,.0f}/s"
                    f" (median of {len(took)}: {each} s)"
                )
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)
    best = max(peer.values())
    verdict = "met" if rate >= BUDGET_RATIO * best else "NOT met"
    print(
        f"first sync: JiaFang {rate:,.0f}/s = {rate / best:.2f}× the peer's best ({best:,.0f}/s)"
        f"   budget ≥ {BUDGET_RATIO}×: {verdict}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
