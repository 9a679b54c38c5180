"""Scheduled discussion prompts, end to end: a board member schedules one and the bot posts it on time.

The Playground's signed-in user (Alex Wilber, aadObjectId ``...0020``, see tests/fixtures/playground/) must be
allowed to schedule, so this module runs its own bot with ``ADMINS`` set to that id (and its own Playground
pointed at it); the other e2e modules keep the session's bot, which has no admins.

Selectors (besides those described in test_playground.py):
- the new-post composer (role=group holding the button "Post") and the @mention picker (listbox "Typeahead
  menu", menu item "Test Bot");
- a thread: a role=group holding a reply box (button "Send Message") and card headers (``.fui-CardHeader``)
  naming who wrote what. Ours has a header "Alex Wilber"; the scheduled post is a thread without one (it is
  started by the bot and nobody has replied);
- a thread's reply box: the role=textbox inside the thread, sent with its button "Send Message".
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from .conftest import (
    BOT_NAME,
    REPLY_TIMEOUT_MS,
    BotServer,
    Playground,
    PlaygroundPage,
    run_bot,
    run_playground,
    skip_or_fail,
)

try:
    from playwright.sync_api import Locator, Page, expect
except ImportError:  # pragma: no cover - Playwright is a dev dependency (scripts/setup)
    skip_or_fail("Python Playwright is not installed: run scripts/setup, then scripts/setup-e2e", module=True)

pytestmark = pytest.mark.e2e

log = logging.getLogger(__name__)

USER_NAME = "Alex Wilber"
OWNER_NAME = "Megan Bowen"  # a mock user of the Playground's, made a board member: the slot's owner
USER_AAD_OBJECT_ID = "00000000-0000-0000-0000-0000000000020"  # Alex Wilber in the Playground
ZONE = ZoneInfo("Europe/Stockholm")  # the bot's default TIMEZONE
NIGHT_HOURS = (0, 2)  # hours a schedule rule refuses (clock changes); see bot/services/schedule_rules.py
# A scheduled post in the channel is in the district's default language (sv), not the user's (en-US).
# The slot is due at the next whole minute at least this far ahead: time to schedule it and write its text.
LEAD = timedelta(seconds=35)
# How long to wait for the scheduled post to appear after its due time (the bot's timer plus the UI).
POST_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def bot_server(e2e_tools: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    """This module's bot: like the session's, but with the Playground's user as an admin."""
    yield from run_bot(tmp_path_factory, {"ADMINS": USER_AAD_OBJECT_ID})


@pytest.fixture(scope="module")
def playground(bot_server: BotServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Playground]:
    """A Playground pointed at this module's bot (``ui`` picks these two up instead of the session's)."""
    yield from run_playground(bot_server, tmp_path_factory)


def _fail(ui: PlaygroundPage, message: str, exc: BaseException | None = None) -> None:
    ui.artifacts.save()
    detail = f"\n{exc}" if exc else ""
    raise AssertionError(f"{message}\n{ui.artifacts.describe()}{detail}") from None


def _expect_text(ui: PlaygroundPage, where: Locator, pattern: str | re.Pattern[str], context: str) -> None:
    try:
        expect(where).to_contain_text(pattern, timeout=REPLY_TIMEOUT_MS)
    except AssertionError as exc:
        _fail(ui, f"{context}: no text matching {pattern!r} within {REPLY_TIMEOUT_MS / 1000:.0f} s.", exc)


def _mention_bot(page: Page, box: Locator, text: str) -> None:
    """Types ``@``, picks the bot in the mention picker, then types `` text`` (real key presses)."""
    box.click()
    box.press_sequentially("@")
    page.get_by_role("listbox", name="Typeahead menu").get_by_role("menuitem", name=BOT_NAME).click()
    box.press_sequentially(f" {text}")
    expect(box).to_contain_text(f"{BOT_NAME} {text}")


def _mention_person(page: Page, box: Locator, name: str) -> None:
    """Types `` @`` after what the box holds and picks one of the Playground's mock users."""
    box.press_sequentially(" @")
    page.get_by_role("listbox", name="Typeahead menu").get_by_role("menuitem", name=name).click()
    expect(box).to_contain_text(name)


def _threads(page: Page) -> Locator:
    return page.get_by_role("group").filter(has=page.get_by_role("button", name="Send Message", exact=True))


def _ours_header(page: Page) -> Locator:
    """The header of a message of ours (a thread the bot started has none)."""
    return page.locator(".fui-CardHeader").filter(has_text=USER_NAME)


def _slot_time(now: datetime) -> tuple[datetime, bool]:
    """When to schedule the prompt, and whether the test must wait for it (else it posts it with ``post``).

    Normally the next whole minute at least LEAD from now, today. If that is in a night hour the rules
    refuse, or tomorrow, the next allowed time is scheduled instead (it is in the future, so the rule is
    accepted) and the test posts the slot at once with ``post N``.
    """
    due = (now + LEAD + timedelta(seconds=59)).replace(second=0, microsecond=0)
    if due.hour not in NIGHT_HOURS and due.date() == now.date():
        return due, True
    while due.hour in NIGHT_HOURS:
        due = (due + timedelta(hours=1)).replace(minute=0)
    return due, False


def test_channel_schedule_posts_prompt(ui: PlaygroundPage) -> None:
    """An admin schedules a prompt in General for a minute or two from now; it appears as a new thread.

    In the channel "My Team - General": ``@Test Bot schedule D kl HH:MM`` (today's day and the next whole
    minute at least 35 s ahead, Stockholm time) -> the bot confirms with the rule and the slots, the first
    one today at HH:MM as #N; ``@Test Bot write N <unique text>`` in that thread -> "Saved the text for #N";
    then, within 30 s after HH:MM, a new thread started by the bot shows "Diskussionsinlägg" and the unique
    text. Then the next slot, #M a month on, is written and posted at once (``@Test Bot post M yes``): the bot
    tells "#M is posted." in the schedule's thread (a message of its own there, not an answer to a turn: the
    Agents SDK once sent it with ``"id": null``, which the Playground refuses) and it is a new thread too.

    Fallback: when that minute falls in 00:00-00:59 or 02:00-02:59 (hours the rules refuse) or after
    midnight, the next allowed time is scheduled instead and ``@Test Bot post N`` posts it at once; the test
    logs that it did so. Takes about 50-110 s in the normal case.
    """
    page = ui.page
    now = datetime.now(ZONE)
    due, wait_for_it = _slot_time(now)
    rule = f"{due.day} kl {due:%H:%M} including holidays"  # the test runs on juldagen too
    if not wait_for_it:
        log.info("%s is no time to schedule for (night hours or after midnight): scheduling %s", now, rule)
    unique = f"E2E prompt {uuid.uuid4().hex[:10]}"

    ui.open_channel("My Team - General")
    post_button = page.get_by_role("button", name="Post", exact=True)
    composer = page.get_by_role("group").filter(has=post_button)
    # Megan joins the board, so the rota gives her the slot; the admin (Alex) writes its text for her.
    _mention_bot(page, composer.get_by_role("textbox"), "role board")
    _mention_person(page, composer.get_by_role("textbox"), OWNER_NAME)
    post_button.click()
    mine = _threads(page).filter(has=_ours_header(page))
    _expect_text(
        ui,
        mine.filter(has_text="role board"),
        f"{OWNER_NAME} is now on the board",
        "'role board @Megan Bowen'",
    )

    _mention_bot(page, composer.get_by_role("textbox"), f"schedule {rule}")
    post_button.click()
    ours = mine.filter(has_text=f"schedule {rule}")
    # The confirmation: the rule, then the slots as "#N <weekday> <day> <month> [<year>] at HH:MM · <owner>".
    slot_row = re.compile(rf"#(\d+)\s*\w+\.?\s+{due.day}\s+\w+\.?\s+(?:{due.year}\s+)?(?:at\s+)?{due:%H:%M}")
    # The rule shown back in the reader's language, whatever it was written in.
    _expect_text(ui, ours, f"Prompts will be posted in this channel on the {due.day}", f"'schedule {rule}'")
    _expect_text(ui, ours, slot_row, f"'schedule {rule}': the slot at {due:%Y-%m-%d %H:%M}")
    confirmation = ours.first.inner_text()
    match = slot_row.search(confirmation)
    assert match is not None
    slot = match.group(1)
    later = [n for n in re.findall(r"#(\d+)", confirmation) if n != slot]
    assert later, f"'schedule {rule}' shows no slot after #{slot}: {confirmation!r}"
    next_slot = later[0]

    _mention_bot(page, ours.first.get_by_role("textbox"), f"write {slot} {unique}")
    ours.first.get_by_role("button", name="Send Message", exact=True).click()
    _expect_text(ui, ours, f"Saved the text for #{slot}", f"'write {slot} ...'")

    if not wait_for_it:
        _mention_bot(page, ours.first.get_by_role("textbox"), f"post {slot}")
        ours.first.get_by_role("button", name="Send Message", exact=True).click()
        _expect_text(ui, ours, f"#{slot} is posted", f"'post {slot}'")

    # The post: a new thread, started by the bot (no header of ours in it), with the text written above.
    posted = _threads(page).filter(has_text=unique).filter(has_not=_ours_header(page))
    remaining_ms = max(0.0, (due - datetime.now(ZONE)).total_seconds() * 1000) if wait_for_it else 0.0
    timeout_ms = remaining_ms + POST_TIMEOUT_MS
    started = time.monotonic()
    try:
        expect(posted).not_to_have_count(0, timeout=timeout_ms)
    except AssertionError as exc:
        _fail(
            ui,
            f"no new thread with {unique!r} in General within {timeout_ms / 1000:.0f} s "
            f"(slot #{slot}, due {due:%Y-%m-%d %H:%M %Z}, "
            f"{'waited for its time' if wait_for_it else 'posted with post'}).",
            exc,
        )
    log.info("the post appeared %.0f s after the wait began", time.monotonic() - started)
    # The post's text (what the Playground shows of a new thread, and Teams in its previews) carries the
    # signature: who wrote it, for whose slot it was, never under the owner's name alone.
    _expect_text(ui, posted.first, f"Skrivet av {USER_NAME}", f"the signature of #{slot}")
    if wait_for_it and datetime.now(ZONE) < due:
        _fail(ui, f"slot #{slot} was posted before its time {due:%H:%M} (now {datetime.now(ZONE):%H:%M:%S}).")

    # The next slot, posted now: the bot tells the outcome in the schedule's thread, on any SDK, at any hour.
    unique_next = f"E2E prompt {uuid.uuid4().hex[:10]}"
    _mention_bot(page, ours.first.get_by_role("textbox"), f"write {next_slot} {unique_next}")
    ours.first.get_by_role("button", name="Send Message", exact=True).click()
    _expect_text(ui, ours, f"Saved the text for #{next_slot}", f"'write {next_slot} ...'")
    _mention_bot(page, ours.first.get_by_role("textbox"), f"post {next_slot} yes")
    ours.first.get_by_role("button", name="Send Message", exact=True).click()
    _expect_text(ui, ours, f"#{next_slot} is posted", f"'post {next_slot} yes': the outcome in the thread")
    posted_next = _threads(page).filter(has_text=unique_next).filter(has_not=_ours_header(page))
    signature = f"Skrivet av {USER_NAME}"
    _expect_text(ui, posted_next.first, signature, f"the new thread of #{next_slot}")


@pytest.mark.parametrize(
    ("now", "due", "wait"),
    [
        ("2026-11-22 18:10:00", "2026-11-22 18:11", True),
        ("2026-11-22 18:10:30", "2026-11-22 18:12", True),
        ("2026-11-22 23:58:20", "2026-11-22 23:59", True),
        ("2026-11-22 23:58:40", "2026-11-23 01:00", False),  # past midnight, and 00:xx is refused
        ("2026-11-22 00:30:00", "2026-11-22 01:00", False),
        ("2026-11-22 01:58:50", "2026-11-22 03:00", False),  # 02:xx is refused
        ("2026-11-22 02:59:30", "2026-11-22 03:01", True),
    ],
)
def test_slot_time(now: str, due: str, wait: bool) -> None:
    """The schedule time the e2e test picks, including its fallback at night (no browser involved)."""
    local_now = datetime.fromisoformat(now).replace(tzinfo=ZONE)
    assert _slot_time(local_now) == (datetime.fromisoformat(due).replace(tzinfo=ZONE), wait)
