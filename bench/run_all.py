"""Run every benchmark in bench/, one after the other, and print their figures.

    .venv/bin/python bench/run_all.py [--quick] [--pg-url URL] [--only NAME ...]

Each script prints its figures next to their budgets and same-run baselines; this runs them in
turn with the same Python and reports how long each took and whether it failed.  ``--quick`` runs
small sizes (a few minutes in all on a 2-core machine): the figures then show the shape, not the
budgets' conditions (those need the full sizes, e.g. 20,000 students).  The sync, peer and server-figures
benchmarks empty the PostgreSQL database they are given, so they run only with an explicit ``--pg-url``;
the peer benchmark also needs node and npm (bench/peer/package.json).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

# (name, script, arguments for the full run, arguments for --quick)
BENCHMARKS: tuple[tuple[str, str, list[str], list[str]], ...] = (
    ("store", "store_bench.py", [], ["--students", "2000", "--repeat", "3"]),
    ("ui", "ui_bench.py", [], ["--students", "2000", "--runs", "2"]),
    ("coverage", "coverage_bench.py", [], ["--students", "2000", "--rows", "1000", "--runs", "3"]),
    ("pdf", "pdf_bench.py", [], ["--runs", "5", "--batch", "40"]),
    ("annual", "annual_report_bench.py", [], ["--students", "2000", "--runs", "2"]),
    (
        "sync",
        "sync_bench.py",
        [],
        ["--records", "5000", "--devices", "20", "--rounds", "2", "--entering", "500", "--held", "2000"],
    ),
    ("peer", "peer_bench.py", [], ["--records", "5000"]),
    ("server_figures", "server_figures_bench.py", [], ["--students", "2000", "--runs", "5"]),
)
# These empty the PostgreSQL database they are given: run only with an explicit --pg-url.
NEEDS_PG = frozenset({"sync", "peer", "server_figures"})


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes: a few minutes in all")
    parser.add_argument(
        "--pg-url",
        default=None,
        help="PostgreSQL for the sync, peer and server-figures benchmarks (it is emptied)",
    )
    parser.add_argument(
        "--only",
        nargs="*",
        default=None,
        help="names to run: store ui coverage pdf annual sync peer server_figures",
    )
    args = parser.parse_args()
    results: list[tuple[str, str, float]] = []
    for name, script, full, quick in BENCHMARKS:
        if args.only is not None and name not in args.only:
            continue
        extra = quick if args.quick else full
        if name in NEEDS_PG:
            if args.pg_url is None:
                results.append((name, "skipped (no --pg-url)", 0.0))
                continue
            extra = [*extra, "--pg-url", args.pg_url]
        print(f"\n=== {name}: bench/{script} {' '.join(extra)}", flush=True)
        started = time.perf_counter()
        code = subprocess.run([sys.executable, str(BENCH / script), *extra], cwd=REPO).returncode
        results.append((name, "ok" if code == 0 else f"failed (exit {code})", time.perf_counter() - started))
    print("\n=== summary")
    for name, outcome, seconds in results:
        print(f"{name:<10} {outcome:<24} {seconds:7.1f} s")
    return 0 if all(outcome.startswith(("ok", "skipped")) for _, outcome, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
