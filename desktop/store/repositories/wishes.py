"""The wish-list catalogue and students' selections."""

from __future__ import annotations

from typing import ClassVar

from desktop.store.repositories.base import Repository, StudentOwnedRepository
from desktop.store.tables import RecordRow, WishCatalogItemRow, WishSelectionRow
from sync.records import Record, WishCatalogItem, WishSelection


class WishCatalogRepository(Repository[WishCatalogItem]):
    RECORD: ClassVar[type[Record]] = WishCatalogItem
    TABLE: ClassVar[type[RecordRow]] = WishCatalogItemRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("service_item", "provider_department", "description")
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("category", "service_item")

    def active(self) -> list[WishCatalogItem]:
        return self.list(where={"active": True})


class WishSelectionRepository(StudentOwnedRepository[WishSelection]):
    RECORD: ClassVar[type[Record]] = WishSelection
    TABLE: ClassVar[type[RecordRow]] = WishSelectionRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("academic_year",)
    DATE_COLUMN: ClassVar[str | None] = "academic_year"
