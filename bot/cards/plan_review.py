"""A plan as it was read, for review before it is imported: each section, goal and target in words."""

from __future__ import annotations

import json
from typing import Any

from bot.cards import Reply, card, facts, heading, paragraph, say
from bot.cards.goals import target_in_words
from bot.db.repository import ImportSummary
from bot.i18n import Translator, area_name
from bot.services.goals import Plan, TargetKind
from bot.services.plan import GoalDraft, PlanDraft, PlanParseError, other_figure, unread_figure
from bot.services.plan_corrections import Correction, CorrectionError, Field
from bot.services.plan_files import MAX_PLAN_BYTES, PICTURE_SUFFIXES
from bot.services.plan_review import Review


def goal_line(t: Translator, number: int, goal: GoalDraft, areas: tuple[str, ...]) -> str:
    """ "3. Hålla minst två medlemsmöten per termin — at least 2 medlemsmöten per half-year"."""
    return f"{number}. {goal.text} \u2014 {_as_read(t, goal, areas)}"


def _as_read(t: Translator, goal: GoalDraft, areas: tuple[str, ...]) -> str:
    """The goal's target in words, whether every branch does it, and whom the plan names responsible."""
    words = target_in_words(t, goal.target, areas)
    if goal.applies_to_branches:
        words += f" ({t._('every branch')})"
    if goal.responsible:
        words += " \u00b7 " + t._("responsible: {name}").format(name=goal.responsible)
    return words


def questions(t: Translator, draft: PlanDraft) -> list[str]:
    """What the reader could not settle and the board should answer before or after importing."""
    asked = []
    if draft.unread_pages:
        asked.append(
            t.ngettext(
                "Page {pages} of the file is an image, without text I can read: goals on it are not in this "
                "list. Add each with: goal new SECTION: TEXT",
                "Pages {pages} of the file are images, without text I can read: goals on them are not in "
                "this list. Add each with: goal new SECTION: TEXT",
                len(draft.unread_pages),
            ).format(pages=", ".join(map(str, draft.unread_pages)))
        )
    asked += [
        t._(
            "Not read as goals, a list under \u201c{section}\u201d: {items}. If they are goals, add each "
            "with: goal new {section}: TEXT"
        ).format(section=section, items=_some(t, [_short(item) for item in items]))
        for section, items in draft.set_aside
    ]
    asked += _activities(t, draft)
    if draft.unread_sections:
        asked.append(
            t._(
                "Sections in which I read no goals: {sections}. If one of them has goals, add each with: "
                "goal new SECTION: TEXT"
            ).format(sections=_some(t, [_quoted(t, title) for title in draft.unread_sections]))
        )
    asked += _numbering(t, draft)
    figures = [
        (number, figure)
        for number, goal in enumerate(draft.goals, start=1)
        if (figure := unread_figure(goal)) is not None
    ]
    if figures:
        asked.append(
            t.ngettext(
                "A figure I did not read as a target (the goal is read as done or not done): {goals}. If it "
                "is the target, write: goal {number} target NUMBER per year (or per month, per quarter)",
                "Figures I did not read as targets (those goals are read as done or not done): {goals}. If "
                "one is a target, write: goal {number} target NUMBER per year (or per month, per quarter)",
                len(figures),
            ).format(
                goals=_some(
                    t,
                    [
                        t._("goal {number} \u201c{figure}\u201d").format(number=n, figure=f)
                        for n, f in figures
                    ],
                ),
                number=figures[0][0],
            )
        )
    for number, goal in enumerate(draft.goals, start=1):
        if (figure := other_figure(goal)) is not None:
            asked.append(
                t._(
                    "Goal {number} has a figure I did not take for its target, \u201c{figure}\u201d (I read: "
                    "{target}). If the target is wrong, write: goal {number} target NUMBER per year (or per "
                    "month, per quarter)"
                ).format(
                    number=number, figure=figure, target=target_in_words(t, goal.target, draft.priority_areas)
                )
            )
    asked += _responsible(t, draft)
    for number, goal in enumerate(draft.goals, start=1):
        target = goal.target
        if target.kind is TargetKind.METRIC and target.change_by is not None and target.baseline is None:
            unit = target.unit_in(t.language)
            asked.append(
                t._(
                    "Goal {number} is a change by a number: how many {unit} are there today? Write: goal "
                    "{number} from NUMBER"
                ).format(number=number, unit=unit)
                if unit
                else t._(
                    "Goal {number} is a change by a number: what is the figure today? Write: goal {number} "
                    "from VALUE"
                ).format(number=number)
            )
        if target.kind is TargetKind.METRIC and target.change_percent is not None and target.baseline is None:
            unit = target.unit_in(t.language)
            asked.append(
                t._(
                    "Goal {number} is a change in percent: how many {unit} are there today? Write: goal "
                    "{number} from NUMBER"
                ).format(number=number, unit=unit)
                if unit
                else t._(
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


def _activities(t: Translator, draft: PlanDraft) -> list[str]:
    """The sub-items under a goal that say how it is reached, not read as goals of their own: named under
    the goal's number (a goal the board has since removed takes its sub-items with it, and one it has added
    as a goal of its own is no longer only how)."""
    asked = []
    hows = dict(draft.activities)
    texts = {goal.text for goal in draft.goals}
    number = 0
    for section in draft.sections:
        for goal in section.goals:
            number += 1
            items = [item for item in hows.get(goal.read_as or goal.text, ()) if item not in texts]
            if items:
                asked.append(
                    t._(
                        "Under goal {number} the plan says how it is to be reached; I did not read that as "
                        "goals of their own: {items}. If one of them is a goal, add it with: goal new "
                        "{section}: TEXT"
                    ).format(
                        number=number, items=_some(t, [_short(item) for item in items]), section=section.title
                    )
                )
    return asked


def _responsible(t: Translator, draft: PlanDraft) -> list[str]:
    """Whom the plan does not name responsible: for no goal at all, or for some goals where it does for the
    others (the board names them after the import; a goal with no one is reported by the board alone)."""
    missing = [number for number, goal in enumerate(draft.goals, start=1) if not goal.responsible]
    if not missing:
        return []
    if len(missing) == len(draft.goals):
        return [
            t._(
                "The plan names no one responsible for its goals: after importing, the board names them "
                "with: responsible {number} @name"
            ).format(number=missing[0])
        ]
    return [
        t.ngettext(
            "The plan names no one responsible for goal {numbers}, though it does for the others: after "
            "importing, name who with: responsible {number} @name",
            "The plan names no one responsible for goals {numbers}, though it does for the others: after "
            "importing, name who with: responsible {number} @name",
            len(missing),
        ).format(
            numbers=", ".join(map(str, missing[:12])) + (", \u2026" if len(missing) > 12 else ""),
            number=missing[0],
        )
    ]


def _numbering(t: Translator, draft: PlanDraft) -> list[str]:
    """Where the plan numbers its goals itself ("Mål 3:"): the numbers it gives that no goal read has, and
    the goals whose number in the bot is not the plan's (members ask by the bot's)."""
    numbered = [(n, g.plan_number) for n, g in enumerate(draft.goals, start=1) if g.plan_number]
    if not numbered:
        return []
    asked = []
    given = {plan for _, plan in numbered}
    missing = sorted(set(range(1, max(given) + 1)) - given)
    if missing:
        asked.append(
            t.ngettext(
                "The plan's goal {numbers} is not among those I read: add it with: goal new SECTION: TEXT",
                "The plan's goals {numbers} are not among those I read: add each with: goal new SECTION: "
                "TEXT",
                len(missing),
            ).format(numbers=", ".join(map(str, missing)))
        )
    moved = [(mine, plan) for mine, plan in numbered if mine != plan]
    if moved:
        asked.append(
            t._("My numbers are not the plan's: {pairs}. Members ask about goals by my numbers.").format(
                pairs=_some(
                    t,
                    [
                        t._("the plan's goal {plan} is my goal {mine}").format(plan=plan, mine=mine)
                        for mine, plan in moved
                    ],
                )
            )
        )
    return asked


def _some(t: Translator, parts: list[str], shown: int = 8) -> str:
    """The first `shown` of a list, and how many more there are (a review names each thing to look at)."""
    listed = "; ".join(parts[:shown])
    if len(parts) > shown:
        listed += "; " + t._("and {count} more").format(count=len(parts) - shown)
    return listed


def _quoted(t: Translator, text: str) -> str:
    """A heading named in a sentence, in the language's quotation marks (Swedish: ”Budget”)."""
    return t._("\u201c{text}\u201d").format(text=_short(text))


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def review_text(t: Translator, draft: PlanDraft) -> str:
    """The whole plan as read, as plain text (the command line's dry run, and the card's fallback)."""
    lines = []
    if draft.title:
        lines.append(draft.title)
    if draft.priority_areas:
        lines.append(t._("Priority areas: {areas}").format(areas=", ".join(_areas(t, draft))))
    number = 0
    for section in draft.sections:
        lines.append("")
        lines.append(section.title)
        for goal in section.goals:
            number += 1
            lines.append("  " + goal_line(t, number, goal, draft.priority_areas))
    asked = questions(t, draft)
    if draft.branches:
        asked = [branch_offer(t, draft), *asked]
    if asked:
        lines.append("")
        lines.extend(asked)
    lines.append("")
    goals, sections = len(draft.goals), len(draft.sections)
    # "1 goal in 1 section", "9 goals in 3 sections": each noun agrees with its own number.
    lines.append(
        t.ngettext("{goals} goal", "{goals} goals", goals).format(goals=goals)
        + " "
        + t.ngettext("in {sections} section", "in {sections} sections", sections).format(sections=sections)
    )
    return "\n".join(lines)


def plan_problem(t: Translator, error: PlanParseError, *, pasted: bool = False) -> str:
    """What is wrong with a plan's file (or the plan pasted in chat), and what to do, in one sentence."""
    problem = error.problem
    if pasted and problem == "too_large":
        return t._("The text is too long for a message: send the plan as a file (PDF, Word or text).")
    if pasted and problem == "no_goals":
        return t._(
            "I found no goals in the text you pasted: write the goals as a list under headings, or as "
            "sentences such as \u201cVi ska \u2026\u201d, or send the plan as a file (PDF, Word or text)."
        )
    if problem == "unsupported":
        return _unsupported(t, getattr(error, "kind", ""))
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
    if problem == "download":
        return t._("I could not fetch the file from Teams: send it again in a moment.")
    if problem == "unreadable":
        return t._("The file could not be read: it may be damaged. Save the plan again and send it.")
    return t._(
        "I found no goals in the file: write the goals as a list under headings, or as sentences such as "
        "\u201cVi ska \u2026\u201d, and send it again."
    )


def _unsupported(t: Translator, kind: str) -> str:
    """What to send instead of a file the reader cannot read, by what the file is."""
    if kind == ".doc":
        return t._(
            "I cannot read Word files in the old format (.doc): open the plan in Word, save it as a Word "
            "document (.docx) or as PDF, and send it again."
        )
    if kind in PICTURE_SUFFIXES:
        return t._(
            "That is a picture, and I read a plan's text: send the plan as PDF, Word (.docx), LibreOffice "
            "(.odt) or text, or paste its text into this chat."
        )
    return t._(
        "I can read plans as PDF, Word (.docx), LibreOffice (.odt), web page (.html), text or Markdown "
        "files: save it as one of those and send it again."
    )


def review_card(t: Translator, review: Review) -> Reply:
    """The plan as read, with Import / Correct first / Cancel: what the board checks before importing."""
    draft = review.draft
    title = t._("The plan as I read it: {file}").format(file=review.file_name)
    hint = correction_hint(t)
    text = "\n".join([title, "", review_text(t, draft), "", hint])
    actions = [
        say(t._("Import"), t._("plan import")),
        say(t._("Correct first"), t._("plan correct")),
        say(t._("Cancel"), t._("plan cancel")),
    ]
    summary = t.ngettext(
        "I read {count} goal in {file}: check it and import.",
        "I read {count} goals in {file}: check them and import.",
        len(draft.goals),
    ).format(count=len(draft.goals), file=review.file_name)
    fallback = _fallback(text, summary)
    # Teams refuses a message over about 28 KB: a long plan's goals are shortened until the card fits.
    for length in (240, 120, 60, 30):
        body = [heading(title), *_review_body(t, draft, length), paragraph(hint, subtle=True)]
        shown = card(body, fallback=fallback, actions=actions)
        if len(json.dumps(shown, ensure_ascii=False).encode()) <= _LARGEST_CARD:
            break
    return Reply(text, shown, summary=summary)


def _review_body(t: Translator, draft: PlanDraft, length: int) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = []
    if draft.title:
        body.append(paragraph(draft.title, subtle=True))
    if draft.priority_areas:
        body.append(paragraph(t._("Priority areas: {areas}").format(areas=", ".join(_areas(t, draft)))))
    number = 0
    for section in draft.sections:
        body.append(heading(section.title, size="Default"))
        rows = []
        for goal in section.goals:
            number += 1
            rows.append(
                (
                    f"{number}.",
                    f"{_short(goal.text, length)}\n\u2192 {_as_read(t, goal, draft.priority_areas)}",
                )
            )
        body.append(facts(rows))
    if draft.branches:
        body.append(paragraph(branch_offer(t, draft)))
    body.extend(paragraph(question) for question in questions(t, draft))
    return body


def branch_offer(t: Translator, draft: PlanDraft) -> str:
    """The branches the plan names, offered as the district's list: added on import unless declined."""
    return t._(
        "Branches in the plan: {names}. Importing adds those not yet on the district's list, so reports and "
        "roles use them; to import without them, write: plan import without branches"
    ).format(names=", ".join(draft.branches))


_LARGEST_CARD = 24_000
_LONGEST_FALLBACK = 8000


def _fallback(text: str, summary: str) -> str:
    return text if len(text) <= _LONGEST_FALLBACK else summary


def correction_hint(t: Translator) -> str:
    return t._(
        "Correct a goal in one message: goal 6 target 4 per quarter \u00b7 goal 6 text NEW TEXT \u00b7 "
        "goal 6 section NAME \u00b7 goal 6 branches yes \u00b7 goal 6 area yes \u00b7 goal 6 from 350 "
        "\u00b7 goal 6 remove \u00b7 goal new SECTION: TEXT \u00b7 areas NAME, NAME. Then: plan import"
    )


def correction_problem(t: Translator, error: CorrectionError) -> str:
    if error.problem == "no_goal":
        return t._("There is no goal {number}; the plan has goals 1\u2013{last}.").format(
            number=error.number, last=error.goals
        )
    if error.problem == "no_target":
        return t._(
            "I could not read a target there. Write e.g.: goal 6 target 4 per quarter, goal 6 target from "
            "300 to 400 members, or goal 6 target done"
        )
    if error.problem == "no_area":
        return t._(
            "Name one of the plan's priority areas, then its English name, e.g.: "
            "areas Miljö och klimat = Environment and climate"
        )
    if error.problem == "empty_plan":
        return t._("That is the plan's last goal: a plan needs at least one.")
    if error.problem == "no_number":
        return t._("Write the starting value as a number, e.g.: goal 6 from 350")
    if error.problem == "not_a_metric":
        return t._(
            "Goal {number} is no figure to move: give it one first, e.g.: "
            "goal {number} target from 300 to 400 members"
        ).format(number=error.number)
    if error.problem == "not_a_count":
        return t._(
            "Goal {number} is not counted: give it a count first, e.g.: goal {number} target 1 per year"
        ).format(number=error.number)
    return t._("Write what to change it to, e.g.: goal 6 branches yes")


def corrected(t: Translator, review: Review) -> Reply:
    """The plan under review after a correction: the whole review again, the change on top."""
    shown = review_card(t, review)
    note = t._("Corrected. This is the plan now:")
    body = [paragraph(note), *(shown.card["body"] if shown.card else [])]
    text = f"{note}\n{shown.text}"
    actions = (shown.card or {}).get("actions")
    return Reply(text, card(body, fallback=_fallback(text, note), actions=actions), summary=note)


def imported(t: Translator, district: str, summary: ImportSummary) -> Reply:
    text = t._(
        "Imported {total} goals for {district}: {created} new, {updated} updated, {unchanged} unchanged, "
        "{retired} retired. Write goals to see them."
    ).format(
        total=summary.total,
        district=district,
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        retired=summary.retired,
    )
    if summary.branches:
        text += " " + t._("Branches added: {names}.").format(names=", ".join(summary.branches))
    return Reply(text)


def stored_correction(t: Translator, plan: Plan, correction: Correction) -> Reply:
    """The district's plan after a correction in chat: the goal as it is now."""
    if correction.field in (Field.AREAS, Field.AREA_ENGLISH):
        return Reply(t._("Priority areas: {areas}").format(areas=", ".join(plan.areas_in(t.language))))
    if correction.field is Field.RETIRE:
        return Reply(
            t._("Goal {number} is retired; the plan now has goals 1\u2013{last}.").format(
                number=correction.number, last=len(plan.goals)
            )
        )
    goal = plan.goals[-1] if correction.field is Field.ADD else None
    if goal is None:
        goal = next((g for g in plan.goals if g.number == correction.number), None)
    if goal is None:  # moved to another section, so renumbered: show the plan
        return Reply(t._("Corrected. Write goals to see the plan."))
    text = t._("Corrected goal {number}: {text} \u2014 {target}").format(
        number=goal.number,
        text=goal.text,
        target=target_in_words(t, goal.target, plan.priority_areas),
    )
    return Reply(text)


def _areas(t: Translator, draft: PlanDraft) -> list[str]:
    return [area_name(area, t.language) for area in draft.priority_areas]
