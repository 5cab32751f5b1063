"""Small counts hidden from a breakdown, so that nobody re-identifies a student from aggregate figures.

The rule (docs/coverage.md, "Figures served by the center"): within one breakdown of a measure (per
college, or per grade) whose rows add up to a total that is shown,

1. a row counting 1–4 students shows its count as ``"<5"`` (and its covered count too);
2. in a row of 5 or more, a covered count of 1–4 shows ``"<5"``, and a covered count whose complement
   (total − covered, the students still missing) is 1–4 is hidden (``"*"``), since the total would
   reveal that complement;
3. when exactly one row of a column (the totals, or the covered counts) is hidden, the total shown
   below the breakdown would give it away by subtraction: the smallest other shown value of that
   column (a non-zero one first; ties by the row's key) is hidden too (``"*"``).

A row with no student (0) shows 0. A percentage is shown only where both counts are. The total itself is
not a breakdown cell and is always shown. Rule 3 picks by the row totals only, so the measures of one
population (visits, rewards, archive) hide the same rows' totals.

    shown = suppress_breakdown({"c1": Count(3, 12), "c2": Count(1, 3), "c3": Count(30, 40)})
    shown["c2"].total_text       # "<5"
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

THRESHOLD = 5
SMALL = "<5"  # a count of 1–4 students
HIDDEN = "*"  # hidden because a total would reveal a small count (complementary suppression)


@dataclass(frozen=True)
class Count:
    """Students covered by a measure, of the students it counts (one cell of a breakdown)."""

    covered: int
    total: int


@dataclass(frozen=True)
class Shown:
    """A breakdown cell as it may be shown: a count is ``None`` where hidden, its text says why."""

    covered: int | None
    total: int | None
    covered_text: str
    total_text: str

    @property
    def percent(self) -> float | None:
        if self.covered is None or self.total is None or self.total == 0:
            return None
        return round(100.0 * self.covered / self.total, 1)

    def to_json(self) -> dict[str, Any]:
        return {
            "covered": self.covered,
            "total": self.total,
            "covered_text": self.covered_text,
            "total_text": self.total_text,
            "percent": self.percent,
        }


def _small(value: int) -> bool:
    return 0 < value < THRESHOLD


def _complement(values: Mapping[str, int], hidden: set[str]) -> str | None:
    """The row to hide as well when exactly one row of the column is hidden (``None``: no other row)."""
    if len(hidden) != 1:
        return None
    shown = [(value == 0, value, key) for key, value in values.items() if key not in hidden]
    return min(shown)[2] if shown else None


def suppress_breakdown(rows: Mapping[str, Count]) -> dict[str, Shown]:
    """The cells of one measure's breakdown (row key → count), with small counts hidden (see above)."""
    totals_hidden = {key for key, count in rows.items() if _small(count.total)}
    covered_small = {key for key in rows if key not in totals_hidden and _small(rows[key].covered)}
    covered_hidden = totals_hidden | covered_small
    covered_hidden |= {
        key for key, count in rows.items() if key not in totals_hidden and _small(count.total - count.covered)
    }
    # A total hidden alone is given away by the total shown below: hide the smallest other one too.
    extra_total = _complement(
        {key: count.total for key, count in rows.items() if count.total > 0 or key in totals_hidden},
        totals_hidden,
    )
    extra_totals = {extra_total} if extra_total is not None else set()
    extra_covered = _complement(
        {key: count.covered for key, count in rows.items() if count.total > 0 or key in covered_hidden},
        covered_hidden,
    )
    complementary = covered_hidden | ({extra_covered} if extra_covered is not None else set())
    shown: dict[str, Shown] = {}
    for key, count in rows.items():
        if key in totals_hidden:
            shown[key] = Shown(None, None, SMALL, SMALL)
            continue
        total_hidden = key in extra_totals
        if key in covered_small:
            covered: int | None = None
            covered_text = SMALL
        elif key in complementary:
            covered, covered_text = None, HIDDEN
        else:
            covered, covered_text = count.covered, str(count.covered)
        shown[key] = Shown(
            covered,
            None if total_hidden else count.total,
            covered_text,
            HIDDEN if total_hidden else str(count.total),
        )
    return shown


def unsuppressed(count: Count) -> Shown:
    """A total (not a breakdown cell): shown as it is."""
    return Shown(count.covered, count.total, str(count.covered), str(count.total))
