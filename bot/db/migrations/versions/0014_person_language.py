"""each person's language: the one they chose (`språk svenska`) and the latest Teams locale they wrote with

Messages the bot starts itself (reminders, notices, digests) reach each person in their own language.

Revision ID: 0014
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0014'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'person_language',
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('language', sa.String(length=5), nullable=True),
        sa.Column('locale', sa.String(length=20), nullable=True),
        sa.Column('updated_at', UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('person_id'),
    )


def downgrade() -> None:
    op.drop_table('person_language')
