"""indexes for progress over many check-ins: the latest per goal and branch, and sums of counts

Both are partial (standing check-ins only, `withdrawn_at IS NULL`), as the queries behind `status` read them
(bot/db/checkins.py, CheckInRepository.progress_reports).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STANDING = 'withdrawn_at IS NULL'


def upgrade() -> None:
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index('ix_checkin_standing', ['goal_id', 'branch_id', 'happened_on', 'created_at', 'id'], unique=False, sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))
        batch_op.create_index('ix_checkin_totals', ['goal_id', 'branch_id', 'area', 'happened_on', 'value'], unique=False, sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))


def downgrade() -> None:
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_index('ix_checkin_totals', sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))
        batch_op.drop_index('ix_checkin_standing', sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))
