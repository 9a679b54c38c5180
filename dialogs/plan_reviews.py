"""Where a plan under review waits between messages: with the dialog states (bot/db/dialogs.py), as plain
JSON, so a review survives a restart and any server process sharing the database carries it on. Like a
dialog, a review left untouched for DIALOG_HOURS is forgotten."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.db.dialogs import DialogStates


class DialogReviewStore:
    def __init__(self, states: DialogStates) -> None:
        self.states = states

    def load(self, key: str, *, now: datetime) -> dict[str, Any] | None:
        stored = self.states.read([key], now=now).get(key)
        if stored is None:
            return None
        data = json.loads(stored.state)
        return data if isinstance(data, dict) else None

    def save(self, key: str, data: dict[str, Any], *, now: datetime) -> None:
        self.states.write(key, json.dumps(data, ensure_ascii=False), expected=None, now=now)

    def delete(self, key: str) -> None:
        self.states.delete([key])
