"""One definition, no drift: each table has exactly its record's fields plus the sync columns."""

from __future__ import annotations

from sqlalchemy import inspect

from desktop.store.repositories import REPOSITORY_CLASSES
from desktop.store.store import Store
from desktop.store.tables import RECORD_TABLES, SYNC_COLUMNS, TABLE_OF, Base
from sync.records import RECORD_TYPES


def test_every_record_type_has_a_table_and_a_repository() -> None:
    assert set(TABLE_OF) == set(RECORD_TYPES)
    assert {repo.RECORD.RECORD_TYPE for repo in REPOSITORY_CLASSES} == set(RECORD_TYPES)
    for repo in REPOSITORY_CLASSES:
        assert repo.TABLE.RECORD is repo.RECORD


def test_columns_are_record_fields_plus_sync_columns() -> None:
    for table in RECORD_TABLES:
        record = table.RECORD
        assert table.__tablename__ == record.RECORD_TYPE
        columns = [column.name for column in table.__table__.columns]
        expected = set(record.model_fields) | set(SYNC_COLUMNS) | set(table.DERIVED_COLUMNS)
        assert set(columns) == expected, table.__name__
        assert len(columns) == len(expected)


def test_nullable_columns_follow_optional_fields() -> None:
    for table in RECORD_TABLES:
        for name, info in table.RECORD.model_fields.items():
            column = table.__table__.columns[name]
            if name == "id":
                continue
            optional = not info.is_required() and info.default is None
            assert column.nullable == optional, f"{table.__name__}.{name}"


def test_migrated_schema_equals_the_tables(store: Store) -> None:
    """A store built by the migration steps has the schema the ORM tables declare."""
    inspector = inspect(store.engine)
    assert set(inspector.get_table_names()) == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        live = {
            column["name"]: (str(column["type"]), column["nullable"])
            for column in inspector.get_columns(name)
        }
        declared = {column.name: (str(column.type.compile()), column.nullable) for column in table.columns}
        assert live == declared, name
        live_indexes = {
            (index["name"], tuple(index["column_names"]), bool(index["unique"]))
            for index in inspector.get_indexes(name)
        }
        declared_indexes = {
            (index.name, tuple(column.name for column in index.columns), bool(index.unique))
            for index in table.indexes
        }
        assert live_indexes == declared_indexes, name
