"""goal corrections: what the board corrected in chat in a goal as the plan was read, by whom and when;
and whether a district's plan is the bot's sample, shown as an example

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0018'
down_revision: str | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('district', sa.Column('example', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        'goal_correction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('district_id', sa.Integer(), nullable=False),
        sa.Column('goal_id', sa.Integer(), nullable=True),
        sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('value', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column('read_as', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column('made_by', sa.Integer(), nullable=True),
        sa.Column('made_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['made_by'], ['person.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_goal_correction_goal', 'goal_correction', ['goal_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('district', schema=None) as batch_op:
        batch_op.drop_column('example')
    op.drop_index('ix_goal_correction_goal', table_name='goal_correction')
    op.drop_table('goal_correction')
