"""Cards: user and plan text is shown as written, never as markdown, links or mentions, and with no escapes
(Teams mobile shows a markdown escape such as "\\#" literally)."""

from __future__ import annotations

import json

import pytest

from bot.cards import facts, heading, paragraph
from tests.fakes.cards import text_of

WRITTEN = [
    "[klicka här](https://evil.example)",
    "<at>Megan Bowen</at>",
    "**fet** och _kursiv_ och `kod` och ~~struken~~",
    "6. Anordna ett möte",
    "- punkt\n# rubrik\n+ plus",
    "Öka från 1500 till 2000.",
]


@pytest.mark.parametrize("text", WRITTEN)
def test_card_elements_show_text_as_written_in_runs_never_read_as_markdown(text: str) -> None:
    for block in (heading(text), paragraph(text), paragraph(text, subtle=True, color="Attention")):
        assert block["type"] == "RichTextBlock"  # its TextRuns are never read as markdown
        assert [run["type"] for run in block["inlines"]] == ["TextRun"]
        assert text_of(block) == text
    pairs = facts([(text, text)])
    assert text_of(pairs) == f"{text}  {text}"
    assert "\\" not in json.dumps(pairs, ensure_ascii=False).replace("\\n", "").replace('\\"', "")


def test_no_element_reads_markdown() -> None:
    blocks = json.dumps([heading("a"), paragraph("b"), facts([("c", "d")])])
    assert '"TextBlock"' not in blocks and '"FactSet"' not in blocks


def test_a_plan_reviews_cut_lists_say_how_many_more() -> None:
    """A list the review cuts at eight (a list not read as goals, figures not read as targets, numbers not
    the plan's) says how many more it has: before, eleven items set aside showed eight and nothing more."""
    from bot.cards.plan_review import questions
    from bot.i18n import translator
    from bot.services.plan import PlanDraft

    draft = PlanDraft(
        "Plan", 2026, (), set_aside=(("Aktiviteter", tuple(f"Punkt {n}" for n in range(1, 12))),)
    )
    [swedish] = [q for q in questions(translator("sv"), draft) if "Aktiviteter" in q]
    assert "Punkt 7; Punkt 8; och 3 till." in swedish and "Punkt 9" not in swedish
    [english] = [q for q in questions(translator("en"), draft) if "Aktiviteter" in q]
    assert "Punkt 8; and 3 more." in english
