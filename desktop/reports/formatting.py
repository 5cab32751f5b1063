"""How values read on paper: dates in Chinese, money with separators, coded enums by their labels."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from sync.records.enums import CodedEnum


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def fmt_day(value: date | datetime | None) -> str:
    """A compact date for table cells: 2025-03-07."""
    return "" if value is None else f"{value:%Y-%m-%d}"


def fmt_money(value: Decimal | int | float | None, unit: str = "") -> str:
    if value is None:
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    text = f"{amount:,.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    return f"{text}{unit}"


def fmt_label(value: CodedEnum | None) -> str:
    return value.label if value is not None else ""


def fmt_labels(values: Iterable[CodedEnum], sep: str = "、") -> str:
    return sep.join(value.label for value in values)


def fmt_int(value: int | None, unit: str = "") -> str:
    return "" if value is None else f"{value}{unit}"


def fmt_bool(value: bool | None) -> str:
    if value is None:
        return ""
    return "是" if value else "否"


# A part that already ends a clause needs no separator after it ("成绩中上。" + "家长…", not "。；").
CLAUSE_ENDS = "。；，、！？：…;,.!?:"


def joined(*parts: str, sep: str = "；") -> str:
    """Non-empty parts joined (for "amount；notes" style cells), without doubled punctuation: after a
    part ending in a clause mark, a punctuation separator is left out."""
    punctuation = sep in CLAUSE_ENDS
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (punctuation and out.endswith(tuple(CLAUSE_ENDS))):
            out += sep
        out += part
    return out
