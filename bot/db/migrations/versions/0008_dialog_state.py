"""dialog state in the database: a check-in asked one question at a time survives a restart, on any replica

The SDK kept a conversation's place in a dialog in the memory of one process: a restart forgot it, and with
several server processes a user's next answer could reach one that never knew it. Now it is a row per
conversation with a dialog waiting for an answer, and its changes are counted (as migration 0006's tables)
so that every process sees at once whether a conversation has one.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import bot.db.engine

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = 'dialog_state'
EVENTS = ('insert', 'update', 'delete')


def upgrade() -> None:
    op.create_table(TABLE,
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=600), nullable=False),
    sa.Column('state', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', bot.db.engine.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_index(op.f('ix_dialog_state_updated_at'), TABLE, ['updated_at'], unique=False)
    op.execute(f"INSERT INTO change_counter (table_name, changes) VALUES ('{TABLE}', 0)")
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for event in EVENTS:
        if postgresql:  # count_change() is migration 0006's
            op.execute(
                f'CREATE TRIGGER count_{TABLE}_{event} AFTER {event.upper()} ON {TABLE} '
                'FOR EACH STATEMENT EXECUTE FUNCTION count_change()'
            )
        else:
            op.execute(
                f'CREATE TRIGGER count_{TABLE}_{event} AFTER {event.upper()} ON {TABLE} BEGIN '
                f"UPDATE change_counter SET changes = changes + 1 WHERE table_name = '{TABLE}'; END"
            )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for event in EVENTS:
        op.execute(f'DROP TRIGGER count_{TABLE}_{event}' + (f' ON {TABLE}' if postgresql else ''))
    op.execute(f"DELETE FROM change_counter WHERE table_name = '{TABLE}'")
    op.drop_index(op.f('ix_dialog_state_updated_at'), table_name=TABLE)
    op.drop_table(TABLE)
