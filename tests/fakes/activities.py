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
