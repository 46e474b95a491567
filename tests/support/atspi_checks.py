# SPDX-License-Identifier: EUPL-1.2
"""What a screen reader user needs from the tree, as functions over :class:`Node`.

Each function returns what is wrong (empty when all is well), so a test can fail with
the objects themselves as evidence. The rules follow EN 301 549 chapter 11 (11.5.2:
role, name, states and actions of every object; focus; change notifications) and
WCAG 2.1 as it applies to software (2.4.3 focus order, 2.1.2 no keyboard trap,
1.3.1 info and relationships).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.support.atspi import AccessibleWindow, Node, Rect

MEANINGLESS_ROLES = frozenset({
    "filler", "panel", "unknown", "invalid", "redundant object", "layered pane",
    "scroll pane", "viewport", "split pane", "section", "grouping",
})
"""Containers: a focus stop with one of these roles tells the user nothing."""

CONTROL_ROLES = frozenset({
    "push button", "toggle button", "check box", "radio button", "combo box", "menu item",
    "check menu item", "radio menu item", "link", "spin button", "slider", "page tab",
    "password text",
})
"""Controls a user operates: each needs a name where a user can meet it."""

BUTTON_ROLES = frozenset({"push button", "toggle button", "check box", "radio button", "link"})

NOT_OPENING = frozenset({
    "Toggle", "SetFocus", "ShowMenu", "Increase", "Decrease", "ScrollLeft", "ScrollRight",
    "ScrollUp", "ScrollDown", "PreviousPage", "NextPage",
})
"""Qt's action names that select, focus, or show a menu: none of them opens a service."""


def enabled(node: Node) -> bool:
    return node.has("enabled") or node.has("sensitive")


def window_of(tree: Node) -> Node | None:
    for child in tree.children:
        if child.role in ("frame", "dialog", "window") and child.showing:
            return child
    return None


# --- names and roles ---------------------------------------------------------------------

def nameless_focus_stops(tree: Node) -> list[Node]:
    """Showing objects the keyboard can reach that have no name or only a container role."""
    return [n for n in tree.walk() if n.showing and n.focusable and enabled(n)
            and (not n.name.strip() or n.role in MEANINGLESS_ROLES)]


def nameless_controls(tree: Node) -> list[Node]:
    """Buttons, fields and other controls without a name that a user can meet: showing,
    or able to take the focus (a hidden focus stop is one when its area shows)."""
    return [n for n in tree.walk()
            if (n.role in CONTROL_ROLES or (n.role == "text" and n.has("editable")))
            and (n.showing or n.focusable) and not n.name.strip()]


def buttons_without_action(tree: Node) -> list[Node]:
    """Showing, enabled buttons that offer no action besides taking the focus: a switch or
    voice-control user cannot press them."""
    return [n for n in tree.walk() if n.role in BUTTON_ROLES and n.showing and enabled(n)
            and not [a for a in n.actions if a != "SetFocus"]]


# --- focus -------------------------------------------------------------------------------

def focused(tree: Node) -> list[Node]:
    """Objects that say they have the focus. A container that manages its descendants
    (a list) and its focused item count once, as the item: that is how AT-SPI
    reports the focus inside a list."""
    found = [n for n in tree.walk() if n.focused]
    return [n for n in found
            if not (n.has("manages descendants")
                    and any(other is not n and n in other.ancestors() for other in found))]


def focus_key(tree: Node) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
    return tuple(n.key for n in focused(tree))


@dataclass(repr=False)
class Stop:
    """Where the focus was after a press of Tab (or at the start)."""

    node: Node | None
    """The object that got the focus (None: nothing reports it)."""
    focused: list[Node]
    tree: Node

    def __repr__(self) -> str:
        return f"<stop {self.node!r}, {len(self.focused)} focused>"


@dataclass(repr=False)
class Tour:
    """The focus stops Tab visits from where the focus is when the window opens."""

    stops: list[Stop] = field(default_factory=list)
    cycle_start: int = -1
    """Index of the stop Tab came back to; -1 if it never came back."""
    problem: str = ""

    def __repr__(self) -> str:
        return f"<tour of {len(self.stops)} stops>"

    @property
    def cycle(self) -> list[Stop]:
        return self.stops[self.cycle_start:] if self.cycle_start >= 0 else []

    def render(self) -> str:
        lines = []
        for i, stop in enumerate(self.stops):
            mark = "↻ " if i == self.cycle_start else "  "
            what = stop.node.label() if stop.node else "(no object reports the focus)"
            extra = [n.label() for n in stop.focused if n is not stop.node]
            lines.append(f"{mark}{i}: {what}"
                         + (f"\n      also focused: {'; '.join(extra)}" if extra else ""))
        return "\n".join(lines)


def visible(node: Node) -> bool:
    """Showing, and so is every container it is in."""
    return node.showing and all(a.showing for a in node.ancestors())


def _entered(tree: Node, before: Node | None) -> Node | None:
    """The object that got the focus: focused and not before, visible if one is."""
    old = set(focus_key(before)) if before is not None else set()
    now = sorted((n for n in focused(tree) if n.showing), key=lambda n: not visible(n))
    new = [n for n in now if n.key not in old]
    return (new or now or [None])[0]


def tab_tour(window: AccessibleWindow, limit: int = 60) -> Tour:
    """Press Tab until the focus comes back to a stop it visited (or ``limit`` presses).
    After each press the tree is read until the focus moved and the tree is steady."""
    tour = Tour()
    full = window.settled(lambda t: bool(focused(t)))
    tree = window.settled(lambda t: bool(focused(t)), detail="focus")
    if full is None or tree is None:
        tour.problem = "nothing has the focus when the window opens"
        return tour
    tour.stops.append(Stop(_entered(tree, None), focused(tree), tree))
    reachable = [n for n in full.walk() if n.showing and n.focusable and enabled(n)]
    for _ in range(min(limit, len(reachable) + 3)):
        before = tour.stops[-1].tree
        window.key("Tab")
        tree = window.settled(lambda t, before=before: focus_key(t) != focus_key(before),
                              detail="focus")
        if tree is None:
            tour.problem = "Tab did not move the focus (a keyboard trap)"
            return tour
        node = _entered(tree, before)
        for i, stop in enumerate(tour.stops):
            if node is not None and stop.node is not None and stop.node.key == node.key:
                tour.cycle_start = i
                return tour
        tour.stops.append(Stop(node, focused(tree), tree))
    tour.problem = f"after {len(tour.stops)} presses of Tab the focus had not come back"
    return tour


def rows(boxes: list[Rect]) -> list[int]:
    """The row of each box as a reader sees the layout: a box whose vertical centre lies
    within the first box of the current row (taken top to bottom) shares its row."""
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i].y + boxes[i].h / 2, boxes[i].x))
    row_of = [0] * len(boxes)
    row, top, bottom = -1, 0.0, -1.0
    for i in order:
        centre = boxes[i].y + boxes[i].h / 2
        if not top <= centre <= bottom:
            row, top, bottom = row + 1, boxes[i].y, boxes[i].y + boxes[i].h
        row_of[i] = row
    return row_of


def out_of_order(stops: list[Node]) -> list[tuple[Node, Node]]:
    """Steps of a Tab cycle that go against reading order (top to bottom, then left to
    right). A cycle in reading order has exactly one step back: from the last to the
    first; every other step back is returned as (from, to)."""
    if len(stops) < 2:
        return []
    boxes = [n.extents or Rect(0, 0, 0, 0) for n in stops]
    row = rows(boxes)
    keys = [(row[i], boxes[i].x) for i in range(len(stops))]
    backs = [(stops[i], stops[(i + 1) % len(stops)]) for i in range(len(stops))
             if keys[(i + 1) % len(stops)] < keys[i]]
    # The step back into the first stop in reading order is the cycle's own.
    first = stops[min(range(len(stops)), key=lambda i: keys[i])]
    return [(a, b) for a, b in backs if b is not first]


# --- what shows --------------------------------------------------------------------------

def hidden_but_showing(tree: Node) -> list[tuple[Node, str]]:
    """Objects that report "showing" although the user cannot see them: inside a container
    that is not showing, of no size, outside the window, or under a showing sibling."""
    window = window_of(tree)
    problems: list[tuple[Node, str]] = []
    for node in tree.walk():
        if not node.showing or node is tree or node is window:
            continue
        hidden = next((a for a in node.ancestors() if a is not tree and not a.showing), None)
        if hidden is not None:
            problems.append((node, f"inside the hidden {hidden.role} {hidden.name!r}"))
        elif node.extents is None or node.extents.empty:
            problems.append((node, "it has no size on screen"))
        elif window is not None and window.extents is not None \
                and not window.extents.overlap(node.extents):
            problems.append((node, "it lies outside the window"))
    for parent in tree.walk():
        shown = [c for c in parent.children if c.showing and c.extents and not c.extents.empty]
        for i, lower in enumerate(shown):
            for upper in shown[i + 1:]:
                assert lower.extents is not None and upper.extents is not None
                if lower.extents.overlap(upper.extents):
                    problems.append((lower, f"{upper.role} {upper.name!r} covers it"))
    return problems
