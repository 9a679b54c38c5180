"""Router.route_for: which command a word names, remembered across turns but never stale."""

from __future__ import annotations

from dataclasses import replace

from bot.cards import Reply
from bot.commands import Context, Request, Router


async def _answer(request: Request, context: Context) -> Reply:
    return Reply("")


def test_a_word_names_its_command_whatever_its_case_diacritics_and_punctuation() -> None:
    router = Router()
    router.command("mål", "goals", usage="goals", summary="")(_answer)
    route = router.route_for("mål")
    assert route is not None
    assert [router.route_for(word) for word in ("MÅL?", "mal", "Goals!", "mål")] == [route] * 4
    assert router.route_for("målet") is None


def test_a_word_learns_a_command_added_after_it_was_asked_for() -> None:
    router = Router()
    router.command("mål", usage="goals", summary="")(_answer)
    assert router.route_for("status") is None
    router.command("status", usage="status", summary="")(_answer)
    added = router.route_for("status")
    assert added is not None and added.words == ("status",)


def test_a_replaced_route_is_the_one_found() -> None:
    router = Router()
    router.command("mål", usage="goals", summary="")(_answer)
    before = router.route_for("mål")
    assert before is not None
    router.routes[0] = replace(before, summary="changed")
    assert router.route_for("mål") is router.routes[0]


def test_a_submitted_card_form_is_routed_by_its_name_to_the_command_that_handles_it() -> None:
    router = Router()
    router.command("mål", usage="goals", summary="")(_answer)
    router.command("rapportera", usage="report", summary="", forms=("check-in",))(_answer)
    assert router.route_for_form({"form": "check-in", "goal": "6"}) is router.route_for("rapportera")
    assert router.route_for_form({"form": "another"}) is None
    assert router.route_for_form({"command": "mål"}) is None
    assert router.route_for_form(None) is None
