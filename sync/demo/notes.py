"""Compose varied, realistic Chinese notes from the phrase banks.

A note is a random selection of sentence templates filled from a context of facts about the student
and the visit (names, places, amounts, dates), so no two notes come out the same.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from sync.demo import phrases as P

Context = dict[str, str]

LONG_NOTE_CHARS = 1000


def base_context(rng: random.Random, **facts: str) -> Context:
    """Random amounts and details for the templates, overridden by the given facts."""
    ctx: Context = {
        "call": "该生",
        "father": "父亲",
        "mother": "母亲",
        "guardian": "母亲",
        "county": "",
        "town": "",
        "city": rng.choice(P.WORK_CITIES),
        "crop": rng.choice(P.CROPS),
        "livestock": rng.choice(P.LIVESTOCK),
        "job": rng.choice(P.JOBS),
        "monthly": str(rng.randrange(2_800, 7_500, 100)),
        "months": str(rng.randint(6, 11)),
        "mu": rng.choice(("两", "三", "四", "五", "六", "七", "八", "十")),
        "farm": str(rng.randrange(6_000, 22_000, 500)),
        "subsidy": str(rng.randrange(500, 2_000, 50)),
        "relief": str(rng.randrange(1_000, 6_000, 500)),
        "income": str(rng.randrange(12_000, 60_000, 1_000)),
        "percap": str(rng.randrange(4_000, 12_000, 500)),
        "tuition": str(rng.randrange(5_200, 9_800, 100)),
        "living": str(rng.randrange(900, 1_600, 50)),
        "ill_who": "奶奶",
        "illness": rng.choice(P.ILLNESSES),
        "medcost": str(rng.randrange(300, 3_000, 50)),
        "sib": "弟弟",
        "sib_grade": rng.choice(("小学五年级", "初一", "初二", "初三", "高一", "高二", "高三", "中职二年级")),
        "sib_cost": str(rng.randrange(1_500, 9_000, 500)),
        "repair": str(rng.randrange(3_000, 30_000, 500)),
        "travel": str(rng.randrange(1_500, 5_000, 100)),
        "debt": str(rng.randrange(20_000, 150_000, 1_000)),
        "loan": str(rng.randrange(8_000, 16_001, 1_000)),
        "repay": str(rng.randrange(800, 3_000, 50)),
        "rent": str(rng.randrange(400, 1_500, 50)),
        "date": "",
        "hobby": rng.choice(P.HOBBIES),
        "cert": rng.choice(P.CERTIFICATES),
        "gpa": f"{rng.uniform(2.0, 4.2):.2f}",
        "rank": f"{rng.randint(1, 60)}/{rng.randint(60, 180)}",
        "post": rng.choice(P.CAMPUS_POSTS),
        "club": rng.choice(P.CLUBS),
        "vhours": str(rng.randint(4, 60)),
        "fails": rng.choice(("一", "两", "三")),
        "award": rng.choice(P.AWARDS),
        "workplace": rng.choice(P.WORKPLACES),
        "whours": str(rng.randint(20, 40)),
        "grant": rng.choice(("2200", "3300", "4400")),
        "bonus": rng.choice(("800", "1000", "2000", "5000", "6000")),
        "waiver": str(rng.randrange(2_000, 6_000, 500)),
        "basis": "",
        "cause": "因病",
        "level": "困难",
        "counselor": "辅导员",
        "hours": rng.choice(("一", "两", "三", "四", "五")),
        "minutes": str(rng.randrange(20, 90, 5)),
        "plan_date": "",
        "program": rng.choice(P.PROGRAMS),
        "course": rng.choice(P.COURSES),
        "activity": rng.choice(P.ACTIVITIES),
    }
    ctx.update(facts)
    return ctx


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
    unfit = list(leave_out)
    if mode != "on_site":
        unfit.extend(P.IN_HOME_WORDS)
    if mode != "video":
        unfit.append("视频")
    if mode != "phone":
        unfit.append("电话那头")

    def fits(template: str) -> bool:
        return not any(word in template for word in unfit)

    body = [t for t in P.VISIT_BODY if fits(t)]
    policy = [t for t in P.VISIT_POLICY if fits(t)]
    closing = [t for t in P.VISIT_CLOSING if fits(t)]
    reflections = [t for t in P.REFLECTIONS if fits(t)]
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
            parts.append(sentences(rng, policy + list(P.VISIT_EDUCATION), rng.randint(1, 2), ctx))
        if rng.random() < 0.5:
            parts.append(fill(rng.choice(closing), ctx))
        parts.append(fill(rng.choice(P.VISIT_PLANS), ctx))
    return "".join(parts)


def pool_without(pool: Sequence[str], words: Sequence[str]) -> list[str]:
    """The templates of ``pool`` containing none of ``words`` (the whole pool if none is left)."""
    kept = [t for t in pool if not any(word in t for word in words)]
    return kept or list(pool)
