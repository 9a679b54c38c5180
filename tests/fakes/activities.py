"""Teams-shaped activities, as Teams (and the Agents Playground) send them to the bot."""

from __future__ import annotations

import itertools
from typing import Any

BOT_ID = "28:bot-app-id"
BOT_NAME = "Distriktsboten"
TENANT = "tenant-1"
_ids = itertools.count(1000)


def _base(service_url: str, conversation: dict[str, Any], locale: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": f"activity-{next(_ids)}",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "timestamp": "2026-11-22T10:00:00.000Z",
        "locale": locale,
        "from": {"id": "29:user-megan", "name": "Megan Bowen", "aadObjectId": "aad-megan"},
        "recipient": {"id": BOT_ID, "name": BOT_NAME},
        "conversation": conversation,
        **extra,
    }


def personal_message(text: str, *, service_url: str, locale: str = "sv-SE") -> dict[str, Any]:
    conversation = {"id": "a:personal-megan", "conversationType": "personal", "tenantId": TENANT}
    return _base(
        service_url, conversation, locale, type="message", text=text, channelData={"tenant": {"id": TENANT}}
    )


def channel_mention(text: str, *, service_url: str, locale: str = "sv-SE") -> dict[str, Any]:
    """A post in a team channel that @mentions the bot, as Teams sends it."""
    conversation = {
        "id": "19:general@thread.tacv2;messageid=1700000000000",
        "conversationType": "channel",
        "isGroup": True,
        "tenantId": TENANT,
    }
    return _base(
        service_url,
        conversation,
        locale,
        type="message",
        text=f"<at>{BOT_NAME}</at> {text}",
        entities=[
            {
                "type": "mention",
                "text": f"<at>{BOT_NAME}</at>",
                "mentioned": {"id": BOT_ID, "name": BOT_NAME},
            }
        ],
        channelData={
            "teamsChannelId": "19:general@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": {"id": "19:general@thread.tacv2"},
            "team": {"id": "19:team@thread.tacv2", "name": "Distriktet"},
            "tenant": {"id": TENANT},
        },
    )


def installed_in_team(*, service_url: str) -> dict[str, Any]:
    conversation = {
        "id": "19:general@thread.tacv2",
        "conversationType": "channel",
        "isGroup": True,
        "tenantId": TENANT,
    }
    return _base(
        service_url,
        conversation,
        "sv-SE",
        type="installationUpdate",
        action="add",
        channelData={
            "team": {"id": "19:general@thread.tacv2", "name": "Distriktet"},
            "channel": {"id": "19:general@thread.tacv2"},
            "tenant": {"id": TENANT},
            "source": {"name": "message"},
        },
    )


def bot_added_to_personal_chat(*, service_url: str) -> dict[str, Any]:
    conversation = {"id": "a:personal-megan", "conversationType": "personal", "tenantId": TENANT}
    return _base(
        service_url,
        conversation,
        "sv-SE",
        type="conversationUpdate",
        membersAdded=[{"id": BOT_ID}],
        channelData={"tenant": {"id": TENANT}},
    )


TEAM = {"id": "19:team@thread.tacv2", "name": "Distriktet"}


def _channel_data(channel: str) -> dict[str, Any]:
    return {
        "teamsChannelId": channel,
        "teamsTeamId": TEAM["id"],
        "channel": {"id": channel},
        "team": TEAM,
        "tenant": {"id": TENANT},
    }


def _person(who: tuple[str, str, str]) -> dict[str, str]:
    teams_id, name, aad = who
    return {"id": teams_id, "name": name, "aadObjectId": aad}


def channel_message(
    text: str,
    *,
    service_url: str,
    thread: str,
    who: tuple[str, str, str],
    to_bot: bool = True,
    locale: str = "sv-SE",
) -> dict[str, Any]:
    """A message in a channel thread (`thread`: "<channel>;messageid=<root>"), @mentioning the bot or not
    (the bot receives the latter only with the team's consent to read its channels)."""
    channel, _, root = thread.partition(";messageid=")
    conversation = {"id": thread, "conversationType": "channel", "isGroup": True, "tenantId": TENANT}
    extra: dict[str, Any] = {"text": text, "replyToId": root}
    if to_bot:
        mention = f"<at>{BOT_NAME}</at>"
        extra |= {
            "text": f"{mention} {text}",
            "entities": [{"type": "mention", "text": mention, "mentioned": {"id": BOT_ID, "name": BOT_NAME}}],
        }
    activity = _base(
        service_url, conversation, locale, type="message", channelData=_channel_data(channel), **extra
    )
    activity["from"] = _person(who)
    return activity


def reaction(
    *,
    service_url: str,
    thread: str,
    message_id: str,
    who: tuple[str, str, str],
    added: int = 1,
    removed: int = 0,
) -> dict[str, Any]:
    """Reactions to a message of the bot's, as Teams sends them (`replyToId` names the message)."""
    channel = thread.partition(";messageid=")[0]
    conversation = {"id": thread, "conversationType": "channel", "isGroup": True, "tenantId": TENANT}
    activity = _base(
        service_url,
        conversation,
        "sv-SE",
        type="messageReaction",
        replyToId=message_id,
        channelData=_channel_data(channel),
        **({"reactionsAdded": [{"type": "like"}] * added} if added else {}),
        **({"reactionsRemoved": [{"type": "like"}] * removed} if removed else {}),
    )
    activity["from"] = _person(who)
    return activity


def card_action(
    data: dict[str, Any],
    *,
    service_url: str,
    who: tuple[str, str, str],
    locale: str = "sv-SE",
    verb: str = "answer",
) -> dict[str, Any]:
    """A tap on an Action.Execute button in a personal chat: the `adaptiveCard/action` invoke."""
    teams_id = who[0]
    conversation = {"id": f"a:personal-{teams_id}", "conversationType": "personal", "tenantId": TENANT}
    activity = _base(
        service_url,
        conversation,
        locale,
        type="invoke",
        name="adaptiveCard/action",
        value={"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": "manual"},
        channelData={"tenant": {"id": TENANT}, "source": {"name": "message"}},
    )
    activity["from"] = _person(who)
    return activity


def personal_file(name: str, url: str, *, service_url: str, locale: str = "sv-SE") -> dict[str, Any]:
    """A file sent to the bot in a personal chat, as Teams sends it (manifest supportsFiles): no text, an
    attachment with a pre-authorised download URL."""
    conversation = {"id": "a:personal-megan", "conversationType": "personal", "tenantId": TENANT}
    attachment = {
        "contentType": "application/vnd.microsoft.teams.file.download.info",
        "contentUrl": f"https://contoso.sharepoint.example/personal/megan/{name}",
        "name": name,
        "content": {
            "downloadUrl": url,
            "uniqueId": "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
            "fileType": name.rsplit(".", 1)[-1],
        },
    }
    return _base(
        service_url,
        conversation,
        locale,
        type="message",
        attachments=[attachment],
        channelData={"tenant": {"id": TENANT}},
    )
