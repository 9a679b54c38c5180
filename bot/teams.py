"""The Teams side of the bot: what a turn means, on either SDK.

It strips the @mention, remembers where the bot can post, hands the text to the router and sends the
reply back as a card (or text where the channel has no cards). It reads the activity as Teams sent it
(bot/sdk.Incoming) and answers through bot/sdk.Turn: it knows no SDK (bot/sdk/ holds one adapter each).

Every message goes to the router, a submitted card form too (a `value` naming the form). The one thing
decided here is the check-in dialog, which needs the turn: a bare `rapportera` in a chat without cards (the
terminal chat) begins it, and while it waits for an answer the conversation's messages go to it; in Teams
a typed "avbryt" answers the "1 or 1 100?" card as its Cancel button does (dialogs/readings.py).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from bot.cards import CARD_CHANNELS, message_of
from bot.cards.checkin_form import READING_FORM
from bot.commands import Context, Request, Router, Services
from bot.commands.router import Kind, TurnNote, no_district, note_turn, turn_note
from bot.config import Settings
from bot.db.dialogs import DialogStates, dialog_key
from bot.i18n import (
    flatten_html,
    genitive,
    leaves_question,
    pick_language,
    says_yes,
    strip_invisible,
    translator,
)
from bot.sdk import ConnectorError, Incoming, InvokeAnswer, Message, RetryingTurn, Turn, Unreadable
from bot.services.clock import Clock
from bot.services.people import ConversationInfo, PersonInfo, Why, Writer
from dialogs.checkin_dialog import Aside
from dialogs.host import Dialogs
from dialogs.readings import Retyped

log = logging.getLogger(__name__)
# One line per turn (on_turn): what came in, which command, the outcome and how long it took. Never the
# message's text nor who wrote it: at info level the log holds no personal data.
turn_log = logging.getLogger("bot.turns")

# Teams redelivers an activity it thinks timed out (after about 15 s); remember this many recent ids.
RECENT_ACTIVITIES = 4096

_LEFTOVER_MENTION = re.compile(r"<at[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)

# What an Action.Execute is answered with: a card that replaces the tapped one, or a message beside it.
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"


class DistrictBot:
    def __init__(
        self,
        *,
        router: Router,
        services: Services,
        settings: Settings,
        clock: Clock,
    ) -> None:
        self.router = router
        # The check-in one question at a time (the terminal chat), its state in the database (dialogs/).
        self.dialogs = Dialogs(DialogStates(services.repository.db), clock, router.command_in)
        self.services = services
        self.districts = services.districts
        self.directory = services.directory  # storage work about conversations, one call per event
        self.settings = settings
        self.clock = clock
        self._recent: OrderedDict[tuple[str, str], None] = OrderedDict()
        # The last reference stored per conversation: an unchanged reference costs no write.
        self._stored: OrderedDict[str, ConversationInfo] = OrderedDict()
        # Who was last noted as a member of which district: writing in a channel again costs no write.
        self._members: OrderedDict[tuple[str, str], None] = OrderedDict()

    async def on_message_activity(self, turn: Turn) -> None:
        activity = turn.activity
        if self._is_redelivery(activity):
            note_turn(outcome="redelivered")
            return
        conversation = conversation_of(activity)
        if conversation.kind == "channel" and not addressed(activity):
            # Only with the team's consent to read its channels: counted, never answered, nothing of it
            # stored or logged (not its text, and not who wrote it, beyond a per-post hash).
            await self._count(activity, conversation, Kind.OVERHEARD)
            return
        await self._remember(activity, conversation)
        text = message_text(activity)
        # a typed "avbryt" (or "ja", "nej") in Teams answers the question kept there, if any (dialogs/host.py)
        typed_answer = activity.channel_id in CARD_CHANNELS and (leaves_question(text) or says_yes(text))
        writer = await self._writer(activity, conversation, answering=typed_answer)
        user = person_of(activity.sender)
        request = Request(
            text=text,
            t=translator(pick_language(activity.locale, self.settings.language)),
            district=writer.scope.district,
            scope=writer.scope,
            user=user,
            roles=writer.roles,
            chosen_language=writer.language,
            conversation_kind=conversation.kind,
            conversation=conversation,
            mentions=mentioned_people(activity),
            mentions_written=mentions_written(activity),
            activity_id=_unique_id(activity),
            form=form_of(activity),
            cards=activity.channel_id in CARD_CHANNELS,
            locale=activity.locale,
        )
        context = Context(self.services, self.clock())
        taken = (
            await self.dialogs.answer_taken(turn, request, context, writer.question)
            if writer.question is not None
            else False
        )
        if taken is True:
            note_turn(command="report-dialog")
            return  # "avbryt" to "1 or 1 100?", as its Cancel button; "ja" to "did it happen twice?"
        continued = taken or await self._continues_dialog(turn, request, context)
        if continued is True:
            note_turn(command="report-dialog")
            return  # the dialog answered
        if isinstance(continued, Retyped):  # "ja" to "write hoppa 3 ja": that line, as if written
            request = replace(request, text=continued.line)
        reply = await self.router.dispatch(request, context)
        if isinstance(continued, Aside):  # a command written mid-dialog: answered, then the dialog's word
            reply = continued.follow(reply)
        if reply.opens_check_in_dialog:
            await self.dialogs.begin_check_in(turn, request, context)
            return
        if reply.waits is not None:
            await self.dialogs.wait(turn, reply.waits)
        if reply.forgot_sender:
            self._drop_cached(conversation.conversation_id, user)
        if not reply.quiet:
            await turn.send(message_of(reply, activity.channel_id))

    async def on_message_reaction_activity(self, turn: Turn) -> None:
        activity = turn.activity
        if not self._is_redelivery(activity) and activity.conversation.get("id"):
            await self._count(activity, conversation_of(activity), Kind.REACTION)

    async def _count(self, activity: Incoming, conversation: ConversationInfo, kind: Kind) -> None:
        request = Request(
            text="",
            t=translator(self.settings.language),
            district="",
            user=person_of(activity.sender),
            conversation_kind=conversation.kind,
            conversation=conversation,
            kind=kind,
            reacted_to=activity.reply_to_id or "",
            activity_id=_unique_id(activity),
            reactions=(len(activity.reactions_added), len(activity.reactions_removed)),
        )
        await self.router.dispatch(request, Context(self.services, self.clock()))

    async def _card_action(self, turn: Turn) -> dict[str, Any]:
        """A card button (Action.Execute): its data and the card's inputs, routed by the form they name; the
        answer replaces the card (a card), or is shown beside it (a message: the tap changed nothing).
        The invoke response Teams expects (Universal Actions): statusCode 200, the type and the value."""
        activity = turn.activity
        action = activity.value.get("action") if isinstance(activity.value, dict) else None
        data = action.get("data") if isinstance(action, dict) else None
        conversation = conversation_of(activity)
        await self._remember(activity, conversation)
        # a button of "1 or 1 100?" answers the question kept for it: a typed "avbryt" after has none left
        reading = isinstance(data, dict) and data.get("form") == READING_FORM
        writer = await self._writer(activity, conversation, answering=reading)
        request = Request(
            text="",
            t=translator(pick_language(activity.locale, self.settings.language)),
            district=writer.scope.district,
            scope=writer.scope,
            user=person_of(activity.sender),
            roles=writer.roles,
            chosen_language=writer.language,
            conversation_kind=conversation.kind,
            conversation=conversation,
            activity_id=_unique_id(activity),
            form=data if isinstance(data, dict) and "form" in data else None,
            kind=Kind.ACTION,
            locale=activity.locale,
        )
        reply = await self.router.dispatch(request, Context(self.services, self.clock()))
        if reply.waits is not None:  # a tap's answer that asks ("if it happened twice, … yes"): a typed
            await self.dialogs.wait(turn, reply.waits)  # "ja" or "nej" answers it, as after a message
        if reply.keeps_card:
            return {"statusCode": 200, "type": MESSAGE, "value": reply.text}
        return {"statusCode": 200, "type": ADAPTIVE_CARD, "value": reply.as_card()}

    async def on_turn(self, sdk_turn: Turn) -> None:
        """One activity, from either SDK's adapter (bot/sdk): its replies retried within the turn's deadline
        (bot/sdk, RetryingTurn), a failure answered with an apology."""
        turn = RetryingTurn(sdk_turn)
        activity = turn.activity
        note = TurnNote()
        token = turn_note.set(note)
        started = time.perf_counter()
        try:
            tenant = tenant_of(activity)
            if self.settings.allowed_tenants and tenant not in self.settings.allowed_tenants:
                # Another organisation's Teams: no answer, nothing stored.
                log.warning("ignoring a %s activity from tenant %s", activity.type, tenant)
                note.outcome = "other-tenant"
                return
            clean_activity(activity)
            await self._dispatch(turn)
        except Exception as error:  # noqa: BLE001 - answered (or logged) here, as the SDKs' on_turn_error
            note.outcome = "error"
            await self._on_error(turn, error)
        except BaseException:
            note.outcome = "error"
            raise
        finally:
            turn_note.reset(token)
            turn_log.info(
                "turn activity=%s type=%s conversation=%s command=%s outcome=%s duration_ms=%.1f",
                activity.id or "-",
                activity.type or "-",
                _conversation_kind(activity),
                note.command,
                note.outcome,
                (time.perf_counter() - started) * 1000,
            )

    async def _dispatch(self, turn: Turn) -> None:
        """By activity type, as the SDKs' (Teams) ActivityHandler dispatches what this bot handles."""
        kind = turn.activity.type
        if kind == "message":
            await self.on_message_activity(turn)
        elif kind == "messageReaction":
            await self.on_message_reaction_activity(turn)
        elif kind == "invoke" and turn.activity.name == "adaptiveCard/action":
            turn.answer_invoke(InvokeAnswer(200, await self._card_action(turn)))
        elif kind == "conversationUpdate":
            await self.on_conversation_update_activity(turn)
        elif kind == "installationUpdate":
            action = (turn.activity.action or "").lower()
            if action in ("add", "add-upgrade"):
                # Teams follows an install with a conversationUpdate adding the bot; the welcome goes there.
                await self._remember(turn.activity)
            elif action in ("remove", "remove-upgrade"):
                await self._forget(turn.activity)

    async def _on_error(self, turn: Turn, error: Exception) -> None:
        if isinstance(error, Unreadable):
            # The Connector's answer to a reply could not be read. Error answers are read whatever their
            # body (the SDK adapters), so this was a success status (e.g. a proxy's HTML page): the reply
            # was probably delivered, and an apology would meet the same answer.
            log.error("the Bot Connector took a reply but its answer could not be read: %s", error)
            return
        if isinstance(error, ConnectorError):
            # The Connector could not be reached, refused the reply (after retries: bot/notifier.py) or did
            # not answer in time: telling the user would fail too.
            log.error("could not reply through the Bot Connector: %s", error)
            return
        log.exception("unhandled error in a turn", exc_info=error)
        t = translator(pick_language(turn.activity.locale, self.settings.language))
        try:
            await turn.send(
                Message(t._("Sorry, something went wrong on my side. Please try again in a while."))
            )
        except Exception:  # noqa: BLE001 - the Connector may be what failed; the log has the cause
            log.warning("could not tell the user about the error")

    async def _continues_dialog(
        self, turn: Turn, request: Request, context: Context
    ) -> bool | Aside | Retyped:
        """Hand the message to its conversation's dialog waiting for an answer; False if there is none.

        Only a chat without cards (the terminal chat) is ever given a dialog (a submitted card form is no
        answer to one). In Teams a question asked on a card with buttons ("1 or 1 100?") is kept as well,
        and a typed word that leaves it ("avbryt", "nej") answers it as its Cancel button does (the writer's
        call takes it: `_answering`); any other message there has no dialog to ask the database for."""
        if request.form is not None or request.cards:
            return False
        return await self.dialogs.continue_active(turn, request, context)

    async def on_conversation_update_activity(self, turn: Turn) -> None:
        # Not as botbuilder's TeamsActivityHandler does: it looks every added member up in the roster (a
        # Connector call per member), which the bot does not need.
        activity = turn.activity
        bot_id = (activity.recipient or {}).get("id")
        if any(member.get("id") == bot_id for member in activity.members_added):
            await self._welcome(turn)
        elif any(member.get("id") == bot_id for member in activity.members_removed):
            await self._forget(activity)
        elif activity.conversation.get("id"):
            await self._remember(activity)

    async def _welcome(self, turn: Turn) -> None:
        """The bot was added: remember the conversation and read its district in one call, then welcome."""
        activity = turn.activity
        conversation = conversation_of(activity)
        user = person_of(activity.sender) if conversation.kind == "personal" else None
        remembered, scope = await asyncio.to_thread(
            self.directory.installed,
            conversation,
            user,
            team_name(activity),
            default=self.settings.district,
            now=self.clock(),
        )
        if remembered:
            self._stored_now(conversation)
        if self._is_redelivery(activity):
            return
        t = translator(pick_language(activity.locale, self.settings.language))
        if user is not None and user.aad_object_id in self.services.admins:
            # The administrator who installs the bot: what to do first (issue 18).
            text = t._(
                "Hi! I keep track of {district}'s plan. To start: 1) send me your plan as a file here (PDF, "
                "Word or text): I show you what I read before anything is imported; 2) name the board: "
                "role board @name; 3) set when discussion prompts are posted: in the members' channel, "
                "@mention me and write schedule 1 and 15 at 18. Write help to see everything I can do."
            ).format(district=scope.district or self.settings.district)
        elif scope.found:
            text = t._(
                "Hi! I keep track of {whose} plan: its goals, who is responsible and how far "
                "we have come. Write help to see what I can do."
            ).format(whose=genitive(t, scope.district))
        elif conversation.kind == "channel":
            text = t._(
                "Hi! I keep track of a district's plan: its goals, who is responsible and how far we have "
                "come. This team is not linked to a district yet: an administrator links it by "
                "@mentioning me here and writing: link DISTRICT"
            )
        else:  # a personal or group chat: what no_district says there (no team to link in a chat)
            why = no_district(Request("", t, "", scope=scope, conversation_kind=conversation.kind))
            hello = t._(
                "Hi! I keep track of a district's plan: its goals, who is responsible and how far we have "
                "come."
            )
            text = f"{hello} {why.text}"
        await turn.send(Message(text))

    async def _remember(self, activity: Incoming, conversation: ConversationInfo | None = None) -> None:
        """Where the bot can post (a new conversation, a changed reference), in one call."""
        conversation = conversation or conversation_of(activity)
        if self._stored.get(conversation.conversation_id) == conversation:
            return
        person = person_of(activity.sender) if conversation.kind == "personal" else None
        # A write may wait on the SQLite lock (busy timeout): keep it off the event loop.
        if await asyncio.to_thread(
            self.directory.remember, conversation, person, team_name(activity), now=self.clock()
        ):
            self._stored_now(conversation)

    def _stored_now(self, conversation: ConversationInfo) -> None:
        self._stored[conversation.conversation_id] = conversation
        if len(self._stored) > RECENT_ACTIVITIES:
            self._stored.popitem(last=False)

    def _drop_cached(self, conversation_id: str, user: PersonInfo | None) -> None:
        """After `glöm mig`: their next message stores them anew, as the receipt says."""
        self._stored.pop(conversation_id, None)
        for key in [key for key in self._members if user is not None and key[0] == user.teams_user_id]:
            del self._members[key]

    async def _forget(self, activity: Incoming) -> None:
        conversation_id = activity.conversation.get("id")
        if not isinstance(conversation_id, str):
            return
        self._stored.pop(conversation_id, None)
        await asyncio.to_thread(self.directory.forget_conversation, conversation_id, now=self.clock())

    async def _writer(
        self, activity: Incoming, conversation: ConversationInfo, *, answering: bool = False
    ) -> Writer:
        """Who wrote, and the district this turn speaks for (bot/services/people.py). Someone writing in a
        linked team's channel belongs to its district: noted, so that their personal chat knows it too.
        `answering`: the turn answers the question kept for the conversation, taken in the same call."""
        user = person_of(activity.sender)
        writer = await asyncio.to_thread(
            self.districts.writer,
            conversation,
            user,
            activity.locale,
            admins=self.services.admins,
            default=self.settings.district,
            now=self.clock(),
            answering=dialog_key(activity.channel_id, activity.conversation.get("id")) if answering else None,
        )
        scope = writer.scope
        if scope.why is Why.LINKED and conversation.team_id and user is not None:
            key = (user.teams_user_id, scope.district)
            if key not in self._members:
                await asyncio.to_thread(self.districts.note_member, user, scope.district, now=self.clock())
                self._members[key] = None
                if len(self._members) > RECENT_ACTIVITIES:
                    self._members.popitem(last=False)
        return writer

    def _is_redelivery(self, activity: Incoming) -> bool:
        conversation_id = activity.conversation.get("id")
        if not activity.id or not isinstance(conversation_id, str):
            return False
        key = (conversation_id, activity.id)
        if key in self._recent:
            return True
        self._recent[key] = None
        if len(self._recent) > RECENT_ACTIVITIES:
            self._recent.popitem(last=False)
        return False


def addressed(activity: Incoming) -> bool:
    """Whether a message is to the bot: it @mentions the bot, or submits one of its cards."""
    bot_id = (activity.recipient or {}).get("id")
    return isinstance(activity.value, dict) or any(
        isinstance(entity.get("mentioned"), dict) and entity["mentioned"].get("id") == bot_id
        for entity in activity.entities
        if str(entity.get("type") or "").lower() == "mention"
    )


# A file sent to the bot in a personal chat (manifest supportsFiles): Teams' pre-authorised download.
FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"


def form_of(activity: Incoming) -> dict[str, Any] | None:
    """A submitted card form's data: a message with a `value` naming its form (Action.Submit); a file sent
    in chat is the plan upload form (bot/commands/plans.py) with the file's name and address."""
    value = activity.value
    if isinstance(value, dict) and "form" in value:
        return value
    for attachment in activity.attachments:
        content = attachment.get("content") if isinstance(attachment.get("content"), dict) else {}
        if attachment.get("contentType") == FILE_DOWNLOAD:
            name = attachment.get("name")
            url = content.get("downloadUrl") if isinstance(content, dict) else None
            return {
                "form": "plan-upload",
                "name": name if isinstance(name, str) else "",
                "url": url if isinstance(url, str) else "",
            }
    return None


def _unique_id(activity: Incoming) -> str:
    """The activity's id if it names the message for good: Teams' do, within their conversation; the
    terminal chat numbers its messages anew each run."""
    return (activity.id or "") if activity.channel_id == "msteams" else ""


def message_text(activity: Incoming) -> str:
    """The user's words: the bot's @mention removed, Teams' HTML flattened to text (bot/i18n.py).

    A card button that submits data instead of text may name a command as {"command": "..."}.
    """
    if activity.text is None and isinstance(activity.value, dict):
        command = activity.value.get("command")
        return " ".join(command.split()) if isinstance(command, str) else ""
    text = activity.text or ""
    if "<" not in text and "&" not in text and not _mentions_anyone(activity):  # most personal chats
        return _lines(text)
    recipient = activity.recipient or {}
    if isinstance(recipient.get("id"), str) and activity.entities:
        text = activity.text_without_mention_of(recipient["id"])
    name = recipient.get("name")
    if isinstance(name, str) and name:
        text = re.sub(rf"<at[^>]*>\s*{re.escape(name)}\s*</at>", " ", text, flags=re.IGNORECASE)
    # Mentions of the bot under another label (some clients) start the message; drop a leading one, unless
    # it mentions someone else ("@Erik ska bli ordförande i Timrå").
    leading = re.match(r"^\s*<at[^>]*>(.*?)</at>", text, flags=re.IGNORECASE | re.DOTALL)
    if leading is not None and " ".join(re.sub(r"<[^>]+>", "", leading[1]).split()) not in mentions_written(
        activity
    ):
        text = " " + text[leading.end() :]
    text = _LEFTOVER_MENTION.sub(lambda m: re.sub(r"<[^>]+>", "", m.group(0)), text)
    return _lines(flatten_html(text))


def _lines(text: str) -> str:
    """Spaces collapsed within each line; the lines kept (a plan pasted into the chat is read by them)."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _mentions_anyone(activity: Incoming) -> bool:
    """Whether any entity is a mention (any case)."""
    return any(str(entity.get("type") or "").lower() == "mention" for entity in activity.entities)


def mentioned_people(activity: Incoming) -> tuple[PersonInfo, ...]:
    """The people @mentioned in a message, besides the bot, in the order written, once each."""
    bot_id = (activity.recipient or {}).get("id")
    people: dict[str, PersonInfo] = {}
    for entity in activity.entities:
        if entity.get("type") != "mention":
            continue
        mentioned = entity.get("mentioned")
        if not isinstance(mentioned, dict):
            continue
        person_id, name = mentioned.get("id"), mentioned.get("name")
        if not isinstance(person_id, str) or not person_id or person_id == bot_id:
            continue
        people.setdefault(person_id, PersonInfo(person_id, None, name if isinstance(name, str) else ""))
    return tuple(people.values())


def mentions_written(activity: Incoming) -> tuple[str, ...]:
    """The text of each mention of someone besides the bot, as Teams wrote it in the message ("Johannes",
    when the writer shortened "Johannes Ström"), without its markup."""
    bot_id = (activity.recipient or {}).get("id")
    written: list[str] = []
    for entity in activity.entities:
        if entity.get("type") != "mention":
            continue
        mentioned = entity.get("mentioned")
        text = entity.get("text")
        if not isinstance(mentioned, dict) or mentioned.get("id") == bot_id or not isinstance(text, str):
            continue
        plain = " ".join(re.sub(r"<[^>]+>", "", text).split())
        if plain and plain not in written:
            written.append(plain)
    return tuple(written)


def clean_activity(activity: Incoming) -> None:
    """Invisible controls (bidi overrides, zero-width spaces, ...; bot/i18n.py) removed from what
    the bot may store or repeat, where it comes in: the text, the sender's and the mentioned people's
    names, card submits and channel data (team names). Each is then stored and shown as what it looks
    like: names, check-in comments, prompt texts, and the CSV export made from them."""
    data = activity.data
    if isinstance(data.get("text"), str):
        data["text"] = strip_invisible(data["text"])
    for account in (activity.sender, *activity.members_added):
        if account is not None and isinstance(account.get("name"), str):
            account["name"] = strip_invisible(account["name"])
    for key in ("value", "channelData", "entities"):
        if key in data:
            data[key] = _cleaned(data[key])


def _cleaned(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return strip_invisible(value)
    if depth > 32:
        return value
    if isinstance(value, dict):
        return {key: _cleaned(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item, depth + 1) for item in value]
    return value


def person_of(account: dict[str, Any] | None) -> PersonInfo | None:
    if account is None or not isinstance(account.get("id"), str) or not account["id"]:
        return None
    aad = account.get("aadObjectId")
    name = account.get("name")
    return PersonInfo(
        teams_user_id=account["id"],
        aad_object_id=aad if isinstance(aad, str) else None,
        name=name if isinstance(name, str) else "",
    )


def _conversation_kind(activity: Incoming) -> str:
    conversation = activity.conversation
    if not conversation:
        return "-"
    kind = conversation.get("conversationType")
    if isinstance(kind, str) and kind:
        return kind
    return "groupChat" if conversation.get("isGroup") else "personal"


def team_name(activity: Incoming) -> str:
    team = activity.channel_data.get("team") or {}
    name = team.get("name") if isinstance(team, dict) else None
    return name if isinstance(name, str) else ""


def tenant_of(activity: Incoming) -> str | None:
    """The Microsoft Entra tenant an activity comes from (Teams puts it in conversation and channelData)."""
    tenant = activity.channel_data.get("tenant") or {}
    conversation_tenant = activity.conversation.get("tenantId") or activity.conversation.get("tenantID")
    if isinstance(conversation_tenant, str) and conversation_tenant:
        return conversation_tenant
    tenant_id = tenant.get("id") if isinstance(tenant, dict) else None
    return tenant_id if isinstance(tenant_id, str) else None


def conversation_of(activity: Incoming) -> ConversationInfo:
    channel_data = activity.channel_data
    team = channel_data.get("team") or {}
    channel = channel_data.get("channel") or {}
    tenant_id = tenant_of(activity)
    reference = activity.reference()
    # Which message this was is no part of where to post later, and would make every message a new
    # reference to store: leave it out, so an unchanged conversation costs no write.
    reference.pop("activityId", None)
    if tenant_id:
        # Proactive posts into a channel need the tenant; Teams may name it in channelData only.
        reference["conversation"]["tenantId"] = reference["conversation"]["tenantID"] = tenant_id
    return ConversationInfo(
        conversation_id=activity.conversation.get("id") or "",
        kind=_conversation_kind(activity),
        tenant_id=tenant_id,
        team_id=team.get("id") if isinstance(team, dict) else None,
        channel_id=channel.get("id") if isinstance(channel, dict) else None,
        reference=reference,
    )
