# SPDX-License-Identifier: EUPL-1.2
"""The AT-SPI checks (tests/support/atspi_checks.py) judge trees the way they should:
each rule fails on the defect the audit found and passes on the repaired shape.

The trees here are written by hand in the reader's format; the real window is read in
tests/e2e/test_atspi_window.py.
"""

from __future__ import annotations

from typing import Any

from tests.support.atspi import Node, Rect
from tests.support.atspi_checks import (
    buttons_without_action,
    focused,
    hidden_but_showing,
    nameless_controls,
    nameless_focus_stops,
    out_of_order,
    rows,
)

SHOWN = ["enabled", "sensitive", "visible", "showing"]


def obj(role: str, name: str = "", states: list[str] | None = None,
        actions: list[str] | None = None, box: tuple[int, int, int, int] | None = None,
        children: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"path": [], "role": role, "name": name, "description": "",
            "states": SHOWN if states is None else states, "actions": actions or [],
            "extents": list(box) if box else None, "children": children or []}


def tree(*children: dict[str, Any]) -> Node:
    frame = obj("frame", "Arbeitsplatz", box=(0, 0, 1000, 800), children=list(children))
    return Node.parse(obj("application", "workplace", children=[frame]))


def button(name: str, box: tuple[int, int, int, int], *more: str) -> dict[str, Any]:
    return obj("push button", name, [*SHOWN, "focusable", *more], ["Press", "SetFocus"], box)


def test_an_unnamed_focusable_container_is_a_bad_focus_stop() -> None:
    filler = obj("filler", "", [*SHOWN, "focusable"], ["SetFocus"], (0, 100, 1000, 600))
    assert [n.role for n in nameless_focus_stops(tree(filler))] == ["filler"]
    assert nameless_focus_stops(tree(button("Anmelden", (10, 10, 80, 30)))) == []


def test_an_unnamed_button_counts_where_a_user_can_meet_it() -> None:
    showing = obj("push button", "", actions=["Press"], box=(10, 10, 20, 20))
    focus_stop = obj("push button", "", ["enabled", "sensitive", "focusable"], ["Press"])
    placeholder = obj("push button", "", ["enabled", "sensitive"], ["Press"])
    named = button("Hilfe", (0, 0, 30, 30))
    found = nameless_controls(tree(showing, focus_stop, placeholder, named))
    assert [n.states for n in found] == [frozenset(SHOWN), frozenset(
        {"enabled", "sensitive", "focusable"})]


def test_a_button_without_press_is_found_a_disabled_one_is_not() -> None:
    no_action = obj("push button", "Anmelden", [*SHOWN, "focusable"], [], (0, 0, 80, 30))
    disabled = obj("push button", "Code kopieren", ["visible", "showing"], [], (0, 40, 80, 30))
    assert [n.name for n in buttons_without_action(tree(no_action, disabled))] == ["Anmelden"]


def test_a_list_and_its_current_item_are_one_focus_a_second_control_is_not() -> None:
    item = obj("list item", "Chat", [*SHOWN, "focusable", "focused"], ["Press"],
               (0, 100, 200, 90))
    listed = obj("list", "Dienste", [*SHOWN, "focusable", "focused", "manages descendants"],
                 box=(0, 100, 1000, 600), children=[item])
    assert [n.name for n in focused(tree(listed))] == ["Chat"]
    header = button("Hilfe", (900, 10, 30, 30), "focused")
    assert sorted(n.name for n in focused(tree(listed, header))) == ["Chat", "Hilfe"]


def test_rows_follow_the_layout_not_the_pixel() -> None:
    search, chip, tile = Rect(500, 70, 300, 32), Rect(900, 71, 120, 29), Rect(80, 160, 275, 92)
    assert rows([tile, chip, search]) == [1, 0, 0]


def test_tab_order_against_the_layout_is_found() -> None:
    search = Node.parse(button("Suche", (500, 70, 300, 32)))
    chip = Node.parse(button("Verbindung", (900, 71, 120, 29)))
    helper = Node.parse(button("Hilfe", (1040, 67, 37, 37)))
    tile = Node.parse(obj("list item", "E-Mail", box=(80, 160, 275, 92)))
    assert out_of_order([search, chip, helper, tile]) == []  # and back to the search: fine
    assert out_of_order([chip, helper, tile, search]) == []  # the same cycle, another start
    bad = out_of_order([search, tile, chip, helper])  # audit finding 7
    assert [(a.name, b.name) for a, b in bad] == [("E-Mail", "Verbindung")]


def test_items_of_a_hidden_list_are_not_showing() -> None:
    tile = obj("list item", "E-Mail", box=(80, 160, 275, 92))
    hidden_list = obj("list", "Dienste", ["enabled", "focusable"], children=[tile])
    card = obj("panel", "", box=(300, 200, 600, 400))
    assert [(n.name, why) for n, why in hidden_but_showing(tree(hidden_list, card))] == [
        ("E-Mail", "inside the hidden list 'Dienste'")]


def test_a_showing_sibling_under_another_is_covered() -> None:
    page = obj("list", "Dienste", box=(0, 100, 1000, 700))
    welcome = obj("filler", "", box=(0, 100, 1000, 700))
    problems = hidden_but_showing(tree(page, welcome))
    assert [(n.name, why) for n, why in problems] == [("Dienste", "filler '' covers it")]
    assert hidden_but_showing(tree(obj("list", "Dienste", box=(0, 100, 1000, 700)))) == []
