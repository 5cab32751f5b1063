"""What the server needs to know about record types: validation, students, ownership, special roles."""

from __future__ import annotations

import json
from functools import cache
from typing import Annotated, Any

from pydantic import TypeAdapter, ValidationError

from sync.protocol import SCHEMA_MAX, SCHEMA_MIN
from sync.records import RECORD_TYPES, Record
from sync.records.enums import Ownership

STUDENT = "student"
MENTOR = "mentor"
MENTOR_ASSIGNMENT = "mentor_assignment"
SUPPORT_LOG = "support_log_entry"
KEY_SUPPORT = "key_support"
HOME_VISIT = "home_visit"
AUDIT_ENTRY = "audit_entry"
USER = "user"
COLLEGE = "college"
ENROLMENT_STATUS = "enrolment_status"
CASE_REVIEW = "case_review"
ACADEMIC_RESULT = "academic_result"
COLLEGE_ACADEMIC_BENCHMARK = "college_academic_benchmark"
# Outcome records of a student: written by the centers only (the school center for every student, a
# college center for its own college's); counselors and mentors read those of their students.
OUTCOME_RECORDS = frozenset({ENROLMENT_STATUS, CASE_REVIEW, ACADEMIC_RESULT})

# Kept in the server's audit log, never published to other devices.
UNPUBLISHED = frozenset({AUDIT_ENTRY})
# Fields whose values the server also keeps in columns of its own (scope index, audit log): PostgreSQL
# text cannot hold NUL, so a NUL there makes the record invalid (on every database alike).
COLUMN_FIELDS = (
    "student_id",
    "student_ids",
    "college_id",
    "counselor_id",
    "mentor_id",
    "user_id",
    "to_date",
    "record_id",
)
# Fields of a student that decide scope: only the college center changes them on an existing student.
SCOPE_FIELDS = frozenset({"college_id", "counselor_id"})
# The fields of a counselor's visit the college center may change: the review.
VISIT_REVIEW_FIELDS = frozenset({"status", "reviewed_by_id", "reviewed_at"})


# The schema versions this server serves (``GET /health``; a request outside it is 426).  An op of an
# older schema in the window is read by giving the fields that schema lacked their defaults
# (``sync.records.schema``); fields this server does not know are refused (``unknown_fields``).
SCHEMA_WINDOW: tuple[int, int] = (SCHEMA_MIN, SCHEMA_MAX)
UNKNOWN_FIELDS = "未知字段：{names}（中心服务器的数据版本不认识这些字段，请升级中心服务器）"


class InvalidRecord(ValueError):
    """The merged fields do not form a valid record; ``message`` is Chinese and names no values."""


def record_class(record_type: str) -> type[Record] | None:
    return RECORD_TYPES.get(record_type)


def schema_window() -> tuple[int, int]:
    """The lowest and the highest schema version this server serves."""
    return SCHEMA_WINDOW


def unknown_fields_message(cls: type[Record], names: set[str]) -> str | None:
    """The refusal of an op that carries fields this server does not know (None: it knows them all).

    The server never keeps fields it cannot validate: a newer client holds such ops until the server is
    upgraded (docs/sync-protocol.md §2a), so only a client that ignores the window gets this answer."""
    unknown = names - known_fields(cls)
    return UNKNOWN_FIELDS.format(names="、".join(sorted(unknown))) if unknown else None


def is_author_owned(cls: type[Record]) -> bool:
    return cls.OWNERSHIP == Ownership.AUTHOR


def belongs_to_students(cls: type[Record]) -> bool:
    """Whether records of this type belong to students (else they are school-level catalogue rows)."""
    return cls.RECORD_TYPE == STUDENT or "student_id" in cls.model_fields or "student_ids" in cls.model_fields


def validate(
    cls: type[Record], record_id: str, fields: dict[str, Any]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Validate a whole record; returns its normalised JSON fields (without ``id``) and its students."""
    data = dict(fields)
    data["id"] = record_id
    try:
        record = cls.model_validate(data)
    except ValidationError as error:
        names = sorted({".".join(str(part) for part in item["loc"][:1]) or "*" for item in error.errors()})
        raise InvalidRecord("字段无效：" + "、".join(names)) from None
    except (ValueError, TypeError):
        raise InvalidRecord("记录无效") from None
    normalised = json.loads(record.model_dump_json())
    normalised.pop("id", None)
    bad = sorted(name for name in COLUMN_FIELDS if _has_nul(normalised.get(name)))
    if bad:
        raise InvalidRecord("字段无效：" + "、".join(bad))
    return normalised, record.scope_student_ids()


def validate_partial(cls: type[Record], fields: dict[str, Any]) -> dict[str, Any]:
    """Validate each given field on its own (an edit whose record is gone, kept in a conflict); returns
    the normalised JSON values.  Rules across fields cannot be checked without the whole record."""
    normalised: dict[str, Any] = {}
    bad: list[str] = []
    for name, value in fields.items():
        adapter = _field_adapter(cls, name)
        try:
            normalised[name] = adapter.dump_python(adapter.validate_python(value), mode="json")
        except (ValidationError, ValueError, TypeError):
            bad.append(name)
            continue
        if name in COLUMN_FIELDS and _has_nul(normalised[name]):
            bad.append(name)
    if bad:
        raise InvalidRecord("字段无效：" + "、".join(sorted(bad)))
    return normalised


@cache
def _field_adapter(cls: type[Record], name: str) -> TypeAdapter[Any]:
    info = cls.model_fields[name]
    annotated: Any = Annotated[info.annotation, info]
    return TypeAdapter(annotated)


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    return isinstance(value, list) and any(isinstance(item, str) and "\x00" in item for item in value)


def known_fields(cls: type[Record]) -> frozenset[str]:
    return frozenset(name for name in cls.model_fields if name != "id")
