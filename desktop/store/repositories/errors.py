"""Errors raised by repositories, with messages a counselor can read (zh_CN)."""

from __future__ import annotations

from desktop.store.errors import StoreError


class RecordNotFound(StoreError):
    message = "找不到该记录，可能已被删除。"


class NotAuthor(StoreError):
    message = "这条记录由其他老师录入，只能由录入人修改。"


class DuplicateStudentNo(StoreError):
    message = "学号已存在，请核对。"


class RecordTypeMismatch(StoreError):
    message = "记录类型不符。"
