# SPDX-License-Identifier: EUPL-1.2
"""Search over service names, descriptions and keywords in German and English.

Text is folded once when the catalog is built: case-insensitive, accents removed
(``é`` = ``e``), German umlauts match both spellings (``ä`` = ``a`` = ``ae``) and
``ß`` = ``ss``. Every word of the query must match (AND); results are ranked.

A query word found nowhere as it is may still match with a typo (``typos.py``:
"kalnder" finds "Kalender"). Services found without a typo always come first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from workplace.catalog.typos import TypoIndex, words

if TYPE_CHECKING:
    from workplace.config.schema import Service

_UMLAUT_PAIRS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_SPLIT = re.compile(r"[\s,;]+")


def fold(text: str) -> str:
    """Lower case without accents: ``Größe`` -> ``grosse``, ``Café`` -> ``cafe``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_umlauts(folded: str) -> str:
    """Also spell ``ae``/``oe``/``ue`` as ``a``/``o``/``u``, so ``Maeuse`` finds ``Mäuse``."""
    for pair, single in _UMLAUT_PAIRS:
        folded = folded.replace(pair, single)
    return folded


# Scores per matched word. The order is the promise: name prefix > name > keyword > description.
NAME_PREFIX = 100
NAME_WORD_PREFIX = 80
NAME_SUBSTRING = 60
KEYWORD_PREFIX = 45
KEYWORD_SUBSTRING = 40
DESCRIPTION_WORD_PREFIX = 25
DESCRIPTION_SUBSTRING = 20
LANGUAGE_BONUS = 2
# A word found only with a typo: below every match as typed, minus one per typo.
TYPO_NAME = 15
TYPO_KEYWORD = 12
TYPO_DESCRIPTION = 8
_TYPO_SCORES = {"name": TYPO_NAME, "keyword": TYPO_KEYWORD, "description": TYPO_DESCRIPTION}
TYPO_CACHE = 64
"""Query words whose near matches are kept: typing one more letter asks again."""


class _Field(NamedTuple):
    kind: str  # "name" | "keyword" | "description"
    language: str  # "de" | "en" | ""
    plain: str
    umlauts: str


class _Term(NamedTuple):
    plain: str
    umlauts: str


def _field(kind: str, language: str, text: str) -> _Field | None:
    plain = fold(text).strip()
    return _Field(kind, language, plain, fold_umlauts(plain)) if plain else None


def _fields(service: Service) -> tuple[_Field, ...]:
    found = [
        _field("name", "de", service.name.de),
        _field("name", "en", service.name.en),
        _field("keyword", "", service.id),
        *(_field("keyword", "", k) for k in service.keywords),
        _field("description", "de", service.description.de),
        _field("description", "en", service.description.en),
    ]
    return tuple(f for f in found if f is not None)


def _position(term: _Term, field: _Field) -> tuple[int, str]:
    pos = field.plain.find(term.plain)
    if pos >= 0:
        return pos, field.plain
    pos = field.umlauts.find(term.umlauts)
    return pos, field.umlauts


def _score(term: _Term, field: _Field, language: str) -> int:
    pos, text = _position(term, field)
    if pos < 0:
        return 0
    word_start = pos == 0 or not text[pos - 1].isalnum()
    if field.kind == "name":
        score = NAME_PREFIX if pos == 0 else NAME_WORD_PREFIX if word_start else NAME_SUBSTRING
    elif field.kind == "keyword":
        score = KEYWORD_PREFIX if pos == 0 else KEYWORD_SUBSTRING
    else:
        score = DESCRIPTION_WORD_PREFIX if word_start else DESCRIPTION_SUBSTRING
    if field.language and language.startswith(field.language):
        score += LANGUAGE_BONUS
    return score


def _spellings(field: _Field) -> set[str]:
    """The words of ``field`` in both spellings (most fields have no "ae", "oe", "ue")."""
    found = set(words(field.plain))
    if field.umlauts != field.plain:
        found.update(words(field.umlauts))
    return found


def terms(query: str) -> list[_Term]:
    out = []
    for word in _SPLIT.split(query):
        plain = fold(word).strip()
        if plain:
            out.append(_Term(plain, fold_umlauts(plain)))
    return out


class SearchIndex:
    """Folded texts of every service, built once; a search then only compares strings.

    The texts are folded on first use (the first paint of a thousand services does not
    wait for them): by the first search, or ahead of it by :meth:`fold`.
    """

    def __init__(self, services: Iterable[Service]) -> None:
        self._services = tuple(services)
        self._folded: list[tuple[Service, tuple[_Field, ...]]] | None = None
        self._typos: TypoIndex[tuple[int, int]] | None = None
        self._near: dict[tuple[str, str], dict[int, int]] = {}

    @property
    def _entries(self) -> list[tuple[Service, tuple[_Field, ...]]]:
        return self.fold()

    def fold(self) -> list[tuple[Service, tuple[_Field, ...]]]:
        """Every service with its folded texts, folded now if not yet (a job may call it,
        so the first search need not wait)."""
        folded = self._folded
        if folded is None:  # two threads at once only fold twice, to the same result
            folded = self._folded = [(service, _fields(service)) for service in self._services]
        return folded

    def search(self, query: str, language: str = "de") -> list[Service]:
        """Services matching every word of ``query``, best first; all of them for no words.

        First those where every word is found as typed, then those that needed a typo.
        """
        query_terms = terms(query)
        if not query_terms:
            return list(self._services)
        ranked: list[tuple[int, int, int, Service]] = []
        for order, (service, fields) in enumerate(self._entries):
            total, typos = self._match(order, query_terms, fields, language)
            if total:
                ranked.append((typos, -total, order, service))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked]

    def prepare(self) -> TypoIndex[tuple[int, int]]:
        """The index of words for typos, built now if not yet (the first search that
        needs it would pay for it: a caller may prepare it while the user types)."""
        if self._typos is None:
            # Both spellings: "klaender" is one swap from "kalender", but its umlaut
            # spelling "klander" is two edits away.
            self._typos = TypoIndex(
                (word, (order, number))
                for order, (_, fields) in enumerate(self._entries)
                for number, field in enumerate(fields)
                for word in _spellings(field)
            )
        return self._typos

    def _match(
        self, order: int, query_terms: Sequence[_Term], fields: Sequence[_Field], language: str
    ) -> tuple[int, int]:
        """(score, how many words needed a typo); score 0: no match."""
        total = typos = 0
        for term in query_terms:
            best = max((_score(term, field, language) for field in fields), default=0)
            if not best:
                best = self._near_scores(term, language).get(order, 0)
                typos += 1
            if not best:
                return 0, 0
            total += best
        return total, typos

    def _near_scores(self, term: _Term, language: str) -> dict[int, int]:
        """Service (by order) -> best score of a word near ``term``; once per word."""
        key = (term.plain, language)
        found = self._near.get(key)
        if found is not None:
            return found
        typos = self.prepare()
        found = {}
        spellings = {term.plain, term.umlauts}
        for where, distance in (hit for s in spellings for hit in typos.near(s)):
            for order, number in where:
                field = self._entries[order][1][number]
                score = _TYPO_SCORES[field.kind] - distance
                if field.language and language.startswith(field.language):
                    score += LANGUAGE_BONUS
                if score > found.get(order, 0):
                    found[order] = score
        if len(self._near) >= TYPO_CACHE:
            self._near.pop(next(iter(self._near)))
        self._near[key] = found
        return found
