"""Coverage dashboard at 20,000 students (budget ≤ 200 ms) and a 10,000-row roster import.

    .venv/bin/python bench/coverage_bench.py [--students 20000] [--rows 10000] [--store DIR]

Builds (or reuses, with --store) an encrypted demo store of synthetic students, then times
``compute_coverage`` for the school (every measure and breakdown) for the complete and the running
year, each next to its budget and to the same computation on a plain-SQLite copy of the same data
(the same-run baseline: what the cipher costs, on a machine as loaded as it is now), then one college,
a drill-down list, and an import of a generated .xlsx roster: reading + checking (the plan) and writing
(all or nothing). Prints medians (wall and process CPU time); nothing here is a test.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy.orm import Session

from desktop.commands.demo_command import CHUNK_STUDENTS, insert_records
from desktop.store.coverage import CoverageScope, Measure, compute_coverage, missing_students
from desktop.store.engine import plain_engine
from desktop.store.importing import apply_plan, plan_file
from desktop.store.importing.columns import ROSTER_COLUMNS
from desktop.store.outbox import EditContext
from desktop.store.repositories.session import StoreSession
from desktop.store.store import Store
from sync.demo import DemoGenerator
from sync.records import Role, academic_year_of, fake_id_number, previous_academic_year

PASSPHRASE = "bench passphrase"
BUDGET_MS = 200  # whole-school coverage at 20,000 students (issue 13)


CPU_TIMES: list[float] = []  # process CPU time of the last timed() call (the machine may be shared)


def timed(fn: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    times: list[float] = []
    CPU_TIMES.clear()
    result: Any = None
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        CPU_TIMES.append(time.process_time() - cpu)
    return times, result


def ms(values: list[float]) -> str:
    text = (
        f"median {statistics.median(values) * 1000:.0f} ms "
        f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
    )
    if CPU_TIMES and len(CPU_TIMES) == len(values):
        text += f"; CPU median {statistics.median(CPU_TIMES) * 1000:.0f} ms"
    return text


def build_store(folder: Path, students: int) -> Store:
    generator = DemoGenerator(students=students, today=date.today(), seed=7)
    store = Store.create(
        folder,
        PASSPHRASE,
        school_name=generator.school.name,
        user_name="基准",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    for chunk in generator.chunks(CHUNK_STUDENTS):
        with store.session() as session:
            insert_records(session, chunk)
    return store


def plain_copy(store: Store, target: Path) -> Session:
    """The same (synthetic) data in a plain SQLite file: the baseline for the cipher's cost."""
    raw = store.engine.raw_connection()  # autocommit: ATTACH/DETACH outside a transaction
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
        cursor.execute("SELECT sqlcipher_export('plaintext')")
        cursor.execute("DETACH DATABASE plaintext")
    finally:
        raw.close()
    return Session(plain_engine(target))


def roster_file(path: Path, rows: int, college: str) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("名单")
    titles = [
        column.title for column in ROSTER_COLUMNS if column.field not in ("counselor_no", "counselor_name")
    ]
    sheet.append(titles)
    rng = random.Random(3)
    for index in range(rows):
        values = {
            "学号": f"B{2026000000 + index}",
            "姓名": f"导入{index}",
            "性别": "男" if index % 2 else "女",
            "身份证件号": fake_id_number(rng, date(2007, 1 + index % 12, 1 + index % 28), "320321"),
            "学院": college,
            "专业": "软件工程",
            "年级": 2026,
            "班级": f"软件26{index % 40:02d}",
            "生源地": "江苏省徐州市丰县",
            "本人手机": f"138{index:08d}",
            "是否新生": "是",
        }
        sheet.append([values.get(title, "") for title in titles])
    workbook.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--store", type=Path, default=None, help="reuse (or create) a store folder")
    parser.add_argument(
        "--no-baseline", dest="baseline", action="store_false", help="skip the plain-SQLite baseline"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="jiafang-bench-") as temp:
        folder = args.store or Path(temp) / "store"
        started = time.perf_counter()
        if (folder / "key.json").exists():
            store = Store.open(folder, PASSPHRASE, backup_daily=False)
        else:
            store = build_store(folder, args.students)
        print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"store ready: {time.perf_counter() - started:.1f} s ({folder})")
        try:
            with store.session() as session:
                students = session.students.count()
                college = session.colleges.list()[0]
            year = academic_year_of(date.today())
            last_year = previous_academic_year(year)
            print(f"students: {students}; years {last_year} (complete) and {year} (running)")

            def school(academic_year: str) -> Any:
                with store.session() as session:
                    return compute_coverage(session, academic_year, include_key_support=True)

            plain: Session | None = None
            if args.baseline:
                plain = plain_copy(store, Path(temp) / "plain.db")
            for academic_year in (last_year, year):
                school(academic_year)  # warm the page cache once, as the app does on unlock
                times, report = timed(functools.partial(school, academic_year), args.runs)
                median = statistics.median(times) * 1000
                verdict = "within" if median <= BUDGET_MS else "OVER"
                print(
                    f"coverage {academic_year}, whole school: {ms(times)}  [budget {BUDGET_MS} ms: {verdict}]"
                )
                if plain is not None:
                    plain_session = StoreSession(plain, EditContext("bench", None))
                    plain_run = functools.partial(
                        compute_coverage, plain_session, academic_year, include_key_support=True
                    )
                    plain_run()
                    times, _ = timed(plain_run, args.runs)
                    print(f"    baseline, plain SQLite (same data, same code), {academic_year}: {ms(times)}")
                for measure, ratio in report.totals.items():
                    print(f"    {measure.label}: {ratio.text()}")
            if plain is not None:
                plain.close()
                plain.get_bind().dispose()  # type: ignore[union-attr]

            def one_college() -> Any:
                with store.session() as session:
                    return compute_coverage(
                        session, year, CoverageScope.college(college.id), include_key_support=True
                    )

            times, _ = timed(one_college, args.runs)
            print(f"coverage {year}, one college: {ms(times)}")

            def drill_down() -> Any:
                with store.session() as session:
                    return missing_students(session, year, None, Measure.VISITS, include_key_support=True)

            times, rows = timed(drill_down, args.runs)
            print(f"drill-down (students not yet visited, {len(rows)} rows): {ms(times)}")

            path = roster_file(Path(temp) / "roster.xlsx", args.rows, college.name)
            plan_times: list[float] = []
            CPU_TIMES.clear()
            for _ in range(3):
                with store.session() as session:
                    started = time.perf_counter()
                    plan = plan_file(session, path)
                    plan_times.append(time.perf_counter() - started)
            assert plan.ok, plan.report_lines()[:5]
            with store.session() as session:
                started = time.perf_counter()
                result = apply_plan(session, plan)
            write_time = time.perf_counter() - started
            print(
                f"import {args.rows} rows: read + check {ms(plan_times)}; write {write_time * 1000:.0f} ms "
                f"({result.created} new students, one transaction)"
            )
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
