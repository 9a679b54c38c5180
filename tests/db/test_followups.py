"""The board's documents read through the repositories, on SQLite and PostgreSQL: the prompts posted and
coming in a follow-up, the year's prompts by subject, reporters named only while they belong, and when the
last follow-up was taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.cards.followup import follow_up_card
from bot.db.checkins import CheckInRepository
from bot.db.engine import Database
from bot.db.followups import FollowUpRepository
from bot.db.people import PeopleRepository
from bot.db.privacy import PrivacyRepository
from bot.db.prompts import PromptRepository
from bot.db.repository import Repository
from bot.documents import annual as annual_document
from bot.i18n import translator
from bot.services.followup import BoardReports
from bot.services.people import ConversationInfo, Role
from bot.services.plan_import import ensure_sample_plan
from bot.services.progress import Progress
from bot.services.prompt_bank import Area, SeedPrompt
from bot.services.prompting import SlotStatus
from bot.services.schedule_rules import parse_rule
from tests.conftest import NOW, Clock, fixed_clock
from tests.test_followup import BO, DISTRICT, LAST_FOLLOW_UP, MEGAN, read_docx, store_year

CHANNEL = "19:general@thread.tacv2"


def reports_on(database: Database) -> BoardReports:
    """The service as bot/app.py builds it."""
    repository, checkins, people = (
        Repository(database),
        CheckInRepository(database),
        PeopleRepository(database),
    )
    progress = Progress(repository, checkins, ZoneInfo("Europe/Stockholm"))
    return BoardReports(progress, FollowUpRepository(database), checkins, people, PromptRepository(database))


def post_prompts(database: Database) -> None:
    """A channel's schedule: a bank prompt on feminism posted in September, the board's own text in
    October, one planned for December."""
    prompts = PromptRepository(database)
    channel = ConversationInfo(f"{CHANNEL};messageid=1", "channel", "tenant", "team-1", CHANNEL, {})
    Repository(database).remember_conversation(channel, person=None, now=NOW)
    prompts.seed_bank(
        DISTRICT,
        [SeedPrompt("fem-1", "Hur når vi fler kvinnor?", None, Area.FEMINISTISK, None, None)],
        now=NOW,
    )
    [bank] = prompts.bank(DISTRICT)
    schedule = prompts.create_schedule(
        district=DISTRICT,
        conversation_id=channel.conversation_id,
        rule=parse_rule("1 och 15 kl 18"),
        rule_text="1 och 15 kl 18",
        timezone="Europe/Stockholm",
        created_by=None,
        now=NOW - timedelta(days=90),
    )
    due = [datetime(2026, 9, 1, 16, tzinfo=UTC), datetime(2026, 10, 15, 16, tzinfo=UTC)]
    coming = datetime(2026, 12, 1, 17, tzinfo=UTC)
    prompts.add_slots(
        schedule, [(d, SlotStatus.PLANNED) for d in [*due, coming]], now=NOW - timedelta(days=90)
    )
    slots = {s.due_at: s.id for s in prompts.slots(schedule_id=schedule)}
    for when, text, source, bank_id in [
        (due[0], "Hur når vi fler kvinnor?", "bank", bank.id),
        (due[1], "Vad ska regionen göra för kollektivtrafiken?", "owner", None),
    ]:
        slot = slots[when]
        assert prompts.claim(
            slot, claimer="t", text=text, source=source, bank_prompt_id=bank_id, now=when,
            held_until=when + timedelta(minutes=2),
        )  # fmt: skip
        prompts.confirm(slot, message_id=f"m{slot}", thread_id=f"t{slot}", now=when)


def test_prompts_posted_and_coming_and_the_years_subjects(database: Database) -> None:
    store_year(database, Clock())
    post_prompts(database)
    reports = reports_on(database)
    reports.store.record(DISTRICT, now=LAST_FOLLOW_UP)
    found = reports.follow_up(DISTRICT, now=NOW)
    assert found is not None
    assert found.since == LAST_FOLLOW_UP
    assert [p.text for p in found.posted] == ["Vad ska regionen göra för kollektivtrafiken?"]
    assert [s.due_at for s in found.coming] == [datetime(2026, 12, 1, 17, tzinfo=UTC)]
    assert reports.store.last(DISTRICT, before=NOW + timedelta(days=1)) == NOW  # this one was recorded
    report = reports.annual(DISTRICT, 2026, now=NOW)
    assert report is not None
    assert len(report.prompts) == 2
    assert report.subjects() == {"feministisk": 1, "own": 1}
    texts = [p.text for p in read_docx(annual_document.render(translator("en"), report)).paragraphs]
    assert "The bot posted 2 discussion prompts in 2026." in texts
    assert "feminism: 1" in texts and "texts the board wrote: 1" in texts
    card = follow_up_card(translator("sv"), found, url=None, minutes=0, until="").text
    assert "1 inlägg publicerat\n15 okt. 2026: Vad ska regionen göra för kollektivtrafiken?" in card
    coming = "Kommande inlägg\nAlla tider anges i svensk tid.\n#3 tisdag 1 december kl. 18.00 · ingen än"
    assert coming in card


def test_reporters_are_named_only_while_they_belong(database: Database) -> None:
    store_year(database, Clock())
    store = FollowUpRepository(database)
    named = {(r.branch, r.reporter, r.reporter_belongs) for r in store.reports(DISTRICT, year=2026)}
    assert ("Härnösand", "Bo Ek", True) in named and (None, "Megan Bowen", True) in named
    assert PrivacyRepository(database).forget(BO) is not None
    assert (
        PeopleRepository(database).revoke(MEGAN, DISTRICT, Role.BOARD) == 1
    )  # and she never wrote in its team
    after = {(r.branch, r.reporter, r.reporter_belongs) for r in store.reports(DISTRICT, year=2026)}
    assert ("Härnösand", None, False) in after and (None, "Megan Bowen", False) in after
    later = store.reports(DISTRICT, year=2026, stored_after=LAST_FOLLOW_UP)
    assert sorted(r.happened_on.isoformat() for r in later) == ["2026-10-10", "2026-10-14", "2026-10-20"]


def test_a_district_without_branches_is_not_told_every_branch_reported(database: Database) -> None:
    assert ensure_sample_plan(Repository(database), fixed_clock, ZoneInfo("Europe/Stockholm"))
    found = reports_on(database).follow_up(DISTRICT, now=NOW)
    assert found is not None and found.branches == 0
    text = follow_up_card(translator("en"), found, url=None, minutes=0, until="").text
    assert (
        "Branches that have not reported for the quarter ending 31 Dec 2026\n"
        "The district has no branches yet." in text
    )
    assert "Follow-up since 1 Jan 2026" in text  # the first follow-up covers the plan year so far
