"""initial schema: districts, plan, people, conversations

Revision ID: 0001
Revises: 
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.db.engine

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('district',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('plan_title', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('plan_year', sa.Integer(), nullable=True),
    sa.Column('priority_areas', sa.JSON(), nullable=False),
    sa.Column('created_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('aad_object_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('teams_user_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('created_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('aad_object_id'),
    sa.UniqueConstraint('teams_user_id')
    )
    op.create_table('conversation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('tenant_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('channel_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('reference', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('conversation_id')
    )
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conversation_team_id'), ['team_id'], unique=False)

    op.create_table('section',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('district_id', 'position')
    )
    op.create_table('goal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('section_id', sa.Integer(), nullable=True),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text_en', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('target', sa.JSON(), nullable=False),
    sa.Column('applies_to_branches', sa.Boolean(), nullable=False),
    sa.Column('created_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('retired_at', bot.db.engine.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['section.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('district_id', 'number')
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index('ix_goal_section', ['section_id'], unique=False)


def downgrade() -> None:

    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_index('ix_goal_section')

    op.drop_table('goal')
    op.drop_table('section')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conversation_team_id'))

    op.drop_table('conversation')
    op.drop_table('person')
    op.drop_table('district')

