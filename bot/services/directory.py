"""Who is who, as stored: roles and branches, which district a conversation or person belongs to, the
language someone chose, their personal data, and where the bot can post. What the commands of
bot/commands/people.py, districts.py, language.py and privacy.py and the events of bot/teams.py ask.

Each method is one turn's storage work, called in one worker thread (`asyncio.to_thread`): its reads and
writes go through the repositories, and it returns a small record the caller renders (issue 16: one call
off the event loop per turn for what was asked). The rules are in bot/services/people.py, branches.py and
privacy.py; the SQL in bot/db/.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.db.engine import StorageGone
from bot.i18n import alphabetical, fold
from bot.services.branches import BranchName, find_branch, typed_names
from bot.services.people import ConversationInfo, PersonInfo, Role, Scope, matching
from bot.services.privacy import ForgetResult, PersonalData, Summary, summarize
from bot.services.prompting import Dealt, PromptSlot

if TYPE_CHECKING:
    from bot.db.checkins import BranchInfo, CheckInRepository
    from bot.db.people import DistrictRepository, Member, PeopleRepository
    from bot.db.privacy import PrivacyRepository
    from bot.db.repository import Repository
    from bot.services.prompt_desk import PromptDesk


# --- roles ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Granted:
    """A role given to the mentioned people: each name and whether it is new to them."""

    kind: Role
    given: tuple[tuple[str, bool], ...]
    branch: str = ""  # a chair's or deputy's
    others: tuple[str, ...] = ()  # a chair's branch: who else still chairs it
    dealt: tuple[tuple[PromptSlot, str], ...] = ()  # the board grew: coming turns now another's, whose it was
    namesakes: tuple[str, ...] = ()  # given to someone whose name another person with a role here has too


@dataclass(frozen=True)
class NewBranch:
    """A role names a branch not on the list, unconfirmed: ask first."""

    typed: str
    known: tuple[BranchInfo, ...]


@dataclass(frozen=True)
class TakenFrom:
    """Whether someone held the role taken (in the branch named, if one was), and, a chair's or deputy's,
    the branches it was taken in."""

    name: str
    held: bool
    branches: tuple[str, ...] = ()


# A branch left without a chair, and its deputies' names (they still report for it).
Chairless = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Taken:
    """A role taken from the mentioned people (a chair's or deputy's in the branch `typed`, if named)."""

    kind: Role
    typed: str
    taken: tuple[TakenFrom, ...]
    handed: tuple[PromptSlot, ...] = ()  # the board changed: their coming prompts, in new hands
    returned: tuple[PromptSlot, ...] = ()  # the texts they wrote for coming prompts, sent back to them
    dealt: tuple[tuple[PromptSlot, str], ...] = ()  # others' coming turns dealt anew, each with whose it was
    chairless: tuple[Chairless, ...] = ()  # branches left without a chair


@dataclass(frozen=True)
class NotTheirs:
    """A chair named a deputy for no branch they chair: the ones they do."""

    own: tuple[BranchName, ...]


@dataclass(frozen=True)
class RoleList:
    """Everyone with a role in a district, and its branches (a branch may have nobody yet)."""

    members: tuple[Member, ...]
    branches: tuple[str, ...]
    mine: tuple[Member, ...] = ()  # the asker's own roles
    admins: tuple[str, ...] = ()  # the administrators' names, when asked for


@dataclass(frozen=True)
class BranchList:
    branches: tuple[BranchInfo, ...]
    chairs: dict[str, tuple[str, ...]]  # branch name -> its chairs' names, sorted


class Change(StrEnum):
    """What the board's change to the branch list came to."""

    ADDED = "added"
    ON_LIST = "on-list"  # adding a name the list has
    CLOSE = "close"  # adding a name close to one on the list, unconfirmed
    UNKNOWN = "unknown"  # no branch by that name
    REMOVED = "removed"
    KEPT = "kept"  # not removed: it has reports; merge it instead
    CLASH = "clash"  # renaming to a name on the list
    RENAMED = "renamed"
    SAME = "same"  # merging a branch into itself
    USAGE = "usage"  # renaming or merging into no name
    MERGED = "merged"


@dataclass(frozen=True)
class BranchChange:
    change: Change
    name: str = ""  # the branch changed (its name as on the list), or the name typed
    other: str = ""  # the other branch: added next to, renamed to, merged into, clashing with
    count: int = 0  # reports kept (KEPT) or moved (MERGED)
    chairs: int = 0  # chairs moved (MERGED)
    known: tuple[BranchInfo, ...] = ()  # the list before the change
    added: tuple[str, ...] = ()  # the list's names after an addition
    names: tuple[str, ...] = ()  # the branches added (ADDED), or those on the list already (ON_LIST)
    others: tuple[str, ...] = ()  # with ADDED: those of the names written that were on the list already


# --- districts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Linked:
    """`koppla`: the districts named by what was written (linked when exactly one), among all."""

    names: tuple[str, ...]
    found: tuple[str, ...] = ()
    team: bool = False  # the team was linked (else the group chat)


@dataclass(frozen=True)
class Chosen:
    """`distrikt NAME` in a personal chat: the districts named, those the person may choose among, and
    whether the one named was chosen."""

    found: tuple[str, ...]
    yours: tuple[str, ...]
    chosen: bool = False


@dataclass(frozen=True)
class Held:
    """What is stored about someone, and its summary (`mina data`, `glöm mig`)."""

    data: PersonalData
    summary: Summary


class Directory:
    """One turn's storage work about people, districts and conversations; called in worker threads."""

    def __init__(
        self,
        *,
        repository: Repository,
        people: PeopleRepository,
        checkins: CheckInRepository,
        districts: DistrictRepository,
        privacy: PrivacyRepository,
        prompts: PromptDesk | None = None,
    ) -> None:
        self.repository = repository
        self.people = people
        self.checkins = checkins
        self.districts = districts
        self.privacy = privacy
        self.prompts = prompts

    # --- roles and branches

    def roles(
        self, district: str, asker: PersonInfo | None = None, *, admins: Collection[str] = ()
    ) -> RoleList:
        """Who has which role, the branches, and the asker's own roles (one moment of the database); with
        `admins` (Entra object ids), the administrators' names."""
        with self.people.db.snapshot():
            members = tuple(self.people.members(district))
            me = self.people.find_id(asker) if asker is not None else None
            mine = tuple(m for m in members if me is not None and m.person_id == me)
            branches = tuple(b.name for b in self.checkins.branches(district))
            return RoleList(members, branches, mine, tuple(self.people.names_by_aad(admins)))

    def grant(
        self,
        district: str,
        people: Sequence[PersonInfo],
        kind: Role,
        typed: str = "",
        *,
        confirmed: bool = False,
        now: datetime,
        by: str | None = None,
    ) -> Granted | NewBranch:
        """Give the people a role; a chair or deputy in the branch `typed` (one on the list, case, accents
        and small misspellings aside, or, `confirmed`, a new one). New board members join the rota (`by`:
        who gave the role, as those whose turns change are told)."""
        if kind is Role.BOARD:
            given = tuple((p.name, self.people.grant(p, district, kind, now=now)) for p in people)
            joined = tuple(name for name, new in given if new)
            dealt = (
                self.prompts.board_joined(district, names=joined, by=by) if joined and self.prompts else ()
            )
            return Granted(kind, given, dealt=dealt, namesakes=self._namesakes(district, people))
        known = tuple(self.checkins.branches(district))
        found = find_branch(typed, known)
        if found is None and not confirmed:
            return NewBranch(typed, known)
        branch = found.name if found is not None else self.people.add_branch(district, typed, now=now)
        return self._give(district, people, kind, branch, now=now)

    def _give(
        self, district: str, people: Sequence[PersonInfo], kind: Role, branch: str, *, now: datetime
    ) -> Granted:
        given = tuple((p.name, self.people.grant(p, district, kind, branch=branch, now=now)) for p in people)
        others: tuple[str, ...] = ()
        if kind is Role.CHAIR:  # a new chair is added, not swapped in: who else still chairs it
            ids = {self.people.find_id(p) for p in people}
            chairs = self.people.members(district, Role.CHAIR)
            others = tuple(m.name for m in chairs if m.branch == branch and m.person_id not in ids)
        return Granted(kind, given, branch, others, namesakes=self._namesakes(district, people))

    def _namesakes(self, district: str, people: Sequence[PersonInfo]) -> tuple[str, ...]:
        """The names among `people` that another person with a role in the district has too: whoever reads
        the roles cannot tell the two apart, so the administrator is asked to check they picked the right
        one."""
        members = self.people.members(district)
        found = []
        for person in people:
            person_id = self.people.find_id(person)
            if any(fold(m.name) == fold(person.name) and m.person_id != person_id for m in members):
                found.append(person.name)
        return tuple(found)

    def take(
        self,
        district: str,
        people: Sequence[PersonInfo],
        kind: Role,
        typed: str = "",
        *,
        by: str | None = None,
    ) -> Taken:
        """Take a role from the people (a chair's or deputy's in the branch `typed`, or in all theirs; `by`:
        who took it, as those whose turns change are told)."""
        members = self.people.members(district)
        known = {b.name: b.id for b in self.checkins.branches(district)}
        taken: list[TakenFrom] = []
        left: set[int] = set()
        for person in people:
            person_id = self.people.find_id(person)
            held = [m for m in members if m.person_id == person_id and m.role is kind]
            if kind is Role.BOARD:
                if held:
                    self.people.revoke(person, district, kind)
                    left.add(held[0].person_id)
                taken.append(TakenFrom(person.name, bool(held)))
                continue
            branches = [m.branch or "" for m in held]
            if typed:
                wanted = find_branch(typed, [BranchName(b) for b in branches])
                branches = [wanted.name] if wanted else []
            for branch in branches:
                if branch in known:
                    self.people.revoke_role_in(person, district, kind, known[branch])
            taken.append(TakenFrom(person.name, bool(branches), tuple(sorted(branches, key=alphabetical))))
        if kind is Role.CHAIR:  # a branch whose last chair left: said, so that someone names a new one
            now_held = self.people.members(district)
            gone = sorted({b for person in taken for b in person.branches}, key=alphabetical)
            chairless = tuple(
                (b, tuple(sorted(m.name for m in now_held if m.role is Role.DEPUTY and m.branch == b)))
                for b in gone
                if not any(m.role is Role.CHAIR and m.branch == b for m in now_held)
            )
            return Taken(kind, typed, tuple(taken), chairless=chairless)
        if kind is not Role.BOARD:
            return Taken(kind, typed, tuple(taken))
        # Their texts for coming prompts go back to them, their coming prompts change hands.
        gone = [person.name for person in taken if person.held]
        dealt = (
            self.prompts.board_left(district, left, names=gone, by=by)
            if self.prompts is not None
            else Dealt()
        )
        return Taken(kind, typed, tuple(taken), dealt.handed, dealt.returned, dealt.moved)

    def deputy(
        self,
        district: str,
        chair: PersonInfo,
        people: Sequence[PersonInfo],
        typed: str,
        *,
        remove: bool,
        now: datetime,
    ) -> Granted | Taken | NotTheirs:
        """A chair names people deputies for their branch `typed` (or their only one), or no longer."""
        me = self.people.find_id(chair)
        members = self.people.members(district)
        own = tuple(
            BranchName(m.branch) for m in members if m.person_id == me and m.role is Role.CHAIR and m.branch
        )
        found = find_branch(typed, own) if typed else (own[0] if len(own) == 1 else None)
        if (
            found is None and remove and not typed
        ):  # "ersättare bort @Noa": the one of theirs Noa is deputy for
            ids = {self.people.find_id(p) for p in people}
            held = [
                b
                for b in own
                if any(m.person_id in ids and m.role is Role.DEPUTY and m.branch == b.name for m in members)
            ]
            found = held[0] if len(held) == 1 else None
        if found is None:
            return NotTheirs(own)
        if remove:
            return self.take(district, people, Role.DEPUTY, found.name)
        return self._give(district, people, Role.DEPUTY, found.name, now=now)

    def branch_list(self, district: str) -> BranchList:
        """The branches, with their chairs (one moment of the database)."""
        with self.people.db.snapshot():
            members = self.people.members(district, Role.CHAIR)
            known = tuple(sorted(self.checkins.branches(district), key=lambda b: alphabetical(b.name)))
        chairs = {b.name: tuple(sorted(m.name for m in members if m.branch == b.name)) for b in known}
        return BranchList(known, chairs)

    def change_branches(
        self, district: str, verb: str, first: str, second: str, *, confirmed: bool, now: datetime
    ) -> BranchChange:
        """The board adds (`first`), removes (`first`), renames or merges (`first` to/into `second`)."""
        known = tuple(self.checkins.branches(district))
        if verb == "add":
            return self._add_branches(district, typed_names(first), known, confirmed=confirmed, now=now)
        source = find_branch(first, known)
        if source is None:
            return BranchChange(Change.UNKNOWN, first, known=known)
        if verb == "remove":
            left = self.people.remove_branch(district, source.id)
            return BranchChange(Change.KEPT if left else Change.REMOVED, source.name, count=left, known=known)
        if not second:
            return BranchChange(Change.USAGE, source.name, known=known)
        if verb == "rename":
            clash = find_branch(second, known)
            if clash is not None and clash.id != source.id and fold(clash.name) == fold(second):
                return BranchChange(Change.CLASH, source.name, clash.name, known=known)
            self.people.rename_branch(district, source.id, second)
            return BranchChange(Change.RENAMED, source.name, " ".join(second.split()), known=known)
        target = find_branch(second, known)
        if target is None:
            return BranchChange(Change.UNKNOWN, second, known=known)
        if target.id == source.id:
            return BranchChange(Change.SAME, source.name, known=known)
        moved, chairs = self.people.merge_branches(district, source.id, target.id)
        return BranchChange(Change.MERGED, source.name, target.name, count=moved, chairs=chairs, known=known)

    def _add_branches(
        self,
        district: str,
        typed: list[str],
        known: tuple[BranchInfo, ...],
        *,
        confirmed: bool,
        now: datetime,
    ) -> BranchChange:
        """Add each name of a list ("Krokom, Åre och Strömsund"); a name close to one on the list is asked
        about first, and then none is added."""
        new: list[str] = []
        on_list: list[str] = []
        for name in typed:
            close = find_branch(name, known)
            if close is not None and fold(close.name) == fold(name):
                on_list.append(close.name)
            elif close is not None and not confirmed:
                return BranchChange(Change.CLOSE, name, close.name, known=known)
            elif fold(name) not in {fold(n) for n in new}:
                new.append(name)
        if not new:
            return BranchChange(Change.ON_LIST, names=tuple(on_list), known=known)
        added = self.people.add_branches(district, new, now=now)
        return BranchChange(
            Change.ADDED,
            names=tuple(added),
            others=tuple(on_list),
            known=known,
            added=(*(b.name for b in known), *added),
        )

    # --- districts and language

    def district_names(self) -> list[str]:
        return self.districts.names()

    def link(self, conversation: ConversationInfo, typed: str, *, now: datetime) -> Linked:
        """Link the team of `conversation` (or the group chat) to the one district `typed` names."""
        names = tuple(self.districts.names())
        found = tuple(matching(typed, names))
        if len(found) != 1:
            return Linked(names, found)
        if conversation.team_id:
            self.districts.link_team(conversation.team_id, found[0], now=now)
            return Linked(names, found, team=True)
        self.districts.link_chat(conversation.conversation_id, found[0], now=now)
        return Linked(names, found)

    def choose(self, person: PersonInfo, typed: str, *, admin: bool, now: datetime) -> Chosen:
        """Make the district `typed` names the one the person's personal chat speaks for, if they belong to
        it (an administrator may choose any)."""
        names = self.districts.names()
        yours = tuple(names if admin else self.districts.belongs(person))
        found = tuple(matching(typed, names))
        if len(found) != 1 or found[0] not in yours:
            return Chosen(found, yours)
        self.districts.choose(person, found[0], now=now)
        return Chosen(found, yours, chosen=True)

    def choose_language(self, person: PersonInfo, language: str | None, *, now: datetime) -> None:
        self.people.choose_language(person, language, now=now)

    # --- personal data

    def personal_data(self, person: PersonInfo, *, now: datetime) -> Held | None:
        data = self.privacy.collect(person)
        return Held(data, summarize(data, now=now)) if data is not None else None

    def forget(self, person: PersonInfo) -> ForgetResult | None:
        """Erase the person, in one transaction (bot/db/privacy.py); their coming turns go to others in the
        rota, and whoever their erasure leaves without a text or an approval is told."""
        person_id, touched = self.prompts.touched_by(person) if self.prompts is not None else (0, [])
        result = self.privacy.forget(person)
        if result is not None and touched and self.prompts is not None:
            self.prompts.forgotten(person_id, touched)
        return result

    # --- conversations (bot/teams.py)

    def remember(
        self, conversation: ConversationInfo, person: PersonInfo | None, team_name: str, *, now: datetime
    ) -> bool:
        """Where the bot can post (and the team it met); False if the database is gone (bot/db/engine.py
        logged it: the turn goes on, and whatever it has to store is refused with its own answer)."""
        try:
            if conversation.team_id:
                self.districts.note_team(conversation.team_id, team_name, now=now)
            self.repository.remember_conversation(conversation, person=person, now=now)
        except StorageGone:
            return False
        return True

    def forget_conversation(self, conversation_id: str, *, now: datetime) -> None:
        self.repository.forget_conversation(conversation_id, now=now)

    def installed(
        self,
        conversation: ConversationInfo,
        person: PersonInfo | None,
        team_name: str,
        *,
        default: str,
        now: datetime,
    ) -> tuple[bool, Scope]:
        """The bot was added to a conversation: remember it; the district it speaks for (the welcome's), in
        a personal chat the person's, as their messages there find it."""
        remembered = self.remember(conversation, person, team_name, now=now)
        return remembered, self.districts.scope(conversation, person, admin=False, default=default)
