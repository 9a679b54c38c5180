"""A plan as it was read, for review before it is imported: each section, goal and target in words."""

from __future__ import annotations

from bot.cards.goals import target_in_words
from bot.i18n import Translator
from bot.services.goals import TargetKind
from bot.services.plan import GoalDraft, PlanDraft, PlanParseError
from bot.services.plan_files import MAX_PLAN_BYTES


def goal_line(t: Translator, number: int, goal: GoalDraft, areas: tuple[str, ...]) -> str:
    """ "3. Hålla minst två medlemsmöten per termin — at least 2 medlemsmöten per half-year"."""
    words = target_in_words(t, goal.target, areas)
    branch = f" ({t._('every branch')})" if goal.applies_to_branches else ""
    return f"{number}. {goal.text} \u2014 {words}{branch}"


def questions(t: Translator, draft: PlanDraft) -> list[str]:
    """What the reader could not settle and the board should answer before or after importing."""
    asked = []
    for number, goal in enumerate(draft.goals, start=1):
        target = goal.target
        if target.kind is TargetKind.METRIC and target.change_percent is not None and target.baseline is None:
            asked.append(
                t._(
                    "Goal {number} is a change in percent: what is the figure today? Write: goal {number} "
                    "from VALUE"
                ).format(number=number)
            )
        if target.per_area and not draft.priority_areas:
            asked.append(
                t._(
                    "Goal {number} is to be done in each priority area, but the plan names none. Write: "
                    "areas NAME, NAME, ..."
                ).format(number=number)
            )
    return list(dict.fromkeys(asked))


def review_text(t: Translator, draft: PlanDraft) -> str:
    """The whole plan as read, as plain text (the command line's dry run, and the card's fallback)."""
    lines = []
    if draft.title:
        lines.append(draft.title)
    if draft.priority_areas:
        lines.append(t._("Priority areas: {areas}").format(areas=", ".join(draft.priority_areas)))
    number = 0
    for section in draft.sections:
        lines.append("")
        lines.append(section.title)
        for goal in section.goals:
            number += 1
            lines.append("  " + goal_line(t, number, goal, draft.priority_areas))
    asked = questions(t, draft)
    if asked:
        lines.append("")
        lines.extend(asked)
    lines.append("")
    lines.append(
        t.ngettext(
            "{goals} goal in {sections} sections", "{goals} goals in {sections} sections", len(draft.goals)
        ).format(goals=len(draft.goals), sections=len(draft.sections))
    )
    return "\n".join(lines)


def plan_problem(t: Translator, error: PlanParseError) -> str:
    """What is wrong with a plan's file, and what to do, in one sentence."""
    problem = error.problem
    if problem == "too_large":
        return t._("The file is larger than {size} MB: send the plan as a smaller PDF or Word file.").format(
            size=MAX_PLAN_BYTES // (1024 * 1024)
        )
    if problem == "encrypted":
        return t._("The file is protected by a password: save it without a password and send it again.")
    if problem == "no_text":
        return t._(
            "The PDF has no text, only images of pages (a scan): send the plan as a Word file, or as a "
            "PDF saved from the original document."
        )
    if problem == "unsupported":
        return t._("I can read plans as PDF, Word (.docx), text or Markdown files: save it as one of those.")
    if problem == "unreadable":
        return t._("The file could not be read: it may be damaged. Save the plan again and send it.")
    return t._(
        "I found no goals in the file: write the goals as a list under headings, or as sentences such as "
        "\u201cVi ska \u2026\u201d, and send it again."
    )
