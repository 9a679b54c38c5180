"""goal corrections keep the goal as it was before each one, so its history shows from what to what

Revision ID: 0021
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0021'
down_revision: str | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('goal_correction') as batch:
        batch.add_column(
            sa.Column('was', sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False, server_default='')
        )


def downgrade() -> None:
    with op.batch_alter_table('goal_correction') as batch:
        batch.drop_column('was')
