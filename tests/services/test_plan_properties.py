"""Properties of the plan importer over arbitrary and plan-shaped text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.goals import Target, TargetKind
from bot.services.plan import PlanDraft, PlanParseError, parse_plan, parse_target

FAST = settings(max_examples=200, deadline=None)

# Pieces of real plan layout, so arbitrary text often looks like a plan and reaches the deeper code.
FRAGMENTS = [
    "# 1 ",
    "## 2 ",
    "- ",
    "- 12 ",
    "• ",
    "**",
    "\t",
    "\n",
    "\n\n",
    "17 ",
    "38",
    "-",
    " ",
    "\u00ad",
    "\u202f",
    "OPPOSITIONSROLLEN",
    "Verksamhetsplan 2023",
    "Vi kommer att:",
    "Kommande verksamhetsår ska vi ",
    "minst två ",
    "gånger i månaden",
    "från 1 500 till 2000 följare",
    "utse tre ansvariga",
    "inom respektive område",
    '"Feministisk" ',
    "prioriterade",
    "opposi-",
    "tionsarbete",
    "SD-",
    "1201 maj",
    ". ",
]

plan_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=400), plan_like)


def _parse(text: str) -> PlanDraft | None:
    try:
        return parse_plan(text)
    except PlanParseError:
        return None


@FAST
@given(any_text)
def test_parse_plan_only_raises_plan_parse_error(text: str) -> None:
    plan = _parse(text)
    if plan is not None:
        assert plan.goals
        for goal in plan.goals:
            assert goal.text and goal.text == goal.text.strip()
            assert "\t" not in goal.text and "\n" not in goal.text and "  " not in goal.text
            assert isinstance(goal.target, Target)


@FAST
@given(any_text)
def test_parse_target_always_returns_a_target(text: str) -> None:
    target = parse_target(text)
    assert isinstance(target, Target)
    assert Target.from_dict(target.to_dict()) == target
    if target.kind is TargetKind.COUNT:
        assert target.count is not None and target.count >= 1 and target.period is not None
    if target.kind is TargetKind.PEOPLE:
        assert target.count is not None and target.count >= 1
    if target.kind is TargetKind.METRIC:
        assert target.goal_value is not None


# Words that never start with a digit, so any digit at the start of a goal would be a leftover line number.
words = st.lists(
    st.sampled_from(
        ["Ordna", "minst", "två", "möten", "i", "kvartalet", "för", "alla", "opposi-", "tion", "SD-", "vi"]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@st.composite
def numbered_plans(draw: st.DrawFn) -> str:
    """A plan in either seed style, every line numbered, numbers sometimes glued to the words."""
    lines = []
    number = draw(st.integers(min_value=1, max_value=50))
    for _ in range(draw(st.integers(min_value=1, max_value=25))):
        style = draw(
            st.sampled_from(
                ["heading", "caps", "bullet", "dash-bullet", "wrap", "dash-wrap", "prose", "blank"]
            )
        )
        text = draw(words)
        glue = "" if draw(st.booleans()) and style in ("wrap", "prose") else " "
        lines.append(
            {
                "heading": f"## {number} {text}",
                "caps": f"{number} {text.upper()}",
                "bullet": f"- {number} • {text}",
                "dash-bullet": f"{number} • {text}",
                "wrap": f"{number}{glue}{text}",
                "dash-wrap": f"- {number} {text}",
                "prose": f"{number}{glue}{text}.",
                "blank": "",
            }[style]
        )
        number += draw(st.integers(min_value=1, max_value=3))
    return "\n".join(lines)


@FAST
@given(numbered_plans())
def test_goal_texts_never_keep_a_line_number(text: str) -> None:
    plan = _parse(text)
    if plan is None:
        return
    for goal in plan.goals:
        assert not re.match(r"^[-•\s]*\d", goal.text), goal.text
        assert not re.search(r"\s\d+\s*•", goal.text), goal.text
        assert "\t" not in goal.text


_LEADING_NUMBER = re.compile(r"^(?:#+ |- )?\d+ ?")


@FAST
@given(numbered_plans())
def test_side_by_side_rows_never_leak_tabs_or_numbers(text: str) -> None:
    # The same plan's lines put in two columns printed side by side, each cell with its own number.
    cells = [_LEADING_NUMBER.sub("", line) for line in text.split("\n")]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:] + [""] * (half - len(cells[half:]))
    rows = [f"{i + 1}\t{a}\t{half + i + 1}\t{b}" for i, (a, b) in enumerate(zip(left, right, strict=True))]
    plan = _parse("\n".join(rows) + f"\n{2 * half + 1} slut")
    if plan is None:
        return
    for goal in plan.goals:
        assert "\t" not in goal.text
        assert not re.match(r"^\d", goal.text), goal.text
