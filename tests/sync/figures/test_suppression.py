"""Small counts hidden from breakdowns (sync/figures/suppression.py; the rule in docs/coverage.md)."""

from __future__ import annotations

from sync.figures.suppression import Count, Shown, suppress_breakdown, unsuppressed


def _cells(rows: dict[str, Count]) -> dict[str, tuple[str, str, float | None]]:
    return {key: (s.covered_text, s.total_text, s.percent) for key, s in suppress_breakdown(rows).items()}


def test_a_small_row_and_the_complementary_total() -> None:
    # b counts 3 students: "<5"; alone it would be the school total minus a and c, so a's total (the
    # smallest other) is hidden too; a's 3 covered is small itself.
    assert _cells({"a": Count(3, 12), "b": Count(1, 3), "c": Count(30, 40)}) == {
        "a": ("<5", "*", None),
        "b": ("<5", "<5", None),
        "c": ("30", "40", 75.0),
    }


def test_a_small_complement_hides_the_covered_count_and_another_row() -> None:
    # x: 2 students still missing would follow from 8 of 10; the covered column then has one hidden
    # cell, so the smallest other covered count (z's 15) is hidden too.
    assert _cells({"x": Count(8, 10), "y": Count(20, 20), "z": Count(15, 30)}) == {
        "x": ("*", "10", None),
        "y": ("20", "20", 100.0),
        "z": ("*", "30", None),
    }


def test_zero_is_shown_and_nothing_is_hidden_without_small_counts() -> None:
    assert _cells({"p": Count(0, 0), "q": Count(0, 6), "r": Count(6, 6)}) == {
        "p": ("0", "0", None),
        "q": ("0", "6", 0.0),
        "r": ("6", "6", 100.0),
    }


def test_the_only_row_with_students_has_no_complement() -> None:
    assert _cells({"only": Count(2, 3), "none": Count(0, 0)}) == {
        "only": ("<5", "<5", None),
        "none": ("0", "0", None),
    }


def test_the_complement_is_a_non_zero_count_first() -> None:
    assert _cells({"a": Count(2, 10), "b": Count(0, 7), "c": Count(9, 9)}) == {
        "a": ("<5", "10", None),
        "b": ("0", "7", 0.0),
        "c": ("*", "9", None),
    }


def test_hidden_counts_are_none_in_json_and_totals_are_shown_whole() -> None:
    shown = suppress_breakdown({"a": Count(1, 2), "b": Count(6, 9)})
    assert shown["a"].to_json() == {
        "covered": None,
        "total": None,
        "covered_text": "<5",
        "total_text": "<5",
        "percent": None,
    }
    assert shown["b"] == Shown(None, None, "*", "*")
    assert unsuppressed(Count(3, 4)).to_json()["covered"] == 3
