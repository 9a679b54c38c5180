"""Fields a plan writes on a goal's own line, and the thing a goal sends somewhere.

What a board member means, written before the reader was run:
- "Medlemsmöte i Sundsvall. Tid: 18.00. Plats: Folkets hus" is a members' meeting; 18.00 is the hour it
  starts, not eighteen meetings, and the hall is where. The goal reads "Medlemsmöte i Sundsvall", done or
  not done. A time of day, a place and a cost ("Kostnad: 500 kr", "Budget: 20 000 kr": what it costs, not
  20 000 kronor to raise) are none of what the goal counts, as a table's "Kostnad" column is not; a day or
  a season ("Datum: 14 oktober", "Tid: våren") is when, kept in brackets as a table's "När" column is.
- "Send a proposal to the board every quarter" counts proposals, one a quarter: the board is whom it goes
  to, as "Skicka ett förslag till styrelsen varje kvartal" counts förslag. Likewise a newsletter sent to the
  members, a letter to the branches, workshops on climate.
- A place's word in the goal's own words ("Kvinnor på valbar plats: minst 50 procent") is no field.
"""

from __future__ import annotations

import pytest

from bot.services.goals import Period, TargetKind
from bot.services.plan import read_goal


@pytest.mark.parametrize(
    ("line", "text", "kind", "count"),
    [
        ("Medlemsmöte i Sundsvall. Tid: 18.00", "Medlemsmöte i Sundsvall", TargetKind.DONE, None),
        (
            "Medlemsmöte i Sundsvall. Tid: 18.00. Plats: Folkets hus",
            "Medlemsmöte i Sundsvall",
            TargetKind.DONE,
            None,
        ),
        (
            "Ordna ett medlemsmöte, Tid: 18.00, Plats: Folkets hus",
            "Ordna ett medlemsmöte",
            TargetKind.DONE,
            None,
        ),
        ("Hålla ett öppet möte – Tid: kl 18.00 – Plats: ABF", "Hålla ett öppet möte", TargetKind.DONE, None),
        ("Utbildning i Zetkin, Tid: 19.00, Plats: Zoom", "Utbildning i Zetkin", TargetKind.DONE, None),
        ("Ordna fyra medlemsmöten. Tid: 18–20", "Ordna fyra medlemsmöten", TargetKind.COUNT, 4),
        ("Hålla en höstkonferens. Budget: 20 000 kr", "Hålla en höstkonferens", TargetKind.DONE, None),
        (
            "Hålla ett medlemsmöte. Datum: 12 mars. Kostnad: 500 kr",
            "Hålla ett medlemsmöte (12 mars)",
            TargetKind.DONE,
            None,
        ),
        (
            "Ordna en fest. Datum: 12 mars kl 18.00. Plats: ABF. Kostnad: 2 000 kr",
            "Ordna en fest (12 mars kl 18.00)",
            TargetKind.DONE,
            None,
        ),
        (
            "Ringa 200 medlemmar. Tid: hösten. Budget: 1 000 kr",
            "Ringa 200 medlemmar (hösten)",
            TargetKind.COUNT,
            200,
        ),
        ("Members' meeting. Time: 18.00. Place: the library", "Members' meeting", TargetKind.DONE, None),
        ("Hold a members' meeting (Time: 6 pm)", "Hold a members' meeting", TargetKind.DONE, None),
        (
            "Hold four members' meetings. Time: 6-8 pm. Venue: the library. Cost: 500 SEK",
            "Hold four members' meetings",
            TargetKind.COUNT,
            4,
        ),
        # as before: when in brackets, a sentence after a field kept as written, a place in the goal's words
        (
            "Ordna två studiecirklar. Ansvarig: Kassören. Tid: våren",
            "Ordna två studiecirklar (våren)",
            TargetKind.COUNT,
            2,
        ),
        (
            "Ordna medlemsmöte. Tid: våren. Vi bjuder in alla.",
            "Ordna medlemsmöte. Tid: våren. Vi bjuder in alla.",
            TargetKind.DONE,
            None,
        ),
        (
            "Kvinnor på valbar plats: minst 50 procent",
            "Kvinnor på valbar plats: minst 50 procent",
            TargetKind.METRIC,
            None,
        ),
    ],
)
def test_time_place_and_cost_on_the_goals_line(
    line: str, text: str, kind: TargetKind, count: int | None
) -> None:
    goal = read_goal(line)
    assert (goal.text, goal.target.kind, goal.target.count) == (text, kind, count)


def test_whom_a_goal_is_sent_to_is_not_what_it_counts() -> None:
    cases = [
        ("Send a proposal to the board every quarter", 1, Period.QUARTER, "proposal"),
        ("Send one proposal to the board each quarter", 1, Period.QUARTER, "proposal"),
        ("Send 2 proposals to the board", 2, Period.YEAR, "proposals"),
        ("Send a report to the board every quarter", 1, Period.QUARTER, "report"),
        ("Send a newsletter to the members every month", 1, Period.MONTH, "newsletter"),
        ("Send a letter to the branches each quarter", 1, Period.QUARTER, "letter"),
        ("Run 2 workshops on climate for members", 2, Period.YEAR, "workshops"),
        ("Skicka ett förslag till styrelsen varje kvartal", 1, Period.QUARTER, "förslag"),
        ("Skicka 4 nyhetsbrev till medlemmarna", 4, Period.YEAR, "nyhetsbrev"),
    ]
    for line, count, period, unit in cases:
        target = read_goal(line).target
        said = target.unit_en or target.unit
        assert (target.kind, target.count, target.period, said) == (TargetKind.COUNT, count, period, unit), (
            line
        )
    assert read_goal("Send a proposal to the board").target.kind is TargetKind.DONE
    # "Bjud in styrelsen": a verb and its particle, no thing to count
    assert read_goal("Bjud in styrelsen varje kvartal").target.unit is None
