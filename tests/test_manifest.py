"""`python -m bot manifest`: the Teams app package, checked against Microsoft's own manifest schemas.

The schemas come from npm `@microsoft/app-manifest` (build/json-schemas/teams/v1.x/), pinned in
tests/manifest/package-lock.json and installed by scripts/setup-e2e. Without them the schema tests skip,
except under CI=true, where they fail (as the e2e tests do): CI must not pass by skipping.
"""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.__main__ import main
from bot.commands import Router, build_router
from bot.commands.router import Route
from bot.i18n import fold, translator
from bot.manifest import (
    MANIFEST_VERSION,
    MAX_COMMANDS,
    MAX_DESCRIPTION,
    MAX_TITLE,
    AppOptions,
    ManifestError,
    build_package,
    command_menus,
    command_title,
    icon,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "manifest" / "node_modules" / "@microsoft" / "app-manifest" / "build"
SCHEMAS = SCHEMAS / "json-schemas" / "teams"
APP_ID = "0b7f3c1e-5a2d-4c8e-9f61-2d4b8a7e3c90"
OPTIONS = AppOptions(
    app_id=APP_ID,
    developer_name="Vänsterpartiet Västernorrland",
    domains=("bot.example.org",),
    tab_url="https://bot.example.org/",
)
PACKAGE_FILES = {"manifest.json", "en-US.json", "color.png", "outline.png"}


def skip_or_fail(reason: str) -> None:
    """Skip locally, but fail under CI=true so that CI cannot pass by skipping (as tests/e2e does)."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason} (CI=true: the schema tests must run in CI, not skip)", pytrace=False)
    pytest.skip(reason)


def official_schema(version: str, name: str) -> dict[str, Any]:
    """Microsoft's schema `name` for manifest `version`, as the npm package ships it."""
    path = SCHEMAS / f"v{version}" / name
    if not SCHEMAS.is_dir():
        skip_or_fail(
            f"Microsoft's manifest schemas are not installed ({SCHEMAS.relative_to(ROOT)}); "
            "run scripts/setup-e2e"
        )
    assert path.is_file(), f"the pinned @microsoft/app-manifest has no {path.relative_to(SCHEMAS)}"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8-sig"))
    return schema


def schema_errors(instance: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    """Every violation, as "path: message". The schemas say draft-04 but also use draft-06's `const`
    (manifestVersion), which Microsoft's own validator (ajv) checks too, so it is checked here as well."""
    from jsonschema import Draft4Validator, Draft6Validator, validators

    validator_class = validators.extend(Draft4Validator, {"const": Draft6Validator.VALIDATORS["const"]})
    # No check_schema(): some patterns use JavaScript's \p{L}, which Python's re cannot compile; they
    # belong to Office add-in parts that this manifest does not have, so they are never evaluated.
    validator = validator_class(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    ]


@pytest.fixture(scope="module")
def router() -> Router:
    return build_router()


@pytest.fixture(scope="module")
def package(router: Router) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(build_package(OPTIONS, router)))


@pytest.fixture(scope="module")
def manifest(package: zipfile.ZipFile) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(package.read("manifest.json").decode("utf-8"))
    return value


@pytest.fixture(scope="module")
def english(package: zipfile.ZipFile) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(package.read("en-US.json").decode("utf-8"))
    return value


# --- the official schemas ---------------------------------------------------------------------------------


def test_the_manifest_is_valid_against_the_official_schema_of_its_version(manifest: dict[str, Any]) -> None:
    version = manifest["manifestVersion"]
    assert version == MANIFEST_VERSION
    assert manifest["$schema"] == (
        f"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json"
    )
    errors = schema_errors(manifest, official_schema(version, "MicrosoftTeams.schema.json"))
    assert not errors, "manifest.json does not match the schema:\n" + "\n".join(errors)


def test_the_english_file_is_valid_against_the_official_localization_schema(
    manifest: dict[str, Any], english: dict[str, Any]
) -> None:
    version = manifest["manifestVersion"]
    assert english["$schema"] == (
        f"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.Localization.schema.json"
    )
    errors = schema_errors(english, official_schema(version, "MicrosoftTeams.Localization.schema.json"))
    assert not errors, "en-US.json does not match the schema:\n" + "\n".join(errors)


def test_the_dashboard_is_a_personal_and_a_channel_tab_at_one_page_without_data(
    manifest: dict[str, Any], english: dict[str, Any]
) -> None:
    """A tab's address is the same for everyone, so it cannot carry anyone's signed link: both tabs show
    the page that says how to get one's own link from the bot (bot/app.py, `_tab`)."""
    assert manifest["staticTabs"] == [
        {
            "entityId": "dashboard",
            "name": "Översikt",
            "contentUrl": "https://bot.example.org/tab?locale={locale}",
            "websiteUrl": "https://bot.example.org/tab",
            "scopes": ["personal"],
        }
    ]
    [channel] = manifest["configurableTabs"]
    assert channel["configurationUrl"] == "https://bot.example.org/tab/configure?locale={locale}"
    assert channel["scopes"] == ["team"]
    assert english["staticTabs[0].name"] == "Dashboard"
    without = json.loads(
        zipfile.ZipFile(io.BytesIO(build_package(replace(OPTIONS, tab_url=None)))).read("manifest.json")
    )
    assert "staticTabs" not in without and "configurableTabs" not in without
    with pytest.raises(ManifestError, match="https"):
        replace(OPTIONS, tab_url="http://127.0.0.1:3978").checked()


def test_the_schema_check_catches_a_broken_manifest(manifest: dict[str, Any]) -> None:
    """The validator really validates: a wrong version, a bad id and an unknown field are all caught."""
    schema = official_schema(manifest["manifestVersion"], "MicrosoftTeams.schema.json")
    broken = {**manifest, "manifestVersion": "1.2", "id": "not-a-guid", "surprise": True}
    errors = "\n".join(schema_errors(broken, schema))
    assert "manifestVersion" in errors and "id:" in errors and "surprise" in errors


def test_the_newest_schema_the_package_ships_is_the_one_used() -> None:
    """When the pinned @microsoft/app-manifest is updated and ships a newer version, this says so."""
    official_schema(MANIFEST_VERSION, "MicrosoftTeams.schema.json")
    shipped = [p.name[1:] for p in SCHEMAS.iterdir() if p.name[1:2].isdigit()]
    newest = max(shipped, key=lambda v: tuple(int(n) for n in v.split(".")))
    assert newest == MANIFEST_VERSION, (
        f"the schemas go up to v{newest}: consider moving bot/manifest.py to it"
    )


# --- the package ------------------------------------------------------------------------------------------


def test_the_zip_holds_the_manifest_the_icons_and_the_english_file_at_its_root_and_nothing_else(
    package: zipfile.ZipFile, manifest: dict[str, Any]
) -> None:
    assert set(package.namelist()) == PACKAGE_FILES
    assert len(package.namelist()) == len(PACKAGE_FILES)  # no duplicates either
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    assert manifest["localizationInfo"] == {
        "defaultLanguageTag": "sv-SE",
        "additionalLanguages": [{"languageTag": "en-US", "file": "en-US.json"}],
    }
    assert package.testzip() is None


def test_the_bot_the_ids_and_the_app_details(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == APP_ID
    (bot,) = manifest["bots"]
    assert bot["botId"] == APP_ID
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    assert bot["supportsFiles"] is True and bot["isNotificationOnly"] is False
    assert manifest["validDomains"] == ["bot.example.org"]
    assert manifest["accentColor"] == "#C8102E"
    assert manifest["developer"] == {
        "name": "Vänsterpartiet Västernorrland",
        "websiteUrl": "https://example.org/",
        "privacyUrl": "https://example.org/privacy",
        "termsOfUseUrl": "https://example.org/terms",
    }
    assert manifest["name"]["short"] == "Distriktsboten"
    assert "verksamhetsplan" in manifest["description"]["full"]


def test_the_english_file_translates_the_name_the_descriptions_and_every_command(
    manifest: dict[str, Any], english: dict[str, Any]
) -> None:
    assert {"name.short", "name.full", "description.short", "description.full"} <= english.keys()
    assert "district plan" in english["description.short"]
    assert english["description.full"] != manifest["description"]["full"]
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        for j, _ in enumerate(command_list["commands"]):
            key = f"bots[0].commandLists[{i}].commands[{j}]"
            assert f"{key}.title" in english and f"{key}.description" in english


def test_the_same_options_build_the_same_bytes(router: Router) -> None:
    assert build_package(OPTIONS, router) == build_package(OPTIONS, router)


# --- the command menus ------------------------------------------------------------------------------------


def menus_of(manifest: dict[str, Any], english: dict[str, Any]) -> dict[str, dict[str, list[dict[str, str]]]]:
    """{scope: {"sv": [{"title", "description"}, ...], "en": [...]}} from the two files."""
    menus: dict[str, dict[str, list[dict[str, str]]]] = {}
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        (scope,) = command_list["scopes"]
        assert scope not in menus, f"two command lists for {scope}"
        key = f"bots[0].commandLists[{i}].commands"
        menus[scope] = {
            "sv": command_list["commands"],
            "en": [
                {"title": english[f"{key}[{j}].title"], "description": english[f"{key}[{j}].description"]}
                for j in range(len(command_list["commands"]))
            ],
        }
    return menus


def route_of(router: Router, title: str, language: str) -> Route:
    """The route a menu title runs, checking that the title is how that language writes the command."""
    route = router.route_for(title.split()[0])
    assert route is not None, f"{title!r} is not a command"
    usage = translator(language)._(route.usage)
    assert fold(title.split()[0]) == fold(usage.split()[0]), (
        f"{title!r} is not the {language} word ({usage!r})"
    )
    assert usage.startswith(title), f"{title!r} is not how the help writes it in {language} ({usage!r})"
    return route


def test_every_menu_title_is_a_real_command_word_in_its_language(
    manifest: dict[str, Any], english: dict[str, Any], router: Router
) -> None:
    menus = menus_of(manifest, english)
    assert set(menus) == {"personal", "team", "groupChat"}
    for scope, languages in menus.items():
        swedish = [route_of(router, command["title"], "sv") for command in languages["sv"]]
        english_routes = [route_of(router, command["title"], "en") for command in languages["en"]]
        assert swedish == english_routes, f"the {scope} menu differs between Swedish and English"
        assert len(set(map(id, swedish))) == len(swedish), f"a command twice in the {scope} menu"


def test_the_menus_respect_teams_limits(manifest: dict[str, Any], english: dict[str, Any]) -> None:
    for scope, languages in menus_of(manifest, english).items():
        for language, commands in languages.items():
            assert 1 <= len(commands) <= MAX_COMMANDS, (scope, language, len(commands))
            for command in commands:
                assert 1 <= len(command["title"]) <= MAX_TITLE, (scope, language, command)
                assert 1 <= len(command["description"]) <= MAX_DESCRIPTION, (scope, language, command)


def test_each_scope_offers_its_most_useful_commands(
    manifest: dict[str, Any], english: dict[str, Any], router: Router
) -> None:
    menus = menus_of(manifest, english)
    titles = {scope: [command["title"] for command in menus[scope]["en"]] for scope in menus}
    assert {"goals", "search", "report", "status", "my reports", "help"} <= set(titles["personal"])
    assert {"goals", "status", "schedule", "upcoming", "help"} <= set(titles["team"])
    assert {"goals", "status", "help"} <= set(titles["groupChat"])
    swedish = {command["title"] for command in menus["personal"]["sv"]}
    assert {"mål", "sök", "rapportera", "mina rapporter", "hjälp"} <= swedish


def test_a_menu_naming_a_command_that_does_not_exist_is_an_error(router: Router) -> None:
    with pytest.raises(ManifestError, match="'finnsinte', which is not a command"):
        command_menus(router, scopes={"personal": ("mål", "finnsinte")})
    with pytest.raises(ManifestError, match="at most 10"):
        command_menus(router, scopes={"team": ("mål",) * 11})


@pytest.mark.parametrize(
    ("usage", "title"),
    [
        ("mål [nummer]", "mål"),
        ("mina rapporter | mina mål", "mina rapporter"),
        ("rapportera MÅL VÄRDE [KOMMENTAR]", "rapportera"),
        ("approval on|off", "approval"),
        ("role board|chair @name [BRANCH]", "role"),
        ("bank [add AREA: TEXT | remove NUMBER]", "bank"),
        ("help", "help"),
    ],
)
def test_a_title_is_the_usage_up_to_its_arguments(usage: str, title: str) -> None:
    assert command_title(usage) == title


# --- the icons --------------------------------------------------------------------------------------------


def read_png(data: bytes) -> tuple[int, int, int, list[list[tuple[int, ...]]]]:
    """(width, height, colour type, rows of pixels) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks = 8, []
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        offset += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert depth == 8 and color_type in (2, 6) and interlace == 0
    channels = 4 if color_type == 6 else 3
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * channels
    rows: list[list[tuple[int, ...]]] = []
    previous = bytearray(stride)
    for y in range(height):
        filter_type, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, up_left = previous[x], previous[x - channels] if x >= channels else 0
            if filter_type == 1:
                line[x] = (line[x] + left) & 0xFF
            elif filter_type == 2:
                line[x] = (line[x] + up) & 0xFF
            elif filter_type == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif filter_type == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else up_left)) & 0xFF
        rows.append([tuple(line[x : x + channels]) for x in range(0, stride, channels)])
        previous = line
    return width, height, color_type, rows


def test_the_colour_icon_is_192_pixels_and_shows_a_mark(package: zipfile.ZipFile) -> None:
    width, height, _, rows = read_png(package.read("color.png"))
    assert (width, height) == (192, 192)
    pixels = [pixel[:3] for row in rows for pixel in row]
    assert rows[0][0][:3] == rows[-1][-1][:3] == (0xC8, 0x10, 0x2E)  # the accent colour, full bleed
    white = pixels.count((255, 255, 255))
    assert 0.1 < white / len(pixels) < 0.25, "the white mark should fill a good part of the middle"
    assert all(pixel[:3] == (0xC8, 0x10, 0x2E) for pixel in rows[40] + rows[152]), "outside the middle 96x96"


def test_the_outline_icon_is_32_pixels_white_on_transparent(package: zipfile.ZipFile) -> None:
    width, height, color_type, rows = read_png(package.read("outline.png"))
    assert (width, height) == (32, 32)
    assert color_type == 6, "the outline icon needs an alpha channel"
    pixels = [pixel for row in rows for pixel in row]
    assert any(alpha == 0 for *_, alpha in pixels), "no transparent pixels"
    assert any(alpha == 255 for *_, alpha in pixels), "no solid white pixels"
    assert all(alpha == 0 or rgb == [255, 255, 255] for *rgb, alpha in pixels), "a pixel is not white"


def test_the_icons_are_the_files_in_bot_data(package: zipfile.ZipFile) -> None:
    data = ROOT / "bot" / "data"
    for name in ("color.png", "outline.png"):
        assert package.read(name) == (data / name).read_bytes() == icon(name), name


def test_the_png_reader_reads_a_png_by_hand() -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    # Row 1 unfiltered, row 2 with the Up filter (each byte minus the one above it).
    raw = bytes([0, 10, 20, 30, 40, 50, 60, 2, 60, 60, 60, 60, 60, 60])
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    assert read_png(data) == (
        2, 2, 2, [[(10, 20, 30), (40, 50, 60)], [(70, 80, 90), (100, 110, 120)]]
    )  # fmt: skip


# --- the command line -------------------------------------------------------------------------------------


@pytest.fixture
def cli(clean_env: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A scratch directory (no developer's .env) with no PUBLIC_URL; returns it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    return tmp_path


def test_the_cli_writes_the_package(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = cli / "app.zip"
    assert main(["manifest", "--app-id", APP_ID.upper(), "--out", str(out), "--app-version", "1.2.3"]) == 0
    err = capsys.readouterr().err
    assert "Apps > Manage your apps > Upload an app" in err and "placeholders" in err
    with zipfile.ZipFile(out) as package:
        assert set(package.namelist()) == PACKAGE_FILES
        written = json.loads(package.read("manifest.json"))
    assert written["id"] == written["bots"][0]["botId"] == APP_ID
    assert written["version"] == "1.2.3"
    assert written["developer"]["name"] == "Vänsterpartiet Västernorrland"  # DISTRICT's default
    assert written["validDomains"] == []


def test_the_cli_takes_the_domain_from_public_url_and_the_developer_from_options(
    cli: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PUBLIC_URL", "https://bot.example.org:8443/")
    out = cli / "app.zip"
    args = ["manifest", "--app-id", APP_ID, "--out", str(out), "--developer-name", "V Skåne"]
    args += ["--website-url", "https://skane.example.org/", "--privacy-url", "https://skane.example.org/gdpr"]
    args += ["--terms-url", "https://skane.example.org/villkor", "--accent-color", "#123abc"]
    assert main(args) == 0
    assert "placeholders" not in capsys.readouterr().err
    with zipfile.ZipFile(out) as package:
        written = json.loads(package.read("manifest.json"))
    assert written["validDomains"] == ["bot.example.org:8443"]
    assert written["developer"]["name"] == "V Skåne"
    assert written["developer"]["privacyUrl"] == "https://skane.example.org/gdpr"
    assert written["accentColor"] == "#123ABC"


@pytest.mark.parametrize(
    "app_id",
    [
        "",
        "not-a-guid",
        "0b7f3c1e5a2d4c8e9f612d4b8a7e3c90",  # no dashes
        "{0b7f3c1e-5a2d-4c8e-9f61-2d4b8a7e3c90}",
        "0b7f3c1e-5a2d-4c8e-9f61-2d4b8a7e3c9g",
        "0b7f3c1e-5a2d-4c8e-9f61-2d4b8a7e3c90-1",
    ],
)
def test_a_bad_app_id_is_refused_in_one_line_with_exit_2(
    cli: Path, app_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manifest", "--app-id", app_id, "--out", str(cli / "app.zip")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("--app-id must be the bot's Microsoft App ID, a GUID") and "\n" not in err
    assert not (cli / "app.zip").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--app-version", "1.0"], "--app-version must be three numbers"),
        (["--privacy-url", "http://example.org/privacy"], "--privacy-url must be an https:// address"),
        (["--accent-color", "red"], "--accent-color must look like"),
        (["--domain", "not a domain"], "--domain wants a host name"),
        (["--developer-name", "x" * 33], "--developer-name must have 1 to 32 characters"),
    ],
)
def test_other_bad_options_are_refused_in_one_line_with_exit_2(
    cli: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["manifest", "--app-id", APP_ID, "--out", str(cli / "app.zip"), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(message) and "\n" not in err
    assert not (cli / "app.zip").exists()


def test_a_district_name_too_long_for_the_developer_name_asks_for_one(
    cli: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISTRICT", "Vänsterpartiet Västra Götalands läns norra")
    assert main(["manifest", "--app-id", APP_ID, "--out", str(cli / "app.zip")]) == 2
    assert "pass --developer-name" in capsys.readouterr().err


def test_checked_options_are_normalised() -> None:
    options = replace(
        OPTIONS, app_id=APP_ID.upper(), developer_name="  V   Skåne ", domains=("A.example.org",)
    )
    checked = options.checked()
    assert checked.app_id == APP_ID and checked.developer_name == "V Skåne"
    assert checked.domains == ("a.example.org", "bot.example.org")  # the tabs' host is a valid domain too
    assert checked.tab_url == "https://bot.example.org"


def test_the_app_asks_the_team_to_let_it_read_channel_messages_to_count_replies(
    manifest: dict[str, Any],
) -> None:
    """Replies to prompts are counted only with resource-specific consent (issue 24), which needs both."""
    assert manifest["authorization"]["permissions"]["resourceSpecific"] == [
        {"name": "ChannelMessage.Read.Group", "type": "Application"}
    ]
    assert manifest["webApplicationInfo"]["id"] == APP_ID


def test_the_tabs_single_sign_on_names_the_apps_id_uri_on_the_tabs_domain(manifest: dict[str, Any]) -> None:
    """Teams tab SSO (issue 23, bot/tab.py): webApplicationInfo.resource is the Application ID URI the app
    registration exposes, api://<the tab's domain>/<app id>, the domain one of validDomains. Without tabs
    the resource is RSC's placeholder."""
    resource = manifest["webApplicationInfo"]["resource"]
    assert resource == f"api://bot.example.org/{APP_ID}"
    assert "bot.example.org" in manifest["validDomains"]
    bare = json.loads(
        zipfile.ZipFile(io.BytesIO(build_package(replace(OPTIONS, tab_url=None)))).read("manifest.json")
    )
    assert bare["webApplicationInfo"] == {"id": APP_ID, "resource": "https://RscPermission"}
