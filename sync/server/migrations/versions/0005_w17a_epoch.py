"""the server's epoch: the identity of its change history, renewed when a restore is found

Revision ID: 0004_w17a
Revises: 0003_w17b
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_w17a"
down_revision: str | None = "0003_w17b"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("seq_counter", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("epoch_start", _BIG, nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("epoch_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("identity", sa.String(length=128), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("past_epochs", sa.Text(), nullable=False, server_default=""))
    # Every database starts with an epoch of its own (devices learn it from their next pull).
    op.execute(
        sa.text("UPDATE seq_counter SET epoch = :epoch, epoch_start = value").bindparams(
            epoch=secrets.token_hex(8)
        )
    )


def downgrade() -> None:
    with op.batch_alter_table("seq_counter", schema=None) as batch_op:
        batch_op.drop_column("past_epochs")
        batch_op.drop_column("identity")
        batch_op.drop_column("epoch_at")
        batch_op.drop_column("epoch_start")
        batch_op.drop_column("epoch")
