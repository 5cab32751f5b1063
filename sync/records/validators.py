"""Field validators and the annotated field types built on them.

Validators raise ``PydanticCustomError`` with a finished Chinese message, so
``sync.records.errors.field_errors`` can hand the UI one message per field.
"""

from __future__ import annotations

import functools
import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from sync.records.choices import PRECISE_ADDRESS_MARKERS
from sync.records.id_numbers import birth_date_of, check_char

MSG_ID_LENGTH = "身份证号应为 18 位"
MSG_ID_FORMAT = "身份证号前 17 位应为数字，最后一位为数字或 X"
MSG_ID_BIRTH_DATE = "身份证号中的出生日期无效"
MSG_ID_CHECKSUM = "身份证号校验位不正确，请核对"
MSG_PHONE = "手机号格式不正确，应为 11 位、以 13–19 开头"
MSG_FUTURE_DATE = "日期不能晚于今天"
MSG_ACADEMIC_YEAR = "学年格式应为“2025-2026”"
MSG_PLACE = "地点只记录到县/镇，请不要填写门牌号等详细地址"
MSG_STUDENT_NO = "学号只能包含字母和数字"
MSG_STAFF_NO = "工号只能包含字母、数字和短横线"

_ID_RE = re.compile(r"^\d{17}[\dX]$")
_PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
_ACADEMIC_YEAR_RE = re.compile(r"^(\d{4})-(\d{4})$")
_STUDENT_NO_RE = re.compile(r"^[0-9A-Za-z]+$")
_STAFF_NO_RE = re.compile(r"^[0-9A-Za-z-]+$")


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def blank_to_none(value: Any) -> Any:
    """Treat an empty or blank string from a form as "not given"."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def check_id_number(value: str) -> str:
    """Validate an 18-character resident ID number; returns it normalised (upper-case X)."""
    number = value.strip().upper()
    if len(number) != 18:
        raise _fail("id_number_length", MSG_ID_LENGTH)
    if not _ID_RE.match(number):
        raise _fail("id_number_format", MSG_ID_FORMAT)
    try:
        born = birth_date_of(number)
    except ValueError:
        raise _fail("id_number_birth_date", MSG_ID_BIRTH_DATE) from None
    if born.year < 1900 or born > date.today():
        raise _fail("id_number_birth_date", MSG_ID_BIRTH_DATE)
    if check_char(number[:17]) != number[17]:
        raise _fail("id_number_checksum", MSG_ID_CHECKSUM)
    return number


def check_mobile(value: str) -> str:
    """Validate a mainland mobile number (spaces, dashes and a +86 prefix are removed)."""
    number = re.sub(r"[\s-]", "", value)
    if number.startswith("+86"):
        number = number[3:]
    if not _PHONE_RE.match(number):
        raise _fail("phone_format", MSG_PHONE)
    return number


def check_not_future(value: date) -> date:
    if value > date.today():
        raise _fail("date_in_future", MSG_FUTURE_DATE)
    return value


@functools.lru_cache(maxsize=256)  # a school has a handful of years; records name them over and over
def check_academic_year(value: str) -> str:
    match = _ACADEMIC_YEAR_RE.match(value.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise _fail("academic_year_format", MSG_ACADEMIC_YEAR)
    return match.group(0)


def check_place(value: str) -> str:
    if any(marker in value for marker in PRECISE_ADDRESS_MARKERS) or re.search(r"\d{2,}", value):
        raise _fail("place_too_precise", MSG_PLACE)
    return value


def check_student_no(value: str) -> str:
    if not _STUDENT_NO_RE.match(value):
        raise _fail("student_no_format", MSG_STUDENT_NO)
    return value


def check_staff_no(value: str) -> str:
    if not _STAFF_NO_RE.match(value):
        raise _fail("staff_no_format", MSG_STAFF_NO)
    return value


# Annotated field types --------------------------------------------------------------------------
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20000)]
IdNumber = Annotated[str, AfterValidator(check_id_number)]
OptionalIdNumber = Annotated[IdNumber | None, BeforeValidator(blank_to_none)]
MobilePhone = Annotated[str, AfterValidator(check_mobile)]
OptionalMobilePhone = Annotated[MobilePhone | None, BeforeValidator(blank_to_none)]
PastDate = Annotated[date, AfterValidator(check_not_future)]
AcademicYear = Annotated[str, AfterValidator(check_academic_year)]
Place = Annotated[str, StringConstraints(strip_whitespace=True, max_length=60), AfterValidator(check_place)]
StudentNo = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20),
    AfterValidator(check_student_no),
]
StaffNo = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20), AfterValidator(check_staff_no)
]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Minutes = Annotated[int, Field(gt=0, le=24 * 60)]
