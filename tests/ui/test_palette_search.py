"""PaletteSearch finds what Textual's matcher finds: same hits, scores, order and highlights,
typing forward (narrowing from the prefix's matches) and back (backspace, cached)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit
from textual.content import Content
from textual.fuzzy import Matcher
from textual.style import Style

from console.catalog import all_endpoints
from screens.palette import Command
from screens.palette_search import PaletteSearch

MATCH = Style(bold=True, underline=True)
HELP = Style(dim=True)


def noop() -> None:
    pass


def listed() -> list[list[Command]]:
    endpoints = [Command(ep.palette_title, noop, ep.id) for ep in all_endpoints()]
    app_side = [
        Command("Go to Zendesk Sell: Contacts", noop, "Open the contacts list"),
        Command("Theme: crm-light", noop, "Change the colours"),
        Command("Read-only: on", noop, "Refuse every call that changes data"),
        Command("Quit", noop, "Leave crm-console (Ctrl+Q or F10)"),
    ]
    return [endpoints, app_side]


def textual_hits(commands: list[list[Command]], query: str) -> list[tuple[str, float, Content]]:
    """What a provider built on Textual's matcher yields, in gather order."""
    matcher = Matcher(query, match_style=MATCH)
    found = []
    for command in (c for provider in commands for c in provider):
        score = matcher.match(command.title)
        if score > 0:
            found.append((command.title, score, matcher.highlight(command.title)))
    return found


def our_hits(search: PaletteSearch, query: str) -> list[tuple[str, float, Content]]:
    found = []
    for option in search.options(query):
        hit = option.hit
        assert isinstance(hit, Hit)
        assert isinstance(hit.match_display, Content)
        found.append((str(hit.text), hit.score, hit.match_display))
    return found


def spans(content: Content) -> tuple[str, list[tuple[int, int, object]]]:
    return content.plain, [(s.start, s.end, s.style) for s in content.spans]


def test_every_prefix_typed_and_erased_matches_textuals_matcher() -> None:
    commands = listed()
    search = PaletteSearch(commands, MATCH, HELP)
    hits: dict[str, int] = {}
    queries = ["create contact", "pause", "zendesk sell: get", "ZenDesk Cnt", "sfrcdnc", "xq"]
    for query in queries:
        typed = [query[: n + 1] for n in range(len(query))]
        for step in [*typed, *reversed(typed[:-1]), "p", "pe", "pa"]:
            ours = our_hits(search, step)
            theirs = textual_hits(commands, step)
            assert [(t, s) for t, s, _ in ours] == [(t, s) for t, s, _ in theirs], step
            assert [spans(c) for _, _, c in ours] == [spans(c) for _, _, c in theirs], step
            hits[step] = len(ours)
    assert hits["ZenDesk Cnt"] > 0  # letters apart, not a substring
    assert hits["sfrcdnc"] > 0
    assert hits["xq"] == 0


def test_a_hit_seen_again_is_the_same_option_with_its_help_line() -> None:
    search = PaletteSearch(listed(), MATCH, HELP)
    first = search.options("pause")
    assert [str(o.hit.text) for o in first] == ["Salesforce: Pause Sales Cadence Tracker"]
    search.options("pau")
    again = search.options("pause")
    assert [id(o) for o in again] == [id(o) for o in first]
    prompt = first[0].prompt
    assert isinstance(prompt, Content)
    title, help_line = prompt.plain.split("\n")
    assert title == str(first[0].hit.text)
    assert any(s.style == HELP and s.start == len(title) + 1 for s in prompt.spans)
    assert help_line


def test_an_empty_query_discovers_every_command_in_listing_order() -> None:
    commands = listed()
    search = PaletteSearch(commands, MATCH, HELP)
    options = search.options("")
    assert all(isinstance(o.hit, DiscoveryHit) for o in options)
    assert [str(o.hit.text) for o in options] == [c.title for p in commands for c in p]
    assert [id(o) for o in search.options("")] == [id(o) for o in options]


def test_the_option_runs_the_command() -> None:
    ran: list[str] = []
    commands = [[Command("Pause it", partial(ran.append, "paused"), "help")]]
    (option,) = PaletteSearch(commands, MATCH, HELP).options("pau")
    option.hit.command()
    assert ran == ["paused"]
