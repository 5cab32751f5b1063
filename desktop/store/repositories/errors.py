"""Errors raised by repositories, with messages a counselor can read (zh_CN)."""

from __future__ import annotations

from desktop.store.errors import StoreError


class RecordNotFound(StoreError):
    message = "找不到该记录，可能已被删除。"


class NotAuthor(StoreError):
    message = "这条记录由其他老师录入，只能由录入人修改。"


class DuplicateStudentNo(StoreError):
    message = "学号已存在，请核对。"


class FieldConflict(StoreError):
    """A problem with one field of a record (a form shows it under that field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class DuplicateIdentificationYear(FieldConflict):
    def __init__(self, academic_year: str) -> None:
        super().__init__(
            "academic_year",
            f"该学生 {academic_year} 学年已有认定记录（每学年一条），请编辑已有的记录。",
        )


class RecordTypeMismatch(StoreError):
    message = "记录类型不符。"
