"""The Teams side of the bot: the one ActivityHandler.

It strips the @mention, remembers where the bot can post, hands the text to the router and sends the
reply back as a card (or text where the channel has no cards). Besides app.py, dialogs/ and the notifier,
this is the only module that knows botbuilder's turn objects.

Every message goes to the router, a submitted card form too (a `value` naming the form). The one thing
decided here is the check-in dialog, which needs the turn: a bare `rapportera` in a chat without cards (the
terminal chat) begins it, and while it waits for an answer the conversation's messages go to it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from botbuilder.core import CardFactory, InvokeResponse, MessageFactory, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount, TextFormatTypes

from bot.cards import Reply
from bot.commands import Context, Request, Router, Services
from bot.commands.router import Kind, TurnNote, note_turn, turn_note
from bot.config import Settings
from bot.db.dialogs import DialogStates, dialog_key
from bot.db.engine import StorageGone
from bot.i18n import genitive, pick_language, translator
from bot.services.clock import Clock
from bot.services.people import ConversationInfo, PersonInfo, Scope, Why
from bot.services.text import flatten_html, strip_invisible

if TYPE_CHECKING:
    from dialogs.host import Dialogs

log = logging.getLogger(__name__)
# One line per turn (on_turn): what came in, which command, the outcome and how long it took. Never the
# message's text nor who wrote it: at info level the log holds no personal data.
turn_log = logging.getLogger("bot.turns")

# Channels whose clients render Adaptive Cards; everything else (the terminal chat, tests) gets text.
CARD_CHANNELS = frozenset({"msteams", "emulator", "webchat", "directline"})

# What an Action.Execute is answered with: a card that replaces the tapped one, or a message beside it.
ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"

# Teams redelivers an activity it thinks timed out (after about 15 s); remember this many recent ids.
RECENT_ACTIVITIES = 4096

_LEFTOVER_MENTION = re.compile(r"<at[^>]*>.*?</at>", re.IGNORECASE | re.DOTALL)


class DistrictBot(TeamsActivityHandler):
    def __init__(
        self,
        *,
        router: Router,
        services: Services,
        settings: Settings,
        clock: Clock,
    ) -> None:
        self.router = router
        # The dialog host imports botbuilder-dialogs (with its date recognisers, about 18 MB): only a
        # check-in in a channel without cards (the terminal chat) needs it, so it is made then, or when a
        # message answers a dialog another process (or this one before a restart) began.
        self._dialogs: Dialogs | None = None
        self._dialog_states = DialogStates(services.repository.db)
        self.services = services
        self.repository = services.repository
        self.districts = services.districts
        self.settings = settings
        self.clock = clock
        self._recent: OrderedDict[tuple[str, str], None] = OrderedDict()
        # The last reference stored per conversation: an unchanged reference costs no write.
        self._stored: OrderedDict[str, ConversationInfo] = OrderedDict()
        # Who was last noted as a member of which district: writing in a channel again costs no write.
        self._members: OrderedDict[tuple[str, str], None] = OrderedDict()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
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
        user = person_of(activity.from_property)
        scope = await self._scope(conversation, user)
        request = Request(
            text=message_text(activity),
            t=translator(pick_language(activity.locale, self.settings.language)),
            district=scope.district,
            scope=scope,
            user=user,
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
        if await self._continues_dialog(turn_context, request, context):
            note_turn(command="report-dialog")
            return  # the dialog answered
        reply = await self.router.dispatch(request, context)
        if reply.opens_check_in_dialog:
            await self.dialog_host().begin_check_in(turn_context, request, context)
            return
        if reply.forgot_sender:
            self._drop_cached(conversation.conversation_id, user)
        if not reply.quiet:
            await turn_context.send_activity(reply_activity(reply, activity.channel_id))

    async def on_message_reaction_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if not self._is_redelivery(activity) and activity.conversation is not None:
            await self._count(activity, conversation_of(activity), Kind.REACTION)

    async def _count(self, activity: Activity, conversation: ConversationInfo, kind: Kind) -> None:
        request = Request(
            text="",
            t=translator(self.settings.language),
            district="",
            user=person_of(activity.from_property),
            conversation_kind=conversation.kind,
            conversation=conversation,
            kind=kind,
            reacted_to=activity.reply_to_id or "",
            reactions=(len(activity.reactions_added or []), len(activity.reactions_removed or [])),
        )
        await self.router.dispatch(request, Context(self.services, self.clock()))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        if turn_context.activity.name == "adaptiveCard/action":
            return InvokeResponse(status=200, body=await self._card_action(turn_context))
        return await super().on_invoke_activity(turn_context)

    async def _card_action(self, turn_context: TurnContext) -> dict[str, Any]:
        """A card button (Action.Execute): its data and the card's inputs, routed by the form they name; the
        answer replaces the card (a card), or is shown beside it (a message: the tap changed nothing).
        The invoke response Teams expects (Universal Actions): statusCode 200, the type and the value."""
        activity = turn_context.activity
        action = activity.value.get("action") if isinstance(activity.value, dict) else None
        data = action.get("data") if isinstance(action, dict) else None
        conversation = conversation_of(activity)
        await self._remember(activity, conversation)
        user = person_of(activity.from_property)
        scope = await self._scope(conversation, user)
        request = Request(
            text="",
            t=translator(pick_language(activity.locale, self.settings.language)),
            district=scope.district,
            scope=scope,
            user=user,
            conversation_kind=conversation.kind,
            conversation=conversation,
            activity_id=_unique_id(activity),
            form=data if isinstance(data, dict) and "form" in data else None,
            kind=Kind.ACTION,
            locale=activity.locale,
        )
        reply = await self.router.dispatch(request, Context(self.services, self.clock()))
        if reply.keeps_card:
            return {"statusCode": 200, "type": MESSAGE, "value": reply.text}
        return {"statusCode": 200, "type": ADAPTIVE_CARD, "value": reply.as_card()}

    async def on_turn(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
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
            await super().on_turn(turn_context)
            # Dialog state is saved at the end of every turn (BotBuilder-Samples 05.multi-turn-prompt).
            if self._dialogs is not None:
                await self._dialogs.save(turn_context)
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

    async def _continues_dialog(self, turn_context: TurnContext, request: Request, context: Context) -> bool:
        """Hand the message to its conversation's dialog waiting for an answer; False if there is none.

        Only a chat without cards (the terminal chat) is ever given a dialog (a submitted card form is no
        answer to one): elsewhere there is none to ask the database for."""
        if request.cards or request.form is not None:
            return False
        activity = turn_context.activity
        key = dialog_key(activity.channel_id, activity.conversation.id)
        if self._dialogs is None and not await asyncio.to_thread(self._dialog_states.waiting, key):
            return False
        return await self.dialog_host().continue_active(turn_context, request, context)

    def dialog_host(self) -> Dialogs:
        if self._dialogs is None:
            from dialogs.host import Dialogs
            from dialogs.storage import DatabaseStorage

            self._dialogs = Dialogs(DatabaseStorage(self._dialog_states, self.clock))
        return self._dialogs

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # Deliberately not calling TeamsActivityHandler's dispatch: it looks every added member up in
        # the roster (a Connector call per member), which the bot does not need.
        activity = turn_context.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if any(member.id == bot_id for member in activity.members_added or []):
            await self._remember(activity)
            await self._welcome(turn_context)
        elif any(member.id == bot_id for member in activity.members_removed or []):
            await self._forget(activity)
        elif activity.conversation is not None:
            await self._remember(activity)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        # Teams follows an install with a conversationUpdate that adds the bot; the welcome goes there.
        await self._remember(turn_context.activity)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        await self._forget(turn_context.activity)

    async def _welcome(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if self._is_redelivery(activity):
            return
        t = translator(pick_language(activity.locale, self.settings.language))
        conversation = conversation_of(activity)
        user = person_of(activity.from_property) if conversation.kind == "personal" else None
        scope = await self._scope(conversation, None)
        if user is not None and user.aad_object_id in self.services.admins:
            # The administrator who installs the bot: what to do first (issue 18).
            text = t._(
                "Hi! I keep track of {district}'s plan. To start: 1) send me your plan as a file here (PDF, "
                "Word or text): I show you what I read before anything is imported; 2) name the board: "
                "role board @name; 3) set when discussion prompts are posted: write schedule 1 and 15 at 18 "
                "in the channel. Write help to see everything I can do."
            ).format(district=scope.district or self.settings.district)
        elif scope.found:
            text = t._(
                "Hi! I keep track of {whose} plan: its goals, who is responsible and how far "
                "we have come. Write help to see what I can do."
            ).format(whose=genitive(t, scope.district))
        else:
            text = t._(
                "Hi! I keep track of a district's plan: its goals, who is responsible and how far we have "
                "come. This team is not linked to a district yet: an administrator links it by writing "
                "here: link DISTRICT"
            )
        await turn_context.send_activity(plain_text(text))

    async def _remember(self, activity: Activity, conversation: ConversationInfo | None = None) -> None:
        conversation = conversation or conversation_of(activity)
        if self._stored.get(conversation.conversation_id) == conversation:
            return
        person = person_of(activity.from_property) if conversation.kind == "personal" else None
        # A write may wait on the SQLite lock (busy timeout): keep it off the event loop.
        try:
            if conversation.team_id:
                await asyncio.to_thread(
                    self.districts.note_team, conversation.team_id, team_name(activity), now=self.clock()
                )
            await asyncio.to_thread(
                self.repository.remember_conversation, conversation, person=person, now=self.clock()
            )
        except StorageGone:
            # The database file went away (bot/db/engine.py logged it); the turn goes on, and whatever it
            # has to store is refused with its own answer (a check-in: "could not store").
            return
        self._stored[conversation.conversation_id] = conversation
        if len(self._stored) > RECENT_ACTIVITIES:
            self._stored.popitem(last=False)

    def _drop_cached(self, conversation_id: str, user: PersonInfo | None) -> None:
        """After `glöm mig`: their next message stores them anew, as the receipt says."""
        self._stored.pop(conversation_id, None)
        for key in [key for key in self._members if user is not None and key[0] == user.teams_user_id]:
            del self._members[key]

    async def _forget(self, activity: Activity) -> None:
        self._stored.pop(activity.conversation.id, None)
        await asyncio.to_thread(
            self.repository.forget_conversation, activity.conversation.id, now=self.clock()
        )

    async def _scope(self, conversation: ConversationInfo, user: PersonInfo | None) -> Scope:
        """The district this turn speaks for (bot/services/people.py). Someone writing in a linked
        team's channel belongs to its district: noted, so that their personal chat knows it too."""
        admin = bool(user and user.aad_object_id and user.aad_object_id in self.services.admins)
        default = self.settings.district
        scope = await asyncio.to_thread(
            self.districts.scope, conversation, user, admin=admin, default=default
        )
        if scope.why is Why.LINKED and conversation.team_id and user is not None:
            key = (user.teams_user_id, scope.district)
            if key not in self._members:
                await asyncio.to_thread(self.districts.note_member, user, scope.district, now=self.clock())
                self._members[key] = None
                if len(self._members) > RECENT_ACTIVITIES:
                    self._members.popitem(last=False)
        return scope

    def _is_redelivery(self, activity: Activity) -> bool:
        if not activity.id or activity.conversation is None:
            return False
        key = (activity.conversation.id, activity.id)
        if key in self._recent:
            return True
        self._recent[key] = None
        if len(self._recent) > RECENT_ACTIVITIES:
            self._recent.popitem(last=False)
        return False


def addressed(activity: Activity) -> bool:
    """Whether a message is to the bot: it @mentions the bot, or submits one of its cards."""
    bot_id = activity.recipient.id if activity.recipient else None
    return isinstance(activity.value, dict) or any(
        (mentioned := _mentioned(entity)) is not None and mentioned.get("id") == bot_id
        for entity in activity.entities or []
        if str(getattr(entity, "type", "") or "").lower() == "mention"
    )


def _mentioned(entity: Any) -> dict[str, Any] | None:
    """Who a mention entity names ({"id", "name"}): a Mention built in code has .mentioned, one read from
    JSON keeps it in additional_properties."""
    mentioned = getattr(entity, "mentioned", None) or (
        (getattr(entity, "additional_properties", None) or {}).get("mentioned")
    )
    if isinstance(mentioned, ChannelAccount):
        return {"id": mentioned.id, "name": mentioned.name}
    return mentioned if isinstance(mentioned, dict) else None


# A file sent to the bot in a personal chat (manifest supportsFiles): Teams' pre-authorised download.
FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"


def form_of(activity: Activity) -> dict[str, Any] | None:
    """A submitted card form's data: a message with a `value` naming its form (Action.Submit); a file sent
    in chat is the plan upload form (bot/commands/plans.py) with the file's name and address."""
    value = activity.value
    if isinstance(value, dict) and "form" in value:
        return value
    for attachment in activity.attachments or []:
        content = attachment.content if isinstance(attachment.content, dict) else {}
        if attachment.content_type == FILE_DOWNLOAD:
            return {
                "form": "plan-upload",
                "name": attachment.name or "",
                "url": content.get("downloadUrl") or "",
            }
    return None


def _unique_id(activity: Activity) -> str:
    """The activity's id if it names the message for good: Teams' do, within their conversation; the
    terminal chat (TestAdapter) numbers its messages anew each run."""
    return (activity.id or "") if activity.channel_id == "msteams" else ""


def message_text(activity: Activity) -> str:
    """The user's words: the bot's @mention removed, Teams' HTML flattened to text (bot/services/text.py).

    A card button that submits data instead of text may name a command as {"command": "..."}.
    """
    if activity.text is None and isinstance(activity.value, dict):
        command = activity.value.get("command")
        return " ".join(command.split()) if isinstance(command, str) else ""
    text = activity.text or ""
    if "<" not in text and "&" not in text and not _mentions_anyone(activity):  # most personal chats
        return " ".join(text.split())
    if activity.recipient is not None and activity.entities:
        try:
            text = TurnContext.remove_recipient_mention(activity) or ""
        except (KeyError, TypeError, AttributeError):  # a malformed mention entity; fall back below
            text = activity.text or ""
    name = activity.recipient.name if activity.recipient else None
    if name:
        text = re.sub(rf"<at[^>]*>\s*{re.escape(name)}\s*</at>", " ", text, flags=re.IGNORECASE)
    # Mentions of the bot under another label (some clients) start the message; drop a leading one.
    text = re.sub(r"^\s*<at[^>]*>.*?</at>", " ", text, count=1, flags=re.IGNORECASE | re.DOTALL)
    text = _LEFTOVER_MENTION.sub(lambda m: re.sub(r"<[^>]+>", "", m.group(0)), text)
    return " ".join(flatten_html(text).split())


def _mentions_anyone(activity: Activity) -> bool:
    """Whether any entity is a mention, as TurnContext.get_mentions decides (any case)."""
    return any(
        str(getattr(entity, "type", "") or "").lower() == "mention" for entity in activity.entities or []
    )


def mentioned_people(activity: Activity) -> tuple[PersonInfo, ...]:
    """The people @mentioned in a message, besides the bot, in the order written, once each."""
    bot_id = activity.recipient.id if activity.recipient else None
    people: dict[str, PersonInfo] = {}
    for entity in activity.entities or []:
        mentioned = _mentioned(entity) if entity.type == "mention" else None
        if mentioned is None:
            continue
        person_id, name = mentioned.get("id"), mentioned.get("name")
        if not isinstance(person_id, str) or not person_id or person_id == bot_id:
            continue
        people.setdefault(person_id, PersonInfo(person_id, None, name if isinstance(name, str) else ""))
    return tuple(people.values())


def mentions_written(activity: Activity) -> tuple[str, ...]:
    """The text of each mention of someone besides the bot, as Teams wrote it in the message ("Johannes",
    when the writer shortened "Johannes Ström"), without its markup."""
    bot_id = activity.recipient.id if activity.recipient else None
    written = []
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        extra = getattr(entity, "additional_properties", None) or {}
        mentioned = getattr(entity, "mentioned", None) or extra.get("mentioned")
        mentioned_id = mentioned.id if isinstance(mentioned, ChannelAccount) else (mentioned or {}).get("id")
        text = getattr(entity, "text", None) or extra.get("text")
        if mentioned_id == bot_id or not isinstance(text, str):
            continue
        plain = " ".join(re.sub(r"<[^>]+>", "", text).split())
        if plain and plain not in written:
            written.append(plain)
    return tuple(written)


def clean_activity(activity: Activity) -> None:
    """Invisible controls (bidi overrides, zero-width spaces, ...; bot/services/text.py) removed from what
    the bot may store or repeat, where it comes in: the text, the sender's and the mentioned people's
    names, card submits and channel data (team names). Each is then stored and shown as what it looks
    like: names, check-in comments, prompt texts, and the CSV export made from them."""
    if isinstance(activity.text, str):
        activity.text = strip_invisible(activity.text)
    for account in (activity.from_property, *(activity.members_added or [])):
        if account is not None and isinstance(account.name, str):
            account.name = strip_invisible(account.name)
    activity.value = _cleaned(activity.value)
    activity.channel_data = _cleaned(activity.channel_data)
    for entity in activity.entities or []:
        extra = getattr(entity, "additional_properties", None)
        if isinstance(extra, dict):
            entity.additional_properties = _cleaned(extra)


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


def person_of(account: ChannelAccount | None) -> PersonInfo | None:
    if account is None or not account.id:
        return None
    return PersonInfo(teams_user_id=account.id, aad_object_id=account.aad_object_id, name=account.name or "")


def _conversation_kind(activity: Activity) -> str:
    conversation = activity.conversation
    if conversation is None:
        return "-"
    return conversation.conversation_type or ("groupChat" if conversation.is_group else "personal")


def team_name(activity: Activity) -> str:
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") or {}
    name = team.get("name") if isinstance(team, dict) else None
    return name if isinstance(name, str) else ""


def tenant_of(activity: Activity) -> str | None:
    """The Microsoft Entra tenant an activity comes from (Teams puts it in conversation and channelData)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant") or {}
    conversation_tenant = activity.conversation.tenant_id if activity.conversation else None
    return conversation_tenant or (tenant.get("id") if isinstance(tenant, dict) else None)


def conversation_of(activity: Activity) -> ConversationInfo:
    channel_data: dict[str, Any] = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    team = channel_data.get("team") or {}
    channel = channel_data.get("channel") or {}
    conversation = activity.conversation
    kind = _conversation_kind(activity)
    tenant_id = tenant_of(activity)
    reference: dict[str, Any] = TurnContext.get_conversation_reference(activity).serialize()
    # Which message this was is no part of where to post later, and would make every message a new
    # reference to store: leave it out, so an unchanged conversation costs no write.
    reference.pop("activityId", None)
    if tenant_id:
        # Teams sends conversation.tenantId, but the SDK's model reads and writes "tenantID", so the
        # tenant would be lost from the stored reference; proactive posts into a channel need it.
        reference.setdefault("conversation", {})["tenantID"] = tenant_id
    return ConversationInfo(
        conversation_id=conversation.id,
        kind=kind,
        tenant_id=tenant_id,
        team_id=team.get("id"),
        channel_id=channel.get("id"),
        reference=reference,
    )


def reply_activity(reply: Reply, channel_id: str | None) -> Activity:
    if reply.card is not None and channel_id in CARD_CHANNELS:
        # The text beside the card is what notifications and previews show; plain, like every text.
        message = MessageFactory.attachment(CardFactory.adaptive_card(reply.card), text=reply.preview)
        message.text_format = TextFormatTypes.plain
        return message
    return plain_text(reply.text)


def plain_text(text: str) -> Activity:
    """A text message Teams shows as written: `textFormat: plain`, so what a user wrote and the bot
    repeats (a name, a comment, a prompt) cannot become a link, a heading or a mention. The bot's own
    texts use no markdown; cards show text in TextRuns, never read as markdown (bot/cards)."""
    message = MessageFactory.text(text)
    message.text_format = TextFormatTypes.plain
    return message
