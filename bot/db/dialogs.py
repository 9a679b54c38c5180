"""Where conversations are in their multi-turn dialogs (dialog_state): what dialogs/host.py keeps between
messages, as JSON text it makes and reads itself. All the SQL of it is here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, update
from sqlmodel import Session, col, select

from bot.db.engine import Database
from bot.db.models import DialogStateRow

# A dialog left unanswered this long is forgotten: its next message is read as a command, and its row (the
# answers so far, a draft check-in) is deleted with the next dialog state written, or by the nightly job.
DIALOG_HOURS = 24


def dialog_key(channel_id: str | None, conversation_id: str | None) -> str:
    """The key a conversation's dialog state is stored under: the SDK's ConversationState.get_storage_key."""
    return f"{channel_id}/conversations/{conversation_id}"


class DialogStateConflict(Exception):
    """A dialog state was written by someone else since it was read: two messages of one conversation
    answered at the same moment (sent twice, or reaching two server processes)."""


@dataclass(frozen=True)
class StoredDialog:
    state: str  # JSON
    version: int


class DialogStates:
    def __init__(self, db: Database) -> None:
        self.db = db

    def waiting(self, key: str) -> bool:
        """Whether this conversation has a dialog waiting for an answer."""
        with self.db.read() as session:
            return (
                session.exec(select(DialogStateRow.key).where(DialogStateRow.key == key)).first() is not None
            )

    def read(self, keys: Collection[str], *, now: datetime) -> dict[str, StoredDialog]:
        """The dialog states of these conversations that have one, not left unanswered too long."""
        with self.db.read() as session:
            rows = session.exec(
                select(DialogStateRow).where(
                    col(DialogStateRow.key).in_(keys), DialogStateRow.updated_at > _forgotten_before(now)
                )
            ).all()
            return {row.key: StoredDialog(row.state, row.version) for row in rows}

    def write(self, key: str, state: str, *, expected: int | None, now: datetime) -> int:
        """Store a conversation's dialog state; its new version. `expected`: the version it was read at
        (None: whatever is stored is replaced). Raises DialogStateConflict if another was stored since.
        Deletes the states left unanswered too long, in the same transaction."""
        with self.db.write() as session:
            _forget_unanswered(session, now)
            this = col(DialogStateRow.key) == key
            if expected is None:
                stored = session.exec(select(DialogStateRow.version).where(this)).first()
                if stored is None:
                    session.add(DialogStateRow(key=key, state=state, version=1, updated_at=now))
                    return 1
                expected = stored
            # Only if it is still the version read (writers take turns: Database.write).
            changed = cast(
                CursorResult[Any],
                session.execute(
                    update(DialogStateRow)
                    .where(this, col(DialogStateRow.version) == expected)
                    .values(state=state, version=expected + 1, updated_at=now)
                ),
            )
            if changed.rowcount != 1:  # stored again since, or deleted (the dialog ended, or was forgotten)
                raise DialogStateConflict(key)
            return expected + 1

    def take(self, key: str, *, now: datetime) -> str | None:
        """A conversation's dialog state, deleted as it is read (None: none, or left unanswered too long)."""
        with self.db.write() as session:
            row = session.exec(
                select(DialogStateRow).where(
                    DialogStateRow.key == key, DialogStateRow.updated_at > _forgotten_before(now)
                )
            ).first()
            if row is None:
                return None
            session.delete(row)
            return row.state

    def delete(self, keys: Collection[str]) -> None:
        with self.db.write() as session:
            session.execute(delete(DialogStateRow).where(col(DialogStateRow.key).in_(keys)))

    def forget_unanswered(self, *, now: datetime) -> int:
        """Delete the dialog states left unanswered for DIALOG_HOURS (the nightly retention job); how many."""
        with self.db.write() as session:
            return _forget_unanswered(session, now)


def _forget_unanswered(session: Session, now: datetime) -> int:
    forgotten = delete(DialogStateRow).where(col(DialogStateRow.updated_at) <= _forgotten_before(now))
    return int(cast(CursorResult[Any], session.execute(forgotten)).rowcount)


def _forgotten_before(now: datetime) -> datetime:
    return now - timedelta(hours=DIALOG_HOURS)
