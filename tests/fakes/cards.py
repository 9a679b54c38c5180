"""Reading the cards bot/cards builds, as a person would."""

from __future__ import annotations

from typing import Any


def text_of(block: dict[str, Any]) -> str:
    """What a card element shows, as plain text: a RichTextBlock's runs, a Container's rows one a line."""
    if block.get("type") == "Container":
        return "\n".join(text_of(item) for item in block.get("items", []))
    return "".join(str(run.get("text", "")) for run in block.get("inlines", []))
