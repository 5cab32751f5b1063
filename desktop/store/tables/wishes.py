"""Tables of wishes records (one per record type; columns named as the record fields)."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from sqlalchemy import JSON, Index
from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import RecordRow
from sync.records import Record, WishCatalogItem, WishSelection


class WishCatalogItemRow(RecordRow):
    """Table of :class:`sync.records.WishCatalogItem`."""

    __tablename__ = "wish_catalog_item"
    RECORD: ClassVar[type[Record]] = WishCatalogItem

    category: Mapped[str]
    service_item: Mapped[str]
    provider_department: Mapped[str]
    description: Mapped[str]
    active: Mapped[bool]


class WishSelectionRow(RecordRow):
    """Table of :class:`sync.records.WishSelection`."""

    __tablename__ = "wish_selection"
    RECORD: ClassVar[type[Record]] = WishSelection
    __table_args__ = (Index(None, "student_id", "academic_year"),)

    student_id: Mapped[str]
    academic_year: Mapped[str]
    filled_by: Mapped[str]
    channel: Mapped[str]
    visit_id: Mapped[str | None]
    item_ids: Mapped[list[Any]] = mapped_column(JSON)
    details: Mapped[str]
    priority: Mapped[str]
    status: Mapped[str]
    responsible_person: Mapped[str]
    completed_on: Mapped[date | None]
    feedback: Mapped[str]
