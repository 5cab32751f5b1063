"""The annual report (年度发展型资助育人工作报告) of a 20,000-student school to PDF (budget ≤ 5 s).

    .venv/bin/python bench/annual_report_bench.py [--students 20000] [--runs 3] [--store DIR]

Builds (or reuses, with --store) the encrypted demo store of coverage_bench.py, then times the whole
report as the app and `jiafang report annual` make it (read every record it counts from the store,
compute the figures of the year and the two before, lay out the PDF with its charts, write it, audit),
next to its budget; then its parts, and the same-run baseline: the dashboard's coverage of the year alone
(set-based SQL), what a report must at least cost. Also the XLSX. Prints medians (wall and process CPU
time); nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from coverage_bench import CPU_TIMES, PASSPHRASE, build_store, ms, timed

from desktop.app.annual_report import AnnualRequest, generate_annual_report, read_annual_inputs
from desktop.reports.annual_report import build_annual_pdf
from desktop.reports.fonts import pdf_fonts
from desktop.store.coverage import compute_coverage
from desktop.store.store import Store
from sync.figures.annual import annual_figures
from sync.figures.coverage import coverage_of
from sync.records import academic_year_of, previous_academic_year

BUDGET_S = 5.0  # issue 15: the annual report of a 20,000-student school to PDF


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--store", type=Path, default=None, help="reuse (or create) a store folder")
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
            # the last complete year: a director's report (the running year costs the same)
            year = previous_academic_year(academic_year_of(date.today()))
            print(f"students: {students}; report for {year} (with the two years before), whole school")
            pdf_fonts()  # the font is found once per app run, as when the app starts printing
            out = Path(temp) / "年度报告.pdf"
            request = AnnualRequest(year, None, out)

            def whole() -> Any:
                return generate_annual_report(store, request)

            times, outcome = timed(whole, args.runs)
            median = statistics.median(times)
            verdict = "within" if median <= BUDGET_S else "OVER"
            print(f"annual report to PDF, whole school: {ms(times)}  [budget {BUDGET_S:.0f} s: {verdict}]")
            print(f"    {out.stat().st_size // 1024} KB; summary: {summary_line(outcome.figures)}")

            def sql_coverage() -> Any:
                with store.session() as session:
                    return compute_coverage(session, year, include_key_support=True)

            sql_coverage()
            times, _ = timed(sql_coverage, max(args.runs, 5))
            print(f"    baseline, the dashboard's coverage of {year} alone (SQL): {ms(times)}")

            times, inputs = timed(lambda: read_annual_inputs(store, request), args.runs)
            print(f"    part: read the records ({sum(map(len, inputs.facts.records.values()))}): {ms(times)}")
            facts = inputs.facts
            times, _ = timed(lambda: coverage_of(facts, year, include_key_support=True), args.runs)
            print(f"    part: the engine's coverage of one year (from the records): {ms(times)}")
            times, figures = timed(
                lambda: annual_figures(facts, year, include_key_support=True, key_support_section=True),
                args.runs,
            )
            print(f"    part: every figure of the report (three years): {ms(times)}")
            fonts = inputs.settings.fonts()
            times, data = timed(lambda: build_annual_pdf(figures, school_name="基准", fonts=fonts), args.runs)
            print(f"    part: lay out the PDF ({len(data) // 1024} KB): {ms(times)}")

            xlsx = AnnualRequest(year, None, Path(temp) / "年度报告.xlsx")
            times, _ = timed(lambda: generate_annual_report(store, xlsx), args.runs)
            print(f"annual report to XLSX, whole school: {ms(times)}")
            CPU_TIMES.clear()
        finally:
            store.close()
    return 0


def summary_line(figures: Any) -> str:
    year = figures.coverage.this_year
    return "; ".join(f"{m.label} {m.covered}/{m.total}" for m in year.measures)


if __name__ == "__main__":
    sys.exit(main())
