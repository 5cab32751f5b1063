"""Encrypted store vs plain SQLite: the same bulk load and roster queries, and the unlock time.

    .venv/bin/python bench/store_bench.py [--students 20000] [--repeat 7]

Budgets (DESIGN.md): SQLCipher ≤ 1.5× the time of plain SQLite for the same work; unlock with the
passphrase 0.2–0.8 s (Argon2id tuned, not skipped).  Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from desktop.store.engine import open_engine, plain_engine
from desktop.store.key_vault import KeyVault
from desktop.store.migrations import migrate
from desktop.store.outbox import EditContext
from desktop.store.repositories.roster import RosterFilter
from desktop.store.repositories.session import StoreSession
from sync.demo.generator import DemoGenerator
from sync.ids import new_id
from sync.records import Record


def generate(students: int) -> list[list[Record]]:
    return list(DemoGenerator(students=students, today=date(2026, 11, 20), seed=7).chunks(1000))


def bulk_load(engine: Engine, chunks: list[list[Record]]) -> None:
    ctx = EditContext(new_id(), new_id())
    for chunk in chunks:
        by_type: dict[str, list[Record]] = defaultdict(list)
        for record in chunk:
            by_type[record.RECORD_TYPE].append(record)
        with Session(engine) as db, db.begin():
            store = StoreSession(db, ctx)
            for record_type, records in by_type.items():  # reference order: dicts keep insertion order
                store.repository(record_type).create_many(records, outbox=True)


def queries(engine: Engine) -> dict[str, Callable[[], Any]]:
    def run(fn: Callable[[StoreSession], Any]) -> Callable[[], Any]:
        def go() -> Any:
            with Session(engine) as db, db.begin():
                return fn(StoreSession(db, EditContext("bench", None)))

        return go

    return {
        "roster first page (50)": run(lambda s: s.roster.rows(RosterFilter(), limit=50)),
        "search 'zh' (initials)": run(lambda s: s.roster.rows(RosterFilter(search="zh"), limit=50)),
        "search 'zhang' (pinyin)": run(lambda s: s.roster.rows(RosterFilter(search="zhang"), limit=50)),
        "search 学号 prefix": run(lambda s: s.roster.rows(RosterFilter(search="2025"), limit=50)),
        "count visited this year": run(lambda s: s.roster.count(RosterFilter(visited=True))),
        "unvisited list": run(lambda s: s.roster.unvisited()),
        "sort by name, page 100": run(
            lambda s: s.roster.rows(RosterFilter(), sort="name", offset=5000, limit=50)
        ),
        "one student's history": run(lambda s: s.history(s.roster.rows(RosterFilter(), limit=1)[0].id)),
    }


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm the page cache the same way for both engines
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(
    make_engine: Callable[[Path], Engine], folder: Path, chunks: list[list[Record]], repeat: int
) -> dict[str, float]:
    engine = make_engine(folder / "store.db")
    migrate(engine)
    start = time.perf_counter()
    bulk_load(engine, chunks)
    figures = {"bulk load": time.perf_counter() - start}
    for name, fn in queries(engine).items():
        figures[name] = median_time(fn, repeat)
    engine.dispose()
    figures["file size (MB)"] = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    return figures


def unlock_times(repeat: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        vault = KeyVault(Path(tmp))
        vault.create("bench passphrase 家访", use_keyring=False)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            vault.unlock("bench passphrase 家访")
            times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    start = time.perf_counter()
    chunks = generate(args.students)
    records = sum(len(chunk) for chunk in chunks)
    print(
        f"generated {records:,} records for {args.students:,} students in {time.perf_counter() - start:.1f} s"
    )

    results: dict[str, dict[str, float]] = {}
    key = os.urandom(32)
    for label, make in (("plain SQLite", plain_engine), ("SQLCipher 4", lambda p: open_engine(p, key))):
        with tempfile.TemporaryDirectory() as tmp:
            results[label] = measure(make, Path(tmp), chunks, args.repeat)

    plain, cipher = results["plain SQLite"], results["SQLCipher 4"]
    print(f"\n{'what':<32}{'plain SQLite':>14}{'SQLCipher':>14}{'ratio':>8}")
    for name in plain:
        unit = "" if "MB" in name else " s" if name == "bulk load" else " ms"
        scale = 1 if unit in ("", " s") else 1000
        ratio = cipher[name] / plain[name] if plain[name] else float("nan")
        print(
            f"{name:<32}{plain[name] * scale:>12.2f}{unit:<2}{cipher[name] * scale:>12.2f}{unit:<2}{ratio:>7.2f}x"
        )
    timed = [name for name in plain if "MB" not in name]
    total_plain = sum(plain[name] for name in timed)
    total_cipher = sum(cipher[name] for name in timed)
    print(
        f"{'total (load + one run of each query)':<32}{total_plain:>12.2f} s{total_cipher:>12.2f} s"
        f"{total_cipher / total_plain:>7.2f}x   budget ≤ 1.50x"
    )

    times = unlock_times(max(3, args.repeat))
    print(
        f"\nunlock with passphrase (Argon2id): median {statistics.median(times):.3f} s "
        f"(min {min(times):.3f}, max {max(times):.3f})   budget 0.2–0.8 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
