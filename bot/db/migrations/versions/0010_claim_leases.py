"""claims held by a lease: a post claimed by a process that died is recognised whatever its pid or host

The claimer renews `held_until` while it sends; any running server settles a claim still sending past it.
Claims open at the upgrade count as lapsed (their processes ran the release before).

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.db.engine import UTCDateTime

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A new nullable column: no table to recreate on SQLite.
    op.add_column('prompt_post', sa.Column('held_until', UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('prompt_post', schema=None) as batch_op:
        batch_op.drop_column('held_until')
