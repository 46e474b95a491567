# SPDX-License-Identifier: EUPL-1.2
"""The openDesk / Univention portal feeds mapped into catalog services, hostile ones too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workplace.catalog.manifest import validate_manifest
from workplace.catalog.univention import (
    looks_like_login,
    map_navigation,
    map_portal,
    navigation_url,
    sanitise_id,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "univention"
BASE = "https://portal.example.org/univention/portal/"


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def test_navigation_joins_german_and_english() -> None:
    mapped = map_navigation(
        {"de": load("navigation-de.json"), "en": load("navigation-en.json")}, "nav", BASE
    )
    assert mapped.problems == ()
    doc = mapped.document
    assert [c["id"] for c in doc["categories"]] == ["domain-service", "admin"]
    assert doc["categories"][0]["name"] == {"de": "Anwendungen", "en": "Applications"}
    by_id = {s["id"]: s for s in doc["services"]}
    assert list(by_id) == ["groupwaremail", "nextcloud", "jitsi", "umc"]
    assert by_id["groupwaremail"]["name"] == {"de": "E-Mail", "en": "Email"}
    assert by_id["nextcloud"]["keywords"] == ["Ablage", "Cloud"]
    # relative links and icons are resolved against the portal
    assert by_id["umc"]["url"] == "https://portal.example.org/univention/management/"
    assert by_id["jitsi"]["icon"] == (
        "https://portal.example.org/univention/portal/icons/entries/jitsi.svg"
    )
    manifest, problems = validate_manifest(doc, "nav")
    assert manifest is not None, problems
    assert manifest.services[3].category == "admin"


def test_navigation_only_one_language_fills_both() -> None:
    mapped = map_navigation({"de": load("navigation-de.json"), "en": None}, "nav", BASE)
    mail = mapped.document["services"][0]
    assert mail["name"] == {"de": "E-Mail", "en": "E-Mail"}


def test_hostile_navigation_drops_unsafe_entries_with_problems() -> None:
    hostile = load("navigation-hostile.json")
    mapped = map_navigation({"de": hostile, "en": hostile}, "nav", BASE)
    services = {s["id"]: s for s in mapped.document["services"]}
    assert set(services) == {"dataicon", "groupwaremail", "groupwaremail-04874ca2", "noname"}
    urls = {s["url"] for s in services.values()}
    assert not any(u.startswith(("javascript:", "http:")) or "@" in u for u in urls)
    assert services["groupwaremail"]["url"] == "https://webmail.example.org/"  # first kept
    assert "icon" not in services["dataicon"]  # data: icon dropped, entry kept
    assert services["noname"]["name"] == {"de": "noName", "en": "noName"}
    text = "\n".join(str(p) for p in mapped.problems)
    for expected in (
        "categories[0].entries[0].link: warning: the link 'javascript:alert(document.cookie)' "
        "is refused: scheme 'javascript' is not allowed",
        "entries[1].link: warning: the link 'http://intranet.example.org/' is refused",
        "entries[2].link: warning: the link 'https://portal.example.org@evil.example/' is "
        "refused: user info",
        "entries[3].icon_url: warning: the icon 'data:",
        "entries[5]: warning: duplicate identifier 'groupwareMail' with another link",
        "entries[7].identifier: warning: missing",
        "entries[8].link: warning: the link is missing",
        "entries[9].display_name: warning: missing",
        "entries[10].link: warning: the link '\\\\\\\\fileserver\\\\share' is refused",
        "entries[11]: warning: an entry must be an object",
        "categories[1].identifier: warning: missing; category left out",
    ):
        assert expected in text, expected
    assert all(p.file == "nav" for p in mapped.problems)
    assert len(mapped.problems) == len({str(p) for p in mapped.problems})  # reported once
    manifest, problems = validate_manifest(mapped.document, "nav")
    assert manifest is not None, problems


def test_portal_json_locales_links_and_folders() -> None:
    mapped = map_portal(load("portal.json"), "portal", BASE)
    doc = mapped.document
    names = {"de": "Anwendungen", "en": "Applications"}
    assert doc["categories"] == [{"id": "apps", "name": names}]
    by_id = {s["id"]: s for s in doc["services"]}
    assert list(by_id) == ["groupwaremail", "nextcloud"]  # wiki (vbscript:) dropped
    mail = by_id["groupwaremail"]
    assert mail["url"] == "https://webmail.example.org/"  # German https link over http/en
    assert mail["description"]["en"] == "Email, calendar and contacts"
    assert by_id["nextcloud"]["url"] == "https://files.example.org/"  # host name over IP
    text = "\n".join(str(p) for p in mapped.problems)
    assert "entries[2].link: warning: the link 'vbscript:msgbox(1)' is refused" in text
    assert "entries[3].dn: warning: missing" in text
    assert "unknown entry 'cn=missing," in text


def test_portal_json_not_an_object() -> None:
    mapped = map_portal(["nope"], "portal", BASE)
    assert mapped.empty and "must be an object" in str(mapped.problems[0])


def test_ids_are_sanitised_and_stable() -> None:
    assert sanitise_id("groupwareMail") == "groupwaremail"
    assert sanitise_id("Anwendungen & Co!") == "anwendungen-co"
    assert sanitise_id("ÄÖÜ") == sanitise_id("ÄÖÜ")
    assert sanitise_id("ÄÖÜ").startswith("entry-")
    assert len(sanitise_id("x" * 300)) == 64
    first = map_navigation({"de": load("navigation-hostile.json")}, "a", BASE)
    second = map_navigation({"de": load("navigation-hostile.json")}, "b", BASE)
    assert [s["id"] for s in first.document["services"]] == [
        s["id"] for s in second.document["services"]
    ]


def test_navigation_url_and_login_detection() -> None:
    assert navigation_url(BASE.rstrip("/"), "en-US") == (
        "https://portal.example.org/univention/portal/navigation.json"
        "?base=https%3A%2F%2Fportal.example.org&language=en-US"
    )
    assert looks_like_login("https://portal.example.org/univention/oidc/?location=/", "")
    assert looks_like_login("https://portal.example.org/x", "text/html; charset=utf-8")
    assert not looks_like_login("https://portal.example.org/x.json", "application/json")
