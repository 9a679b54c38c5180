"""check-in forms sent twice: each form's submission stored once

A check-in form carries a token of its own; the check-in it stored keeps it, and one unique index (over the
check-ins that have one) refuses a second row for it.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBMITTED = 'submission IS NOT NULL'


def upgrade() -> None:
    # A new nullable column and an index: no table to recreate on SQLite (which would drop its triggers).
    op.add_column('checkin', sa.Column('submission', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    op.create_index('ux_checkin_submission', 'checkin', ['submission'], unique=True, sqlite_where=sa.text(SUBMITTED), postgresql_where=sa.text(SUBMITTED))


def downgrade() -> None:
    op.drop_index('ux_checkin_submission', table_name='checkin', sqlite_where=sa.text(SUBMITTED), postgresql_where=sa.text(SUBMITTED))
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.drop_column('submission')
