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


# A plain ALTER TABLE, not a batch: SQLite's batch copies the table and drops the old one, and with foreign
# keys on that drop would cascade to the posts (prompt_post) of every occurrence.
def upgrade() -> None:
    op.add_column('occurrence', sa.Column('by_hand', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column('occurrence', 'by_hand')
