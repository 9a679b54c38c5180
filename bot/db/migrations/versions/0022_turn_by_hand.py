"""a turn the board gave or swapped by hand is marked, so a schedule change does not deal it again

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0022'
down_revision: str | None = '0021'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('occurrence') as batch:
        batch.add_column(sa.Column('by_hand', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('occurrence') as batch:
        batch.drop_column('by_hand')
