"""a device may run in aggregate-only mode (a school-center laptop that holds no student record)

Revision ID: 0005_w15g
Revises: 0004_w17a
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_w15g"
down_revision: str | None = "0004_w17a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("aggregate_only", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("aggregate_only")
