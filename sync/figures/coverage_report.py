"""The six full coverages (六个全覆盖) of DOMAIN.md: what a coverage figure is, its rule in one line and what a
student lacks for it; the shapes the laptop's store (``desktop/store/coverage.py``, set-based SQL) and the
plain-Python engine over ``SchoolFacts`` (``sync/figures/coverage.py``, laptop and server) both return, so a
dashboard, a report and the server's aggregates compare equal field by field. docs/coverage.md is the rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sync.records import academic_year_bounds
from sync.records.enums import CodedEnum


class Measure(CodedEnum):
    CENTER = "center", "支持中心全覆盖"
    VISITS = "visits", "家访全覆盖"
    REWARDS = "rewards", "成长奖励全覆盖"
    ARCHIVE = "archive", "成长档案全覆盖"
    MENTORS = "mentors", "育人导师全覆盖"
    RESCUE = "rescue", "救助性教育全覆盖"


# The rule of each figure in one line, shown next to it (dashboard, `jiafang coverage --explain`);
# docs/coverage.md is the full text with the policy's words and a worked example.
MEASURE_RULES: dict[Measure, str] = {
    Measure.CENTER: "已登记阵地(地点/房间)、主任和至少一名副主任的支持中心 / 学院数（全校范围另加学校中心）",
    Measure.VISITS: "本学年（9月1日—次年8月31日；新生自入学当年6月1日起）有至少一次已提交的家访"
    "（实地入户、电话、视频、微信·QQ；到校约谈另计）的困难学生 / 本学年认定为困难的学生",
    Measure.REWARDS: "本学年获得至少一项成长奖励的困难学生 / 本学年认定为困难的学生",
    Measure.ARCHIVE: "本学年档案四项齐全（资助历史：本学年资助记录或已记录资助决定的认定；本学年家访；"
    "学生特点：本学年家访或档案个人特长；本学年成长奖励）的困难学生 / 本学年认定为困难的学生",
    Measure.MENTORS: "有在岗育人导师、且导师专长与帮扶需求相符（或中心已记录原因）的重点帮扶学生 / "
    "重点帮扶学生（本学年认定为困难且帮扶进行中）",
    Measure.RESCUE: "本学年既参加救助性教育、又经集体教研研讨的重点帮扶学生 / 重点帮扶学生",
}

# What a student lacks, by the sets of YearFacts (the drill-down's reason).
MISSING_PARTS: dict[Measure, tuple[tuple[str, str], ...]] = {
    Measure.VISITS: (("visited", "本学年无家访"),),
    Measure.REWARDS: (("rewarded", "本学年无成长奖励"),),
    Measure.ARCHIVE: (
        ("aided", "缺资助历史"),
        ("visited", "缺本学年家访"),
        ("traits", "缺学生特点"),
        ("rewarded", "缺本学年成长奖励"),
    ),
    Measure.MENTORS: (("has_mentor", "无在岗育人导师"), ("mentored", "导师专长不符且无中心说明")),
    Measure.RESCUE: (("rescue", "本学年无救助性教育"), ("conference", "本学年未经集体教研")),
}

STUDENT_MEASURES: tuple[Measure, ...] = (Measure.VISITS, Measure.REWARDS, Measure.ARCHIVE)
KEY_SUPPORT_MEASURES: tuple[Measure, ...] = (Measure.MENTORS, Measure.RESCUE)


class ScopeKind(StrEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    COUNSELOR = "counselor"


@dataclass(frozen=True)
class CoverageScope:
    """Whose students: the whole store (school), one college, or one counselor's students."""

    kind: ScopeKind = ScopeKind.SCHOOL
    college_id: str | None = None
    counselor_id: str | None = None

    @classmethod
    def school(cls) -> CoverageScope:
        return cls()

    @classmethod
    def college(cls, college_id: str) -> CoverageScope:
        return cls(ScopeKind.COLLEGE, college_id=college_id)

    @classmethod
    def counselor(cls, counselor_id: str, college_id: str | None = None) -> CoverageScope:
        return cls(ScopeKind.COUNSELOR, college_id=college_id, counselor_id=counselor_id)


@dataclass(frozen=True)
class Ratio:
    covered: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.covered

    @property
    def percent(self) -> float | None:
        """Covered share in percent, ``None`` when there is nobody to cover."""
        return None if self.total == 0 else 100.0 * self.covered / self.total

    def text(self) -> str:
        """ "812/950 (85.5%)" or "—" for an empty denominator."""
        percent = self.percent
        return "—" if percent is None else f"{self.covered}/{self.total}（{percent:.1f}%）"

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.covered + other.covered, self.total + other.total)


EMPTY = Ratio(0, 0)


@dataclass
class BreakdownRow:
    """One college, counselor or class and its ratios."""

    key: str
    label: str
    ratios: dict[Measure, Ratio] = field(default_factory=dict)
    college: str = ""  # for class rows: the college the class belongs to
    at_school: int = 0  # disadvantaged students with a 到校约谈 of the year (counted apart from #2)


@dataclass(frozen=True)
class FlagCounts:
    open: int = 0
    in_progress: int = 0
    resolved_this_year: int = 0
    raised_this_year: int = 0


@dataclass
class CoverageReport:
    academic_year: str
    scope: CoverageScope
    reference_day: date
    include_key_support: bool
    totals: dict[Measure, Ratio]
    by_college: list[BreakdownRow]
    by_counselor: list[BreakdownRow]
    by_class: list[BreakdownRow]
    flags: FlagCounts
    awaiting_visit_first: int  # new students flagged 先家访后认定 with no visit yet
    at_school: int = 0  # disadvantaged students with a 到校约谈 of the year (not a home visit)
    centers: list[CollegeCenter] = field(default_factory=list)  # #1, each with what it lacks

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(self.totals)

    def to_json(self) -> dict[str, Any]:
        """A plain structure for `--json` and the JSON export (no personal data)."""

        def ratios(values: Mapping[Measure, Ratio]) -> dict[str, Any]:
            return {
                measure.value: {
                    "label": measure.label,
                    "covered": ratio.covered,
                    "total": ratio.total,
                    "percent": None if ratio.percent is None else round(ratio.percent, 1),
                }
                for measure, ratio in values.items()
            }

        def rows(items: Iterable[BreakdownRow]) -> list[dict[str, Any]]:
            return [
                {
                    "key": row.key,
                    "label": row.label,
                    "college": row.college,
                    "measures": ratios(row.ratios),
                    "at_school": row.at_school,
                }
                for row in items
            ]

        return {
            "academic_year": self.academic_year,
            "scope": {
                "kind": self.scope.kind.value,
                "college_id": self.scope.college_id,
                "counselor_id": self.scope.counselor_id,
            },
            "reference_day": self.reference_day.isoformat(),
            "key_support_included": self.include_key_support,
            "totals": ratios(self.totals),
            "by_college": rows(self.by_college),
            "by_counselor": rows(self.by_counselor),
            "by_class": rows(self.by_class),
            "monitoring_flags": {
                "open": self.flags.open,
                "in_progress": self.flags.in_progress,
                "resolved_this_year": self.flags.resolved_this_year,
                "raised_this_year": self.flags.raised_this_year,
            },
            "awaiting_visit_first": self.awaiting_visit_first,
            "at_school": self.at_school,
            "centers": [
                {"name": center.name, "school": center.is_school, "missing": list(center.missing)}
                for center in self.centers
            ],
            "rules": {measure.value: MEASURE_RULES[measure] for measure in self.totals},
        }


@dataclass(frozen=True)
class MissingStudent:
    """A student still missing a measure (the drill-down list)."""

    id: str
    student_no: str
    name: str
    college: str
    class_name: str
    counselor: str
    is_new_student: bool
    visit_first: bool  # 先家访后认定 and not yet visited this year
    origin_place: str = ""  # 生源地 (for planning a trip; not shown in public lists)
    missing_parts: tuple[str, ...] = ()  # what the student lacks for the measure (docs/coverage.md)


@dataclass(frozen=True)
class CollegeCenter:
    """A college's support center, or the school's (``is_school``), and what it lacks for #1."""

    id: str
    name: str
    has_center: bool
    missing: tuple[str, ...] = ()
    is_school: bool = False


SCHOOL_CENTER_NAME = "学校学生发展支持中心"


class KeySupportHidden(PermissionError):
    """The caller's role may not see key-support students."""

    def __init__(self) -> None:
        super().__init__("重点帮扶学生名单仅对学生发展支持中心开放；辅导员请在学生档案中逐一查看。")


# The name of the set of the students who have each measure (the same names in the SQL facts and the engine).
COVERED_SET: dict[Measure, str] = {
    Measure.VISITS: "visited",
    Measure.REWARDS: "rewarded",
    Measure.ARCHIVE: "archived",
    Measure.MENTORS: "mentored",
    Measure.RESCUE: "rescued",
}


def reference_day(academic_year: str, today: date | None = None) -> date:
    """The last day of the academic year, or today while it is running."""
    first, last = academic_year_bounds(academic_year)
    today = today or date.today()
    return max(first, min(last, today))
