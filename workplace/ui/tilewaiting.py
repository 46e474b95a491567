# SPDX-License-Identifier: EUPL-1.2
"""What a tile shows of its integrations (:class:`TileWaiting`), in the words of
:mod:`workplace.ui.waitingtext`.

A module of its own, imported with the first integration's values (after the first
paint): the first frame shows no tile with something waiting, and a dataclass costs
start-up time to define.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workplace.ui.waitingtext import badge, count_words, mention_words, problem_text

if TYPE_CHECKING:
    from workplace.integrations.model import Availability, Reading


@dataclass(frozen=True)
class TileWaiting:
    """What a tile shows of its integrations: a count, the chat's mentions apart, or
    what needs the user."""

    count: int | None = None
    problem: Availability | None = None
    mentions: int = 0
    """Chat: messages that mention the user; the badge shows "@" in front of the count
    (a mark of its own, not a colour alone)."""
    kind: str = ""
    """The integration whose count it is (``mail``, ``chat``, ``files``): how the count
    is said. Empty when several integrations share the tile."""

    @classmethod
    def of(cls, readings: Iterable[Reading]) -> TileWaiting:
        from workplace.integrations.model import Availability

        count: int | None = None
        problem: Availability | None = None
        mentions = 0
        kinds: set[str] = set()
        for reading in readings:
            if reading.badge is not None:
                count = (count or 0) + reading.badge
                kinds.add(reading.name)
                if reading.mentions:
                    mentions += reading.mentions
            if reading.availability in (Availability.SIGN_IN_AGAIN,
                                        Availability.NEEDS_PASSWORD):
                problem = problem or reading.availability
        kind = kinds.pop() if len(kinds) == 1 else ""
        return cls(count, problem, mentions, kind)

    @property
    def badge(self) -> str:
        text = badge(self.count)
        return f"@{text}" if text and self.mentions else text

    def _counts(self) -> list[str]:
        found = []
        if self.count:
            found.append(count_words(self.kind, self.count))
        if self.mentions:
            found.append(mention_words(self.mentions))
        return found

    def lines(self, name: str) -> list[str]:
        """For the tooltip: "3 ungelesen", "E-Mail: bitte erneut anmelden"."""
        found = self._counts()
        if self.problem is not None:
            found.append(QCoreApplication.translate("WaitingText", "%1: %2").replace(
                "%1", name).replace("%2", problem_text(self.problem)))
        return found

    def words(self) -> list[str]:
        """For the accessible name: "2 Räume mit ungelesenen Nachrichten", "1 Erwähnung",
        "bitte erneut anmelden"."""
        found = self._counts()
        if self.problem is not None:
            found.append(problem_text(self.problem))
        return found
