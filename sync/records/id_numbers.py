"""Resident identity card numbers (GB 11643-1999): checksum, birth date, synthetic numbers for tests."""

from __future__ import annotations

import random
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"

# A few real county-level region codes, used only to make synthetic numbers look plausible.
SAMPLE_REGION_CODES: tuple[str, ...] = (
    "320102",  # 南京市玄武区
    "320321",  # 徐州市丰县
    "320923",  # 盐城市阜宁县
    "321323",  # 宿迁市泗阳县
    "341221",  # 阜阳市临泉县
    "411627",  # 周口市太康县
    "513030",  # 达州市渠县
    "522425",  # 毕节市织金县
    "622421",  # 定西市通渭县
    "452626",  # 百色市德保县
)


def check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def birth_date_of(id_number: str) -> date:
    """The birth date encoded in an 18-character number (raises ValueError when it is not a date)."""
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def fake_id_number(rng: random.Random, birth_date: date, region: str | None = None) -> str:
    """A checksum-valid synthetic number for tests and demo data (never a real person's on purpose)."""
    region_code = region if region is not None else rng.choice(SAMPLE_REGION_CODES)
    if len(region_code) != 6 or not region_code.isdigit():
        raise ValueError("地区代码应为 6 位数字")
    sequence = f"{rng.randrange(0, 1000):03d}"
    first17 = f"{region_code}{birth_date:%Y%m%d}{sequence}"
    return first17 + check_char(first17)
