"""Roles and branches: admins give people roles by @mention, the board keeps the list of branches, a chair
names a deputy; anyone can see who they are."""

from __future__ import annotations

import asyncio
import re

from babel.lists import format_list

from bot.cards import Reply
from bot.commands.router import Context, Request, Router, roles_of
from bot.db.checkins import BranchInfo
from bot.i18n import N_, Translator, fold
from bot.services.branches import BranchName, find_branch, names
from bot.services.people import PersonInfo, Role, allows

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
_YES = {"ja", "yes"}


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
        if not words or not request.mentions:
            return Reply(_usage(t))
        kind = _ROLE_WORDS.get(fold(words[0]))
        if kind is None:
            return Reply(
                t._(
                    "“{word}” is no role. Roles: board, chair (of a branch), deputy (for a branch's chair)."
                ).format(word=words[0][:40])
                + " "
                + _usage(t)
            )
        named, confirmed = _confirmed(words[1:])
        if remove:
            return Reply(await _take(request, context, kind, " ".join(named)))
        if kind is Role.BOARD:
            lines = []
            for person in request.mentions:
                new = await asyncio.to_thread(
                    context.people.grant, person, request.district, kind, now=context.now
                )
                text = t._("{name} is now on the board.") if new else t._("{name} was on the board already.")
                lines.append(text.format(name=person.name))
            if context.services.prompts is not None:
                await context.services.prompts.plan_ahead()  # new board members join the rota
            return Reply(" ".join(lines))
        if not named:
            return Reply(t._("Name the branch after the person, e.g. role chair @Adele Sundsvall."))
        branch = await _branch_for(request, context, " ".join(named), confirmed)
        if isinstance(branch, Reply):
            return branch
        lines = []
        for person in request.mentions:
            new = await asyncio.to_thread(
                context.people.grant, person, request.district, kind, branch=branch, now=context.now
            )
            if kind is Role.CHAIR:
                text = (
                    t._("{name} is now chair of {branch}.")
                    if new
                    else t._("{name} chaired {branch} already.")
                )
            else:
                text = (
                    t._("{name} is now deputy for the chair of {branch} and reports for it.")
                    if new
                    else t._("{name} was deputy for {branch} already.")
                )
            lines.append(text.format(name=person.name, branch=branch))
        if kind is Role.CHAIR:  # a new chair is added, not swapped in: say who else still chairs it
            named_now = {person.name for person in request.mentions}
            chairs = await asyncio.to_thread(context.people.members, request.district, Role.CHAIR)
            others = [m.name for m in chairs if m.branch == branch and m.name not in named_now]
            if others:
                also = t.ngettext(
                    "{names} also chairs {branch}.", "{names} also chair {branch}.", len(others)
                )
                lines.append(
                    also.format(names=format_list(others, locale=t.language), branch=branch)
                    + " "
                    + t._("If that has changed, write: role remove chair @{name}").format(name=others[0])
                )
        return Reply(" ".join(lines))

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
            return Reply(t._("Mention the person, e.g. deputy @Adele (or deputy remove @Adele)."))
        words = strip_names(request.args, request.mentions, request.mentions_written).split()
        remove = any(fold(w) in _REMOVE_WORDS for w in words)
        words = [w for w in words if fold(w) not in _REMOVE_WORDS]
        me = await asyncio.to_thread(context.people.find_id, request.user)
        members = await asyncio.to_thread(context.people.members, request.district)
        chaired = [m.branch for m in members if m.person_id == me and m.role is Role.CHAIR and m.branch]
        own = [BranchName(name) for name in chaired]
        found = find_branch(" ".join(words), own) if words else (own[0] if len(own) == 1 else None)
        if found is None:
            return Reply(t._("Name one of your branches after the person: {names}.").format(names=names(own)))
        if remove:
            return Reply(await _take(request, context, Role.DEPUTY, found.name))
        lines = []
        for person in request.mentions:
            new = await asyncio.to_thread(
                context.people.grant,
                person,
                request.district,
                Role.DEPUTY,
                branch=found.name,
                now=context.now,
            )
            text = (
                t._("{name} is now deputy for the chair of {branch} and reports for it.")
                if new
                else t._("{name} was deputy for {branch} already.")
            )
            lines.append(text.format(name=person.name, branch=found.name))
        return Reply(" ".join(lines))

    @router.command(
        "roller", "roles", usage=N_("roles"), summary=N_("who is on the board and who chairs the branches")
    )
    async def roles(request: Request, context: Context) -> Reply:
        """The district's board, branch chairs and deputies."""
        t = request.t
        members = await asyncio.to_thread(context.people.members, request.district)
        if not members:
            return Reply(t._("Nobody has a role in {district} yet.").format(district=request.district))
        board = sorted({m.name for m in members if m.role is Role.BOARD})
        chairs = sorted(f"{m.name} ({m.branch})" for m in members if m.role is Role.CHAIR)
        deputies = sorted(f"{m.name} ({m.branch})" for m in members if m.role is Role.DEPUTY)
        lines = [t._("Board: {names}").format(names=", ".join(board) or "\u2013")]
        lines.append(t._("Branch chairs: {names}").format(names=", ".join(chairs) or "\u2013"))
        if deputies:
            lines.append(t._("Deputies: {names}").format(names=", ".join(deputies)))
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
        known = await asyncio.to_thread(context.checkins.branches, request.district)
        words = request.args.split()
        action = _branch_action(words)
        if action is None:
            if words:
                return Reply(_branches_usage(t))
            members = await asyncio.to_thread(context.people.members, request.district)
            lines = [t._("Branches in {district}:").format(district=request.district)]
            for branch in sorted(known, key=lambda b: fold(b.name)):
                chairs = sorted(m.name for m in members if m.role is Role.CHAIR and m.branch == branch.name)
                lines.append(f"\u2022 {branch.name}: " + (", ".join(chairs) or t._("no chair yet")))
            if not known:
                lines.append(t._("None yet. The board adds them with: branches add NAME"))
            return Reply("\n".join(lines))
        if not allows(await roles_of(request.user, request.district, context), Role.BOARD):
            return Reply(t._("Only the board can change the list of branches."))
        verb, first, second = action
        if verb == "add":
            name, confirmed = _confirmed(first)
            typed = " ".join(name)
            if not typed:
                return Reply(_branches_usage(t))
            close = find_branch(typed, known)
            if close is not None and fold(close.name) == fold(typed):
                return Reply(t._("{name} is on the list already.").format(name=close.name))
            if close is not None and not confirmed:
                return Reply(
                    t._("“{name}” is close to {existing}. To add it anyway, write: {command}").format(
                        name=typed,
                        existing=close.name,
                        command=f"{request.command} {request.args} {t._('yes')}",
                    )
                )
            added = await asyncio.to_thread(
                context.people.add_branch, request.district, typed, now=context.now
            )
            return Reply(
                t._("Added {name}. Branches: {names}").format(
                    name=added, names=names([*known, BranchName(added)])
                )
            )
        source = find_branch(" ".join(first), known)
        if source is None:
            return Reply(_unknown(t, " ".join(first), known))
        if verb == "remove":
            left = await asyncio.to_thread(context.people.remove_branch, request.district, source.id)
            if left:
                return Reply(
                    t.ngettext(
                        "{name} has {count} report, kept as history: merge it into another branch instead "
                        "(branches merge {name} into NAME).",
                        "{name} has {count} reports, kept as history: merge it into another branch instead "
                        "(branches merge {name} into NAME).",
                        left,
                    ).format(name=source.name, count=left)
                )
            return Reply(t._("Removed {name}; its chairs no longer chair it.").format(name=source.name))
        target_name = " ".join(second)
        if not target_name:
            return Reply(_branches_usage(t))
        if verb == "rename":
            clash = find_branch(target_name, known)
            if clash is not None and clash.id != source.id and fold(clash.name) == fold(target_name):
                return Reply(
                    t._(
                        "{name} is on the list already; merge the two with: branches merge {old} into {name}"
                    ).format(name=clash.name, old=source.name)
                )
            await asyncio.to_thread(context.people.rename_branch, request.district, source.id, target_name)
            return Reply(
                t._("{old} is now called {new}; its reports and chairs stay with it.").format(
                    old=source.name, new=" ".join(target_name.split())
                )
            )
        target = find_branch(target_name, known)
        if target is None:
            return Reply(_unknown(t, target_name, known))
        if target.id == source.id:
            return Reply(t._("That is the same branch."))
        moved = await asyncio.to_thread(context.people.merge_branches, request.district, source.id, target.id)
        return Reply(
            t.ngettext(
                "Merged {old} into {new}: {count} report and the chairs moved to {new}.",
                "Merged {old} into {new}: {count} reports and the chairs moved to {new}.",
                moved,
            ).format(old=source.name, new=target.name, count=moved)
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


def _confirmed(words: list[str]) -> tuple[list[str], bool]:
    if words and fold(words[-1]) in _YES:
        return words[:-1], True
    return words, False


async def _branch_for(request: Request, context: Context, typed: str, confirmed: bool) -> str | Reply:
    """The branch a role names: one on the list (case, accents and small misspellings aside), or, confirmed,
    a new one."""
    t = request.t
    known = await asyncio.to_thread(context.checkins.branches, request.district)
    found = find_branch(typed, known)
    if found is not None:
        return found.name
    if not confirmed:
        return Reply(
            t._("New branch “{name}”? Branches: {names}. To add it, write: {command}").format(
                name=typed, names=names(known), command=_again(request)
            )
        )
    return await asyncio.to_thread(context.people.add_branch, request.district, typed, now=context.now)


def _again(request: Request) -> str:
    """The command as written, mentions as @Name, with "ja"/"yes" after it."""
    text = request.args
    for written in request.mentions_written:
        text = text.replace(written, "@" + written, 1) if "@" + written not in text else text
    return f"{request.command} {' '.join(text.split())} {request.t._('yes')}"


async def _take(request: Request, context: Context, kind: Role, typed: str) -> str:
    """Take a role from the mentioned people; what changed, exactly."""
    t = request.t
    members = await asyncio.to_thread(context.people.members, request.district)
    lines = []
    for person in request.mentions:
        person_id = await asyncio.to_thread(context.people.find_id, person)
        held = [m for m in members if m.person_id == person_id and m.role is kind]
        if kind is Role.BOARD:
            if not held:
                lines.append(t._("{name} was not on the board.").format(name=person.name))
                continue
            await asyncio.to_thread(context.people.revoke, person, request.district, kind)
            lines.append(t._("{name} is no longer on the board.").format(name=person.name))
            continue
        branches = [m.branch or "" for m in held]
        if typed:
            wanted = find_branch(typed, [BranchName(b) for b in branches])
            branches = [wanted.name] if wanted else []
        if not branches:
            lines.append(
                (
                    t._("{name} chaired no branch.")
                    if kind is Role.CHAIR
                    else t._("{name} was deputy for no branch.")
                ).format(name=person.name)
                if not typed
                else (
                    t._("{name} did not chair {branch}.")
                    if kind is Role.CHAIR
                    else t._("{name} was not deputy for {branch}.")
                ).format(name=person.name, branch=typed)
            )
            continue
        known = {b.name: b.id for b in await asyncio.to_thread(context.checkins.branches, request.district)}
        for branch in branches:
            if branch in known:
                await asyncio.to_thread(
                    context.people.revoke_role_in, person, request.district, kind, known[branch]
                )
        text = (
            t._("{name} no longer chairs {branches}.")
            if kind is Role.CHAIR
            else t._("{name} is no longer deputy for {branches}.")
        )
        lines.append(text.format(name=person.name, branches=", ".join(sorted(branches, key=fold))))
    if kind is Role.BOARD and context.services.prompts is not None:
        handed = await context.services.prompts.plan_ahead()  # their coming prompts change hands
        if handed:
            lines.append(
                t._("Their coming prompts go to: {slots}.").format(
                    slots=", ".join(f"#{s.id} {s.owner_name or t._('nobody yet')}" for s in handed)
                )
            )
    return " ".join(lines)


def _unknown(t: Translator, typed: str, known: list[BranchInfo]) -> str:
    return t._("There is no branch called “{name}”. Branches: {names}").format(
        name=typed[:60], names=names(known)
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
