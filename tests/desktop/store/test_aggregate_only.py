"""Aggregate-only mode against a live server: a school-center laptop that holds no student record (counted
in its encrypted store file after a sync) yet shows the same school-wide figures as a laptop holding every
record; drill-down refused; the mode is for the school center only."""

# ruff: noqa: F811 - the live-server fixtures are imported into this module and requested by name

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.app import coverage, sync_jobs
from desktop.store import center_figures, center_sync
from desktop.store.coverage import CoverageScope, Measure, compute_coverage
from desktop.store.store import Store
from sync.client import RequestRefused
from sync.records import Role
from sync.server.routes.auth import AGGREGATE_ONLY_REFUSED
from tests.desktop.store.coverage_fixture import YEAR, School
from tests.desktop.sync_fixtures import (  # noqa: F401 - fixtures
    LAPTOP_PASSPHRASE,
    _cheap_passwords,
    laptop,
    live_server,
    server,
)
from tests.sync.server.conftest import PASSWORD, Server
from tests.sync.server.test_figures import build_graded_school, put_on_server


@pytest.fixture
def full(server: Server, tmp_path: Path) -> Iterator[tuple[Store, School]]:
    """A laptop holding the whole hand-built school, and the same school on the server."""
    store = Store.create(
        tmp_path / "full",
        LAPTOP_PASSPHRASE,
        school_name="示例大学",
        user_name="中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    try:
        school = build_graded_school(store)
        put_on_server(store, server)
        server.user("school", Role.SCHOOL_CENTER)
        yield store, school
    finally:
        store.close()


def student_rows(folder: Path) -> dict[str, int]:
    """Rows of every table of the encrypted store file that holds students or their records: the student
    table and each table with a ``student_id`` or ``student_ids`` column."""
    store = Store.open(folder, LAPTOP_PASSPHRASE, backup_daily=False)
    try:
        with store.session() as s:
            tables = [
                row[0] for row in s.db.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            ]
            counts: dict[str, int] = {}
            for table in tables:
                columns = {row[1] for row in s.db.execute(text(f'PRAGMA table_info("{table}")'))}
                if table == "student" or columns & {"student_id", "student_ids"}:
                    counts[table] = int(s.db.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())
            counts["(colleges, not student data)"] = int(
                s.db.execute(text("SELECT count(*) FROM college")).scalar_one()
            )
        return counts
    finally:
        store.close()


def _expected_totals(full: Store) -> dict[Measure, object]:
    with full.session() as s:
        return dict(compute_coverage(s, YEAR, CoverageScope.school(), include_key_support=True).totals)


def test_aggregate_only_laptop_holds_no_student_yet_shows_the_school_figures(
    full: tuple[Store, School], server: Server, laptop: Store
) -> None:
    store, school = full
    account = center_sync.connect(laptop, server.url, "school", PASSWORD, aggregate_only=True)
    assert account.aggregate_only and center_figures.aggregate_only(laptop)
    summary = sync_jobs.run_sync(laptop)
    assert summary.entered == 0
    view = coverage.coverage_view(laptop, YEAR, None)
    assert view.served is not None and view.served.computed_at is not None
    assert view.report.totals == _expected_totals(store)
    assert {row.label for row in view.served.by_college} == {"文学院", "理学院", "艺术学院"}
    with pytest.raises(coverage.DrillDownUnavailable, match="仅统计模式"):
        coverage.missing_list(laptop, YEAR, None, Measure.VISITS, None, None)
    folder = laptop.data_dir
    laptop.close()
    counts = student_rows(folder)
    colleges = counts.pop("(colleges, not student data)")
    assert colleges == 4  # the school's catalogue did arrive
    assert "student" in counts and "home_visit" in counts and "identification" in counts
    assert counts == dict.fromkeys(counts, 0)
    # offline: the kept figures (in the encrypted store) still show
    reopened = Store.open(folder, LAPTOP_PASSPHRASE, backup_daily=False)
    try:
        assert coverage.coverage_view(reopened, YEAR, None).report.totals == _expected_totals(store)
        assert school.id("s1") not in center_figures.kept_coverage(reopened, YEAR).model_dump_json()
    finally:
        reopened.close()


def test_turning_aggregate_only_on_removes_the_students_a_laptop_held(
    full: tuple[Store, School], server: Server, laptop: Store
) -> None:
    store, _school = full
    center_sync.connect(laptop, server.url, "school", PASSWORD)
    sync_jobs.run_sync(laptop)
    with laptop.session() as s:
        assert len(s.students.list()) == 8
    assert coverage.coverage_view(laptop, YEAR, None).served is None
    center_sync.connect(laptop, server.url, "school", PASSWORD, aggregate_only=True)
    summary = sync_jobs.run_sync(laptop)
    assert len(summary.left) == 8
    assert coverage.coverage_view(laptop, YEAR, None).report.totals == _expected_totals(store)
    folder = laptop.data_dir
    laptop.close()
    counts = student_rows(folder)
    counts.pop("(colleges, not student data)")
    assert counts == dict.fromkeys(counts, 0)


def test_aggregate_only_is_refused_to_other_roles(
    full: tuple[Store, School], server: Server, laptop: Store
) -> None:
    _store, school = full
    server.user("counselor", Role.COUNSELOR, school.arts.id)
    with pytest.raises(RequestRefused, match=AGGREGATE_ONLY_REFUSED):
        center_sync.connect(laptop, server.url, "counselor", PASSWORD, aggregate_only=True)
    assert not center_figures.aggregate_only(laptop)


def test_without_figures_yet_the_dashboard_says_to_sync(server: Server, laptop: Store) -> None:
    server.user("school", Role.SCHOOL_CENTER)
    center_sync.connect(laptop, server.url, "school", PASSWORD, aggregate_only=True)
    with pytest.raises(center_figures.NoFigures, match="同步一次"):
        coverage.coverage_view(laptop, YEAR, None)
