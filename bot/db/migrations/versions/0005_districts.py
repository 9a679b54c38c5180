"""teams linked to districts, and who belongs to which district

One deployment serves several districts. Before this revision every conversation was stored with the one
district the deployment had; teams and memberships are filled in from that, so nothing changes for it.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.db.engine

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=True),
    sa.Column('linked_at', bot.db.engine.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('team_id')
    )
    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('district_id', sa.Integer(), nullable=False),
    sa.Column('seen_at', bot.db.engine.UTCDateTime(timezone=True), nullable=False),
    sa.Column('chosen_at', bot.db.engine.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district_id'], ['district.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'district_id')
    )
    # Every team the bot was in belonged to the deployment's district: link it there.
    op.execute(
        "INSERT INTO team (team_id, name, district_id, linked_at, created_at, updated_at) "
        "SELECT team_id, '', MAX(district_id), MIN(created_at), MIN(created_at), MAX(updated_at) "
        "FROM conversation WHERE team_id IS NOT NULL GROUP BY team_id"
    )
    # And everyone in a personal chat with it belonged to that district.
    op.execute(
        "INSERT INTO membership (person_id, district_id, seen_at) "
        "SELECT person_id, district_id, MAX(updated_at) FROM conversation "
        "WHERE person_id IS NOT NULL AND district_id IS NOT NULL GROUP BY person_id, district_id"
    )


def downgrade() -> None:
    op.drop_table('membership')
    op.drop_table('team')
