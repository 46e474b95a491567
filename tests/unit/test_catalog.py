# SPDX-License-Identifier: EUPL-1.2
"""The catalog: grouping by category, lookups and bilingual, accent-insensitive search."""

from __future__ import annotations

from pathlib import Path

import pytest

from workplace.catalog.catalog import Catalog, other_category
from workplace.catalog.search import fold, fold_umlauts
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.schema import Category, LocalizedText, Service

from .conftest import write


def service(
    ident: str,
    de: str,
    en: str = "",
    *,
    category: str = "other",
    desc: tuple[str, str] = ("", ""),
    keywords: tuple[str, ...] = (),
) -> Service:
    return Service(
        id=ident,
        name=LocalizedText(de=de, en=en or de),
        description=LocalizedText(de=desc[0], en=desc[1]),
        category=category,
        keywords=list(keywords),
        url=f"https://{ident}.example/",
    )


@pytest.fixture
def demo(paths: Paths) -> Catalog:
    return Catalog.from_settings(load_settings(paths))


def test_demo_catalog_groups(demo: Catalog) -> None:
    assert [c.id for c in demo.categories] == ["communication", "productivity", "organisation"]
    groups = {c.id: [s.id for s in members] for c, members in demo.groups()}
    assert groups["communication"] == ["mail", "calendar", "chat", "video"]
    assert demo.get("wiki") is not None and demo.get("nope") is None
    assert "mail" in demo and len(demo) == 10
    assert [s.id for s in demo.pick(["wiki", "gone", "mail"])] == ["wiki", "mail"]


def test_undeclared_category_goes_to_other_and_duplicates_are_dropped() -> None:
    cats = [Category(id="b", name=LocalizedText(de="B", en="B"))]
    catalog = Catalog.build(
        cats,
        [
            service("x", "X", category="zzz"),
            service("y", "Y", category="b"),
            service("x", "Second X", category="b"),
            service("z", "Z"),
        ],
    )
    assert [c.id for c in catalog.categories] == ["b", "other"]
    assert catalog.categories[-1] == other_category()
    assert [s.id for s in catalog.services] == ["y", "x", "z"]
    assert catalog.get("x") is not None and catalog.get("x").name.de == "X"  # type: ignore[union-attr]
    assert catalog.get("x").category == "other"  # type: ignore[union-attr]


def test_declared_other_keeps_its_name_and_place() -> None:
    cats = [
        Category(id="other", name=LocalizedText(de="Sonstiges", en="Misc")),
        Category(id="a", name=LocalizedText(de="A", en="A")),
    ]
    catalog = Catalog.build(
        cats, [service("x", "X", category="nope"), service("y", "Y", category="a")]
    )
    assert [(c.id, c.name.de) for c in catalog.categories] == [("other", "Sonstiges"), ("a", "A")]


def test_empty_catalog_from_defaults(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", "")
    catalog = Catalog.from_settings(load_settings(paths))
    assert catalog.services == () and catalog.groups() == [] and catalog.search("x") == []


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Größe", "grosse"), ("Café", "cafe"), ("ÄRGER", "arger"), ("straße", "strasse")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_umlaut_spellings() -> None:
    assert fold_umlauts(fold("Mäuse")) == fold_umlauts(fold("Maeuse")) == "mause"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kalender", ["calendar"]),  # German name
        ("calendar", ["calendar"]),  # English name
        ("KALENDER", ["calendar"]),
        ("termine", ["calendar"]),  # German keyword and description
        ("spreadsheet", ["office"]),  # English description and keyword
        ("präsentation", ["office"]),
        ("prasentation", ["office"]),
        ("praesentationen", ["office"]),
        ("postfacher", ["mail"]),  # Funktionspostfächer, without the umlaut
        ("funktionspostfaecher", ["mail"]),
        ("team chat", ["chat"]),  # AND over words
        ("team video", []),
        ("  ", None),  # no words: everything
    ],
)
def test_search_demo(demo: Catalog, query: str, expected: list[str] | None) -> None:
    found = [s.id for s in demo.search(query, "de")]
    if expected is None:
        assert found == [s.id for s in demo.services]
    else:
        assert found == expected


def test_search_ranking_name_prefix_beats_substring_keyword_description() -> None:
    catalog = Catalog.build(
        [],
        [
            service("d", "Delta", desc=("Alles über Akten", "All about files")),
            service("k", "Kilo", keywords=("Aktenplan",)),
            service("s", "Sachakten"),
            service("w", "Die Akten"),
            service("p", "Aktenablage"),
        ],
    )
    assert [s.id for s in catalog.search("akten")] == ["p", "w", "s", "k", "d"]


def test_search_prefers_the_current_language_on_ties() -> None:
    catalog = Catalog.build([], [service("a", "Post", "Mail"), service("b", "Mail", "Post")])
    assert [s.id for s in catalog.search("post", "de")] == ["a", "b"]
    assert [s.id for s in catalog.search("post", "en")] == ["b", "a"]


def test_search_finds_the_right_services_among_a_thousand() -> None:
    """At the scale of a large agency's catalog. How fast it is (build, typo index, a
    keystroke's filter and repaint at 1,000 services) is measured in benchmarks/
    (``bench_catalog_scale``), not asserted here."""
    services = [
        service(
            f"svc{n}",
            f"Fachverfahren {n} Übersicht",
            f"Procedure {n} overview",
            desc=(f"Beschreibung für Vorgang {n}", f"Description for case {n}"),
            keywords=(f"kw{n}", "Straßenverkehr", "Bürgeramt"),
        )
        for n in range(1000)
    ]
    catalog = Catalog.build([], services)
    catalog.prepare_search()  # the typo index: the window builds it after the first letter

    def found(query: str) -> list[str]:
        return [s.id for s in catalog.search(query)]

    everyone = [f"svc{n}" for n in range(1000)]
    assert found("ubersicht 999") == ["svc999"]  # umlaut folded, one of a thousand
    assert found("vorgang 512") == ["svc512"]  # in the description
    assert found("fach") == everyone  # a prefix; equal matches keep the catalog's order
    assert found("strassenverkehr") == everyone and found("buergeramt") == everyone
    assert found("nothing-matches") == []
    # A keyword's prefix: kw5, kw50-kw59, kw500-kw599; the whole word first.
    with_kw5 = found("buergeramt kw5")
    assert with_kw5[0] == "svc5"
    assert set(with_kw5) == {"svc5"} | {f"svc{n}" for n in [*range(50, 60), *range(500, 600)]}
    # A typo (swapped letters) among a thousand names, with a number in each.
    typo = found("fachverfarhen 7")
    assert typo[0] == "svc7"
    assert set(typo) == {f"svc{n}" for n in range(1000) if "7" in str(n)}
