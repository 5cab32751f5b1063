"""audit operator and college, device last sync

Revision ID: 0003_w17b
Revises: 0001
Create Date: 2026-12-04 17:40:00

The audit log says who did an administrative action (``operator``) and which college it concerns
(``college_id``, so the college center can read its part); a device remembers its last complete sync.
Colleges already created twice under one name or code are left as they are (renaming one is
``jiafang-server update-college``; ``list-colleges`` marks them); only new duplicates are refused.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_w17b"
down_revision: str | None = "0002_w11"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("operator", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("college_id", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_audit_log_college_id"), ["college_id"], unique=False)
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("last_sync_at")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_college_id"))
        batch_op.drop_column("college_id")
        batch_op.drop_column("operator")
