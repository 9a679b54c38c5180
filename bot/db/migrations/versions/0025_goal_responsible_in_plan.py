"""goals keep whom the plan names responsible for them ("Ansvarig: Kassören", a table's Ansvarig column)

Revision ID: 0025
Revises: 0022
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0025'
down_revision: str | None = '0022'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('goal') as batch:
        batch.add_column(sa.Column('responsible_in_plan', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('goal') as batch:
        batch.drop_column('responsible_in_plan')
