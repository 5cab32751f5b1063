"""security: login throttles, 学号 unique per school, when a student left a device's scope

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


def downgrade() -> None:
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
