"""What stands side by side on a card is about the same thing, and a number nobody has read is not behind.

What a board member reads from a goal's line (`status`, `mål N`, the follow-up, the dashboard; Swedish and
English alike):
- The bar, the figure after it and the word after that are one statement about the plan's year: how far
  it has come ("1 av 4 kvartal klara i år", the bar a quarter full) and whether that is as far as the plan
  asks by today ("efter"). A goal per quarter that missed the first quarter and met this one is behind for
  the year; a full bar beside "efter" read as "this quarter is done, and behind", so the bar is the year's
  (the periods met) and the current quarter's figure ("1 av 1 ordförandemöte det här kvartalet") follows
  the pace, as where this quarter stands. The follow-up's "what moved" line puts the year's figure before
  the pace where it shows the period's figures.
- A number to reach ("från 1 500 till 2 000 följare", "100 medlemmar" in each branch) that nobody has read
  this year is "ingen mätning än" ("no reading yet"): not behind, on 1 January, on 5 January, in October
  and once the year is over (its result was never read). A reading of the starting value in the first days
  of the year is on pace: the way falls due a twelfth at a time, as money does.
- Reports on the last day of a quarter count in that quarter; a withdrawn one (`ångra`) no longer counts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from yarl import URL

from bot.services.goals import Period, Target, TargetKind
from tests.fakes.chat import card_of
from tests.stories.conftest import ANNA, KIM, LEE, MEGAN, SAM, District, Someone, branch_meetings

EN = "en-US"
FULL, EMPTY = "\u25b0", "\u25b1"


def _day(month: int, day: int, year: int = 2026) -> datetime:
    return datetime(year, month, day, 10, 0, tzinfo=UTC)


def _row(answer: str, number: int) -> str:
    return next(r for r in answer.replace("\xa0", " ").splitlines() if r.lstrip().startswith(f"{number}. "))


def _bar(filled: int) -> str:
    return FULL * filled + EMPTY * (10 - filled)


async def _dashboard(district: District, who: Someone, locale: str = "sv-SE") -> str:
    before = len(district.connector.posted)
    await district.say(who, "översikt" if locale == "sv-SE" else "dashboard", locale=locale)
    [posted] = district.connector.posted[before:]
    [action] = card_of(posted.body)["actions"]
    response = await district.client.get(URL(action["url"]).path)
    assert response.status == 200
    return (await response.text()).replace("\xa0", " ")


async def _q1_missed_q2_met(district: District) -> None:
    """Goal 6, one chairs' meeting a quarter: none in the first quarter, one on 10 May."""
    district.clock.now = _day(5, 10)
    assert (await district.say(ANNA, "rapportera 6 1")).startswith("Sparat")


# --- a goal per quarter: the bar and the pace are the year's ---------------------------------------------


async def test_a_quarter_met_after_one_missed_is_behind_beside_a_quarter_full_bar(district: District) -> None:
    await _q1_missed_q2_met(district)
    line = _row(await district.say(MEGAN, "status"), 6)
    assert line.endswith(
        f"{_bar(2)} 1 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte det här kvartalet"
    ), line
    assert _bar(10) not in line


async def test_a_quarter_met_after_one_missed_in_english(district: District) -> None:
    await _q1_missed_q2_met(district)
    line = _row(await district.say(MEGAN, "status", locale=EN), 6)
    assert line.endswith(
        f"{_bar(2)} 1 of 4 quarters met this year · behind · 1 of 1 chairs' meeting this quarter"
    )


async def test_goal_n_says_it_as_status_does(district: District) -> None:
    await _q1_missed_q2_met(district)
    goal = (await district.say(MEGAN, "mål 6")).replace("\xa0", " ")
    assert (
        f"Framsteg: {_bar(2)} 1 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte det här kvartalet"
        in goal
    )
    english = await district.say(MEGAN, "goal 6", locale=EN)
    assert f"Progress: {_bar(2)} 1 of 4 quarters met this year · behind · 1 of 1 chairs' meeting" in english


async def test_the_follow_up_puts_the_year_before_its_pace(district: District) -> None:
    """Between two follow-ups only this quarter's figure moved (a second meeting in the quarter): the line
    shows it, then the year's figure, then the pace, so "efter" never stands beside "1 av 1"."""
    await _q1_missed_q2_met(district)
    await district.say(MEGAN, "uppföljning")
    district.clock.now = _day(5, 20)
    assert (await district.say(MEGAN, "rapportera 6 1")).startswith("Sparat")
    follow_up = (await district.say(MEGAN, "uppföljning")).replace("\xa0", " ")
    moved = next(r for r in follow_up.splitlines() if r.startswith("Mål 6: ") and "→" in r)
    assert moved.endswith("· 1 av 4 kvartal klara · efter"), moved
    assert not re.search(r"det här kvartalet( \(\d+ rapporterade\))? · efter", follow_up), follow_up
    english = await district.say(MEGAN, "follow-up", locale=EN)
    assert not re.search(r"this quarter( \(\d+ reported\))? · behind", english), english


async def test_the_follow_up_lists_the_goal_behind_with_the_years_bar(district: District) -> None:
    await _q1_missed_q2_met(district)
    follow_up = (await district.say(MEGAN, "uppföljning")).replace("\xa0", " ")
    assert f"Mål 6: {_bar(2)} 1 av 4 kvartal klara i år · efter · 1 av 1 ordförandemöte" in follow_up


async def test_the_dashboards_bar_is_the_quarters_met(district: District) -> None:
    """The dashboard's bar for goal 6 beside "1 av 4 kvartal klara" is a quarter long (60 of 240), not the
    full bar of this quarter, and its mark (where it should be) at the first quarter's end, also 60."""
    await _q1_missed_q2_met(district)
    page = await _dashboard(district, MEGAN)
    row = re.search(r'<tr data-goal="6">(.*?)</tr>', page)
    assert row is not None
    assert 'fill="#b3261e" rx="3"/>' in row.group(1) and '<rect width="60" height="18" fill' in row.group(1)
    assert "1 av 4 kvartal klara" in row.group(1) and ">efter<" in row.group(1)
    # on 10 May the first quarter should be met and nothing yet of the second: the mark at a quarter too
    assert 'x1="60"' in row.group(1)


async def test_a_report_on_the_last_day_of_the_quarter_counts_in_it(district: District) -> None:
    district.clock.now = _day(3, 31)
    assert "31 mars" in await district.say(ANNA, "rapportera 6 1 i dag")
    district.clock.now = _day(4, 1)
    line = _row(await district.say(MEGAN, "status"), 6)
    assert line.endswith(
        f"{_bar(2)} 1 av 4 kvartal klara i år · i fas · 0 av 1 ordförandemöte det här kvartalet"
    )


async def test_a_withdrawn_report_no_longer_meets_the_quarter(district: District) -> None:
    district.clock.now = _day(3, 31)
    saved = await district.say(ANNA, "rapportera 6 1 i dag")
    number = re.search(r"#(\d+)", saved)
    assert number is not None
    assert "tillbakadragen" in await district.say(ANNA, f"ångra {number.group(1)}")
    line = _row(await district.say(MEGAN, "status"), 6)
    assert line.endswith(
        f"{_bar(0)} 0 av 4 kvartal klara i år · efter · 0 av 1 ordförandemöte det här kvartalet"
    )


async def test_posts_per_month_bar_counts_months_met(district: District) -> None:
    """Goal 19, two posts a month: January's two make one month of twelve, and the bar beside says so."""
    district.clock.now = _day(1, 20)
    assert (await district.say(ANNA, "rapportera 19 2")).startswith("Sparat")
    district.clock.now = _day(2, 3)
    line = _row(await district.say(MEGAN, "status"), 19)
    assert line.endswith(f"{_bar(1)} 1 av 12 månader klara i år · i fas · 0 av 2 inlägg den här månaden"), (
        line
    )
    english = _row(await district.say(MEGAN, "status", locale=EN), 19)
    assert english.endswith(f"{_bar(1)} 1 of 12 months met this year · on pace · 0 of 2 posts this month")


# --- a goal every branch does, per quarter -------------------------------------------------------------


def _branch_quarters(district: District) -> District:
    target = Target(TargetKind.COUNT, 1, Period.QUARTER, "medlemsmöte", unit_en="members' meeting")
    return branch_meetings(district, target, now=_day(1, 1))


async def _all_met_this_quarter_none_before(district: District) -> None:
    _branch_quarters(district)
    district.clock.now = _day(5, 10)
    for chair in (KIM, LEE, SAM):
        assert (await district.say(chair, "rapportera 4 1")).startswith("Sparat")


async def test_every_branch_met_this_quarter_but_the_year_is_behind(district: District) -> None:
    await _all_met_this_quarter_none_before(district)
    line = _row(await district.say(MEGAN, "status"), 4)
    said = "0 av 3 partiföreningar har nått sitt mål · efter · 3 av 3 partiföreningar det här kvartalet"
    assert line.endswith(f"{_bar(0)} {said}"), line
    english = _row(await district.say(MEGAN, "status", locale=EN), 4)
    assert english.endswith(
        "0 of 3 branches have reached their target · behind · 3 of 3 branches this quarter"
    )


async def test_a_branchs_status_and_its_chairs_goal_n_agree(district: District) -> None:
    await _all_met_this_quarter_none_before(district)
    said = f"{_bar(2)} 1 av 4 kvartal klara i år · efter · 1 av 1 medlemsmöte det här kvartalet"
    assert _row(await district.say(MEGAN, "status Sundsvall"), 4).endswith(said)
    assert _row(await district.say(KIM, "status"), 4).endswith(said)
    assert f"Sundsvall: {said}" in (await district.say(KIM, "mål 4")).replace("\xa0", " ")


# --- a number to reach: nobody has read it ---------------------------------------------------------------


async def test_followers_unread_on_5_january_are_no_reading_yet(district: District) -> None:
    district.clock.now = _day(1, 5)
    line = _row(await district.say(MEGAN, "status"), 12)
    assert line.endswith("1 500 följare, ingen mätning i år, mål 2 000 · ingen mätning än"), line
    assert "efter" not in line
    english = _row(await district.say(MEGAN, "status", locale=EN), 12)
    assert english.endswith("1,500 followers, no reading this year, target 2,000 · no reading yet"), english
    goal = (await district.say(MEGAN, "mål 12")).replace("\xa0", " ")
    assert "Framsteg: ▱▱▱▱▱▱▱▱▱▱ 1 500 följare, ingen mätning i år, mål 2 000 · ingen mätning än" in goal


async def test_followers_unread_in_october_are_not_behind(district: District) -> None:
    for when in (_day(1, 1), _day(4, 1), _day(10, 1), _day(12, 31)):
        district.clock.now = when
        assert _row(await district.say(MEGAN, "status"), 12).endswith("ingen mätning än"), when
    follow_up = await district.say(MEGAN, "uppföljning")
    assert not any(r.startswith("Mål 12: ") for r in follow_up.splitlines()), follow_up
    assert " 12." not in await district.say(MEGAN, "status efter")


async def test_followers_unread_all_year_say_which_year_once_it_is_over(district: District) -> None:
    district.clock.now = _day(2, 1, 2027)
    line = _row(await district.say(MEGAN, "status"), 12)
    assert line.endswith("1 500 följare, ingen mätning under 2026, mål 2 000 · ingen mätning än"), line
    english = _row(await district.say(MEGAN, "status", locale=EN), 12)
    assert english.endswith("1,500 followers, no reading in 2026, target 2,000 · no reading yet"), english


async def test_followers_read_at_the_start_on_5_january_are_on_pace(district: District) -> None:
    district.clock.now = _day(1, 5)
    assert (await district.say(ANNA, "rapportera 12 1500")).startswith("Sparat")
    line = _row(await district.say(MEGAN, "status"), 12)
    assert line.endswith("1 500 följare (från 1 500, mål 2 000) · i fas"), line
    district.clock.now = _day(3, 1)  # two twelfths of the way (83 followers) were due by now
    assert _row(await district.say(MEGAN, "status"), 12).endswith("· efter")


async def test_the_dashboard_says_no_reading_not_a_reading_of_the_start(district: District) -> None:
    district.clock.now = _day(1, 5)
    page = await _dashboard(district, MEGAN)
    row = re.search(r'<tr data-goal="12">(.*?)</tr>', page)
    assert row is not None
    assert "1 500 följare, ingen mätning i år, mål 2 000" in row.group(1)
    assert ">ingen mätning än<" in row.group(1)
    english = await _dashboard(district, MEGAN, EN)
    assert ">no reading yet<" in english


async def test_what_no_reading_yet_means(district: District) -> None:
    answer = await district.say(MEGAN, "vad betyder ingen mätning än?")
    assert "ingen har rapporterat en mätning" in answer, answer
    english = await district.say(MEGAN, "what does no reading yet mean?", locale=EN)
    assert "nobody has reported a reading" in english, english


async def test_members_in_each_branch_unread_are_no_reading_yet(district: District) -> None:
    """Goal 4 every branch's number (members, 100 to 200): on 5 January nobody has read it: the district's
    line and each branch's say "ingen mätning än"; once Sundsvall reads 100, Sundsvall is on pace and the
    district, judged on the branches that read theirs, too."""
    members = Target(TargetKind.METRIC, baseline=100, goal_value=200, unit="medlemmar", unit_en="members")
    branch_meetings(district, members, now=_day(1, 1))
    district.clock.now = _day(1, 5)
    assert _row(await district.say(MEGAN, "status"), 4).endswith(
        "0 av 3 partiföreningar har nått sitt mål · ingen mätning än"
    )
    assert _row(await district.say(MEGAN, "status Timrå"), 4).endswith("· ingen mätning än")
    assert (await district.say(KIM, "rapportera 4 100")).startswith("Sparat")
    assert _row(await district.say(MEGAN, "status Sundsvall"), 4).endswith(
        "100 medlemmar (från 100, mål 200) · i fas"
    )
    assert _row(await district.say(MEGAN, "status"), 4).endswith("· i fas")
    assert _row(await district.say(MEGAN, "status Timrå"), 4).endswith("· ingen mätning än")


# --- more situations: the last day of a quarter in each branch, corrections, money, people, done ----------


async def test_each_branch_reporting_on_the_last_day_of_the_quarter(district: District) -> None:
    """Goal 4 every branch's, one members' meeting a quarter: all three chairs report on 31 March. On 1
    April each branch has met one quarter of four ("i fas"), none has reached the year's target, and none
    has met this new quarter yet: the district's line says so, its pace beside the year's figure."""
    _branch_quarters(district)
    district.clock.now = _day(3, 31)
    for chair in (KIM, LEE, SAM):
        assert "31 mars" in await district.say(chair, "rapportera 4 1 i dag")
    district.clock.now = _day(4, 1)
    line = _row(await district.say(MEGAN, "status"), 4)
    said = "0 av 3 partiföreningar har nått sitt mål · i fas · 0 av 3 partiföreningar det här kvartalet"
    assert line.endswith(f"{_bar(0)} {said}"), line
    own = f"{_bar(2)} 1 av 4 kvartal klara i år · i fas · 0 av 1 medlemsmöte det här kvartalet"
    assert _row(await district.say(LEE, "status"), 4).endswith(own)
    english = _row(await district.say(SAM, "status", locale=EN), 4)
    assert english.endswith(
        f"{_bar(2)} 1 of 4 quarters met this year · on pace · 0 of 1 members' meeting this quarter"
    )


async def test_a_correction_to_nothing_unmeets_the_quarter(district: District) -> None:
    """Anna reported goal 6's meeting on 10 May, then corrects it to 0 (it was cancelled): the quarter is not
    met, the bar empties, and "1 av 1" is gone from beside the pace."""
    await _q1_missed_q2_met(district)
    mine = await district.say(ANNA, "mina rapporter")
    number = re.search(r"#(\d+)", mine)
    assert number is not None
    assert "0 ordförandemöten" in (await district.say(ANNA, f"ändra {number.group(1)} 0")).replace(
        "\xa0", " "
    )
    line = _row(await district.say(MEGAN, "status"), 6)
    assert line.endswith(
        f"{_bar(0)} 0 av 4 kvartal klara i år · efter · 0 av 1 ordförandemöte det här kvartalet"
    )


async def test_a_goal_per_quarter_before_and_after_the_year(district: District) -> None:
    """Before the plan's year and after it there is no current quarter: the year's figure, its bar and one
    word ("inte påbörjat", "inte nått"), nothing of "det här kvartalet"."""
    district.clock.now = _day(12, 1, 2025)
    assert _row(await district.say(MEGAN, "status"), 6).endswith(
        f"{_bar(0)} 0 av 4 kvartal klara · inte påbörjat"
    )
    await _q1_missed_q2_met(district)
    district.clock.now = _day(2, 1, 2027)
    line = _row(await district.say(MEGAN, "status"), 6)
    assert line.endswith(f"{_bar(2)} 1 av 4 kvartal klara · inte nått"), line


async def test_followers_unread_before_the_year_have_not_begun(district: District) -> None:
    district.clock.now = _day(12, 1, 2025)
    line = _row(await district.say(MEGAN, "status"), 12)
    assert line.endswith("1 500 följare, ingen mätning under 2026, mål 2 000 · inte påbörjat"), line


async def test_people_and_done_goals_in_the_first_days_are_on_pace(district: District) -> None:
    """Goal 2 (three people to name) and goal 8 (a conference, done or not) on 5 January: nothing done is
    not late yet. People are named by the end of March; the conference is due from 1 October."""
    district.clock.now = _day(1, 5)
    status = await district.say(MEGAN, "status")
    assert _row(status, 2).endswith(f"{_bar(0)} 0 av 3 personer utsedda · i fas")
    assert _row(status, 8).endswith("inte klart · i fas")
    district.clock.now = _day(4, 1)
    assert _row(await district.say(MEGAN, "status"), 2).endswith("0 av 3 personer utsedda · efter")
    district.clock.now = _day(10, 1)
    assert _row(await district.say(MEGAN, "status"), 8).endswith("inte klart · efter")
    assert (await district.say(ANNA, "rapportera 8 klart")).startswith("Sparat")
    assert _row(await district.say(MEGAN, "status"), 8).endswith("8. klart")


async def test_five_people_named_of_three_is_three_of_three_and_done(district: District) -> None:
    district.clock.now = _day(2, 1)
    assert (await district.say(ANNA, "rapportera 2 5")).startswith("Sparat")
    line = _row(await district.say(MEGAN, "status"), 2)
    assert line.endswith(f"{_bar(10)} 3 av 3 personer utsedda (5 rapporterade) · klart"), line
    english = _row(await district.say(MEGAN, "status", locale=EN), 2)
    assert english.endswith(f"{_bar(10)} 3 of 3 people named (5 reported) · done"), english
