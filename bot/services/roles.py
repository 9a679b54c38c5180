"""Who may do what: members, branch chairs, the board, and admins. Framework-free."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    MEMBER = "member"  # anyone who can talk to the bot
    CHAIR = "chair"  # ordförande of a branch (partiförening)
    BOARD = "board"  # distriktsstyrelsen
    ADMIN = "admin"  # named in configuration by Teams (AAD) object id


# Each role may do what the roles below it may: the board may report for a branch, an admin may do all.
_RANK = {Role.MEMBER: 0, Role.CHAIR: 1, Role.BOARD: 2, Role.ADMIN: 3}


def allows(roles: Iterable[Role], needed: Role) -> bool:
    """Whether someone holding `roles` may do what needs `needed`."""
    return max((_RANK[role] for role in roles), default=0) >= _RANK[needed]
