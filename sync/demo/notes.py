"""Compose varied, realistic Chinese notes from the phrase banks.

A note is a random selection of sentence templates filled from a context of facts about the student
and the visit (names, places, amounts, dates), so no two notes come out the same.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import lru_cache

from sync.demo import phrases as P

LONG_NOTE_CHARS = 1000


class Context(dict[str, str]):
    """Template values: the given facts, and random details drawn only when a template needs them.

    Drawing lazily keeps generation fast; the draws happen in template order, so the result is
    still a pure function of the seed.
    """

    def __init__(self, rng: random.Random, facts: dict[str, str]) -> None:
        super().__init__(_DEFAULTS)
        self.update(facts)
        self._rng = rng

    def __missing__(self, key: str) -> str:
        value = _RANDOM[key](self._rng)
        self[key] = value
        return value


_DEFAULTS: dict[str, str] = {
    "call": "该生",
    "father": "父亲",
    "mother": "母亲",
    "guardian": "母亲",
    "county": "",
    "town": "",
    "ill_who": "奶奶",
    "sib": "弟弟",
    "date": "",
    "basis": "",
    "cause": "因病",
    "level": "困难",
    "counselor": "辅导员",
    "plan_date": "",
}
_RANDOM: dict[str, Callable[[random.Random], str]] = {
    "city": lambda rng: rng.choice(P.WORK_CITIES),
    "crop": lambda rng: rng.choice(P.CROPS),
    "livestock": lambda rng: rng.choice(P.LIVESTOCK),
    "job": lambda rng: rng.choice(P.JOBS),
    "monthly": lambda rng: str(rng.randrange(2_800, 7_500, 100)),
    "months": lambda rng: str(rng.randint(6, 11)),
    "mu": lambda rng: rng.choice(("两", "三", "四", "五", "六", "七", "八", "十")),
    "farm": lambda rng: str(rng.randrange(6_000, 22_000, 500)),
    "subsidy": lambda rng: str(rng.randrange(500, 2_000, 50)),
    "relief": lambda rng: str(rng.randrange(1_000, 6_000, 500)),
    "income": lambda rng: str(rng.randrange(12_000, 60_000, 1_000)),
    "percap": lambda rng: str(rng.randrange(4_000, 12_000, 500)),
    "tuition": lambda rng: str(rng.randrange(5_200, 9_800, 100)),
    "living": lambda rng: str(rng.randrange(900, 1_600, 50)),
    "illness": lambda rng: rng.choice(P.ILLNESSES),
    "medcost": lambda rng: str(rng.randrange(300, 3_000, 50)),
    "sib_grade": lambda rng: rng.choice(
        ("小学五年级", "初一", "初二", "初三", "高一", "高二", "高三", "中职二年级")
    ),
    "sib_cost": lambda rng: str(rng.randrange(1_500, 9_000, 500)),
    "repair": lambda rng: str(rng.randrange(3_000, 30_000, 500)),
    "travel": lambda rng: str(rng.randrange(1_500, 5_000, 100)),
    "debt": lambda rng: str(rng.randrange(20_000, 150_000, 1_000)),
    "loan": lambda rng: str(rng.randrange(8_000, 16_001, 1_000)),
    "repay": lambda rng: str(rng.randrange(800, 3_000, 50)),
    "rent": lambda rng: str(rng.randrange(400, 1_500, 50)),
    "hobby": lambda rng: rng.choice(P.HOBBIES),
    "cert": lambda rng: rng.choice(P.CERTIFICATES),
    "gpa": lambda rng: f"{rng.uniform(2.0, 4.2):.2f}",
    "rank": lambda rng: f"{rng.randint(1, 60)}/{rng.randint(60, 180)}",
    "post": lambda rng: rng.choice(P.CAMPUS_POSTS),
    "club": lambda rng: rng.choice(P.CLUBS),
    "vhours": lambda rng: str(rng.randint(4, 60)),
    "fails": lambda rng: rng.choice(("一", "两", "三")),
    "award": lambda rng: rng.choice(P.AWARDS),
    "workplace": lambda rng: rng.choice(P.WORKPLACES),
    "whours": lambda rng: str(rng.randint(20, 40)),
    "grant": lambda rng: rng.choice(("2200", "3300", "4400")),
    "bonus": lambda rng: rng.choice(("800", "1000", "2000", "5000", "6000")),
    "waiver": lambda rng: str(rng.randrange(2_000, 6_000, 500)),
    "hours": lambda rng: rng.choice(("一", "两", "三", "四", "五")),
    "minutes": lambda rng: str(rng.randrange(20, 90, 5)),
    "program": lambda rng: rng.choice(P.PROGRAMS),
    "course": lambda rng: rng.choice(P.COURSES),
    "activity": lambda rng: rng.choice(P.ACTIVITIES),
}


def base_context(rng: random.Random, **facts: str) -> Context:
    """A context with the given facts; other details are drawn from ``rng`` when first used."""
    return Context(rng, facts)


def fill(template: str, ctx: Context) -> str:
    return template.format_map(ctx)


def sentences(rng: random.Random, pool: Sequence[str], count: int, ctx: Context) -> str:
    """``count`` different sentences of ``pool`` (fewer when the pool is smaller), joined."""
    chosen = rng.sample(pool, min(count, len(pool)))
    return "".join(fill(template, ctx) for template in chosen)


def follow_up_note(
    rng: random.Random, ctx: Context, *, long: bool, mode: str, leave_out: Sequence[str] = ()
) -> str:
    """A 家访手记: an opening, what was seen and said, policies, education, a plan; long ones reflect too.

    ``mode`` is a VisitMode code; sentences that only fit another mode (a phone call "seeing" the
    house) are left out, as are sentences containing any of ``leave_out``.
    """
    body, policy, closing, shared = _pools(mode, tuple(leave_out))
    reflections = list(shared)
    parts = [fill(rng.choice(P.VISIT_OPENINGS[mode]), ctx)]
    if long:
        parts.append(sentences(rng, body, rng.randint(7, 10), ctx))
        parts.append(sentences(rng, policy, rng.randint(2, 4), ctx))
        parts.append(sentences(rng, P.VISIT_EDUCATION, rng.randint(2, 4), ctx))
        parts.append("\n\n")
        rng.shuffle(reflections)
        parts.append(fill(reflections.pop(), ctx))
        parts.append(fill(reflections.pop(), ctx))
        parts.append("\n\n" + fill(rng.choice(closing), ctx))
        parts.append(fill(rng.choice(P.VISIT_PLANS), ctx))
        while sum(len(part) for part in parts) < LONG_NOTE_CHARS and reflections:
            parts.insert(-2, fill(reflections.pop(), ctx))
    else:
        parts.append(sentences(rng, body, rng.randint(1, 3), ctx))
        if rng.random() < 0.6:
            parts.append(sentences(rng, policy + P.VISIT_EDUCATION, rng.randint(1, 2), ctx))
        if rng.random() < 0.5:
            parts.append(fill(rng.choice(closing), ctx))
        parts.append(fill(rng.choice(P.VISIT_PLANS), ctx))
    return "".join(parts)


def pool_without(pool: Sequence[str], words: Sequence[str]) -> list[str]:
    """The templates of ``pool`` containing none of ``words`` (the whole pool if none is left)."""
    kept = [t for t in pool if not any(word in t for word in words)]
    return kept or list(pool)


@lru_cache(maxsize=64)
def _pools(
    mode: str, leave_out: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The body, policy, closing and reflection sentences that fit a visit mode."""
    unfit = list(leave_out)
    if mode != "on_site":
        unfit.extend(P.IN_HOME_WORDS)
    if mode != "video":
        unfit.append("视频")
    if mode != "phone":
        unfit.append("电话那头")

    def fitting(pool: Sequence[str]) -> tuple[str, ...]:
        return tuple(t for t in pool if not any(word in t for word in unfit))

    return fitting(P.VISIT_BODY), fitting(P.VISIT_POLICY), fitting(P.VISIT_CLOSING), fitting(P.REFLECTIONS)
