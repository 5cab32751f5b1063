"""Schema v9: every synced record table keeps the fields of a pulled record that this client's schema does
not know (a newer server's), in a JSON column ``extra``, so that they are neither dropped nor lost on a
local edit (docs/sync-protocol.md §2a)."""

from __future__ import annotations

from sqlalchemy import Connection

VERSION = 9
DESCRIPTION = "保存本机版本不认识的记录字段"

# The record tables as of this step (a later record type creates its table with the column).
TABLES: tuple[str, ...] = (
    "college",
    "school_center",
    "user",
    "mentor",
    "student",
    "family_member",
    "identification",
    "home_visit",
    "guarantee_aid",
    "growth_reward",
    "give_back_activity",
    "key_support",
    "mentor_assignment",
    "support_log_entry",
    "rescue_session",
    "wish_catalog_item",
    "wish_selection",
    "monitoring_flag",
    "audit_entry",
)


def upgrade(conn: Connection) -> None:
    for table in TABLES:
        conn.exec_driver_sql(f"ALTER TABLE \"{table}\" ADD COLUMN extra JSON NOT NULL DEFAULT '{{}}'")
