"""A board member's story: send the plan as a file in a personal chat, read what the bot understood,
correct a misread target in one message, and import it; or cancel. What a board member means: "this is our
plan, check it with me, then it is the plan everyone sees".

The real server over HTTP with Teams-shaped activities carrying a file (tests/fakes/activities.py), and a
loopback file server standing in for Teams' pre-authorised download URL (the Playground cannot upload).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlmodel import select

from bot.app import create_app
from bot.commands.plans import ANSWER_WITHIN
from bot.config import Settings
from bot.db.engine import Database
from bot.db.models import GoalCorrection
from bot.db.privacy import PrivacyRepository
from bot.services.people import PersonInfo
from bot.services.plan_files import MAX_PLAN_BYTES
from tests.conftest import NOW, Clock
from tests.fakes import activities
from tests.fakes.chat import ask, reply_text
from tests.fakes.connector import FakeConnector
from tests.services.test_plan_files import as_docx, as_pdf

PLANS = Path(__file__).resolve().parent / "fixtures" / "plans"
SLOW_SECONDS = 6.0  # longer than a turn may take to answer (ANSWER_WITHIN), well within Teams' 15 s


@pytest.fixture
async def files() -> AsyncIterator[dict[str, Any]]:
    """A loopback file server: /files/NAME serves what the test put under that name."""
    served: dict[str, bytes] = {}

    async def serve(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in served:
            return web.Response(status=404)
        return web.Response(body=served[name])

    async def serve_slowly(request: web.Request) -> web.StreamResponse:
        """The file in ten pieces over SLOW_SECONDS, as a large file on a slow line comes."""
        data = served[request.match_info["name"]]
        response = web.StreamResponse(headers={"Content-Length": str(len(data))})
        await response.prepare(request)
        step = len(data) // 10 + 1
        for start in range(0, len(data), step):
            await asyncio.sleep(SLOW_SECONDS / 10)
            await response.write(data[start : start + step])
        await response.write_eof()
        return response

    app = web.Application()
    app.router.add_get("/files/{name}", serve)
    app.router.add_get("/slow/{name}", serve_slowly)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    yield {
        "served": served,
        "url": lambda name: str(server.make_url(f"/files/{name}")),
        "slow_url": lambda name: str(server.make_url(f"/slow/{name}")),
    }
    await server.close()


async def _start(settings: Settings, *, admin: bool = True) -> TestClient:
    app = create_app(settings.model_copy(update={"admins": ["aad-megan"] if admin else []}), clock=Clock(NOW))
    client = TestClient(TestServer(app, host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[TestClient]:
    client = await _start(settings)
    yield client
    await client.close()


async def send_file(
    client: TestClient, connector: FakeConnector, name: str, url: str, *, locale: str = "sv-SE"
) -> dict[str, Any]:
    before = len(connector.posted)
    activity = activities.personal_file(name, url, service_url=connector.url, locale=locale)
    response = await client.post("/api/messages", json=activity)
    assert response.status in (200, 201)
    posted = await connector.wait_for(before + 1)
    return posted[before].body


async def test_a_word_plan_is_reviewed_corrected_in_one_message_and_imported(
    client: TestClient, connector: FakeConnector, files: dict[str, Any]
) -> None:
    text = (PLANS / "stilar_dalarna.md").read_text(encoding="utf-8")
    files["served"]["plan.docx"] = as_docx(text)
    review = await send_file(client, connector, "plan.docx", files["url"]("plan.docx"))
    shown = reply_text(review)
    assert "Planen som jag läste den: plan.docx" in shown
    assert "Genomföra grundkursen för nya medlemmar två gånger per termin" in shown
    assert "minst 2 grundkursen per halvår" in shown
    assert "Prioriterade områden: Vården, Bostäder, Klimatet" in shown
    assert [a["title"] for a in review["attachments"][0]["content"]["actions"]] == [
        "Importera",
        "Rätta först",
        "Avbryt",
    ]
    # Nothing is imported before the board says so: the sample plan is still the plan.
    assert "Zetkin" in reply_text(await ask(client, connector, "mål", locale="sv-SE"))

    corrected = reply_text(await ask(client, connector, "mål 5 mål 2 per kvartal", locale="sv-SE"))
    assert "minst 2 möten per kvartal" in corrected
    done = reply_text(await ask(client, connector, "plan importera", locale="sv-SE"))
    assert done.startswith("Importerade 7 mål för")
    goals = reply_text(await ask(client, connector, "mål", locale="sv-SE"))
    assert "Bilda ett fackligt nätverk i distriktet" in goals and "Zetkin" not in goals
    goal = reply_text(await ask(client, connector, "mål 5", locale="sv-SE"))
    assert "minst 2 möten per kvartal" in goal


async def test_a_pdf_plan_waits_for_review_across_a_restart_and_can_be_cancelled(
    settings: Settings, connector: FakeConnector, files: dict[str, Any]
) -> None:
    text = (PLANS / "tvaspalt_uppsala.md").read_text(encoding="utf-8")
    files["served"]["plan.pdf"] = as_pdf(text, columns=2)
    client = await _start(settings)
    try:
        review = await send_file(client, connector, "plan.pdf", files["url"]("plan.pdf"), locale="en-US")
        # English carries no Swedish unit: the goal's own text beside the target says what is counted.
        read = reply_text(review)
        assert "1. Arrangera en organisatörsutbildning varje termin — at least 1 course per half-year" in read
        assert "2. Utse tre organisatörer i distriktsstyrelsen — 3 organisers named" in read
    finally:
        await client.close()
    client = await _start(settings)  # a restart: the review is in the database
    try:
        again = reply_text(await ask(client, connector, "plan"))
        assert "The plan as I read it: plan.pdf" in again
        assert reply_text(await ask(client, connector, "plan cancel")) == "Cancelled: nothing was imported."
        assert "Zetkin" in reply_text(await ask(client, connector, "goals"))
        assert reply_text(await ask(client, connector, "plan import")).startswith("You have no plan waiting")
    finally:
        await client.close()


@pytest.mark.parametrize(
    ("name", "data", "answer"),
    [
        # What the file is decides what to send instead: a picture, Word's old format, another format.
        ("bild.png", b"\x89PNG\r\n", "That is a picture, and I read a plan's text: send the plan as PDF"),
        ("plan.doc", b"\xd0\xcf\x11\xe0", "I cannot read Word files in the old format (.doc): open the plan"),
        ("plan.rtf", b"{\\rtf1 Plan}", "I can read plans as PDF, Word (.docx), LibreOffice (.odt), web page"),
        ("plan.pdf", b"%PDF-1.4 trasig", "The file could not be read"),
        ("plan.txt", "Bara lite prosa utan mål.\n".encode(), "I found no goals in the file"),
        ("plan.txt", b"x" * (MAX_PLAN_BYTES + 1), "The file is larger than 10 MB"),
        ("saknas.pdf", None, "I could not fetch the file from Teams"),
    ],
)
async def test_a_file_that_cannot_be_read_gets_one_clear_sentence(
    client: TestClient,
    connector: FakeConnector,
    files: dict[str, Any],
    name: str,
    data: bytes | None,
    answer: str,
) -> None:
    if data is not None:
        files["served"][name] = data
    reply = reply_text(await send_file(client, connector, name, files["url"](name), locale="en-US"))
    assert reply.startswith(answer), reply
    assert "Traceback" not in reply
    assert reply_text(await ask(client, connector, "plan import")).startswith("You have no plan waiting")


async def _send_slowly(
    client: TestClient, connector: FakeConnector, name: str, url: str, *, locale: str
) -> tuple[float, str, dict[str, Any]]:
    """Send a file that comes slowly: how long the turn took, what it answered, and what came later."""
    before = len(connector.posted)
    activity = activities.personal_file(name, url, service_url=connector.url, locale=locale)
    started = time.monotonic()
    response = await client.post("/api/messages", json=activity)
    took = time.monotonic() - started
    assert response.status in (200, 201)
    posted = await connector.wait_for(before + 2, within=SLOW_SECONDS + 10)
    return took, reply_text(posted[before].body), posted[before + 1].body


async def test_a_slow_file_is_answered_at_once_and_reviewed_when_read(
    client: TestClient, connector: FakeConnector, files: dict[str, Any]
) -> None:
    """A large plan on a slow line: the board member is told at once that the plan is being read (the turn
    does not wait for the file; Teams would send the message again), then gets the review card in the same
    chat, or one sentence saying what is wrong and what to do."""
    text = (PLANS / "tvaspalt_uppsala.md").read_text(encoding="utf-8")
    files["served"]["plan.pdf"] = as_pdf(text, columns=2)
    took, first, later = await _send_slowly(
        client, connector, "plan.pdf", files["slow_url"]("plan.pdf"), locale="sv-SE"
    )
    assert took < ANSWER_WITHIN + 3 < SLOW_SECONDS
    assert first == "Läser planen … Jag visar vad jag läste om en liten stund."
    assert "Planen som jag läste den: plan.pdf" in reply_text(later)
    assert [a["title"] for a in later["attachments"][0]["content"]["actions"]] == [
        "Importera",
        "Rätta först",
        "Avbryt",
    ]
    assert reply_text(await ask(client, connector, "plan importera", locale="sv-SE")).startswith(
        "Importerade 9 mål"
    )

    files["served"]["scan.pdf"] = b"%PDF-1.4 not really a PDF"
    took, first, later = await _send_slowly(
        client, connector, "scan.pdf", files["slow_url"]("scan.pdf"), locale="en-US"
    )
    assert took < ANSWER_WITHIN + 3
    assert first == "Reading the plan … I will show you what I read in a moment."
    assert reply_text(later) == (
        "The file could not be read: it may be damaged. Save the plan again and send it."
    )
    assert reply_text(await ask(client, connector, "plan import")).startswith("You have no plan waiting")


async def test_a_slow_file_that_fails_on_the_bots_side_says_what_to_do(
    client: TestClient, connector: FakeConnector, files: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever goes wrong after the turn has answered, the board member is told, without a traceback."""

    def broken(name: str, data: bytes) -> None:
        raise RuntimeError("a fault in the reader")

    monkeypatch.setattr("bot.services.plan_review.read_plan", broken)
    files["served"]["plan.txt"] = b"Verksamhetsplan\n\nStudier\n- Genomf\xc3\xb6ra tv\xc3\xa5 cirklar\n"
    _, first, later = await _send_slowly(
        client, connector, "plan.txt", files["slow_url"]("plan.txt"), locale="en-US"
    )
    assert first.startswith("Reading the plan")
    assert reply_text(later) == (
        "I could not read plan.txt: something went wrong on my side. Send the file again; if it fails again, "
        "ask an administrator to import it on the server: "
        'python -m bot plan import FILE --district "Vänsterpartiet Västernorrland"'
    )  # the command as it runs when copied: --district is required, a shell reads only straight quotes


async def test_only_the_board_may_send_the_plan(
    settings: Settings, connector: FakeConnector, files: dict[str, Any]
) -> None:
    files["served"]["plan.txt"] = (PLANS / "webb_norrbotten.txt").read_bytes()
    client = await _start(settings, admin=False)
    try:
        reply = reply_text(
            await send_file(client, connector, "plan.txt", files["url"]("plan.txt"), locale="en-US")
        )
        assert reply.startswith("Only the board and administrators can do that")
    finally:
        await client.close()


async def test_the_board_corrects_the_stored_plan_and_a_reimport_keeps_the_corrections(
    client: TestClient, connector: FakeConnector, files: dict[str, Any]
) -> None:
    """After the import the board still corrects in chat: a misread target in one message, a goal that
    belongs under another heading, one that is not a goal. Sending the plan again (a new version with one
    goal reworded) keeps those corrections where the goal still matches; each is kept with who and when."""
    text = (PLANS / "numrerad_gavleborg.txt").read_text(encoding="utf-8")
    files["served"]["v1.txt"] = text.encode()
    await send_file(client, connector, "v1.txt", files["url"]("v1.txt"))
    assert reply_text(await ask(client, connector, "plan importera", locale="sv-SE")).startswith(
        "Importerade 11 mål"
    )
    fixed = reply_text(await ask(client, connector, "mål 8 mål 3 per kvartal", locale="sv-SE"))
    assert fixed == "Rättade mål 8: Knacka dörr i tre bostadsområden — minst 3 bostadsområden per kvartal"
    branches = reply_text(await ask(client, connector, "mål 7 föreningar ja", locale="sv-SE"))
    assert branches.startswith("Rättade mål 7: Genomföra en kampanj om kollektivtrafiken")
    retired = reply_text(await ask(client, connector, "mål 3 bort", locale="sv-SE"))
    assert retired == "Mål 3 är avslutat; planen har nu mål 1–10."
    goal = reply_text(await ask(client, connector, "mål 7", locale="sv-SE"))
    assert "minst 3 bostadsområden per kvartal" in goal

    # The next version of the plan: one goal reworded, the corrected ones as they were.
    files["served"]["v2.txt"] = text.replace(
        "Besöka varje partiförening", "Besöka alla partiföreningar"
    ).encode()
    await send_file(client, connector, "v2.txt", files["url"]("v2.txt"))
    assert reply_text(await ask(client, connector, "plan importera", locale="sv-SE")).startswith(
        "Importerade 10 mål"
    )
    goals = reply_text(await ask(client, connector, "mål", locale="sv-SE"))
    assert "Genomföra en planeringshelg" not in goals  # retired by the board, and it stays so
    knock = reply_text(await ask(client, connector, "mål 7", locale="sv-SE"))
    assert "Knacka dörr" in knock and "minst 3 bostadsområden per kvartal" in knock
    campaign = reply_text(await ask(client, connector, "mål 6", locale="sv-SE"))
    assert "kollektivtrafiken" in campaign and "Gäller: varje partiförening" in campaign


async def test_first_run_shows_the_sample_as_an_example_until_the_real_plan_replaces_it(
    settings: Settings, connector: FakeConnector, files: dict[str, Any]
) -> None:
    """A fresh deployment for Skåne (DISTRICT set): the sample plan is never presented as Skåne's own.
    The admin who installs the bot gets a short guide; the first plan sent replaces the sample, and the
    deployment stays one district, so a team needs no linking."""
    skane = settings.model_copy(update={"district": "Vänsterpartiet Skåne"})
    client = await _start(skane)
    try:
        before = len(connector.posted)
        installed = activities.bot_added_to_personal_chat(service_url=connector.url)
        assert (await client.post("/api/messages", json=installed)).status in (200, 201)
        [guide] = [p.body for p in (await connector.wait_for(before + 1))[before:]]
        assert "skicka planen som fil till mig här" in guide["text"]
        assert "roll styrelse @namn" in guide["text"] and "schema 1 och 15 kl 18" in guide["text"]

        for command in ("mål", "mål 6", "status"):
            shown = reply_text(await ask(client, connector, command, locale="sv-SE"))
            assert "Det här är en exempelplan, inte ert distrikts egen." in shown, command

        files["served"]["plan.txt"] = (PLANS / "webb_norrbotten.txt").read_bytes()
        await send_file(client, connector, "plan.txt", files["url"]("plan.txt"))
        imported = reply_text(await ask(client, connector, "plan importera", locale="sv-SE"))
        assert imported.startswith("Importerade 10 mål för Vänsterpartiet Skåne: 10 nya")
        for command in ("mål", "mål 1", "status"):
            shown = reply_text(await ask(client, connector, command, locale="sv-SE"))
            assert "exempelplan" not in shown and "Zetkin" not in shown, command
        in_channel = reply_text(await ask(client, connector, "mål", channel=True, locale="sv-SE"))
        assert "Verksamhetsplan för Vänsterpartiet Norrbotten 2025" in in_channel
    finally:
        await client.close()


async def test_a_plan_without_areas_asks_for_them_and_keeps_them_on_reimport(
    client: TestClient, connector: FakeConnector, files: dict[str, Any]
) -> None:
    """ "En studiecirkel inom respektive område" in a plan that names no areas: the review asks for them,
    and once named in chat they stay when the same plan is sent again."""
    text = "# Verksamhetsplan 2026\n\n## Studier\n\n- Ordna minst en studiecirkel inom respektive område\n"
    files["served"]["plan.md"] = text.encode()
    review = reply_text(
        await send_file(client, connector, "plan.md", files["url"]("plan.md"), locale="en-US")
    )
    assert "Goal 1 is to be done in each priority area, but the plan names none" in review
    areas = reply_text(await ask(client, connector, "areas Health, Housing and Climate"))
    # The English target names the unit in English.
    assert "område — at least 1 study circle per year in each of the 3 priority areas" in areas
    assert reply_text(await ask(client, connector, "plan import")).startswith("Imported 1 goals")
    await send_file(client, connector, "plan.md", files["url"]("plan.md"), locale="en-US")
    assert reply_text(await ask(client, connector, "plan import")).startswith("Imported 1 goals")
    assert "in each of the 3 priority areas" in reply_text(await ask(client, connector, "goals 1"))
    assert reply_text(await ask(client, connector, "areas Work, School")) == "Priority areas: Work, School"
    goal = reply_text(await ask(client, connector, "goals 1"))
    assert "in each of the 2 priority areas" in goal


async def test_a_target_corrected_in_review_is_kept_with_who_and_when_and_on_the_next_import(
    client: TestClient, connector: FakeConnector, files: dict[str, Any], settings: Settings
) -> None:
    """The plan is read the same way next month: the board should not have to correct it again."""
    text = (PLANS / "webb_norrbotten.txt").read_text(encoding="utf-8")
    files["served"]["plan.txt"] = text.encode()
    await send_file(client, connector, "plan.txt", files["url"]("plan.txt"))
    await ask(client, connector, "mål 2 mål 1 per månad", locale="sv-SE")
    await ask(client, connector, "plan importera", locale="sv-SE")
    again = reply_text(await send_file(client, connector, "plan.txt", files["url"]("plan.txt")))
    assert "2. Ringa alla nya medlemmar inom två veckor — minst 1 per månad" in again
    # A list that could be goals is shown, with how to add its items.
    assert "Inte läst som mål, en lista under ”Jämlikhet”: Kön; Etnisk tillhörighet;" in again
    await ask(client, connector, "plan importera", locale="sv-SE")
    assert "minst 1 per månad" in reply_text(await ask(client, connector, "mål 2", locale="sv-SE"))
    database = Database(settings.database_url)
    try:
        with database.read() as session:
            [kept] = session.exec(select(GoalCorrection)).all()
        assert (kept.field, kept.value) == ("target", "1 per månad")
        assert kept.made_by is not None  # Megan, by her person row
        # Forgotten with her ("glöm mig"): the correction stays, without her.
        assert PrivacyRepository(database).forget(PersonInfo("29:user-megan", "aad-megan", "Megan Bowen"))
        with database.read() as session:
            [kept] = session.exec(select(GoalCorrection)).all()
        assert kept.made_by is None and kept.value == "1 per månad"
    finally:
        database.dispose()
    assert kept.made_at == NOW


async def test_a_download_that_hangs_or_goes_elsewhere_is_refused() -> None:
    """The file comes from Teams' address within a few seconds, or not at all."""
    from bot.files import download
    from bot.services.plan_files import PlanFileError

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(1.5)
        return web.Response(body=b"sent too late")

    app = web.Application()
    app.router.add_get("/slow", slow)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        with pytest.raises(PlanFileError) as hung:
            await download(str(server.make_url("/slow")), 1000, seconds=0.3)
        assert hung.value.problem == "download"
    finally:
        await server.close()
    for url in ("http://10.0.0.1/plan.pdf", "file:///etc/passwd", "ftp://example.invalid/plan.pdf"):
        with pytest.raises(PlanFileError) as elsewhere:
            await download(url, 1000)
        assert elsewhere.value.problem == "download"


def test_a_long_plans_review_card_stays_within_what_teams_accepts() -> None:
    """Teams refuses messages over about 28 KB: a plan of a hundred long goals still gets its card."""
    import json

    from bot.cards.plan_review import review_card
    from bot.i18n import translator
    from bot.services.plan import GoalDraft, PlanDraft, SectionDraft
    from bot.services.plan_review import Review

    goal = GoalDraft("Genomföra minst två medlemsmöten per termin i varje kommun " * 6)
    sections = tuple(SectionDraft(f"Avsnitt {n}", (goal,) * 10) for n in range(10))
    reply = review_card(
        translator("sv"), Review(PlanDraft("Verksamhetsplan 2026", 2026, sections), "plan.pdf")
    )
    assert reply.card is not None
    assert len(json.dumps(reply.card, ensure_ascii=False).encode()) < 28_000


@pytest.mark.parametrize(
    ("name", "locale", "read", "unsure"),
    [
        (
            "vastmanland_lista.docx",
            "sv-SE",
            [
                "Organisation",
                "1. Genomföra minst fyra medlemsmöten under året — minst 4 medlemsmöten per år · ansvarig: "
                "styrelsen",
                "2. Varje kommunförening ska ha en medlemsansvarig — klart när det är genomfört (varje "
                "partiförening) · ansvarig: ordförande",
                "Ekonomi",
            ],
            "Planen anger ingen ansvarig för målen 3, 5, 6, 7, men gör det för de andra målen",
        ),
        (
            "uppsala_sidbrytning.pdf",
            "en-US",
            [
                "5. Debattartiklar i UNT \u2013 minst 10 (Hela året) — at least 10 opinion pieces per year",
                "6. Dörrknackning i Gottsunda \u2013 500 samtal (Hösten) — at least 500 conversations per "
                "year · responsible: Organisatören",
                "8. Kvinnor på valbar plats \u2013 50 % (Inför valet) — at least 50 % · responsible: "
                "Valberedningen",
            ],
            "",
        ),
    ],
)
async def test_a_plan_in_words_own_shapes_is_read_through_the_server(
    client: TestClient,
    connector: FakeConnector,
    files: dict[str, Any],
    name: str,
    locale: str,
    read: list[str],
    unsure: str,
) -> None:
    """A board member sends a Word plan whose chapters and goals are Word's own numbered list (the numbers
    are not in the text; a goal amended at the annual meeting is a tracked change), or a PDF whose table of
    goals goes on over a page without its header: the review shows the goals under their chapters with
    their targets and whom the plan names, and says which goals name no one."""
    from tests.services.plan_corpus import CORPUS

    document = next(d for d in CORPUS if d.name == name)
    files["served"][name] = document.build()
    shown = reply_text(await send_file(client, connector, name, files["url"](name), locale=locale))
    for line in read:
        assert line in shown, shown
    assert unsure in shown
    assert ("klistrade" if locale == "sv-SE" else "names no one") not in shown
