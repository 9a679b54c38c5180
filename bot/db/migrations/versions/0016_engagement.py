"""engagement of posts: reactions, replies and people replying (as per-post salted hashes), and which
teams let the bot read their channels; reminders snoozed until a date; the board's choice to escalate instead of reminding again

Revision ID: 0016
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0016'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # New columns (nullable, or with a default for the rows there are): no table to recreate on SQLite.
    for name in ('reactions', 'replies', 'repliers'):
        op.add_column('prompt_post', sa.Column(name, sa.Integer(), nullable=False, server_default='0'))
    op.add_column('prompt_post', sa.Column('salt', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    op.create_table(
        'post_replier',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('post_id', sa.Integer(), nullable=False),
        sa.Column('hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.ForeignKeyConstraint(['post_id'], ['prompt_post.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('post_id', 'hash'),
    )
    op.create_table(
        'channel_reading',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column('since', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('team_id'),
    )
    op.create_table(
        'quiet_period',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('until', sa.Date(), nullable=False),
        sa.Column('set_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('person_id'),
    )
    op.create_table(
        'reminder_policy',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('district_id', sa.Integer(), nullable=False),
        sa.Column('escalate_after_days', sa.Integer(), nullable=True),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('district_id'),
    )


def downgrade() -> None:
    for table in ('reminder_policy', 'quiet_period', 'channel_reading', 'post_replier'):
        op.drop_table(table)
    with op.batch_alter_table('prompt_post', schema=None) as batch_op:
        for name in ('salt', 'repliers', 'replies', 'reactions'):
            batch_op.drop_column(name)
