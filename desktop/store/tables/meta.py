"""Local metadata: schema version, device id, local user, school name and settings (key/value)."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from desktop.store.tables.base import Base


class MetaRow(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]
