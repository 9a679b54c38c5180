"""Cards: user and plan text is shown as-is, never as markdown, links or mentions."""

from __future__ import annotations

import pytest

from bot.cards import escape, facts, heading, paragraph


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("[klicka här](https://evil.example)", "\\[klicka här\\](https://evil.example)"),
        ("<at>Megan Bowen</at>", "\\<at\\>Megan Bowen\\</at\\>"),
        (
            "**fet** och _kursiv_ och `kod` och ~~struken~~",
            "\\*\\*fet\\*\\* och \\_kursiv\\_ och \\`kod\\` och \\~\\~struken\\~\\~",
        ),
        ("6. Anordna ett möte", "6\\. Anordna ett möte"),
        ("- punkt\n# rubrik\n+ plus", "\\- punkt\n\\# rubrik\n\\+ plus"),
        ("Öka från 1500 till 2000.", "Öka från 1500 till 2000."),
        ("Teams-utbildning", "Teams-utbildning"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_card_elements_escape_their_text() -> None:
    assert heading("[x](y)")["text"] == "\\[x\\](y)"
    assert paragraph("<at>x</at>")["text"] == "\\<at\\>x\\</at\\>"
    assert facts([("*a*", "_b_")])["facts"] == [{"title": "\\*a\\*", "value": "\\_b\\_"}]
