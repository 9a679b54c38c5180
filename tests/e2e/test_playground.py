"""The bot as a person meets it: through the Agents Playground (a local Teams emulator) in Chromium.

Selectors (checked against @microsoft/m365agentsplayground 0.2.28, pinned in package.json):
- left rail: tree items named "Personal Chat", "Group Chat", "My Team - General", "My Team - Announcements";
- chat compose box: the only role=textbox, sent with the button "Send Message";
- bot messages in a personal or group chat: ``.fai-OutputCard`` (Fluent AI's output card: one per bot
  activity part; the user's own messages are not output cards). A bot activity with both text and an
  Adaptive Card shows as two of them: the text, then the card. Only those after the user's own message
  count (the bot may have posted a welcome when the page loaded);
- channel: the new-post composer is the role=group holding the button "Post". Each thread is a role=group
  holding a reply box (button "Send Message") and a header (``.fui-CardHeader``) naming who started it;
  ours is the one started by "Alex Wilber" (the bot may start its own, e.g. a welcome; newest is on top);
- @mention picker: typing "@" opens listbox "Typeahead menu" with menu items "Test Bot", "Megan Bowen", ...

The left rail's preview and the log panel repeat the bot's text, so assertions are scoped to the message
bubbles / the thread, never to the whole page.
"""

from __future__ import annotations

import pytest

from .conftest import BOT_NAME, REPLY_TIMEOUT_MS, PlaygroundPage, skip_or_fail

try:
    from playwright.sync_api import Locator, Page, expect
except ImportError:  # pragma: no cover - Playwright is a dev dependency (scripts/setup)
    skip_or_fail("Python Playwright is not installed: run scripts/setup, then scripts/setup-e2e", module=True)

pytestmark = pytest.mark.e2e

USER_NAME = "Alex Wilber"  # the Playground's signed-in mock user


def _expect_reply(ui: PlaygroundPage, replies: Locator, text: str, context: str) -> None:
    """Waits until one of ``replies`` contains ``text``; on failure saves artifacts and says where."""
    try:
        # A list of one expected text matches if any of the located elements contains it.
        expect(replies).to_contain_text([text], timeout=REPLY_TIMEOUT_MS)
    except AssertionError as exc:
        ui.artifacts.save()
        raise AssertionError(
            f"{context}: no reply from the bot containing {text!r} within {REPLY_TIMEOUT_MS / 1000:.0f} s.\n"
            f"{ui.artifacts.describe()}\n{exc}"
        ) from None


def _xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ', "\'", '.join(f"'{part}'" for part in text.split("'")) + ")"


def _open(page: Page, rail_item: str) -> None:
    page.get_by_role("treeitem", name=rail_item, exact=True).click()


def _send_in_chat(page: Page, text: str) -> Locator:
    """Sends ``text`` in the open chat; returns the bot's messages that come after it.

    The bot may have spoken first (a welcome on install, which the Playground sends on page load), so only
    output cards after the user's own bubble count. That bubble is the first element showing exactly
    ``text`` outside the left rail (role=region), the compose box and the log panel (which comes later in
    the page).
    """
    box = page.get_by_role("textbox")
    box.fill(text)
    page.get_by_role("button", name="Send Message", exact=True).click()
    mine = page.locator(
        "xpath=//*[not(ancestor-or-self::*[@role='region' or @role='textbox'])]"
        f"[text()[normalize-space(.)={_xpath_literal(text)}]]"
    ).first
    return mine.locator(
        "xpath=following::*[contains(concat(' ', normalize-space(@class), ' '), ' fai-OutputCard ')]"
    )


def test_personal_chat_goals(ui: PlaygroundPage) -> None:
    page = ui.page
    _open(page, "Personal Chat")
    replies = _send_in_chat(page, "mål")
    _expect_reply(ui, replies, "Zetkin", "Personal Chat, 'mål'")


def test_personal_chat_help(ui: PlaygroundPage) -> None:
    page = ui.page
    _open(page, "Personal Chat")
    replies = _send_in_chat(page, "hjälp")
    # A Swedish command word gets a Swedish answer, whatever the Teams locale (en-US in the Playground).
    _expect_reply(ui, replies, "Det här kan jag", "Personal Chat, 'hjälp'")


def test_channel_mention_goals(ui: PlaygroundPage) -> None:
    page = ui.page
    ui.open_channel("My Team - General")
    post_button = page.get_by_role("button", name="Post", exact=True)
    composer = page.get_by_role("group").filter(has=post_button)
    box = composer.get_by_role("textbox")
    box.click()
    box.press_sequentially("@")  # real key presses: the mention picker opens on typing
    page.get_by_role("listbox", name="Typeahead menu").get_by_role("menuitem", name=BOT_NAME).click()
    box.press_sequentially(" mål")
    expect(box).to_contain_text(f"{BOT_NAME} mål")
    post_button.click()

    # Our thread: a thread card (it has a reply box) started by the user, not e.g. the bot's own welcome post.
    thread = (
        page.get_by_role("group")
        .filter(has=page.get_by_role("button", name="Send Message", exact=True))
        .filter(has=page.locator(".fui-CardHeader").filter(has_text=USER_NAME))
    )
    _expect_reply(ui, thread, "Zetkin", "General channel, '@Test Bot mål'")
