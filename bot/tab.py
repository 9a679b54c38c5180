"""The Teams tab (personal and channel), with single sign-on where the bot has an app registration.

A tab's address is the same for everyone who opens it, so the page itself holds no data. With the app's
credentials and its public https address configured, the page asks Teams for a token for the signed-in
user (TeamsJS `authentication.getAuthToken()`, bot/data/teams-js/sso.js) and posts it to /tab/dashboard.
The bot checks the token as Entra signed it: RS256 with a key Entra publishes for the user's tenant (one of
the deployment's), audience the app (its id, or webApplicationInfo.resource: bot/manifest.py
`sso_resource`), issuer that tenant, within its lifetime by the bot's clock. Then the user's Entra object
id is a person; their district is the channel tab's team's (or, in the personal tab, theirs, as in the
personal chat), and only the board and the chairs there (and administrators) see its dashboard, a chair's
own branch first, as with the signed link. Without credentials (local development) the page says how to
get a link in chat, as before.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import jwt
from aiohttp import web

from bot.config import Settings
from bot.documents import dashboard as dashboard_document
from bot.i18n import pick_language, translator
from bot.manifest import ManifestError, sso_resource
from bot.services.people import ConversationInfo, PersonInfo, Role, allows

if TYPE_CHECKING:
    from bot.app import Components

log = logging.getLogger(__name__)

LOGIN = "https://login.microsoftonline.com"
LEEWAY = timedelta(minutes=2)  # clocks differ a little between Entra and the bot
# The tab pages: no data of their own, shown in a frame by Teams (its web and desktop clients, Microsoft 365).
TAB_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com "
    "https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com"
)
# TeamsJS reads Microsoft's list of Teams hosts when it starts (res.cdn.office.net).
SCRIPT_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self' https://res.cdn.office.net"
# The signed-in tab also shows the dashboard, whose charts are inline SVG and data: images.
SSO_POLICY = TAB_POLICY.replace("default-src 'none'", SCRIPT_POLICY + "; img-src data:")


class TabTokens:
    """Checks the tokens Teams gives a tab for its signed-in user (Entra access tokens for this app)."""

    def __init__(self, settings: Settings) -> None:
        self.app_id = settings.microsoft_app_id
        self.tenants = frozenset(filter(None, [settings.microsoft_app_tenant_id, *settings.allowed_tenants]))
        self.resource = ""
        if self.app_id and settings.public_url.startswith("https://"):
            try:
                self.resource = sso_resource(settings.public_url, self.app_id)
            except ManifestError:
                pass
        self._keys: dict[str, jwt.PyJWKClient] = {}

    @property
    def enabled(self) -> bool:
        return bool(self.app_id and self.tenants and self.resource)

    def user(self, token: str, *, now: datetime) -> tuple[str, str] | None:
        """The signed-in user's (tenant, Entra object id), or None for a token this bot must not accept.
        Fetches the tenant's keys (PyJWKClient keeps them a while): call from a worker thread."""
        try:
            tenant = jwt.decode(token, options={"verify_signature": False}).get("tid")
            if not isinstance(tenant, str) or tenant not in self.tenants:
                return None  # only to choose whose keys to check it with; nothing else is read unverified
            key = self._client(tenant).get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token,
                key.key,
                algorithms=["RS256"],
                audience=[self.app_id, self.resource],
                issuer=[f"{LOGIN}/{tenant}/v2.0", f"https://sts.windows.net/{tenant}/"],
                # The lifetime is checked below by the bot's clock (injected, as all its time).
                options={
                    "require": ["exp", "iss", "aud", "tid", "oid"],
                    "verify_exp": False,
                    "verify_nbf": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWKClientConnectionError:
            raise
        except jwt.PyJWTError as exc:
            log.info("refused a tab token: %s", type(exc).__name__)
            return None
        moment = now.timestamp()
        expires, not_before = claims.get("exp"), claims.get("nbf", 0)
        if not isinstance(expires, int | float) or not isinstance(not_before, int | float):
            return None
        if expires < moment - LEEWAY.total_seconds() or not_before > moment + LEEWAY.total_seconds():
            log.info("refused a tab token: expired or not yet valid")
            return None
        if claims.get("tid") != tenant or not isinstance(claims.get("oid"), str) or not claims["oid"]:
            return None
        return tenant, claims["oid"]

    def _client(self, tenant: str) -> jwt.PyJWKClient:
        if tenant not in self._keys:
            self._keys[tenant] = jwt.PyJWKClient(f"{LOGIN}/{tenant}/discovery/v2.0/keys")
        return self._keys[tenant]


def _language(request: web.Request, settings: Settings) -> str:
    return pick_language(request.query.get("locale"), settings.language)


def page(components: Components, tokens: TabTokens) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The tab page: with single sign-on, one that signs in and becomes the dashboard; else how to get a
    link in chat."""
    settings = components.settings

    async def tab(request: web.Request) -> web.StreamResponse:
        t = translator(_language(request, settings))
        if tokens.enabled:
            text = dashboard_document.sign_in_page(t, base_url=settings.public_base_url)
            policy = SSO_POLICY
        else:
            text, policy = dashboard_document.tab_page(t), TAB_POLICY
        return web.Response(
            text=text,
            content_type="text/html",
            charset="utf-8",
            headers={"Content-Security-Policy": policy, "X-Content-Type-Options": "nosniff"},
        )

    return tab


def dashboard(
    components: Components, tokens: TabTokens
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """POST /tab/dashboard with the user's token (Authorization: Bearer) and {"team": the channel tab's
    team id, or ""}: the dashboard page of their district, or 401 (no valid token), 403 (no role there)."""

    async def tab_dashboard(request: web.Request) -> web.StreamResponse:
        if not tokens.enabled:
            return _problem(404, "not found")
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return _problem(401, "unauthorized")
        now = components.clock()
        try:
            user = await asyncio.to_thread(tokens.user, token.strip(), now=now)
        except jwt.PyJWKClientConnectionError:
            log.warning("could not fetch Entra's signing keys for a tab's token")
            return _problem(503, "the sign-in could not be checked now")
        if user is None:
            return _problem(401, "unauthorized")
        try:
            body = json.loads(await request.read() or b"{}")
        except (ValueError, UnicodeDecodeError):
            return _problem(400, "the body is not valid JSON")
        team = body.get("team") if isinstance(body, dict) else None
        tenant, oid = user
        language = _language(request, components.settings)
        shown = await asyncio.to_thread(
            _dashboard_of,
            components,
            PersonInfo("", oid, ""),
            tenant,
            team if isinstance(team, str) else "",
            language,
            now,
        )
        if shown is None:
            return _problem(403, "forbidden")
        return web.Response(
            text=shown,
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
        )

    return tab_dashboard


def _dashboard_of(
    components: Components, person: PersonInfo, tenant: str, team: str, language: str, now: datetime
) -> str | None:
    """The dashboard a signed-in person may see here, or None: the district is the team's (a channel tab)
    or theirs (the personal tab), and they chair a branch or sit on the board there."""
    services = components.bot.services
    admin = person.aad_object_id in components.settings.admins
    kind = "channel" if team else "personal"
    where = ConversationInfo("", kind, tenant, team[:300] or None, None, {})
    scope = services.districts.scope(where, person, admin=admin)
    if not scope.found:
        return None
    roles = components.people.roles(person, scope.district)
    if not (admin or allows(roles, Role.CHAIR)):
        return None
    branch_id = None
    if not (admin or Role.BOARD in roles):
        chaired = services.checkins.chair_of(person, scope.district)
        branch_id = chaired[0].id if chaired else None
    assert services.reports is not None
    board = services.reports.dashboard(scope.district, now=now, first_branch=branch_id)
    if board is None:
        return None
    return dashboard_document.render(translator(language), board, until=None)


def _problem(status: int, detail: str) -> web.Response:
    return web.json_response({"error": detail}, status=status)
