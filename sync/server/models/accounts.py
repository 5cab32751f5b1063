"""Accounts, their devices (one hashed token each) and failed-login throttles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from sync.server.models.base import ID, Base, BigId, UtcDateTime, utcnow


class Account(Base):
    """A user who may log in; ``id`` equals the id of the synced ``user`` record."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(32))
    college_id: Mapped[str | None] = mapped_column(ID, nullable=True, index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Device(Base):
    """A registered laptop; its token is stored as SHA-256 only."""

    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(128), default="")
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # The end of the device's last complete pull (to the minute).
    last_sync_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    wipe_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    scope_gen: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_gen: Mapped[int] = mapped_column(Integer, default=0)
    scope_checked_seq: Mapped[int] = mapped_column(BigId, default=-1)
    # Aggregate-only mode (a school-center laptop, chosen at login): no student is in this device's
    # scope, so it holds no student record; it reads the center's figures (GET /figures/…) instead.
    aggregate_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class DeviceNumber(Base):
    """The short number a device's printed record numbers carry (``JF-2026-017-0042``): given at the
    device's first login, never changed and never reused (see sync.records.record_numbers)."""

    __tablename__ = "device_numbers"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), unique=True)


class LoginThrottle(Base):
    """Failed logins of one account, one client address, or one account from one address (``key``), and
    the time before which the next attempt is refused (progressive delays, see ``sync.server.throttle``)."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
