"""device numbers for printed record numbers

Revision ID: 0002_w11
Revises: 0002_w12s
Create Date: 2026-12-04 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_w11"
down_revision: str | None = "0002_w12s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing devices get their number at their next login.
    op.create_table(
        "device_numbers",
        sa.Column("number", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["devices.id"], name=op.f("fk_device_numbers_device_id_devices")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_device_numbers")),
        sa.UniqueConstraint("device_id", name=op.f("uq_device_numbers_device_id")),
    )


def downgrade() -> None:
    op.drop_table("device_numbers")
