"""Properties of the coverages on the synthetic demo school: no numerator exceeds its denominator, and
the archive (#4) never exceeds the visits (#2) or the rewards (#3), in the totals and every breakdown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.commands.demo_command import insert_records
from desktop.store.coverage import (
    KEY_SUPPORT_MEASURES,
    STUDENT_MEASURES,
    CoverageReport,
    Measure,
    compute_coverage,
    missing_students,
)
from desktop.store.store import Store
from sync.demo import DemoGenerator
from sync.records import Role, academic_year_of
from tests.desktop.store.conftest import PASSPHRASE

TODAY = date(2026, 6, 15)
YEAR = academic_year_of(TODAY)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, CoverageReport]]:
    folder: Path = tmp_path_factory.mktemp("demo")
    generator = DemoGenerator(students=600, today=TODAY, seed=11)
    store = Store.create(
        folder,
        PASSPHRASE,
        school_name="示例大学",
        user_name="校中心",
        role=Role.SCHOOL_CENTER,
        use_keyring=False,
    )
    for chunk in generator.chunks(300):
        with store.session() as session:
            insert_records(session, chunk)
    with store.session() as session:
        result = compute_coverage(session, YEAR, include_key_support=True, today=TODAY)
    yield store, result
    store.close()


def test_no_numerator_exceeds_its_denominator(report: tuple[Store, CoverageReport]) -> None:
    _, result = report
    assert result.totals[Measure.VISITS].total > 100  # the demo has a real population
    assert result.totals[Measure.MENTORS].total > 0
    rows = [*result.by_college, *result.by_counselor, *result.by_class]
    for ratios in [result.totals, *(row.ratios for row in rows)]:
        for ratio in ratios.values():
            assert 0 <= ratio.covered <= ratio.total


def test_archive_never_exceeds_visits_or_rewards(report: tuple[Store, CoverageReport]) -> None:
    _, result = report
    rows = [*result.by_college, *result.by_counselor, *result.by_class]
    for ratios in [result.totals, *(row.ratios for row in rows)]:
        archive = ratios[Measure.ARCHIVE].covered
        assert archive <= min(ratios[Measure.VISITS].covered, ratios[Measure.REWARDS].covered)


def test_drill_down_counts_match_the_figures(report: tuple[Store, CoverageReport]) -> None:
    store, result = report
    with store.session() as session:
        for measure in (*STUDENT_MEASURES, *KEY_SUPPORT_MEASURES):
            missing = missing_students(session, YEAR, None, measure, include_key_support=True, today=TODAY)
            assert len(missing) == result.totals[measure].missing, measure
            assert all(row.missing_parts for row in missing)
