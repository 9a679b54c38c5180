"""drop the change counters, and the indexes only the progress aggregates read

Migrations 0006 and 0008 counted the changes to who is who and to dialog_state by triggers, for the answers
each server kept (ReadCache, Database.watch). Nothing is kept now: every turn reads what it needs, and the
triggers only cost each write an UPDATE. Migration 0004's two partial indexes served the progress computed
in SQL; progress is computed from the year's check-ins now (ix_checkin_district_day). The downgrade puts
back what 0004, 0006 and 0008 made.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables 0006 and 0008 counted, with the UPDATE columns that counted (None: any).
COUNTED: dict[str, tuple[str, ...] | None] = {
    'district': None,
    'branch': None,
    'role': None,
    'person': ('aad_object_id', 'teams_user_id', 'name'),
    'goal': None,
    'goal_responsible': None,
    'dialog_state': None,
}
EVENTS = ('insert', 'update', 'delete')
STANDING = 'withdrawn_at IS NULL'


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == 'postgresql'
    for table in COUNTED:
        for event in EVENTS:
            op.execute(f'DROP TRIGGER IF EXISTS count_{table}_{event}' + (f' ON {table}' if postgresql else ''))
    if postgresql:
        op.execute('DROP FUNCTION IF EXISTS count_change()')
    op.drop_table('change_counter')
    op.drop_index('ix_checkin_totals', table_name='checkin')
    op.drop_index('ix_checkin_standing', table_name='checkin')


def downgrade() -> None:
    op.create_index('ix_checkin_standing', 'checkin', ['goal_id', 'branch_id', 'happened_on', 'created_at', 'id'], unique=False, sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))
    op.create_index('ix_checkin_totals', 'checkin', ['goal_id', 'branch_id', 'area', 'happened_on', 'value'], unique=False, sqlite_where=sa.text(STANDING), postgresql_where=sa.text(STANDING))
    counter = op.create_table('change_counter',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('changes', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('table_name')
    )
    op.bulk_insert(counter, [{'table_name': table, 'changes': 0} for table in COUNTED])
    postgresql = op.get_bind().dialect.name == 'postgresql'
    if postgresql:
        op.execute(
            "CREATE FUNCTION count_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "UPDATE change_counter SET changes = changes + 1 WHERE table_name = TG_TABLE_NAME; "
            "RETURN NULL; END $$"
        )
    for table, columns in COUNTED.items():
        for event in EVENTS:
            when = f'{event.upper()} OF {", ".join(columns)}' if event == 'update' and columns else event.upper()
            if postgresql:
                op.execute(
                    f'CREATE TRIGGER count_{table}_{event} AFTER {when} ON {table} '
                    'FOR EACH STATEMENT EXECUTE FUNCTION count_change()'
                )
            else:
                op.execute(
                    f'CREATE TRIGGER count_{table}_{event} AFTER {when} ON {table} BEGIN '
                    f"UPDATE change_counter SET changes = changes + 1 WHERE table_name = '{table}'; END"
                )
