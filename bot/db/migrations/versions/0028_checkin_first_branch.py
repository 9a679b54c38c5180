"""a check-in keeps the branch it was first reported for when a merge moves it to another

Revision ID: 0028
Revises: 0025
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | None = '0025'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('checkin') as batch:
        batch.add_column(sa.Column('first_branch_id', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('checkin') as batch:
        batch.drop_column('first_branch_id')
