"""who gave a turn away is kept, so that a later deal does not hand it back to them

Revision ID: 0031
Revises: 0030
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0031'
down_revision: str | None = '0030'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A plain ALTER TABLE, not a batch: SQLite's batch copies the table and drops the old one, and with foreign
# keys on that drop would cascade to the posts (prompt_post) of every occurrence.
def upgrade() -> None:
    op.add_column('occurrence', sa.Column('given_by', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('occurrence', 'given_by')
