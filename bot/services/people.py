"""People and the places the bot can reach them. Framework-free records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonInfo:
    """Who sent an activity, as Teams names them."""

    teams_user_id: str
    aad_object_id: str | None
    name: str


@dataclass(frozen=True)
class ConversationInfo:
    """A conversation the bot is part of, with the opaque reference needed to post into it later."""

    conversation_id: str
    kind: str  # personal | groupChat | channel
    tenant_id: str | None
    team_id: str | None
    channel_id: str | None
    reference: dict[str, Any]


def channel_of(conversation_id: str) -> str:
    """A channel thread's id is "<channel id>;messageid=<root message id>"; this is the channel's part."""
    return conversation_id.split(";", 1)[0]
