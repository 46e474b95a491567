# SPDX-License-Identifier: EUPL-1.2
"""Finding words despite a typo: "kalnder" finds "Kalender".

A word of the query matches a word of a service when it is within a small
Damerau-Levenshtein distance (optimal string alignment: a letter missing, one too
many, a wrong one, or two swapped) of the beginning of that word, so a word being
typed matches too ("kalnd" finds "Kalender"). How many edits are allowed grows with
the query word: none up to three letters, one up to seven, two from eight on.

The first letter must be right, as in most search engines' typo tolerance (Lucene's
``prefixLength``): typos there are rare, and it keeps the search to a small part of
the words. The words are kept sorted, so words with a common beginning
("verfahren1" … "verfahren999") follow each other: the rows of the distance table
for that beginning are computed once, and where no entry of a row is within the
allowed distance, every word with that beginning is passed over at once. Sorting
is all the index costs to build.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import Generic, TypeVar

_WORD = re.compile(r"\w+")
_LAST = chr(0x10FFFF)
T = TypeVar("T")

SHORTEST = 4
"""Query words shorter than this match exactly or not at all."""
TWO_EDITS_FROM = 8


def allowed_edits(word: str) -> int:
    """How many typos a query word of this length may have."""
    if len(word) < SHORTEST:
        return 0
    return 1 if len(word) < TWO_EDITS_FROM else 2


def words(text: str) -> list[str]:
    """The words of a folded text."""
    return _WORD.findall(text)


class TypoIndex(Generic[T]):
    """Words and where they occur (any value the caller attaches to a word)."""

    def __init__(self, occurrences: Iterable[tuple[str, T]]) -> None:
        self._where: dict[str, list[T]] = {}
        for word, value in occurrences:
            self._where.setdefault(word, []).append(value)
        self._words = sorted(self._where)

    def near(self, word: str) -> list[tuple[list[T], int]]:
        """Where the words are that begin within the allowed edits of ``word``, each with
        the smallest distance; nothing for short words."""
        return [(self._where[found], distance) for found, distance in self.near_words(word)]

    def near_words(self, word: str) -> list[tuple[str, int]]:
        limit = allowed_edits(word)
        if not limit:
            return []
        words = self._words
        end = bisect_left(words, word[0] + _LAST)
        position = bisect_left(words, word[0], 0, end)
        rows = [list(range(len(word) + 1))]  # rows[j]: the table after j letters
        bests = [limit + 1]  # bests[j]: the nearest beginning within those j letters
        previous = ""
        found: list[tuple[str, int]] = []
        while position < end:
            candidate = words[position]
            common = _common(candidate, previous, len(rows) - 1)
            del rows[common + 1 :], bests[common + 1 :]
            for depth in range(common, len(candidate)):
                row = _next_row(
                    word,
                    candidate[depth],
                    rows[depth],
                    rows[depth - 1] if depth else None,
                    candidate[depth - 1] if depth else "",
                )
                rows.append(row)
                bests.append(min(bests[-1], row[-1]))
                if min(row) > limit:
                    break
            best = bests[-1]
            previous = candidate
            if min(rows[-1]) <= limit:  # the whole word was read
                if best <= limit:
                    found.append((candidate, best))
                position += 1
                continue
            # Hopeless from here on: every word with this beginning ends as this one.
            beginning = candidate[: len(rows) - 1]
            after = bisect_left(words, beginning + _LAST, position, end)
            if best <= limit:
                found.extend((w, best) for w in words[position:after])
            position = after
        return found


def _common(one: str, other: str, most: int) -> int:
    count = 0
    for a, b in zip(one, other, strict=False):
        if a != b or count == most:
            break
        count += 1
    return count


def _next_row(
    word: str, char: str, previous: list[int], before: list[int] | None, previous_char: str
) -> list[int]:
    """One more letter of the indexed word: its distance to every beginning of ``word``."""
    row = [previous[0] + 1]
    for i in range(1, len(word) + 1):
        cost = 0 if word[i - 1] == char else 1
        best = min(row[i - 1] + 1, previous[i] + 1, previous[i - 1] + cost)
        if (
            before is not None
            and i > 1
            and word[i - 1] == previous_char
            and word[i - 2] == char
        ):
            best = min(best, before[i - 2] + 1)  # two letters swapped
        row.append(best)
    return row
