"""One definition, no drift: each table has exactly its record's fields plus the sync columns."""

from __future__ import annotations

from sqlalchemy import Column, Table, inspect

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
        assert _live_indexes(store, name) == _declared_indexes(table), name


IndexShape = tuple[
    str, tuple[str | None, ...], bool, bool
]  # name, columns (None: an expression), unique, partial


def _live_indexes(store: Store, table: str) -> set[IndexShape]:
    """The table's indexes as SQLite reports them (SQLAlchemy's reflection skips expression indexes)."""
    shapes: set[IndexShape] = set()
    with store.engine.connect() as conn:
        for index in conn.exec_driver_sql(f"PRAGMA index_list('{table}')").mappings().all():
            if index["origin"] != "c":  # primary keys and UNIQUE constraints are not declared as indexes
                continue
            columns = conn.exec_driver_sql(f"PRAGMA index_info('{index['name']}')").mappings().all()
            names = tuple(column["name"] for column in sorted(columns, key=lambda column: column["seqno"]))
            shapes.add((index["name"], names, bool(index["unique"]), bool(index["partial"])))
    return shapes


def _declared_indexes(table: Table) -> set[IndexShape]:
    return {
        (
            str(index.name),
            tuple(
                expression.name if isinstance(expression, Column) else None
                for expression in index.expressions
            ),
            bool(index.unique),
            index.dialect_options["sqlite"]["where"] is not None,
        )
        for index in table.indexes
    }
