"""The posts goal counts each post once (bot/services/progress.py `once_a_post`): on a day the bot posted,
the larger of its posts and the posts reported by hand; on other days, what was reported."""

from __future__ import annotations

from datetime import date

from bot.services.progress import Report, once_a_post

MON, TUE = date(2026, 11, 16), date(2026, 11, 17)


def total(reports: list[Report]) -> float:
    return sum(r.value for r in reports)


def test_a_report_of_the_bots_post_is_that_post() -> None:
    assert total(once_a_post([Report(1, MON, None)], [Report(1, MON, None)])) == 1


def test_a_post_of_ones_own_on_another_day_counts_too() -> None:
    assert total(once_a_post([Report(1, TUE, None)], [Report(1, MON, None)])) == 2


def test_more_reported_than_the_bot_posted_that_day_counts_what_was_reported() -> None:
    assert total(once_a_post([Report(1, MON, None), Report(2, MON, None)], [Report(1, MON, None)])) == 3
    assert total(once_a_post([Report(1, MON, None)], [Report(1, MON, None), Report(1, MON, None)])) == 2


def test_without_hand_reports_the_bots_posts_count() -> None:
    assert total(once_a_post([], [Report(1, MON, None), Report(1, TUE, None)])) == 2
