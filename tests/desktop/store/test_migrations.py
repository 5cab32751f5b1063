"""Migrations, tested from the first schema: data survives and a backup is taken first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store.engine import open_engine
from desktop.store.errors import StoreTooNew
from desktop.store.key_vault import KeyVault
from desktop.store.migrations import LATEST_VERSION, STEPS, migrate, schema_version
from desktop.store.store import DB_FILE_NAME, Store
from tests.desktop.store.conftest import PASSPHRASE


def make_v1_store(data_dir: Path) -> bytes:
    """A store as the first release made it, with two students and a family member."""
    key = KeyVault(data_dir).create(PASSPHRASE, use_keyring=False)
    engine = open_engine(data_dir / DB_FILE_NAME, key)
    assert migrate(engine, steps=STEPS[:1]) == [1]
    sync = "0, '2025-09-01T00:00:00.000000+00:00', '2025-09-01T00:00:00.000000+00:00', '{}', 0, NULL, NULL"
    with engine.begin() as conn:
        for key_name, value in {
            "device_id": "dev-1",
            "school_name": "示例大学",
            "user_id": "u1",
            "user_name": "王老师",
            "user_role": "counselor",
        }.items():
            conn.execute(text("INSERT INTO meta (key, value) VALUES (:k, :v)"), {"k": key_name, "v": value})
        for student_id, number, name in (("s1", "2019001", "赵迁移"), ("s2", "2019002", "钱迁移")):
            conn.execute(
                text(
                    "INSERT INTO student (id, student_no, name, ethnicity, major, class_name, origin_place, home_address,"
                    " high_school, talents, is_new_student, search_key, deleted, created_at, updated_at, field_versions,"
                    f" server_seq, author_id, device_id) VALUES (:id, :no, :name, '汉族', '', '', '', '', '', '', 0, '', {sync})"
                ),
                {"id": student_id, "no": number, "name": name},
            )
        conn.execute(
            text(
                "INSERT INTO family_member (id, student_id, name, age, relationship, employer, occupation, annual_income,"
                " health, status, note, deleted, created_at, updated_at, field_versions, server_seq, author_id, device_id)"
                f" VALUES ('f1', 's1', '赵父亲', 50, '父亲', '', '务农', 1234567, 'major', 'present', '', {sync})"
            )
        )
        conn.execute(
            text(
                "INSERT INTO home_visit (id, student_id, category, mode, visit_date, duration_minutes, place, visitors,"
                " interviewees, household, income_sources, income_notes, main_expenses, debts_notes, housing_notes,"
                " special_groups_verified, causes, recent_shocks, suggest_temporary_subsidy, student_traits,"
                " school_feedback, aid_explained, policies_explained, gifts_items, wish_list_state, family_opinions,"
                " verification_result, key_support_suggested, suggested_difficulties, follow_up, visitor_signed,"
                " family_confirmation, family_confirmed_by, student_signed, photo_consent, publicity_consent,"
                " attachments, status, deleted, created_at, updated_at, field_versions, server_seq, author_id, device_id)"
                " VALUES ('v1', 's1', 'annual_coverage', 'phone', '2025-10-01', 20, '', '[{\"name\": \"王老师\"}]',"
                " '[]', '[]', '[]', '', '', '', '', '{}', '[]', '', 0, '', '迁移前的反馈', '', '[]', '',"
                f" 'not_handed_out', '迁移前的意见', '', 0, '[]', '', 0, 'none', '', 0, 0, 0, '[]', 'submitted', {sync})"
            )
        )
    engine.dispose()
    return key


def test_open_migrates_a_v1_store_and_keeps_the_data(data_dir: Path) -> None:
    key = make_v1_store(data_dir)
    store = Store.open(data_dir, PASSPHRASE, backup_daily=False)
    try:
        assert store.info.schema_version == LATEST_VERSION == 11
        with store.session() as s:
            assert [student.name for student in s.students.list(order_by=["name_pinyin"])] == [
                "钱迁移",
                "赵迁移",
            ]
            assert s.family.require("f1").annual_income is not None
            assert str(s.family.require("f1").annual_income) == "12345.67"
            assert s.visits.require("v1").school_feedback == "迁移前的反馈"
            assert s.visits.require("v1").record_no == ""  # numbered when the device number is known
            pinyin = s.db.execute(text("SELECT name_pinyin FROM student WHERE id = 's1'")).scalar_one()
            assert pinyin == "zhao qian yi"
        backups = store.list_backups()
        assert [info.reason for info in backups] == [f"pre-migration-v1-to-v{LATEST_VERSION}"]
        raw = backups[0].path.read_bytes()
        assert not raw.startswith(b"SQLite format 3") and "赵迁移".encode() not in raw
        engine = open_engine(backups[0].path, key)
        with engine.connect() as conn:
            assert schema_version(conn) == 1
            assert conn.execute(text("SELECT name FROM student WHERE id = 's1'")).scalar_one() == "赵迁移"
        engine.dispose()
    finally:
        store.close()


def test_new_store_takes_no_migration_backup(store: Store) -> None:
    assert store.list_backups() == []
    assert store.info.schema_version == LATEST_VERSION


def test_migrating_twice_does_nothing(store: Store) -> None:
    assert migrate(store.engine) == []


def test_store_from_a_newer_release_is_refused(store: Store, data_dir: Path) -> None:
    with store.session() as s:
        s.meta.set("schema_version", str(LATEST_VERSION + 1))
    store.close()
    with pytest.raises(StoreTooNew, match="更新版本"):
        Store.open(data_dir, PASSPHRASE, backup_daily=False)
    # Refused before anything was written: the folder lock is free again.
    with pytest.raises(StoreTooNew):
        Store.open(data_dir, PASSPHRASE, backup_daily=False)


def test_steps_are_ordered_and_described() -> None:
    versions = [step.version for step in STEPS]
    assert versions[0] == 1 and versions == sorted(set(versions))  # increasing (merged branches leave gaps)
    assert all(step.description for step in STEPS)
