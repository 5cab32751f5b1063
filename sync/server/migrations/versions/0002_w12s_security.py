"""security: login throttles, 学号 unique per school, when a student left a device's scope, attachments
keyed by file and student

Revision ID: 0002_w12s
Revises: 0001
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002_w12s'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('next_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_login_throttle'))
    )
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_throttle_updated_at'), ['updated_at'], unique=False)
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index('ix_login_failures_key_at')
    op.drop_table('login_failures')

    with op.batch_alter_table('device_holdings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('student_scope', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_no', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('scope_changed_at', sa.DateTime(timezone=True), nullable=True))
    # Fill 学号 from the stored students; a number already taken stays on its first student only (the
    # others keep working and get the duplicate reported when next edited).
    connection = op.get_bind()
    taken: set[str] = set()
    rows = connection.execute(
        sa.text("SELECT id, fields FROM records WHERE record_type = 'student' AND deleted = :no ORDER BY id"),
        {"no": False},
    )
    for record_id, fields in rows.all():
        number = json.loads(fields).get('student_no')
        if isinstance(number, str) and number and number not in taken:
            taken.add(number)
            connection.execute(
                sa.text("UPDATE student_scope SET student_no = :no WHERE student_id = :id"),
                {"no": number[:64], "id": record_id},
            )
    with op.batch_alter_table('student_scope', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_student_scope_student_no'), ['student_no'])

    _attachments_per_student()


def _attachments_per_student() -> None:
    """Attachments: key (sha256) -> (sha256, student_id); chunks get the student too.  The chunks' foreign
    key is dropped before ``attachments`` is rebuilt (SQLite rebuilds a table by dropping it, which with
    foreign keys on would cascade to the chunks)."""
    with op.batch_alter_table('attachment_chunks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('student_id', sa.String(length=64), nullable=True))
    op.execute(
        "UPDATE attachment_chunks SET student_id = "
        "(SELECT attachments.student_id FROM attachments WHERE attachments.sha256 = attachment_chunks.sha256)"
    )
    with op.batch_alter_table('attachment_chunks', schema=None) as batch_op:
        batch_op.drop_constraint('fk_attachment_chunks_sha256_attachments', type_='foreignkey')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_constraint('pk_attachments', type_='primary')
        batch_op.create_primary_key('pk_attachments', ['sha256', 'student_id'])
    with op.batch_alter_table('attachment_chunks', schema=None) as batch_op:
        batch_op.drop_constraint('pk_attachment_chunks', type_='primary')
        batch_op.alter_column('student_id', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_primary_key('pk_attachment_chunks', ['sha256', 'student_id', 'offset'])
        batch_op.create_foreign_key(
            'fk_attachment_chunks_attachments',
            'attachments',
            ['sha256', 'student_id'],
            ['sha256', 'student_id'],
            ondelete='CASCADE',
        )


def downgrade() -> None:
    # One attachment per file again: a file uploaded for several students keeps its first upload only.
    op.execute(
        "DELETE FROM attachment_chunks WHERE EXISTS (SELECT 1 FROM attachments a WHERE "
        "a.sha256 = attachment_chunks.sha256 AND a.student_id < attachment_chunks.student_id)"
    )
    op.execute(
        "DELETE FROM attachments WHERE EXISTS (SELECT 1 FROM attachments a WHERE "
        "a.sha256 = attachments.sha256 AND a.student_id < attachments.student_id)"
    )
    with op.batch_alter_table('attachment_chunks', schema=None) as batch_op:
        batch_op.drop_constraint('fk_attachment_chunks_attachments', type_='foreignkey')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_constraint('pk_attachments', type_='primary')
        batch_op.create_primary_key('pk_attachments', ['sha256'])
    with op.batch_alter_table('attachment_chunks', schema=None) as batch_op:
        batch_op.drop_constraint('pk_attachment_chunks', type_='primary')
        batch_op.create_primary_key('pk_attachment_chunks', ['sha256', 'offset'])
        batch_op.create_foreign_key(
            'fk_attachment_chunks_sha256_attachments', 'attachments', ['sha256'], ['sha256'], ondelete='CASCADE'
        )
        batch_op.drop_column('student_id')
    with op.batch_alter_table('student_scope', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_student_scope_student_no'), type_='unique')
        batch_op.drop_column('scope_changed_at')
        batch_op.drop_column('student_no')
    with op.batch_alter_table('device_holdings', schema=None) as batch_op:
        batch_op.drop_column('left_at')
    op.create_table('login_failures',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index('ix_login_failures_key_at', ['key', 'at'], unique=False)
    with op.batch_alter_table('login_throttle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_throttle_updated_at'))
    op.drop_table('login_throttle')
