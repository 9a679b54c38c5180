"""Cards: user and plan text is shown as-is, never as markdown, links or mentions, and with no escapes
(Teams mobile shows a markdown escape such as "\\#" as it stands)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.cards import facts, heading, paragraph

RAW = [
    "[klicka här](https://evil.example)",
    "<at>Megan Bowen</at>",
    "**fet** och _kursiv_ och `kod` och ~~struken~~",
    "6. Anordna ett möte",
    "- punkt\n# rubrik\n+ plus",
    "Öka från 1500 till 2000.",
]


def texts(element: dict[str, Any]) -> list[tuple[str, str]]:
    """(element type, text) of every text in an element and what it contains."""
    found: list[tuple[str, str]] = []
    for key, value in element.items():
        if key == "text" and isinstance(value, str):
            found.append((str(element.get("type")), value))
        elif isinstance(value, dict):
            found += texts(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    found += texts(item)
    return found


@pytest.mark.parametrize("raw", RAW)
def test_card_text_is_a_text_run_shown_as_written(raw: str) -> None:
    """A TextRun is never markdown: the text goes in as written, with nothing escaped."""
    for element in (heading(raw), paragraph(raw), paragraph(raw, subtle=True), facts([(raw, raw)])):
        shown = texts(element)
        assert shown and all(kind == "TextRun" for kind, _ in shown)
        assert "".join(text for _, text in shown).replace("  ", "", 1) in (raw, raw + raw)
        assert "'FactSet'" not in str(element) and "'TextBlock'" not in str(element)
