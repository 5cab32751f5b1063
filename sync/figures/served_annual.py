"""The annual report's figures as the center serves them (``GET /figures/annual``, docs/sync-protocol.md
§6b) turned back into ``AnnualFigures`` for an aggregate-only laptop to render: the breakdown by college
keeps the center's hidden cells ("<5", "*") as ``ShownMeasureFigure``; the time and change number the
center computed them at come along.

    served = served_annual(json.loads(response))  # ServedAnnual
    build_annual_pdf(served.figures, ..., source=served.source_note())
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync.figures.annual import AnnualFigures, MeasureFigure
from sync.figures.suppression import HIDDEN, SMALL, THRESHOLD


@dataclass
class ShownMeasureFigure(MeasureFigure):
    """A breakdown cell as served: ``covered``/``total`` are None where the center hid them, and the
    texts say "<5" or "*" (else the count)."""

    covered_text: str = ""
    total_text: str = ""
    shown_percent: float | None = None

    @property
    def hidden(self) -> bool:
        return self.covered is None or self.total is None

    @property
    def percent(self) -> float | None:
        return None if self.hidden else self.shown_percent


@dataclass(frozen=True)
class ServedAnnual:
    figures: AnnualFigures
    seq: int
    computed_at: datetime

    def source_note(self) -> str:
        """What the report says of its figures (Chinese)."""
        when = self.computed_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (
            f"本报告数字为中心服务器于 {when} 计算的统计（变更序号 {self.seq}），本机为仅统计模式，不保存学生记录；"
            f"各学院明细中人数较少的格子已按中心规则隐藏（“{SMALL}”表示 1–{THRESHOLD - 1} 人，"
            f"“{HIDDEN}”表示为防止推算而隐藏）。"
            + (
                ""
                if self.figures.watch is not None
                else "中心统计不含“一个不失学”关注名单，本报告未列入该部分。"
            )
        )


def served_annual(data: dict[str, Any]) -> ServedAnnual:
    """``GET /figures/annual``'s JSON as figures to render (hidden breakdown cells kept hidden)."""
    plain = dict(data)
    seq = int(plain.pop("seq"))
    computed_at = datetime.fromisoformat(plain.pop("computed_at"))
    plain.pop("suppression", None)
    coverage = dict(plain["coverage"])
    cells = [[dict(m) for m in row["measures"]] for row in coverage["by_college"]]
    coverage["by_college"] = [{**row, "measures": []} for row in coverage["by_college"]]
    plain["coverage"] = coverage
    figures = AnnualFigures.from_json(plain)
    for row, measures in zip(figures.coverage.by_college, cells, strict=True):
        row.measures = [
            ShownMeasureFigure(
                m["measure"],
                m["label"],
                m["covered"],
                m["total"],
                covered_text=m["covered_text"],
                total_text=m["total_text"],
                shown_percent=m["percent"],
            )
            for m in measures
        ]
    return ServedAnnual(figures, seq, computed_at)
