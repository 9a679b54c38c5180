"""Roles and branches: admins give people roles by @mention, the board keeps the list of branches, a chair
names a deputy; anyone can see who they are."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.cards import Reply, listed
from bot.cards.prompts import dealt_anew
from bot.commands.router import Context, Request, Router, refusal
from bot.i18n import N_, Translator, alphabetical, fold, genitive, said_yes
from bot.services.branches import BranchName, Named, find_branch, names
from bot.services.directory import BranchChange, Change, Granted, NewBranch, NotTheirs, Taken
from bot.services.people import PersonInfo, Role, allows
from bot.services.prompting import PromptSlot
from dialogs.readings import Confirm

if TYPE_CHECKING:
    from bot.db.people import Member

_ROLE_WORDS = {
    "styrelse": Role.BOARD,
    "styrelsen": Role.BOARD,
    "styrelseledamot": Role.BOARD,
    "board": Role.BOARD,
    "ordforande": Role.CHAIR,
    "chair": Role.CHAIR,
    "ersattare": Role.DEPUTY,
    "deputy": Role.DEPUTY,
}
_REMOVE_WORDS = {"bort", "ta", "remove", "revoke"}
_AND = {"och", "and", ""}  # "" : "&" folds to nothing
_ADMIN_WORDS = {"admin", "admins", "administrator", "administrators", "administratorer", "administratoren"}
_SELF = {"mig", "mej", "me", "myself"}  # the writer, in "gör mig till ordförande i Sundsvall"


def register(router: Router) -> None:
    @router.command(
        "roll",
        "role",
        usage=N_("role board|chair|deputy @name [BRANCH]"),
        summary=N_("give or take a role"),
        role=Role.ADMIN,
    )
    async def role(request: Request, context: Context) -> Reply:
        """Give the @mentioned people a role (a chair or deputy also names the branch), or take it away."""
        t = request.t
        words = strip_names(request.args, request.mentions, request.mentions_written).split()
        remove = bool(words) and fold(words[0]) in _REMOVE_WORDS
        if remove:
            words = [w for w in words[1:] if fold(w) not in _REMOVE_WORDS]
        mentions = request.mentions
        if not mentions and request.user is not None and _SELF & {fold(w) for w in words}:
            mentions, words = (request.user,), [w for w in words if fold(w) not in _SELF]  # "gör mig till …"
        if not words and not mentions:
            return Reply(_usage(t))
        if (
            remove
            and not mentions
            and "@" in request.args
            and not _ROLE_WORDS.keys() & {fold(w) for w in words}
        ):
            # "ta bort Erik": the lines that take away each role Erik has
            listing = request.listing
            if listing is None:
                listing = await asyncio.to_thread(context.services.directory.roles, request.district)
            typed = " ".join(words).lstrip("@")
            return Reply(_roles_to_take(t, typed, listing.members, listing.branches, request.district))
        if not mentions and "@" in request.args:  # a name typed after "@", not picked from Teams' list
            return Reply(
                _mention_first(t)
                + " "
                + t._("Then write: {command}").format(command=f"{request.command} {request.args}")
            )
        if not mentions:
            return Reply(_mention_first(t) + " " + _usage(t))
        if not words:  # "roll bort @Erik": which of the roles
            return Reply(_which_role(t, mentions[0].name, remove=remove))
        kind = _ROLE_WORDS.get(fold(words[0]))
        if kind is None:
            return Reply(
                t._(
                    "“{word}” is no role. Roles: board, chair (of a branch), deputy (for a branch's chair)."
                ).format(word=words[0][:40])
                + " "
                + _which_role(t, mentions[0].name, remove=remove)
            )
        named, confirmed = said_yes(words[1:])
        while named and fold(named[0]) in _AND:  # "roll ordförande @Noa och @Lee Timrå": the names' "och"
            named = named[1:]
        directory = context.services.directory
        by = request.user.name if request.user is not None else None
        if remove:
            taken = await asyncio.to_thread(
                directory.take, request.district, mentions, kind, " ".join(named), by=by
            )
            return Reply(await _taken(request, context, taken))
        if kind is not Role.BOARD and not named:
            line = f"{request.command} {words[0]} @{mentions[0].name} {t._('BRANCH')}"
            return Reply(t._("Name the branch after the person: {command}").format(command=line))
        granted = await asyncio.to_thread(
            directory.grant,
            request.district,
            mentions,
            kind,
            " ".join(named),
            confirmed=confirmed,
            now=context.now,
            by=by,
        )
        if isinstance(granted, NewBranch):
            # kept, so that a typed "ja" is answered with the line to write (it carries no @mentions)
            waits = Confirm(line=_again(request)).as_json()
            if not granted.known:
                return Reply(
                    t._(
                        "New branch “{name}”? The district has no branches yet. To add it, write: {command}"
                    ).format(name=granted.typed, command=_again(request)),
                    waits=waits,
                )
            return Reply(
                t._("New branch “{name}”? Branches: {names}. To add it, write: {command}").format(
                    name=granted.typed, names=names(granted.known), command=_again(request)
                ),
                waits=waits,
            )
        return Reply(await _granted(request, context, granted))

    @router.command(
        "ersättare",
        "deputy",
        usage=N_("deputy @name"),
        summary=N_("a chair names who reports for their branch"),
        role=Role.CHAIR,
    )
    async def deputy(request: Request, context: Context) -> Reply:
        """A chair names the @mentioned people deputies for their branch (or, with "bort", no longer)."""
        t = request.t
        assert request.user is not None
        if not request.mentions:
            return Reply(
                _mention_first(t) + " " + t._("For example: deputy @Adele (or deputy remove @Adele).")
            )
        words = strip_names(request.args, request.mentions, request.mentions_written).split()
        remove = any(fold(w) in _REMOVE_WORDS for w in words)
        words = [w for w in words if fold(w) not in _REMOVE_WORDS]
        done = await asyncio.to_thread(
            context.services.directory.deputy,
            request.district,
            request.user,
            request.mentions,
            " ".join(words),
            remove=remove,
            now=context.now,
        )
        if isinstance(done, NotTheirs) and not done.own:  # a deputy, or the board: chairs name deputies
            return Reply(
                t._(
                    "Only a branch's chair names its deputies: ask the chair. An administrator can too: "
                    "role deputy @name BRANCH"
                )
            )
        if isinstance(done, NotTheirs):
            line = t._("deputy remove @{name} {branch}") if remove else t._("deputy @{name} {branch}")
            own = sorted((b.name for b in done.own), key=alphabetical)
            lines = [line.format(name=request.mentions[0].name, branch=branch) for branch in own]
            return Reply(
                t._("Which of your branches? Write {commands}").format(commands=listed(t, lines, either=True))
            )
        if isinstance(done, Taken):
            return Reply(await _taken(request, context, done))
        return Reply(await _granted(request, context, done))

    @router.command(
        "roller", "roles", usage=N_("roles"), summary=N_("who is on the board and who chairs the branches")
    )
    async def roles(request: Request, context: Context) -> Reply:
        """The district's board, branch chairs and deputies."""
        t = request.t
        if fold(request.args) in _ADMIN_WORDS:  # "vem är administratör?": who gives the roles
            admins = await asyncio.to_thread(context.people.names_by_aad, context.services.admins)
            if not admins:
                return Reply(t._("No administrator is named: they are named in the bot's settings."))
            return Reply(
                t._("Administrators: {names}. They give the roles, e.g.: role board @name").format(
                    names=listed(t, admins)
                )
            )
        listing = await asyncio.to_thread(context.services.directory.roles, request.district, request.user)
        members = listing.members
        if request.args and {fold(w) for w in request.args.split()} <= _SELF:  # "vilken roll har jag?": own
            return Reply(
                _own_roles(t, listing.mine, admin=Role.ADMIN in request.roles, district=request.district)
            )
        if not members:
            return Reply(
                t._(
                    "Nobody has a role in {district} yet. An administrator gives them, e.g.: role board @name"
                ).format(district=request.district)
            )
        named = [BranchName(b) for b in listing.branches]
        branch = find_branch(request.args.strip("?!. "), named) if request.args else None
        if branch is not None:  # "vem är ordförande i Sundsvall?": that branch's, not everyone's
            return Reply(_branch_roles(t, branch.name, members))
        # One name per person; two people with one name in Teams are numbered alike on every line.
        label = _told_apart(members)
        board = sorted({m.person_id: label[m.person_id] for m in members if m.role is Role.BOARD}.values())
        chairs = sorted(f"{label[m.person_id]} ({m.branch})" for m in members if m.role is Role.CHAIR)
        deputies = sorted(f"{label[m.person_id]} ({m.branch})" for m in members if m.role is Role.DEPUTY)
        lines = [t._("Board: {names}").format(names=", ".join(board) or "\u2013")]
        lines.append(t._("Branch chairs: {names}").format(names=", ".join(chairs) or "\u2013"))
        if deputies:
            lines.append(t._("Deputies: {names}").format(names=", ".join(deputies)))
        shared = {fold(m.name): m.name for m in members if label[m.person_id] != m.name}
        for name in sorted(shared.values(), key=alphabetical):
            namesakes = sorted({label[m.person_id] for m in members if fold(m.name) == fold(name)})
            lines.append(
                t._("{names}: different people with the same name.").format(names=listed(t, namesakes))
            )
        return Reply("\n".join(lines))

    @router.command(
        "partiföreningar",
        "branches",
        "branch",
        usage=N_("branches [add NAME | rename OLD to NEW | merge OLD into NEW | remove NAME]"),
        summary=N_("the district's branches, kept by the board"),
    )
    async def branches(request: Request, context: Context) -> Reply:
        """List the branches with their chairs; the board adds, renames, merges and removes them."""
        t = request.t
        directory = context.services.directory
        words = request.args.split()
        action = _branch_action(words)
        if action is None:
            if words:
                return Reply(_branches_usage(t))
            listed = await asyncio.to_thread(directory.branch_list, request.district)
            lines = [t._("Branches in {district}:").format(district=request.district)]
            for branch in listed.branches:
                chairs = listed.chairs.get(branch.name, ())
                lines.append(f"\u2022 {branch.name}: " + (", ".join(chairs) or t._("no chair yet")))
            if not listed.branches:
                lines.append(t._("None yet. The board adds them with: branches add NAME"))
            return Reply("\n".join(lines))
        if not allows(request.roles, Role.BOARD):
            return await refusal(request, context, Role.BOARD)
        verb, first, second = action
        name, confirmed = said_yes(first) if verb == "add" else (first, False)
        if verb == "add" and not name:
            return Reply(_branches_usage(t))
        changed = await asyncio.to_thread(
            directory.change_branches,
            request.district,
            verb,
            " ".join(name),
            " ".join(second),
            confirmed=confirmed,
            now=context.now,
        )
        if changed.change is Change.CLOSE:  # kept, so that a typed "ja" adds it as the line does
            line = f"{request.command} {request.args} {t._('yes')}"
            return Reply(_branch_change(request, changed), waits=Confirm(line=line).as_json())
        return Reply(_branch_change(request, changed))


def _own_roles(t: Translator, mine: Sequence[Member], *, admin: bool, district: str) -> str:
    """The asker's roles in a sentence each."""
    lines = [t._("You are an administrator.")] if admin else []
    if any(m.role is Role.BOARD for m in mine):
        lines.append(t._("You are on the board."))
    chaired = sorted((m.branch or "" for m in mine if m.role is Role.CHAIR), key=alphabetical)
    if chaired:
        lines.append(t._("You chair {branches}.").format(branches=listed(t, chaired)))
    deputy = sorted((m.branch or "" for m in mine if m.role is Role.DEPUTY), key=alphabetical)
    if deputy:
        lines.append(t._("You are deputy for the chair of {branches}.").format(branches=listed(t, deputy)))
    if not lines:
        return t._(
            "You have no role in {district}: you can ask about the plan and its goals. "
            "Administrators give roles."
        ).format(district=district)
    return " ".join(lines)


def _branch_roles(t: Translator, branch: str, members: Sequence[Member]) -> str:
    """Who chairs one branch, and who reports for it in their stead."""
    chairs = sorted(m.name for m in members if m.role is Role.CHAIR and m.branch == branch)
    deputies = sorted(m.name for m in members if m.role is Role.DEPUTY and m.branch == branch)
    chaired = t.ngettext("Chair of {branch}: {names}", "Chairs of {branch}: {names}", len(chairs))
    lines = [
        chaired.format(branch=branch, names=listed(t, chairs))
        if chairs
        else t._("{branch} has no chair now.").format(branch=branch)
    ]
    if deputies:
        deputy = t.ngettext("Deputy: {names}", "Deputies: {names}", len(deputies))
        lines.append(deputy.format(names=listed(t, deputies)))
    return "\n".join(lines)


def _branch_change(request: Request, changed: BranchChange) -> str:
    """What the board's change to the branch list came to, in words."""
    t = request.t
    match changed.change:
        case Change.ON_LIST:
            return t.ngettext(
                "{name} is on the list already.", "{name} are on the list already.", len(changed.names)
            ).format(name=listed(t, changed.names))
        case Change.CLOSE:
            return t._("“{name}” is close to {existing}. To add it anyway, write: {command}").format(
                name=changed.name,
                existing=changed.other,
                command=f"{request.command} {request.args} {t._('yes')}",  # as kept for a "ja"
            )
        case Change.ADDED:
            branches = names([BranchName(name) for name in changed.added])
            if changed.others:
                return t.ngettext(
                    "Added {name} ({existing} was on the list already). Branches: {names}",
                    "Added {name} ({existing} were on the list already). Branches: {names}",
                    len(changed.others),
                ).format(name=listed(t, changed.names), existing=listed(t, changed.others), names=branches)
            return t._("Added {name}. Branches: {names}").format(
                name=listed(t, changed.names), names=branches
            )
        case Change.UNKNOWN:
            return unknown_branch(t, changed.name, changed.known)
        case Change.KEPT:
            return t.ngettext(
                "{name} has {count} report, kept as history: merge it into another branch instead "
                "(branches merge {name} into NAME).",
                "{name} has {count} reports, kept as history: merge it into another branch instead "
                "(branches merge {name} into NAME).",
                changed.count,
            ).format(name=changed.name, count=changed.count)
        case Change.REMOVED:
            return t._("Removed {name}; its chairs no longer chair it.").format(name=changed.name)
        case Change.CLASH:
            return t._(
                "{name} is on the list already; merge the two with: branches merge {old} into {name}"
            ).format(name=changed.other, old=changed.name)
        case Change.RENAMED:
            return t._("{old} is now called {new}; its reports and chairs stay with it.").format(
                old=changed.name, new=changed.other
            )
        case Change.SAME:
            return t._("That is the same branch.")
        case Change.USAGE:
            return _branches_usage(t)
    return _merged(t, changed)


def _merged(t: Translator, changed: BranchChange) -> str:
    """What a merge moved, and only that: "3 reports and 1 chair moved", or that there was nothing to move."""
    moved = []
    if changed.count:
        moved.append(
            t.ngettext("{count} report", "{count} reports", changed.count).format(count=changed.count)
        )
    if changed.chairs:
        moved.append(
            t.ngettext("{count} chair", "{count} chairs", changed.chairs).format(count=changed.chairs)
        )
    if not moved:
        return t._("Merged {old} into {new}. {old} had no reports and no chair.").format(
            old=changed.name, new=changed.other
        )
    return t._("Merged {old} into {new}: {moved} moved to {new}.").format(
        old=changed.name, new=changed.other, moved=listed(t, moved)
    )


_ACTIONS = {
    ("lagg", "till"): "add",
    ("add",): "add",
    ("ny",): "add",
    ("byt", "namn"): "rename",
    ("rename",): "rename",
    ("sla", "ihop"): "merge",
    ("merge",): "merge",
    ("ta", "bort"): "remove",
    ("remove",): "remove",
}
_SEPARATORS = {"till", "to", "med", "into", "with"}


def _branch_action(words: list[str]) -> tuple[str, list[str], list[str]] | None:
    """The board's change to the branch list: (verb, first name's words, second name's words)."""
    folded = [fold(w) for w in words]
    for key, verb in _ACTIONS.items():
        if tuple(folded[: len(key)]) == key:
            rest = words[len(key) :]
            if verb in ("rename", "merge"):
                cut = next((i for i, w in enumerate(rest) if fold(w) in _SEPARATORS), None)
                if cut is None:
                    return verb, rest, []
                return verb, rest[:cut], rest[cut + 1 :]
            return verb, rest, []
    return None


def _again(request: Request) -> str:
    """The command as written, mentions as @Name, with "ja"/"yes" after it."""
    text = request.args
    for written in request.mentions_written:
        text = text.replace(written, "@" + written, 1) if "@" + written not in text else text
    return f"{request.command} {' '.join(text.split())} {request.t._('yes')}"


async def _granted(request: Request, context: Context, granted: Granted) -> str:
    """What giving a role changed, exactly."""
    t = request.t
    lines = []
    for name, new in granted.given:
        if granted.kind is Role.BOARD:
            text = t._("{name} is now on the board.") if new else t._("{name} was on the board already.")
        elif granted.kind is Role.CHAIR:
            text = t._("{name} is now chair of {branch}.") if new else t._("{name} chaired {branch} already.")
        else:
            text = (
                t._("{name} is now deputy for the chair of {branch} and reports for it.")
                if new
                else t._("{name} was deputy for {branch} already.")
            )
        lines.append(text.format(name=name, branch=granted.branch))
    if granted.dealt:
        lines.append(dealt_anew(t, granted.dealt))
    for name in granted.namesakes:
        undo = {
            Role.BOARD: t._("role remove board @{name}"),
            Role.CHAIR: t._("role remove chair @{name} {branch}"),
        }.get(granted.kind, t._("role remove deputy @{name} {branch}"))
        if fold(request.command) in ("ersattare", "deputy"):  # a chair named their deputy
            undo = t._("deputy remove @{name}")
        lines.append(
            t._(
                "Note: someone else called {name} has a role here too. If you picked the wrong person, write "
                "{command} (picking them from the list Teams shows), then give the role to the right one."
            ).format(name=name, command=undo.format(name=name, branch=granted.branch))
        )
    if granted.others:  # a new chair is added, not swapped in: say who else still chairs it
        also = t.ngettext(
            "{names} also chairs {branch}.", "{names} also chair {branch}.", len(granted.others)
        )
        lines.append(
            also.format(names=listed(t, granted.others), branch=granted.branch)
            + " "
            + t._("If that has changed, write: role remove chair @{name}").format(name=granted.others[0])
        )
    return " ".join(lines)


async def _taken(request: Request, context: Context, taken: Taken) -> str:
    """What taking a role changed, exactly."""
    t = request.t
    kind = taken.kind
    lines = []
    for person in taken.taken:
        if kind is Role.BOARD:
            text = (
                t._("{name} is no longer on the board.")
                if person.held
                else t._("{name} was not on the board.")
            )
        elif person.held:
            text = (
                t._("{name} no longer chairs {branches}.")
                if kind is Role.CHAIR
                else t._("{name} is no longer deputy for {branches}.")
            )
        elif taken.typed:
            text = (
                t._("{name} did not chair {branch}.")
                if kind is Role.CHAIR
                else t._("{name} was not deputy for {branch}.")
            )
        else:
            text = (
                t._("{name} chaired no branch.")
                if kind is Role.CHAIR
                else t._("{name} was deputy for no branch.")
            )
        lines.append(text.format(name=person.name, branch=taken.typed, branches=listed(t, person.branches)))
    for branch, deputies in taken.chairless:
        if deputies:
            still = t.ngettext(
                "{branch} has no chair now; {names} is still deputy and reports for it.",
                "{branch} has no chair now; {names} are still deputies and report for it.",
                len(deputies),
            )
            lines.append(still.format(branch=branch, names=listed(t, deputies)))
        else:
            lines.append(t._("{branch} has no chair now.").format(branch=branch))
    if taken.chairless:
        lines.append(
            t._("An administrator names a new chair with: role chair @name {branch}").format(
                branch=taken.chairless[0][0]
            )
        )
    left = [person.name for person in taken.taken if person.held]
    whose = genitive(t, left[0]) if len(left) == 1 else ""  # one who left is named, several are "their"
    if taken.handed and not any(s.owner_name for s in taken.handed):
        # The last of the board left: "go to: #1 nobody yet" would read as if someone had them.
        lines.append(
            t.ngettext(
                "Nobody on the board is left to take {whose} coming prompts ({slots}): an administrator "
                "names board members with: role board @name",
                "Nobody on the board is left to take their coming prompts ({slots}): an administrator "
                "names board members with: role board @name",
                len(left),
            ).format(whose=whose, slots=", ".join(f"#{s.id}" for s in taken.handed))
        )
    elif taken.handed:
        lines.append(
            t.ngettext(
                "{whose} coming prompts go to: {slots}.", "Their coming prompts go to: {slots}.", len(left)
            ).format(
                whose=whose,
                slots=", ".join(f"#{s.id} {s.owner_name or t._('nobody yet')}" for s in taken.handed),
            )
        )
    if taken.dealt:
        lines.append(dealt_anew(t, taken.dealt))
    for writer, slots in _by_writer(taken.returned).items():
        lines.append(
            t.ngettext(
                "The text by {writer} for {slots} will not be posted; {writer} gets it back in a personal "
                "chat.",
                "The texts by {writer} for {slots} will not be posted; {writer} gets them back in a personal "
                "chat.",
                len(slots),
            ).format(
                writer=writer or t._("someone no longer known"),
                slots=listed(t, [f"#{s.id}" for s in slots]),
            )
        )
    return " ".join(lines)


def _by_writer(slots: Sequence[PromptSlot]) -> dict[str, list[PromptSlot]]:
    theirs: dict[str, list[PromptSlot]] = {}
    for slot in slots:
        theirs.setdefault(slot.writer_name or "", []).append(slot)
    return theirs


def unknown_branch(t: Translator, typed: str, known: Sequence[Named]) -> str:
    """A branch name that is not on the list: the list, or (none yet) how the board makes one."""
    if not known:
        return t._(
            "There is no branch called “{name}”: the district has no branches yet. "
            "The board adds them with: branches add NAME"
        ).format(name=typed[:60])
    return t._("There is no branch called “{name}”. Branches: {names}").format(
        name=typed[:60], names=names(known)
    )


def _mention_first(t: Translator) -> str:
    # A name typed as text is no mention: Teams makes one only when the person is picked after "@".
    return t._("Mention the person: type @ and pick them from the list Teams shows.")


def _which_role(t: Translator, name: str, *, remove: bool) -> str:
    """The lines that give (or take) each role, for the person mentioned."""
    if remove:
        return t._(
            "Which role should {name} no longer have? Write for example: role remove board @{name}, "
            "role remove chair @{name} or role remove deputy @{name}."
        ).format(name=name)
    return t._(
        "Which role? Write for example: role board @{name}, role chair @{name} {branch} or "
        "role deputy @{name} {branch}."
    ).format(name=name, branch=t._("BRANCH"))


def _told_apart(members: Sequence[Member]) -> dict[int, str]:
    """Each person's name as the roles list shows it: numbered ("Erik Svensson 1", "Erik Svensson 2", in the
    order they were first stored) where another person with a role has the same name, so that the reader
    can tell which Erik chairs Timrå without more about them than their name."""
    people = {m.person_id: m.name for m in members}
    shown = {}
    for person_id, name in people.items():
        same = sorted(other for other, its in people.items() if fold(its) == fold(name))
        shown[person_id] = name if len(same) == 1 else f"{name} {same.index(person_id) + 1}"
    return shown


def _roles_to_take(
    t: Translator, typed: str, members: Sequence[Member], branches: Sequence[str], district: str
) -> str:
    """The line that takes away each role held by whoever is called `typed` (their full or first name), or
    why there is none: a branch's name, or nobody of that name with a role."""
    wanted = fold(typed)
    line = {
        Role.BOARD: t._("role remove board @{name}"),
        Role.CHAIR: t._("role remove chair @{name} {branch}"),
        Role.DEPUTY: t._("role remove deputy @{name} {branch}"),
    }
    held = [m for m in members if m.role in line and wanted in (fold(m.name), *fold(m.name).split()[:1])]
    if held:
        lines = sorted({line[m.role].format(name=m.name, branch=m.branch or "").strip() for m in held})
        return t._(
            "To take a role away from {name}, write {lines}, picking the person from the list Teams shows "
            "after @."
        ).format(name=typed, lines=listed(t, lines, either=True))
    branch = find_branch(typed, [BranchName(b) for b in branches])
    if branch is not None:
        return t._("{name} is a branch, not a person. The board removes a branch with: {command}").format(
            name=branch.name, command=t._("branches remove {name}").format(name=branch.name)
        )
    return t._("Nobody called {name} has a role in {district}. Write roles to see who has which.").format(
        name=typed, district=district
    )


def _usage(t: Translator) -> str:
    return t._(
        "Write for example: role board @Megan, role chair @Adele Sundsvall, or role remove board @Megan."
    )


def _branches_usage(t: Translator) -> str:
    return t._(
        "Write for example: branches add Timrå, branches rename Sundvall to Sundsvall, "
        "branches merge Kramfors into Härnösand, or branches remove Timrå."
    )


def strip_names(text: str, people: tuple[PersonInfo, ...], written: tuple[str, ...] = ()) -> str:
    """The text without the @mentions: as the message wrote them (a name Teams shortened to "Johannes"),
    then anyone's full name."""
    for mention in sorted(written, key=len, reverse=True):
        text = re.sub(r"@?" + re.escape(mention), " ", text, count=1, flags=re.IGNORECASE)
    for person in people:
        if person.name:
            text = re.sub(re.escape(person.name), " ", text, flags=re.IGNORECASE)
    return " ".join(text.replace("@", " ").split())
