"""The Teams app package (`python -m bot manifest`): manifest.json, en-US.json and two icons in a zip.

Upload the zip in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center. The
manifest is made here from the router's own commands (so the command menus never drift from what the bot
understands) and from bot/data/teams_app.toml (the app's name and descriptions); the two icons are the
PNG files bot/data/color.png and bot/data/outline.png, packed as they are.

Manifest version 1.30 (August 2026) is the newest generally available schema, and the newest that the
`@microsoft/app-manifest` package pinned in tests/manifest/ ships; tests/test_manifest.py validates the
package against that schema. The Swedish strings are the manifest's own (defaultLanguageTag sv-SE); the
English ones are the en-US language file, which Teams uses for clients set to English.
"""

from __future__ import annotations

import io
import json
import re
import tomllib
import zipfile
from dataclasses import dataclass, field
from importlib import metadata, resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot.i18n import translator

if TYPE_CHECKING:
    from bot.commands.router import Route, Router

MANIFEST_VERSION = "1.30"
# webApplicationInfo.resource: any URI for a bot that uses RSC alone (no SSO of its own).
RSC_RESOURCE = "https://RscPermission"
SCHEMA_URL = (
    f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.schema.json"
)
LOCALIZATION_SCHEMA_URL = f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json"

DEFAULT_LANGUAGE = "sv"
DEFAULT_LANGUAGE_TAG = "sv-SE"  # the strings in manifest.json
ENGLISH_TAG = "en-US"
ENGLISH_FILE = "en-US.json"
MANIFEST_FILE = "manifest.json"
COLOR_ICON = "color.png"  # 192x192, full colour
OUTLINE_ICON = "outline.png"  # 32x32, white on transparent

# Teams' limits for a bot's command menu: at most 10 commands per command list (the schema allows 12 since
# v1.24, for Copilot Studio's starter prompts; Teams' bot command menu documents 10), a title of at most 32
# characters and a description of at most 128.
MAX_COMMANDS = 10
MAX_TITLE = 32
MAX_DESCRIPTION = 128
# Other limits of the manifest schema (v1.30), checked here because a too-long text fails the upload.
MAX_NAME_SHORT = 30
MAX_NAME_FULL = 100
MAX_DESCRIPTION_SHORT = 80
MAX_DESCRIPTION_FULL = 4000
MAX_DEVELOPER_NAME = 32
MAX_FEATURE_TITLE = 45
MAX_FEATURE_DESCRIPTION = 120
MAX_TAB_NAME = 128

# Which commands each scope's menu offers, most useful first, by the route's Swedish command word.
# Personal chat: a member's own questions and check-ins (the export is personal-chat only).
# Team (channels): the plan and the discussion prompts, which are scheduled and posted in a channel.
# Group chat: the plan and check-ins; prompts are a channel's, but the board can look at what is coming.
SCOPE_COMMANDS: dict[str, tuple[str, ...]] = {
    "personal": (
        "hjälp", "mål", "sök", "rapportera", "mina", "status", "ändra", "ångra", "exportera", "roller",
    ),
    "team": ("hjälp", "mål", "status", "sök", "schema", "kommande", "skriv", "visa", "posta", "historik"),
    "groupChat": ("hjälp", "mål", "sök", "status", "rapportera", "kommande", "roller"),
}  # fmt: skip
BOT_SCOPES = ("personal", "team", "groupChat")

# Placeholders for the developer's pages; a real package names the district's own (see --help).
PLACEHOLDER_WEBSITE = "https://example.org/"
PLACEHOLDER_PRIVACY = "https://example.org/privacy"
PLACEHOLDER_TERMS = "https://example.org/terms"
DEFAULT_ACCENT_COLOR = "#C8102E"  # a strong red; white on it has a contrast ratio of about 6:1

_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_SEMVER = re.compile(r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$")
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"^(?:\*\.)?{_LABEL}(?:\.{_LABEL})*(?::[0-9]{{1,5}})?$")  # host[:port], *.host
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same input builds the same zip


class ManifestError(ValueError):
    """An option the package cannot be built with; the message is one line for the user."""


def sso_resource(base_url: str, app_id: str) -> str:
    """The Application ID URI Teams tab single sign-on needs (webApplicationInfo.resource, and the app
    registration's "Expose an API"): api://<the tab's domain>/<the app's id>."""
    return f"api://{domain_of(base_url)}/{app_id}"


def app_id_of(value: str) -> str:
    """The bot's Microsoft App ID as a lower-case GUID, or ManifestError."""
    text = value.strip()
    if not _GUID.fullmatch(text):
        raise ManifestError(
            f"--app-id must be the bot's Microsoft App ID, a GUID like 12345678-abcd-4ef0-9876-0123456789ab "
            f"(got {value!r})."
        )
    return text.lower()


def domain_of(value: str) -> str:
    """A valid domain from a host name or a URL ("https://bot.example.org/api" -> "bot.example.org")."""
    text = value.strip()
    if "://" in text:
        text = urlsplit(text).netloc
    if not _DOMAIN.fullmatch(text):
        raise ManifestError(f"--domain wants a host name such as bot.example.org (got {value!r}).")
    return text.lower()


def default_app_version() -> str:
    """The project's version (pyproject.toml), which is also a valid app version."""
    try:
        return metadata.version("distriktsboten")
    except metadata.PackageNotFoundError:
        return "1.0.0"


@dataclass(frozen=True)
class AppOptions:
    """What the package is built from (the command line's options)."""

    app_id: str
    developer_name: str
    version: str = field(default_factory=default_app_version)
    website_url: str = PLACEHOLDER_WEBSITE
    privacy_url: str = PLACEHOLDER_PRIVACY
    terms_url: str = PLACEHOLDER_TERMS
    accent_color: str = DEFAULT_ACCENT_COLOR
    domains: tuple[str, ...] = ()
    # The bot's public https address (PUBLIC_URL): with it, the dashboard is offered as a personal tab and
    # a channel tab (`/tab`, which says how to get one's own link; see bot/app.py).
    tab_url: str | None = None

    def checked(self) -> AppOptions:
        """The same options, validated and normalised; ManifestError names the first problem."""
        if not _SEMVER.fullmatch(self.version):
            raise ManifestError(f"--app-version must be three numbers like 1.2.0 (got {self.version!r}).")
        name = " ".join(self.developer_name.split())
        if not 1 <= len(name) <= MAX_DEVELOPER_NAME:
            raise ManifestError(
                f"--developer-name must have 1 to {MAX_DEVELOPER_NAME} characters "
                f"(got {len(name)}: {name!r})."
            )
        for option, url in (
            ("--website-url", self.website_url),
            ("--privacy-url", self.privacy_url),
            ("--terms-url", self.terms_url),
        ):
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc or len(url) > 2048:
                raise ManifestError(f"{option} must be an https:// address (got {url!r}).")
        if not _HEX_COLOR.fullmatch(self.accent_color):
            raise ManifestError(f"--accent-color must look like #C8102E (got {self.accent_color!r}).")
        domains = tuple(dict.fromkeys(domain_of(domain) for domain in self.domains))
        tab_url = self.tab_url.rstrip("/") if self.tab_url else None
        if tab_url is not None:
            parts = urlsplit(tab_url)
            if parts.scheme != "https" or not parts.netloc:
                raise ManifestError(f"the tabs need the bot's https:// address (got {self.tab_url!r}).")
            if domain_of(parts.netloc) not in domains:
                domains = (*domains, domain_of(parts.netloc))
        return AppOptions(
            app_id=app_id_of(self.app_id),
            developer_name=name,
            version=self.version,
            website_url=self.website_url,
            privacy_url=self.privacy_url,
            terms_url=self.terms_url,
            accent_color=self.accent_color.upper(),
            domains=domains,
            tab_url=tab_url,
        )

    @property
    def placeholders(self) -> bool:
        """Whether any developer page is still an example.org placeholder."""
        return any(
            urlsplit(url).hostname == "example.org"
            for url in (self.website_url, self.privacy_url, self.terms_url)
        )


# --- command menus ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MenuCommand:
    """One entry of a bot command menu, in one language."""

    title: str
    description: str

    def as_json(self) -> dict[str, str]:
        return {"title": self.title, "description": self.description}


def command_title(usage: str) -> str:
    """The command as the user writes it, from its translated usage: "mina rapporter | mina mål" ->
    "mina rapporter", "sök ORD" -> "sök"; placeholders (upper case, [optional], @name) and alternatives
    are left for the description."""
    words: list[str] = []
    for token in usage.split():
        if token.startswith(("[", "@")) or "|" in token or token.isupper():
            break
        words.append(token)
    if not words:
        raise ManifestError(f"the usage {usage!r} does not start with a command word")
    return " ".join(words)


def menu_command(route: Route, language: str, description_override: str | None = None) -> MenuCommand:
    """A route as a menu entry in `language` (its translated usage and summary)."""
    t = translator(language)
    usage = t._(route.usage)
    title = command_title(usage)
    summary = description_override or t._(route.summary)
    summary = summary[:1].upper() + summary[1:]
    # What it does, then how to write it when there is more to it than the title ("Hitta mål ...: sök ORD").
    description = f"{summary}: {usage}" if usage != title else summary
    if len(description) > MAX_DESCRIPTION:
        description = summary
    if len(title) > MAX_TITLE or len(description) > MAX_DESCRIPTION:
        raise ManifestError(
            f"the command {title!r} ({language}) is too long for a Teams command menu "
            f"(title {len(title)}/{MAX_TITLE}, description {len(description)}/{MAX_DESCRIPTION})"
        )
    return MenuCommand(title, description)


def command_menus(
    router: Router,
    overrides: dict[str, dict[str, str]] | None = None,
    scopes: dict[str, tuple[str, ...]] = SCOPE_COMMANDS,
) -> dict[str, dict[str, list[MenuCommand]]]:
    """Each scope's menu in Swedish and English: {scope: {"sv": [...], "en": [...]}}, in the same order.

    `overrides` (language -> Swedish command word -> text) replaces a route's summary in the menu. A word
    in `scopes` that no route answers to is an error, so a renamed command cannot silently drop out.
    """
    overrides = overrides or {}
    menus: dict[str, dict[str, list[MenuCommand]]] = {}
    for scope, words in scopes.items():
        if len(words) > MAX_COMMANDS:
            raise ManifestError(
                f"the {scope} menu has {len(words)} commands; Teams shows at most {MAX_COMMANDS}"
            )
        menus[scope] = {}
        for language in ("sv", "en"):
            entries = []
            for word in words:
                route = router.route_for(word)
                if route is None:
                    raise ManifestError(f"the {scope} menu names {word!r}, which is not a command")
                entries.append(menu_command(route, language, overrides.get(language, {}).get(word)))
            menus[scope][language] = entries
    return menus


# --- manifest.json and en-US.json -------------------------------------------------------------------------


@dataclass(frozen=True)
class AppTexts:
    """The app's name, descriptions and features in one language (bot/data/teams_app.toml)."""

    name_short: str
    name_full: str
    description_short: str
    description_full: str
    features: tuple[tuple[str, str], ...]
    command_descriptions: dict[str, str]
    tab_name: str  # the dashboard tab's (at most 128 characters)


def load_app_texts() -> dict[str, AppTexts]:
    """The Swedish and English texts of bot/data/teams_app.toml, checked against Teams' limits."""
    source = resources.files("bot.data").joinpath("teams_app.toml").read_text(encoding="utf-8")
    data = tomllib.loads(source)
    texts = {}
    for language in ("sv", "en"):
        section = data[language]
        text = AppTexts(
            name_short=section["name_short"],
            name_full=section["name_full"],
            description_short=section["description_short"],
            description_full=section["description_full"],
            features=tuple((f["title"], f["description"]) for f in section.get("features", [])),
            command_descriptions=dict(section.get("command_descriptions", {})),
            tab_name=section["tab_name"],
        )
        limits = [
            ("name_short", text.name_short, MAX_NAME_SHORT),
            ("name_full", text.name_full, MAX_NAME_FULL),
            ("description_short", text.description_short, MAX_DESCRIPTION_SHORT),
            ("description_full", text.description_full, MAX_DESCRIPTION_FULL),
            ("tab_name", text.tab_name, MAX_TAB_NAME),
        ]
        for title, description in text.features:
            limits += [("feature title", title, MAX_FEATURE_TITLE)]
            limits += [("feature description", description, MAX_FEATURE_DESCRIPTION)]
        for what, value, limit in limits:
            if not value.strip() or len(value) > limit:
                raise ManifestError(
                    f"teams_app.toml [{language}] {what}: 1 to {limit} characters, not {len(value)}"
                )
        if len(text.features) > 3:
            raise ManifestError(f"teams_app.toml [{language}]: at most 3 features")
        texts[language] = text
    return texts


def build_manifest(
    options: AppOptions, router: Router, texts: dict[str, AppTexts] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """manifest.json (Swedish) and en-US.json (English) as dicts, from checked options."""
    texts = texts or load_app_texts()
    sv, en = texts["sv"], texts["en"]
    overrides = {"sv": sv.command_descriptions, "en": en.command_descriptions}
    menus = command_menus(router, overrides)
    description: dict[str, Any] = {"short": sv.description_short, "full": sv.description_full}
    if sv.features:
        description["features"] = [{"title": title, "description": text} for title, text in sv.features]
    manifest: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "manifestVersion": MANIFEST_VERSION,
        "version": options.version,
        "id": options.app_id,
        "developer": {
            "name": options.developer_name,
            "websiteUrl": options.website_url,
            "privacyUrl": options.privacy_url,
            "termsOfUseUrl": options.terms_url,
        },
        "name": {"short": sv.name_short, "full": sv.name_full},
        "description": description,
        "icons": {"color": COLOR_ICON, "outline": OUTLINE_ICON},
        "accentColor": options.accent_color,
        "bots": [
            {
                "botId": options.app_id,
                "scopes": list(BOT_SCOPES),
                "supportsFiles": True,  # a plan sent as a file in personal chat (issue 18)
                "isNotificationOnly": False,
                "commandLists": [
                    {"scopes": [scope], "commands": [entry.as_json() for entry in menus[scope]["sv"]]}
                    for scope in BOT_SCOPES
                ],
            }
        ],
        "validDomains": list(options.domains),
        # Resource-specific consent: a team owner lets the bot read the team's channel messages, so that
        # replies in a prompt's thread are counted (bot/services/engagement.py). The bot answers only
        # messages that @mention it. RSC needs webApplicationInfo with the app's Entra id; the tab's single
        # sign-on needs its resource to be the app's Application ID URI on the tab's domain (bot/tab.py).
        "webApplicationInfo": {
            "id": options.app_id,
            "resource": sso_resource(options.tab_url, options.app_id) if options.tab_url else RSC_RESOURCE,
        },
        "authorization": {
            "permissions": {
                "resourceSpecific": [{"name": "ChannelMessage.Read.Group", "type": "Application"}]
            }
        },
        "localizationInfo": {
            "defaultLanguageTag": DEFAULT_LANGUAGE_TAG,
            "additionalLanguages": [{"languageTag": ENGLISH_TAG, "file": ENGLISH_FILE}],
        },
    }
    if options.tab_url:
        # One page for both: it holds no credential and no district's data (a tab's address is the same
        # for everyone), and says how to get one's own signed dashboard link in the personal chat.
        manifest["staticTabs"] = [
            {
                "entityId": "dashboard",
                "name": sv.tab_name,
                "contentUrl": f"{options.tab_url}/tab?locale={{locale}}",
                "websiteUrl": f"{options.tab_url}/tab",
                "scopes": ["personal"],
            }
        ]
        manifest["configurableTabs"] = [
            {
                "configurationUrl": f"{options.tab_url}/tab/configure?locale={{locale}}",
                "canUpdateConfiguration": False,
                "scopes": ["team"],
                "context": ["channelTab"],
            }
        ]
    english: dict[str, Any] = {
        "$schema": LOCALIZATION_SCHEMA_URL,
        "name.short": en.name_short,
        "name.full": en.name_full,
        "description.short": en.description_short,
        "description.full": en.description_full,
    }
    for index, (title, text) in enumerate(en.features):
        english[f"description.features[{index}].title"] = title
        english[f"description.features[{index}].description"] = text
    if options.tab_url:
        english["staticTabs[0].name"] = en.tab_name
    for list_index, scope in enumerate(BOT_SCOPES):
        for command_index, entry in enumerate(menus[scope]["en"]):
            key = f"bots[0].commandLists[{list_index}].commands[{command_index}]"
            english[f"{key}.title"] = entry.title
            english[f"{key}.description"] = entry.description
    return manifest, english


def build_package(options: AppOptions, router: Router | None = None) -> bytes:
    """The app package: a zip with manifest.json, en-US.json, color.png and outline.png at its root."""
    if router is None:
        from bot.commands import build_router

        router = build_router()
    options = options.checked()
    manifest, english = build_manifest(options, router)
    files = {
        MANIFEST_FILE: _json(manifest),
        ENGLISH_FILE: _json(english),
        COLOR_ICON: icon(COLOR_ICON),
        OUTLINE_ICON: icon(OUTLINE_ICON),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return buffer.getvalue()


def _json(value: dict[str, Any]) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def icon(name: str) -> bytes:
    """One of the two icons as committed in bot/data (drawn once, to Teams' icon guidelines): the mark, a
    speech bubble with a check mark cut out of it, in white. color.png: 192x192, on #C8102E (the default
    accent colour) to the edges, the mark in the middle 96x96 pixels; outline.png: 32x32, the mark alone,
    white on transparent."""
    return resources.files("bot.data").joinpath(name).read_bytes()
