"""The reference servers, each with credentials on, run as `python -m bench.echo NAME --port PORT`:

- `botbuilder`: the SDK's echo sample (BotBuilder-Samples python/02.echo-bot): CloudAdapter with
  ConfigurationBotFrameworkAuthentication, an ActivityHandler that echoes, the SDK's error middleware.
- `agents`: the successor SDK's echo sample (Agents-for-python quickstart): MsalConnectionManager,
  CloudAdapter, AgentApplication with a message handler, jwt_authorization_middleware, start_agent_process.
- `bare`: the protocol's limit: a plain aiohttp handler that checks the request's RS256 token against the
  published key, posts the reply with a bearer token fetched once (and renewed), and answers.

Credentials come from the environment in each sample's own names (bench/servers.py sets them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import traceback
from typing import Any
from urllib.parse import quote

import aiohttp
import jwt
import requests
from aiohttp import web


def botbuilder_app() -> web.Application:
    from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
    from botbuilder.integration.aiohttp import (
        CloudAdapter,
        ConfigurationBotFrameworkAuthentication,
        aiohttp_error_middleware,
    )

    class DefaultConfig:
        """The sample's config.py."""

        PORT = 3978
        APP_ID = os.environ.get("MicrosoftAppId", "")
        APP_PASSWORD = os.environ.get("MicrosoftAppPassword", "")
        APP_TYPE = os.environ.get("MicrosoftAppType", "MultiTenant")
        APP_TENANTID = os.environ.get("MicrosoftAppTenantId", "")

    class EchoBot(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))

    async def on_error(context: TurnContext, error: Exception) -> None:
        print(f"\n [on_turn_error] unhandled error: {error}", file=sys.stderr)
        traceback.print_exc()
        await context.send_activity("The bot encountered an error or bug.")

    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(DefaultConfig()))
    adapter.on_turn_error = on_error
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot)

    app = web.Application(middlewares=[aiohttp_error_middleware])
    app.router.add_post("/api/messages", messages)
    return app


def agents_app() -> web.Application:
    from microsoft_agents.activity import load_configuration_from_env
    from microsoft_agents.authentication.msal import MsalConnectionManager
    from microsoft_agents.hosting.aiohttp import (
        CloudAdapter,
        jwt_authorization_middleware,
        start_agent_process,
    )
    from microsoft_agents.hosting.core import (
        AgentApplication,
        Authorization,
        MemoryStorage,
        TurnContext,
        TurnState,
    )

    config = load_configuration_from_env(os.environ)
    storage = MemoryStorage()
    connection_manager = MsalConnectionManager(**config)
    adapter = CloudAdapter(connection_manager=connection_manager)
    authorization = Authorization(storage, connection_manager, **config)
    agent_app = AgentApplication[TurnState](
        storage=storage, adapter=adapter, authorization=authorization, **config
    )

    @agent_app.activity("message")
    async def on_message(context: TurnContext, _state: TurnState) -> None:
        await context.send_activity(f"Echo: {context.activity.text}")

    async def entry_point(request: web.Request) -> web.Response:
        response = await start_agent_process(request, request.app["agent_app"], request.app["adapter"])
        return response or web.Response(status=202)

    app = web.Application(middlewares=[jwt_authorization_middleware])
    app.router.add_post("/api/messages", entry_point)
    app["agent_configuration"] = connection_manager.get_default_connection_configuration()
    app["agent_app"] = agent_app
    app["adapter"] = adapter
    return app


class _Bare:
    """The keys and the reply token a bot must have, fetched the way any client would."""

    def __init__(self) -> None:
        self.app_id = os.environ["MicrosoftAppId"]
        metadata = requests.get(
            "https://login.botframework.com/v1/.well-known/openidconfiguration", timeout=10
        )
        keys = requests.get(metadata.json()["jwks_uri"], timeout=10).json()["keys"]
        self.keys = {key["kid"]: jwt.PyJWK(key).key for key in keys}
        self.token, self.expires = "", 0.0

    def fetch_token(self) -> None:
        tenant = os.environ["MicrosoftAppTenantId"]
        answer = requests.post(
            f"https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": self.app_id,
                "client_secret": os.environ["MicrosoftAppPassword"],
                "scope": "https://api.botframework.com/.default",
            },
            timeout=10,
        ).json()
        self.token, self.expires = answer["access_token"], time.time() + answer["expires_in"]

    def check(self, header: str, service_url: str) -> bool:
        scheme, _, token = header.partition(" ")
        try:
            key = self.keys[jwt.get_unverified_header(token)["kid"]]
            claims = jwt.decode(
                token, key, algorithms=["RS256"], audience=self.app_id, issuer="https://api.botframework.com"
            )
        except (jwt.PyJWTError, KeyError):
            return False
        return scheme == "Bearer" and claims.get("serviceurl") == service_url


def bare_app() -> web.Application:
    bare = _Bare()
    bare.fetch_token()
    session_key = web.AppKey("session", aiohttp.ClientSession)

    async def messages(request: web.Request) -> web.Response:
        activity = await request.json()
        if not bare.check(request.headers.get("Authorization", ""), activity.get("serviceUrl")):
            return web.Response(status=401)
        if bare.expires - time.time() < 300:
            await asyncio.to_thread(bare.fetch_token)
        if activity.get("type") != "message":
            return web.Response(status=200)
        conversation = activity["conversation"]
        reply: dict[str, Any] = {
            "type": "message",
            "channelId": activity.get("channelId"),
            "serviceUrl": activity["serviceUrl"],
            "from": activity.get("recipient"),
            "recipient": activity.get("from"),
            "conversation": conversation,
            "replyToId": activity["id"],
            "text": f"Echo: {activity.get('text')}",
        }
        url = (
            f"{activity['serviceUrl'].rstrip('/')}/v3/conversations/{quote(conversation['id'], safe='')}"
            f"/activities/{quote(activity['id'], safe='')}"
        )
        headers = {"Content-Type": "application/json; charset=utf-8", "Authorization": f"Bearer {bare.token}"}
        async with request.app[session_key].post(url, data=json.dumps(reply), headers=headers) as sent:
            await sent.read()
            return web.Response(status=200 if sent.status < 300 else 502)

    async def session(app: web.Application):  # type: ignore[no-untyped-def]
        app[session_key] = aiohttp.ClientSession()
        yield
        await app[session_key].close()

    app = web.Application()
    app.cleanup_ctx.append(session)
    app.router.add_post("/api/messages", messages)
    return app


APPS = {"botbuilder": botbuilder_app, "agents": agents_app, "bare": bare_app}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("name", choices=sorted(APPS))
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    web.run_app(APPS[args.name](), host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
