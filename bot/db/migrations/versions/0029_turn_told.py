"""a turn dealt to someone who was told it is theirs is marked, so they are told when it is dealt away again

Revision ID: 0029
Revises: 0028
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0029'
down_revision: str | None = '0028'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain ALTER TABLE, not a batch: SQLite's batch copies the table and drops the old one, and with foreign
# keys on that drop would cascade to the posts (prompt_post) of every occurrence.
def upgrade() -> None:
    op.add_column('occurrence', sa.Column('told_at', UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column('occurrence', 'told_at')
