"""The prompt bank: the seed file the bot ships with, and which prompt the bot posts on a given day."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from bot.services.prompt_bank import (
    Area,
    BankPrompt,
    PromptBankError,
    Record,
    SeedPrompt,
    choose_prompt,
    days_from,
    load_seed_bank,
    parse_day,
    seed_bank_from_mapping,
)

YEARLY_DAYS = {
    (3, 8): "Internationella kvinnodagen",
    (5, 1): "Första maj",
    (5, 15): "Al Nakba",
    (7, 11): "Srebrenica",
    (10, 9): "slavhandeln",
    (11, 9): "novemberpogromen",
}


@pytest.fixture(scope="module")
def seed() -> list[SeedPrompt]:
    return load_seed_bank()


def bank_from_seed(seed: Sequence[SeedPrompt]) -> list[BankPrompt]:
    return [
        BankPrompt(id=i, text=p.text, text_en=p.text_en, area=p.area, day=p.day, last_used=None)
        for i, p in enumerate(seed, start=1)
    ]


def prompt(
    id: int,
    *,
    area: Area | None = None,
    day: tuple[int, int] | None = None,
    last_used: datetime | None = None,
) -> BankPrompt:
    return BankPrompt(id=id, text=f"Fråga {id}?", text_en=None, area=area, day=day, last_used=last_used)


def at(days: int) -> datetime:
    """A moment when a prompt was last posted: more than a year before the days chosen for (2027)."""
    return datetime(2025, 1, 1, 9, 0, tzinfo=UTC) + timedelta(days=days)


# --- the seed bank -----------------------------------------------------------------------------------------


def test_seed_bank_has_enough_prompts_per_area(seed: list[SeedPrompt]) -> None:
    counts = Counter(p.area for p in seed if p.area is not None)
    assert set(counts) == set(Area)
    assert all(count >= 6 for count in counts.values()), counts
    # The rotation cycles cleanly through the areas only when they are the same size.
    assert len(set(counts.values())) == 1, counts


def test_seed_bank_has_every_yearly_day(seed: list[SeedPrompt]) -> None:
    days = Counter(p.day for p in seed if p.day is not None)
    assert set(days) == set(YEARLY_DAYS)
    assert all(count >= 2 for count in days.values()), days
    for p in seed:
        if p.day is not None:
            assert p.day_name is not None and YEARLY_DAYS[p.day].lower() in p.day_name.lower(), p.key


def test_seed_bank_prompts_are_well_formed(seed: list[SeedPrompt]) -> None:
    keys = [p.key for p in seed]
    assert len(keys) == len(set(keys))
    for p in seed:
        assert (p.area is None) != (p.day is None), p.key
        assert p.key.startswith(p.area.value + "-") if p.area is not None else "-" in p.key
        assert p.text and p.text_en, p.key
        assert p.text.endswith("?"), p.key
        assert p.text_en.endswith("?"), p.key
        assert len(p.text) <= 1000 and len(p.text_en) <= 1000, p.key
        assert p.text != p.text_en, p.key


def test_seed_bank_keeps_its_keys_in_order_when_read_twice(seed: list[SeedPrompt]) -> None:
    assert [p.key for p in load_seed_bank()] == [p.key for p in seed]


GOOD: dict[str, Any] = {"key": "feministisk-1", "text": "Vad tycker du?", "area": "feministisk"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**GOOD, "day": "03-08", "day_name": "Kvinnodagen"}, "exactly one of area and day"),
        ({"key": "x-1", "text": "Vad?"}, "exactly one of area and day"),
        ({**GOOD, "area": "ekonomi"}, "unknown area"),
        ({**GOOD, "text": "   "}, "text is empty"),
        ({**GOOD, "text": "a" * 1001}, "at most 1000"),
        ({**GOOD, "text_en": ""}, "text_en is empty"),
        ({k: v for k, v in GOOD.items() if k != "text"}, "has no text"),
        ({**GOOD, "key": "Feministisk 1"}, "lower-case"),
        ({**GOOD, "colour": "red"}, "unknown fields"),
        ({**GOOD, "day_name": "Kvinnodagen"}, "day_name belongs with a day"),
        ({"key": "d-1", "text": "Vad?", "day": "02-30", "day_name": "X"}, "not a date"),
        ({"key": "d-1", "text": "Vad?", "day": "13-01", "day_name": "X"}, "not a date"),
        ({"key": "d-1", "text": "Vad?", "day": "3-8", "day_name": "X"}, "MM-DD"),
        ({"key": "d-1", "text": "Vad?", "day": "03-08"}, "has no day_name"),
    ],
)
def test_seed_bank_rejects_bad_prompts(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(PromptBankError, match=message):
        seed_bank_from_mapping({"prompts": [entry]})


def test_seed_bank_rejects_duplicate_keys_and_an_empty_bank() -> None:
    with pytest.raises(PromptBankError, match="more than once"):
        seed_bank_from_mapping({"prompts": [GOOD, GOOD]})
    with pytest.raises(PromptBankError, match="no \\[\\[prompts\\]\\]"):
        seed_bank_from_mapping({})


def test_seed_bank_reads_a_day_prompt() -> None:
    (p,) = seed_bank_from_mapping(
        {"prompts": [{"key": "skottdag-1", "text": " Vad? ", "day": "02-29", "day_name": "Skottdagen"}]}
    )
    assert p == SeedPrompt("skottdag-1", "Vad?", None, None, (2, 29), "Skottdagen")
    assert parse_day("12-31") == (12, 31)


# --- distance to a yearly day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "day", "distance"),
    [
        (date(2027, 3, 8), (3, 8), 0),
        (date(2027, 3, 6), (3, 8), 2),
        (date(2027, 3, 12), (3, 8), 4),
        (date(2027, 1, 2), (12, 31), 2),  # across the new year, backwards
        (date(2026, 12, 30), (1, 1), 2),  # and forwards
        (date(2027, 3, 1), (2, 29), 1),  # no 29 February in 2027: it falls on the 28th
        (date(2028, 2, 29), (2, 29), 0),
        (date(2028, 3, 1), (2, 29), 1),
        (date(2028, 2, 29), (3, 1), 1),
        (date(2027, 7, 1), (1, 1), 181),
    ],
)
def test_days_from(on: date, day: tuple[int, int], distance: int) -> None:
    assert days_from(on, day) == distance


# --- choosing a prompt -----------------------------------------------------------------------------------


def test_empty_bank_gives_none() -> None:
    assert choose_prompt([], date(2027, 3, 8)) is None


def test_only_day_prompts_far_from_their_days_give_none() -> None:
    assert choose_prompt([prompt(1, day=(3, 8)), prompt(2, day=(5, 1))], date(2027, 6, 1)) is None


@pytest.mark.parametrize(("month", "day"), sorted(YEARLY_DAYS))
def test_seed_day_prompt_wins_near_its_day(seed: list[SeedPrompt], month: int, day: int) -> None:
    bank = bank_from_seed(seed)
    ids = {p.id for p in bank if p.day == (month, day)}
    the_day = date(2027, month, day)
    for offset in range(-3, 4):
        chosen = choose_prompt(bank, the_day + timedelta(days=offset))
        assert chosen is not None and chosen.id in ids, offset
    for offset in (-4, 4):
        chosen = choose_prompt(bank, the_day + timedelta(days=offset))
        assert chosen is not None and chosen.day is None, offset


@pytest.mark.parametrize(
    ("on", "is_womens_day"),
    [
        (date(2027, 3, 6), True),
        (date(2027, 3, 10), True),
        (date(2027, 3, 11), True),  # the window includes its edge
        (date(2027, 3, 12), False),
        (date(2027, 3, 4), False),
    ],
)
def test_womens_day_window(seed: list[SeedPrompt], on: date, is_womens_day: bool) -> None:
    chosen = choose_prompt(bank_from_seed(seed), on)
    assert chosen is not None
    assert (chosen.day == (3, 8)) is is_womens_day


def test_window_is_configurable() -> None:
    bank = [prompt(1, area=Area.FEMINISTISK), prompt(2, day=(3, 8))]
    assert choose_prompt(bank, date(2027, 3, 3), window_days=5) == bank[1]
    assert choose_prompt(bank, date(2027, 3, 3), window_days=4) == bank[0]
    assert choose_prompt(bank, date(2027, 3, 8), window_days=0) == bank[1]
    with pytest.raises(ValueError, match="negative"):
        choose_prompt(bank, date(2027, 3, 8), window_days=-1)


def test_year_boundary_window() -> None:
    bank = [prompt(1, area=Area.ANTIRASISTISK), prompt(2, day=(12, 31)), prompt(3, day=(1, 2))]
    assert choose_prompt(bank, date(2026, 12, 29)) == bank[1]
    assert choose_prompt(bank, date(2027, 1, 2)) == bank[2]  # its own day beats New Year's Eve
    assert choose_prompt(bank, date(2027, 1, 3), window_days=3) == bank[2]
    assert choose_prompt(bank, date(2027, 1, 6)) == bank[0]
    only_new_years_eve = [bank[0], bank[1]]
    assert choose_prompt(only_new_years_eve, date(2027, 1, 2)) == bank[1]
    assert choose_prompt(only_new_years_eve, date(2027, 1, 4)) == bank[0]


def test_leap_day_prompt_in_a_common_year() -> None:
    bank = [prompt(1, area=Area.FEMINISTISK), prompt(2, day=(2, 29))]
    assert choose_prompt(bank, date(2027, 3, 3)) == bank[1]  # 28 Feb 2027 is 3 days back
    assert choose_prompt(bank, date(2027, 3, 4)) == bank[0]


def test_closest_day_wins_over_a_less_used_one() -> None:
    bank = [prompt(1, day=(5, 1)), prompt(2, day=(5, 3), last_used=at(0))]
    assert choose_prompt(bank, date(2027, 5, 3)) == bank[1]
    assert choose_prompt(bank, date(2027, 5, 1)) == bank[0]


def test_least_recently_used_day_prompt_wins() -> None:
    bank = [
        prompt(1, day=(3, 8), last_used=at(10)),
        prompt(2, day=(3, 8), last_used=at(5)),
        prompt(3, day=(3, 8), last_used=at(7)),
    ]
    assert choose_prompt(bank, date(2027, 3, 8)) == bank[1]
    never_used = prompt(4, day=(3, 8))
    assert choose_prompt([*bank, never_used], date(2027, 3, 8)) == never_used
    # Equally recent: the lowest id.
    tied = [prompt(9, day=(3, 8)), prompt(8, day=(3, 8))]
    assert choose_prompt(tied, date(2027, 3, 8)) == tied[1]


def test_least_recently_used_area_prompt_wins() -> None:
    bank = [
        prompt(1, area=Area.FEMINISTISK, last_used=at(3)),
        prompt(2, area=Area.ANTIRASISTISK, last_used=at(1)),
        prompt(3, area=Area.FACKLIG_POLITISK, last_used=at(2)),
    ]
    assert choose_prompt(bank, date(2027, 6, 1)) == bank[1]
    fresh = prompt(4, area=Area.FEMINISTISK)
    assert choose_prompt([*bank, fresh], date(2027, 6, 1)) == fresh


def test_ties_go_to_the_area_used_least_recently() -> None:
    bank = [
        prompt(1, area=Area.FEMINISTISK, last_used=at(9)),
        prompt(2, area=Area.FEMINISTISK),
        prompt(3, area=Area.MILJO_OCH_KLIMAT, last_used=at(4)),
        prompt(4, area=Area.MILJO_OCH_KLIMAT),
    ]
    # Both 2 and 4 are unused; klimat's last post (day 4) is older than feminism's (day 9).
    assert choose_prompt(bank, date(2027, 6, 1)) == bank[3]
    # An area never used at all comes before both.
    newcomer = prompt(5, area=Area.ANTIRASISTISK)
    assert choose_prompt([*bank, newcomer], date(2027, 6, 1)) == newcomer


def test_naive_and_aware_last_used_compare() -> None:
    naive = datetime(2026, 1, 1, 12, 0)  # noqa: DTZ001 - a value stored without a zone
    bank = [
        prompt(1, area=Area.FEMINISTISK, last_used=naive),
        prompt(2, area=Area.ANTIRASISTISK, last_used=datetime(2026, 1, 1, 11, 0, tzinfo=UTC)),
    ]
    assert choose_prompt(bank, date(2027, 6, 1)) == bank[1]


def test_a_prompt_is_never_posted_again_within_a_year() -> None:
    """What the board means: members should not meet the same question twice in a year."""
    used = datetime(2027, 3, 1, 17, 0, tzinfo=UTC)
    bank = [prompt(1, area=Area.FEMINISTISK, last_used=used), prompt(2, day=(3, 8), last_used=used)]
    assert choose_prompt(bank, date(2028, 2, 28)) is None  # 364 days later (2028 is a leap year)
    assert choose_prompt(bank, date(2028, 2, 29)) == bank[0]
    assert choose_prompt(bank, date(2028, 3, 8)) == bank[1]  # its day comes back a year on


def test_the_bank_prefers_prompts_and_areas_that_started_discussions() -> None:
    """A prompt that started a discussion before comes first; then the areas that start discussions."""
    bank = [
        prompt(1, area=Area.FEMINISTISK, last_used=at(1)),
        prompt(2, area=Area.FEMINISTISK),
        prompt(3, area=Area.MILJO_OCH_KLIMAT),
        prompt(4, area=Area.ANTIRASISTISK, last_used=at(2)),
        prompt(5, area=Area.ANTIRASISTISK),
    ]
    assert choose_prompt(bank, date(2027, 6, 1)) == bank[2]  # without records: the area never used
    records = {1: Record(posts=1, discussions=0), 4: Record(posts=2, discussions=2)}
    assert choose_prompt(bank, date(2027, 6, 1), records=records) == bank[3]  # it started discussions
    later = [*bank[:3], dataclasses.replace(bank[3], last_used=datetime(2027, 5, 1, tzinfo=UTC)), bank[4]]
    # Prompt 4 was just posted again: its area (score +2) comes before klimat (0) and feminism (-1).
    assert choose_prompt(later, date(2027, 6, 1), records=records) == bank[4]


def test_day_prompt_far_from_its_day_is_never_chosen() -> None:
    bank = [prompt(1, day=(3, 8)), prompt(2, area=Area.FEMINISTISK, last_used=at(0))]
    for offset in range(0, 365, 7):
        on = date(2027, 4, 1) + timedelta(days=offset)
        if days_from(on, (3, 8)) > 3:
            assert choose_prompt(bank, on) == bank[1], on


def _simulate(bank: list[BankPrompt], start: date, picks: int, step_days: int = 15) -> list[BankPrompt]:
    """Pick `picks` times, `step_days` apart, marking each pick as used like the scheduler would."""
    chosen: list[BankPrompt] = []
    on = start
    for _ in range(picks):
        pick = choose_prompt(bank, on)
        assert pick is not None
        chosen.append(pick)
        used = datetime(on.year, on.month, on.day, 9, 0, tzinfo=UTC)
        bank = [dataclasses.replace(p, last_used=used) if p.id == pick.id else p for p in bank]
        on += timedelta(days=step_days)
    return chosen


def test_rotation_cycles_through_every_area_before_repeating(seed: list[SeedPrompt]) -> None:
    areas_only = [p for p in bank_from_seed(seed) if p.area is not None]
    picks = _simulate(areas_only, date(2027, 6, 1), picks=3 * len(areas_only))
    areas = [p.area for p in picks]
    for start in range(0, len(areas) - len(Area) + 1):
        window = areas[start : start + len(Area)]
        assert len(set(window)) == len(Area), (start, window)
    # Every prompt is used once before any is used twice.
    first_round = [p.id for p in picks[: len(areas_only)]]
    assert sorted(first_round) == sorted(p.id for p in areas_only)


def test_a_year_of_posts_with_the_seed_bank(seed: list[SeedPrompt]) -> None:
    bank = bank_from_seed(seed)
    on = date(2027, 1, 1)
    used: set[int] = set()
    last_area: list[Area] = []
    for _ in range(24 * 2):  # two years, twice a month
        pick = choose_prompt(bank, on)
        assert pick is not None
        if pick.day is not None:
            assert days_from(on, pick.day) <= 3
        else:
            assert pick.area is not None
            if last_area:
                assert pick.area not in last_area[-(len(Area) - 1) :], (on, last_area[-3:], pick.area)
            last_area.append(pick.area)
        used.add(pick.id)
        moment = datetime(on.year, on.month, on.day, 9, 0, tzinfo=UTC)
        bank = [dataclasses.replace(p, last_used=moment) if p.id == pick.id else p for p in bank]
        on += timedelta(days=15)
    area_ids = {p.id for p in bank if p.area is not None}
    assert area_ids <= used  # no area prompt is left behind in two years
