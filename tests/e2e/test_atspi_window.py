# SPDX-License-Identifier: EUPL-1.2
"""The real window read over AT-SPI, as Orca reads it (EN 301 549 chapter 11, BITV 2.0).

The sign-in page and the signed-in window, each in the light look (German) and in dark
high contrast (English), are started once for this module (tests/support/atspi_states.py)
and read through the accessibility bus; keys are pressed with xdotool. Each test checks
one thing a screen reader, switch or keyboard user needs, and fails with the objects
that break it, as the tree shows them. docs/accessibility.md says how to run them.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.atspi import DEADLINE, AccessibleWindow, Node, poll_until
from tests.support.atspi_checks import (
    NOT_OPENING,
    Tour,
    buttons_without_action,
    hidden_but_showing,
    nameless_controls,
    nameless_focus_stops,
    out_of_order,
    tab_tour,
    window_of,
)
from tests.support.atspi_states import (
    FAVOURITE,
    LOOKS,
    Look,
    Windows,
    category_names,
    log_event,
    service_names,
    tiles,
    visits,
)

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

LIGHT = LOOKS[0]
SECTION_FAVOURITES = {"de": "Favoriten", "en": "Favourites"}
STATE_WORDS = {
    "de": ("erreichbar", "langsam", "nicht erreichbar", "nur im Intranet/VPN",
           "Zertifikatsproblem", "Anmeldung nötig", "nicht geprüft", "offline"),
    "en": ("available", "slow", "unreachable", "intranet or VPN only", "certificate problem",
           "sign-in required", "not checked", "offline"),
}
"""A service's state in words, as the window says it (one of them is in every tile)."""
UNREACHABLE = {"de": "nicht erreichbar", "en": "unreachable"}
FAVOURITE_WORD = {"de": ("Favorit", "Kein Favorit"), "en": ("Favourite", "Not a favourite")}

ITEM_ROLES = frozenset({"list item", "table cell", "tree item", "row", "menu item"})
"""Roles of the entries of a list or table: a section title must not be one."""

PAGES = [(page, look) for page in ("sign-in", "signed-in") for look in LOOKS]


@pytest.fixture(params=PAGES, ids=[f"{page}-{look.id}" for page, look in PAGES])
def page(request: pytest.FixtureRequest, atspi_windows: Windows) -> AccessibleWindow:
    """The sign-in page or the signed-in window, in one of the looks."""
    name, look = request.param
    if name == "sign-in":
        return atspi_windows.signed_out(look)
    return atspi_windows.signed_in(look)


@pytest.fixture(params=LOOKS, ids=[look.id for look in LOOKS])
def signed_in(request: pytest.FixtureRequest, atspi_windows: Windows) -> AccessibleWindow:
    return atspi_windows.signed_in(request.param)


def steady(window: AccessibleWindow) -> Node:
    """The tree once two readings agree (nothing is moving)."""
    tree = window.settled(lambda t: window_of(t) is not None)
    if tree is None:
        pytest.fail("the window did not come to rest. " + window.describe(), pytrace=False)
    return tree


def at_rest(window: AccessibleWindow) -> Node:
    """The window's steady tree, read once for the tests that only look (they share it)."""
    tree: Node | None = getattr(window, "at_rest", None)
    if tree is None:
        tree = steady(window)
        window.at_rest = tree  # type: ignore[attr-defined]
    return tree


def listing(nodes: list[Node]) -> str:
    return "\n".join(f"  - {n.label()}\n      in {n.place()}" for n in nodes)


def tour_of(window: AccessibleWindow) -> Tour:
    """The window's Tab tour, taken once (the tests that read it share it)."""
    tour: Tour | None = getattr(window, "tour", None)
    if tour is None:
        tour = tab_tour(window)
        window.tour = tour  # type: ignore[attr-defined]
    return tour


# --- every page: names, roles, focus, what shows -----------------------------------------

def test_every_focus_stop_is_a_named_control(page: AccessibleWindow) -> None:
    """Finding 2: Tab must never land on an unnamed container (a "filler")."""
    bad = nameless_focus_stops(at_rest(page))
    assert not bad, ("focusable, showing objects without a name or with only a container "
                     f"role (a screen reader says nothing useful there):\n{listing(bad)}")


def test_every_control_has_a_name(page: AccessibleWindow) -> None:
    """Finding 6: icon buttons (the search field's, the banners') need names, hidden or not."""
    bad = nameless_controls(at_rest(page))
    assert not bad, f"controls without a name:\n{listing(bad)}"


def test_the_search_field_buttons_have_names(atspi_windows: Windows) -> None:
    """Finding 6: with text in the search field, its buttons (the magnifier, "clear") show;
    each has a name."""
    window = atspi_windows.signed_in(LIGHT, "search")
    window.key("ctrl+f")
    window.key("k", "a")
    tree = window.settled(lambda t: any(n.role == "text" and n.focused for n in t.walk()))
    assert tree is not None, f"the search field did not take the typing. {window.describe()}"
    field = next(n for n in tree.walk() if n.role == "text" and n.focused)
    buttons = [n for n in field.walk() if n is not field and n.showing]
    bad = [n for n in buttons if not n.name.strip()]
    assert buttons and not bad, (f"the search field's showing buttons:\n{listing(buttons)}"
                                 f"\nwithout a name:\n{listing(bad)}")


def test_every_button_can_be_pressed(page: AccessibleWindow) -> None:
    """A button a switch or voice-control user cannot press through its action."""
    bad = buttons_without_action(at_rest(page))
    assert not bad, f"showing, enabled buttons without an action:\n{listing(bad)}"


def test_one_object_has_the_focus_after_each_tab(page: AccessibleWindow) -> None:
    """Finding 3: after every Tab exactly one showing object says "focused"."""
    tour = tour_of(page)
    bad = [stop for stop in tour.stops
           if len(stop.focused) != 1 or not stop.focused[0].showing]
    assert tour.stops and not bad, (
        f"after a Tab, not exactly one showing object has the focus. The tour:\n{tour.render()}"
        + (f"\n{tour.problem}" if tour.problem else ""))


def test_tab_order_follows_the_layout(page: AccessibleWindow) -> None:
    """Finding 7: Tab goes top to bottom, left to right, as the window is laid out."""
    tour = tour_of(page)
    stops = [s.node for s in (tour.cycle or tour.stops) if s.node is not None]
    bad = out_of_order(stops)
    assert not bad, ("Tab goes against the layout:\n"
                     + "\n".join(f"  - from {a.label()}\n    to   {b.label()}" for a, b in bad)
                     + f"\nThe tour:\n{tour.render()}")


def test_tab_comes_back_around(page: AccessibleWindow) -> None:
    """No keyboard trap: Tab moves on from every stop and comes back to where it started."""
    tour = tour_of(page)
    assert tour.cycle_start >= 0 and not tour.problem, (
        f"{tour.problem or 'Tab did not come back'}. The tour:\n{tour.render()}")


def test_nothing_hidden_reports_showing(page: AccessibleWindow) -> None:
    """Finding 5: objects the user cannot see must not say "showing" (the tiles behind the
    welcome card)."""
    bad = hidden_but_showing(at_rest(page))
    assert not bad, ("objects that say they are showing although they cannot be seen:\n"
                     + "\n".join(f"  - {n.label()}: {why}" for n, why in bad))


# --- the signed-in window: tiles and sections ---------------------------------------------

def test_section_titles_are_headings(signed_in: AccessibleWindow) -> None:
    """Finding 4: "Kommunikation" etc. are headings, not items of the service list."""
    look: Look = signed_in.look  # type: ignore[attr-defined]
    tree = steady(signed_in)
    titles = [SECTION_FAVOURITES[look.language], *category_names(look.language)]
    problems = []
    for title in titles:
        named = [n for n in tree.walk() if n.name == title and n.showing]
        headings = [n for n in named if n.role == "heading"]
        # A list or group named after its heading is right; an entry of the list is not.
        entries = [n for n in named if n.role in ITEM_ROLES]
        if not headings:
            problems.append(f"{title!r} is no heading")
        problems += [f"{title!r} is an entry of a list: {n.label()}" for n in entries]
    assert not problems, "section titles:\n" + "\n".join(f"  - {p}" for p in problems)


def test_tiles_say_their_status_and_badges_in_words(signed_in: AccessibleWindow) -> None:
    """What a tile shows (its status mark, the favourite star) is in its name or description."""
    look: Look = signed_in.look  # type: ignore[attr-defined]
    tree = steady(signed_in)
    words = STATE_WORDS[look.language]
    star, no_star = FAVOURITE_WORD[look.language]
    problems = []
    for sid, found in tiles(tree, look.language).items():
        if not found:
            problems.append(f"no tile for {sid}")
        for tile in found:
            text = f"{tile.name} {tile.description}"
            if not any(word.lower() in text.lower() for word in words):
                problems.append(f"its status is not said in words: {tile.label()}")
            if sid == FAVOURITE and (star not in text or no_star in text):
                problems.append(f"the favourite star is not said: {tile.label()}")
    assert not problems, "tiles:\n" + "\n".join(f"  - {p}" for p in problems)


def test_every_tile_opens_through_an_accessible_action(atspi_windows: Windows) -> None:
    """Finding 4: a switch or voice-control user opens a service with the tile's action."""
    window = atspi_windows.signed_in(LIGHT, "open")
    tree = steady(window)
    problems, pressed = [], {}
    for sid in service_names(LIGHT.language):
        found = sorted(tiles(tree, LIGHT.language)[sid], key=lambda n: not n.showing)
        if not found:
            problems.append(f"no tile for {sid}")
            continue
        opening = [a for a in found[0].actions if a not in NOT_OPENING]
        if not opening:
            problems.append(f"no action opens it: {found[0].label()}")
            continue
        pressed[sid] = (found[0], opening[0], window.act(found[0], opening[0]))
    if pressed:  # one wait for all: the launches run side by side
        poll_until(lambda: all(f"/demo/{sid}" in visits(window) for sid in pressed), DEADLINE)
    problems += [f"its action {action!r} (answered {done}) opened nothing: {tile.label()}"
                 for sid, (tile, action, done) in pressed.items()
                 if f"/demo/{sid}" not in visits(window)]
    assert not problems, "tiles:\n" + "\n".join(f"  - {p}" for p in problems)


def test_a_service_going_down_is_announced(atspi_windows: Windows) -> None:
    """A status change reaches a screen reader: an announcement (object:announcement),
    or a new name or description of the tile itself, naming the new state."""
    window, demo = atspi_windows.with_outage(LIGHT)
    name = service_names(LIGHT.language)["mail"]
    word = UNREACHABLE[LIGHT.language]
    window.events()  # what came before the outage does not count
    demo.control("mail", "stop")
    window.key("F5")  # check now, as a user would
    log_event(window.launcher, "status.round", lambda e: e["states"].get("unreachable") == 1,
              timeout=DEADLINE)
    window.wait_for(
        lambda t: any(word in f"{n.name} {n.description}".lower()
                      for n in tiles(t, LIGHT.language)["mail"]),
        f"the {name} tile saying {word!r}")
    seen: list[dict[str, Any]] = []

    def said(event: dict[str, Any]) -> bool:
        text = str(event.get("data") or "")
        source = event.get("source") or {}
        if word not in text.lower():
            return False
        if event["type"] == "object:announcement":
            return name in text
        return (event["type"].startswith("object:property-change:accessible-")
                and str(source.get("name", "")).startswith(name))

    def announced() -> list[dict[str, Any]]:
        seen.extend(window.events())
        return [e for e in seen if said(e)]

    # The tile already shows the change; its announcement may follow a moment later.
    assert poll_until(announced, DEADLINE / 3), (
        f"nothing told a screen reader that {name} is now {word!r}; "
        f"the events since the outage:\n" + "\n".join(f"  - {e}" for e in seen))
