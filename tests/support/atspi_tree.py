# SPDX-License-Identifier: EUPL-1.2
"""The accessible tree as the AT-SPI reader (tests/support/atspi_reader.py) reports it:
:class:`Node` per object, with its role, name, description, states, actions and extents,
and the text a failing check shows of it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def empty(self) -> bool:
        return self.w <= 0 or self.h <= 0

    def overlap(self, other: Rect) -> int:
        """The area both cover."""
        w = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        h = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return max(w, 0) * max(h, 0)

    def contains(self, other: Rect) -> bool:
        return (self.x <= other.x and self.y <= other.y
                and other.x + other.w <= self.x + self.w
                and other.y + other.h <= self.y + self.h)

    def __str__(self) -> str:
        return f"{self.w}×{self.h} at ({self.x}, {self.y})"


@dataclass(frozen=True, eq=False, repr=False)
class Node:
    """One accessible object as the reader saw it."""

    path: tuple[int, ...]
    role: str
    name: str
    description: str
    states: frozenset[str]
    actions: tuple[str, ...]
    extents: Rect | None
    children: tuple[Node, ...] = ()
    parent: Node | None = field(default=None, repr=False, compare=False)

    @staticmethod
    def parse(data: dict[str, Any], parent: Node | None = None) -> Node:
        box = data.get("extents")
        node = Node(tuple(data["path"]), data["role"], data["name"], data["description"],
                    frozenset(data["states"]), tuple(data["actions"]),
                    Rect(*box) if box else None, (), parent)
        object.__setattr__(node, "children",
                           tuple(Node.parse(child, node) for child in data["children"]))
        return node

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def has(self, state: str) -> bool:
        return state in self.states

    @property
    def showing(self) -> bool:
        return "showing" in self.states

    @property
    def focused(self) -> bool:
        return "focused" in self.states

    @property
    def focusable(self) -> bool:
        return "focusable" in self.states

    @property
    def key(self) -> tuple[str, str, tuple[int, ...]]:
        """What identifies this object from one reading of the tree to the next."""
        return (self.role, self.name, self.path)

    def find(self, predicate: Callable[[Node], bool]) -> list[Node]:
        return [node for node in self.walk() if predicate(node)]

    def __repr__(self) -> str:
        return f"<{self.label()}>"

    def label(self) -> str:
        """One line for a message: role, name, description, states, actions, extents."""
        states = sorted(self.states - {"enabled", "sensitive"})
        if not self.states & {"enabled", "sensitive"}:
            states.insert(0, "DISABLED")
        return (f"{self.role} {self.name!r}"
                + (f" ({self.description!r})" if self.description else "")
                + f" [{', '.join(states)}]"
                + (f" actions={list(self.actions)}" if self.actions else "")
                + (f" {self.extents}" if self.extents else ""))

    def place(self) -> str:
        """Where it is: the roles and names of the objects it is in, outermost first."""
        outer = [a for a in self.ancestors() if a.role not in ("application",)]
        return " > ".join(f"{a.role} {a.name!r}" if a.name else a.role for a in reversed(outer))

    def render(self, depth: int = 0, only_showing: bool = False) -> str:
        """The subtree, indented, as a failure message shows it."""
        lines = ["  " * depth + self.label()]
        for child in self.children:
            if only_showing and not child.showing:
                continue
            lines.append(child.render(depth + 1, only_showing))
        return "\n".join(lines)


def same_tree(a: Node, b: Node) -> bool:
    return [(n.path, n.label()) for n in a.walk()] == [(n.path, n.label()) for n in b.walk()]
