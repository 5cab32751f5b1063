"""公示: the notices of identification results and their objections."""

from __future__ import annotations

import builtins
from typing import ClassVar

from desktop.store.repositories.base import Repository
from desktop.store.tables import NoticeObjectionRow, PublicNoticeRow, RecordRow
from sync.records import NoticeObjection, PublicNotice, Record


class PublicNoticeRepository(Repository[PublicNotice]):
    RECORD: ClassVar[type[Record]] = PublicNotice
    TABLE: ClassVar[type[RecordRow]] = PublicNoticeRow
    SEARCH_COLUMNS: ClassVar[tuple[str, ...]] = ("title",)
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("published_on", "id")


class NoticeObjectionRepository(Repository[NoticeObjection]):
    RECORD: ClassVar[type[Record]] = NoticeObjection
    TABLE: ClassVar[type[RecordRow]] = NoticeObjectionRow
    DEFAULT_ORDER: ClassVar[tuple[str, ...]] = ("received_on", "id")

    def for_notice(self, notice_id: str) -> builtins.list[NoticeObjection]:
        """A notice's objections, oldest first."""
        return self.list(where={"notice_id": notice_id})
