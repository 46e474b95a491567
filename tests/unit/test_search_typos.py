# SPDX-License-Identifier: EUPL-1.2
"""Search despite typos (issue 11): "kalnder" finds "Kalender"; what is typed right first."""

from __future__ import annotations

import pytest

from workplace.catalog.catalog import Catalog
from workplace.catalog.typos import TypoIndex, allowed_edits
from workplace.config.loader import load_settings
from workplace.config.paths import Paths

from .test_catalog import service


@pytest.fixture
def demo(paths: Paths) -> Catalog:
    return Catalog.from_settings(load_settings(paths))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kalnder", ["calendar"]),  # a letter missing
        ("kalnd", ["calendar"]),  # … while still typing
        ("klaender", ["calendar"]),  # two letters swapped
        ("kalemder", ["calendar"]),  # a wrong letter
        ("kallender", ["calendar"]),  # one too many
        ("vidoe", ["video"]),
        ("praesentatoinen", ["office"]),  # umlaut spelling and a typo
        ("funktionspostfaecehr", ["mail"]),
        ("kalnder termine", ["calendar"]),  # AND: one word with a typo, one without
        ("kalnder videos", []),
    ],
)
def test_a_typo_still_finds_the_service(
    demo: Catalog, query: str, expected: list[str]
) -> None:
    assert [s.id for s in demo.search(query, "de")] == expected


def test_what_is_typed_right_comes_before_what_needs_a_typo() -> None:
    catalog = Catalog.build(
        [],
        [
            service("port", "Portal"),  # "post" with one letter changed, in the name
            service("desk", "Zentrale", desc=("Alles zur Post", "All about post")),
        ],
    )
    assert [s.id for s in catalog.search("post")] == ["desk", "port"]
    assert [s.id for s in catalog.search("portal")] == ["port"]


def test_short_words_and_a_wrong_first_letter_match_only_as_typed() -> None:
    catalog = Catalog.build([], [service("cal", "Kalender"), service("amt", "Amt")])
    assert catalog.search("amy") == []  # three letters: no typo allowed
    assert catalog.search("galender") == []  # the first letter must be right
    assert [s.id for s in catalog.search("kalender")] == ["cal"]


def test_two_typos_only_in_long_words() -> None:
    catalog = Catalog.build([], [service("v", "Verwaltungsportal"), service("k", "Kalender")])
    assert [s.id for s in catalog.search("verwlatungsprotal")] == ["v"]
    assert catalog.search("kalnedr") == []  # seven letters: one typo, this has two
    assert [allowed_edits(w) for w in ("amt", "mail", "kalnder", "kalender")] == [0, 1, 1, 2]


def test_the_typo_index_finds_the_beginnings_of_words_and_the_nearest_distance() -> None:
    known = ("kalender", "kalenderwoche", "kalb", "kalnder", "mail", "main", "maid")
    index = TypoIndex((w, w.upper()) for w in known)
    assert dict(index.near_words("kalnder")) == {"kalender": 1, "kalenderwoche": 1, "kalnder": 0}
    assert dict(index.near_words("mial")) == {"mail": 1}
    assert dict(index.near_words("kalender")) == {"kalender": 0, "kalenderwoche": 0, "kalnder": 1}
    assert index.near("mial") == [(["MAIL"], 1)]
    assert index.near("ka") == []


def test_the_prefix_search_stays_exact_for_many_similar_words() -> None:
    """A thousand words with one beginning ("verfahren0" … "verfahren999"): a typo in
    the beginning finds all of them; with a number, the nearest comes first."""
    catalog = Catalog.build(
        [], [service(f"s{n}", f"Fachverfahren {n}", keywords=(f"verfahren{n}",))
             for n in range(1000)],
    )
    assert len(catalog.search("verfharen")) == 1000
    found = [s.id for s in catalog.search("verfharen999")]
    assert found[0] == "s999", found  # one swap; "verfahren99" and "…499" are two edits
    assert 1 < len(found) < 100, found
