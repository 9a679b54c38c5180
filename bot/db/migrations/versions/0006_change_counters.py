"""a count of the changes to who is who: what another process changed, seen without reading it all again

Each server process keeps who has which role, the branches and the goals' numbers (bot/db/engine.py,
ReadCache). It sees its own changes at once; to see another process's (a replica, the CLI) it read them all
again every second. Now the database counts the changes to those tables, by triggers, and each server
reads the counts twice a second (Database.watch): one row per table instead of every person's roles.

A person's last_seen_at, written by every check-in, is not counted: nothing kept reads it.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables counted (bot/db/engine.py, WATCHED_TABLES), and for each, the UPDATE columns that count (None:
# any). A later migration that recreates one of these tables on SQLite (batch_alter_table) must create its
# triggers again.
COUNTED: dict[str, tuple[str, ...] | None] = {
    'district': None,
    'branch': None,
    'role': None,
    'person': ('aad_object_id', 'teams_user_id', 'name'),
    'goal': None,
    'goal_responsible': None,
}
EVENTS = ('insert', 'update', 'delete')


def _trigger(table: str, event: str) -> str:
    return f'count_{table}_{event}'


def _when(table: str, event: str) -> str:
    columns = COUNTED[table]
    return f'{event.upper()} OF {", ".join(columns)}' if event == 'update' and columns else event.upper()


def upgrade() -> None:
    counter = op.create_table('change_counter',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('changes', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('table_name')
    )
    op.bulk_insert(counter, [{'table_name': table, 'changes': 0} for table in COUNTED])
    if op.get_bind().dialect.name == 'postgresql':
        op.execute(
            "CREATE FUNCTION count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "UPDATE change_counter SET changes = changes + 1 WHERE table_name = TG_TABLE_NAME; "
            "RETURN NULL; END $$"
        )
        for table in COUNTED:
            for event in EVENTS:
                op.execute(
                    f'CREATE TRIGGER {_trigger(table, event)} AFTER {_when(table, event)} ON {table} '
                    'FOR EACH STATEMENT EXECUTE FUNCTION count_change()'
                )
    else:
        for table in COUNTED:
            for event in EVENTS:
                op.execute(
                    f'CREATE TRIGGER {_trigger(table, event)} AFTER {_when(table, event)} ON {table} BEGIN '
                    f"UPDATE change_counter SET changes = changes + 1 WHERE table_name = '{table}'; END"
                )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for table in COUNTED:
        for event in EVENTS:
            op.execute(f'DROP TRIGGER {_trigger(table, event)}' + (f' ON {table}' if postgresql else ''))
    if postgresql:
        op.execute('DROP FUNCTION count_change()')
    op.drop_table('change_counter')
