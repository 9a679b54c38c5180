"""an index for when a district's first check-in was stored: progress asks on every status, and without it
SQLite read every check-in the district ever had (55 ms at ten years of 50 branches)

Revision ID: 0030
Revises: 0029
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0030'
down_revision: str | None = '0029'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_checkin_district_created', 'checkin', ['district_id', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_checkin_district_created', table_name='checkin')
