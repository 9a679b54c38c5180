"""Who is asking: a person and the conversation they write in, their roles, and the district the
conversation speaks for. Framework-free records and rules.

One deployment serves many districts, each with its own Team. A channel belongs to the district its team
is linked to; a group chat to the district an administrator linked it to. A personal chat carries no team,
so there the district is the person's own: the one they belong to (seen writing in its Team, or holding a
role there), or the one they chose among several. A deployment with a single district needs none of this:
everything is that district's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.i18n import fold


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


# --- roles: who may do what -----------------------------------------------------------------------


class Role(StrEnum):
    MEMBER = "member"  # anyone who can talk to the bot
    CHAIR = "chair"  # ordförande of a branch (partiförening)
    DEPUTY = "deputy"  # ersättare: reports for a branch in its chair's stead
    BOARD = "board"  # distriktsstyrelsen
    ADMIN = "admin"  # named in configuration by Teams (AAD) object id
    # Named responsible for a goal (`ansvarig 6 @namn`): not stored as a role, and no rank of its own (they
    # may report their goals, as the check-in rules decide), but they write reports as chairs do.
    RESPONSIBLE = "responsible"


# Each role may do what the roles below it may: the board may report for a branch, an admin may do all.
_RANK = {Role.MEMBER: 0, Role.RESPONSIBLE: 0, Role.DEPUTY: 1, Role.CHAIR: 1, Role.BOARD: 2, Role.ADMIN: 3}


def with_admin(roles: set[Role], person: PersonInfo, admins: Collection[str]) -> set[Role]:
    """A person's stored `roles`, and admin if the configuration names them (by Teams (AAD) object id)."""
    if person.aad_object_id and person.aad_object_id in admins:
        roles.add(Role.ADMIN)
    return roles


def allows(roles: Iterable[Role], needed: Role) -> bool:
    """Whether someone holding `roles` may do what needs `needed`."""
    return max((_RANK[role] for role in roles), default=0) >= _RANK[needed]


def reports(roles: Collection[Role]) -> bool:
    """Whether someone holding `roles` reports progress (a chair, a deputy, the board, or someone
    responsible for a goal), so that a report or a correction written as a sentence is read as one."""
    return allows(roles, Role.CHAIR) or Role.RESPONSIBLE in roles


# --- which district a conversation speaks for ---------------------------------------------------------


class Why(StrEnum):
    """How the district was found, or why none was."""

    LINKED = "linked"  # the team or group chat is linked to it
    ONLY = "only"  # the deployment has one district
    MEMBER = "member"  # the person belongs to that one district
    CHOSEN = "chosen"  # the person chose it among theirs
    UNLINKED = "unlinked"  # a team or group chat nobody linked yet, in a deployment of several districts
    UNKNOWN = "unknown"  # a personal chat with someone the bot has not seen in any district's Team
    SEVERAL = "several"  # a personal chat with someone of several districts who has not chosen


@dataclass(frozen=True)
class Scope:
    """The district a turn speaks for (empty when there is none), and how it was found."""

    district: str
    why: Why
    options: tuple[str, ...] = ()  # the person's districts, when they must choose

    @property
    def found(self) -> bool:
        return bool(self.district)


@dataclass(frozen=True)
class Writer:
    """Who wrote a turn, read once per turn (bot/teams.py): the district it speaks for, the language they
    chose with `språk` (None: follow their Teams client) and their roles in that district."""

    scope: Scope
    language: str | None
    roles: frozenset[Role]
    # The question kept for the conversation that this turn answers, taken (dialogs/host.py): asked for only
    # where a turn answers one in Teams (a typed "avbryt", a tap on the card's button), so that the turn
    # makes no call of its own for it. JSON, as dialogs/host.py wrote it; None: none was kept.
    question: str | None = None


def scope_of_shared(linked: str | None, districts: Collection[str]) -> Scope:
    """A team channel or group chat: its link, else the deployment's only district."""
    if linked:
        return Scope(linked, Why.LINKED)
    if len(districts) == 1:
        return Scope(next(iter(districts)), Why.ONLY)
    return Scope("", Why.UNLINKED)


def scope_of_person(
    belongs: Collection[str], chosen: str | None, districts: Collection[str], *, admin: bool = False
) -> Scope:
    """A personal chat: the person's district.

    `belongs` are the districts they belong to (membership or a role); `chosen` the one they picked last,
    which counts only while they still belong to it, or for an administrator, who may work in any district.
    """
    if chosen and (chosen in belongs or (admin and chosen in districts)):
        return Scope(chosen, Why.CHOSEN)
    mine = sorted(set(belongs))
    if len(mine) == 1:
        return Scope(mine[0], Why.MEMBER)
    if len(districts) == 1:
        return Scope(next(iter(districts)), Why.ONLY)
    if mine:
        return Scope("", Why.SEVERAL, tuple(mine))
    if admin:
        return Scope("", Why.SEVERAL, tuple(sorted(districts)))
    return Scope("", Why.UNKNOWN)


def short_name(district: str, districts: Collection[str]) -> str:
    """The shortest way to name `district` that `matching` reads as that one among `districts`: without
    the party's word ("Västernorrland", "Västra Götaland"), else its last word, else the name in full."""
    words = district.split()
    for candidate in (" ".join(words[1:]), words[-1] if words else ""):
        if candidate and matching(candidate, districts) == [district]:
            return candidate
    return district


def matching(text: str, districts: Collection[str]) -> list[str]:
    """The districts `text` names: the one it names exactly (without case or diacritics), else every one
    whose name contains it ("skåne" names "Vänsterpartiet Skåne")."""
    wanted = fold(text)
    if not wanted:
        return []
    exact = [name for name in districts if fold(name) == wanted]
    return exact or sorted(name for name in districts if wanted in fold(name))


def named_in(text: str, people: Sequence[PersonInfo]) -> list[PersonInfo]:
    """Whom `text` names without an @mention ("byt min tur med Anna"): those it names by full name, else by
    first name, else by surname; several when the name fits several (the caller asks which)."""
    words = _words(text)
    for part in (slice(None), slice(0, 1), slice(-1, None)):
        found = [p for p in people if (name := _words(p.name)[part]) and _within(name, words)]
        if found:
            return found
    return []


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _within(name: list[str], words: list[str]) -> bool:
    return any(words[i : i + len(name)] == name for i in range(len(words) - len(name) + 1))
