"""follow-ups: when the board last took one, so the next covers what happened since

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'follow_up',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('district_id', sa.Integer(), nullable=False),
        sa.Column('made_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_follow_up_district', 'follow_up', ['district_id', 'made_at'])


def downgrade() -> None:
    op.drop_index('ix_follow_up_district', table_name='follow_up')
    op.drop_table('follow_up')
