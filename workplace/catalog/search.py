# SPDX-License-Identifier: EUPL-1.2
"""Search over service names, descriptions and keywords in German and English.

Text is folded once when the catalog is built: case-insensitive, accents removed
(``é`` = ``e``), German umlauts match both spellings (``ä`` = ``a`` = ``ae``) and
``ß`` = ``ss``. Every word of the query must match (AND); results are ranked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class _Field:
    kind: str  # "name" | "keyword" | "description"
    language: str  # "de" | "en" | ""
    plain: str
    umlauts: str


@dataclass(frozen=True)
class _Term:
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


def terms(query: str) -> list[_Term]:
    out = []
    for word in _SPLIT.split(query):
        plain = fold(word).strip()
        if plain:
            out.append(_Term(plain, fold_umlauts(plain)))
    return out


class SearchIndex:
    """Folded texts of every service, built once; a search then only compares strings."""

    def __init__(self, services: Iterable[Service]) -> None:
        self._entries = [(service, _fields(service)) for service in services]

    def search(self, query: str, language: str = "de") -> list[Service]:
        """Services matching every word of ``query``, best first; all of them for no words."""
        words = terms(query)
        if not words:
            return [service for service, _ in self._entries]
        ranked: list[tuple[int, int, Service]] = []
        for order, (service, fields) in enumerate(self._entries):
            total = self._match(words, fields, language)
            if total:
                ranked.append((-total, order, service))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [service for _, _, service in ranked]

    @staticmethod
    def _match(words: Sequence[_Term], fields: Sequence[_Field], language: str) -> int:
        total = 0
        for word in words:
            best = max((_score(word, field, language) for field in fields), default=0)
            if not best:
                return 0
            total += best
        return total
