# SPDX-License-Identifier: EUPL-1.2
"""Every refusal of workplace.links: too long, hidden characters, look-alikes, foreign
schemes, malformed links; each says why in English and German."""

from __future__ import annotations

import pytest

from workplace.catalog.catalog import Catalog
from workplace.config.schema import LinkSettings, Tenant
from workplace.links.action import Refusal, Refused
from workplace.links.parse import MAX_LINK
from workplace.links.route import route

CATALOG = Catalog.from_tenant(Tenant.model_validate({"services": [
    {"id": "mail", "name": "Mail", "url": "https://webmail.example.org/"},
    {"id": "chat", "name": "Chat", "url": "https://chat.example.org/"},
]}))
LINKS = LinkSettings(
    mail_compose_url="https://webmail.example.org/compose?to={to}&subject={subject}&body={body}",
    tel_url="sip:{number}",
)


def refused(text: object) -> Refused:
    action = route(text, CATALOG, LINKS, {}, platform="linux")
    assert isinstance(action, Refused), action
    assert action.detail and action.detail_de and action.detail != action.detail_de
    assert action.text("de") == action.detail_de and action.text("en") == action.detail
    return action


@pytest.mark.parametrize("text", ["mailto:a@b.example?body=" + "x" * MAX_LINK,
                                  "https://chat.example.org/" + "a" * MAX_LINK])
def test_over_long_links_are_refused(text: str) -> None:
    assert refused(text).reason is Refusal.TOO_LONG


def test_a_link_of_exactly_the_limit_is_taken() -> None:
    text = "mailto:a@b.example?body=" + "x" * (MAX_LINK - len("mailto:a@b.example?body="))
    assert not isinstance(route(text, CATALOG, LINKS, {}), Refused)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("mailto:a@b.example?subject=Hi\nBcc: evil@x.example", "U+000A"),
        ("mailto:a@b.example\x00", "U+0000"),
        ("https://chat.example.org/\x7f", "U+007F"),
        ("mailto:a@b.example?subject=\u202etxt.exe", "U+202E"),
        ("matrix:u/er\u200bika:example.org", "U+200B"),
        ("arbeitsplatz://open/mail\u2028", "U+2028"),
        ("mailto:a@b.example?subject=%E2%80%AEtxt.exe", "U+202E"),  # percent-encoded bidi
        ("mailto:a@b.example?subject=%1B%5B31m", "U+001B"),  # terminal escape
        ("matrix:u/erika%E2%80%8B:example.org", "U+200B"),
        ("arbeitsplatz://search?q=a%00", "U+0000"),
        ("tel:+49\u00a030123", "U+00A0"),
    ],
)
def test_control_and_invisible_characters_are_refused(text: str, named: str) -> None:
    action = refused(text)
    assert action.reason is Refusal.CONTROL_CHARACTER
    assert named in action.detail and named in action.detail_de


def test_line_breaks_are_fine_in_a_mail_body_only() -> None:
    action = route("mailto:a@b.example?body=eins%0D%0Azwei%09drei", CATALOG, LINKS, {})
    assert not isinstance(action, Refused)
    assert refused("mailto:a@b.example?subject=eins%0Azwei").reason is Refusal.CONTROL_CHARACTER


@pytest.mark.parametrize(
    "text",
    [
        "mailto:erika@p\u0430ypal.example",  # Cyrillic a in the mail domain
        "mailto:erika@xn--pypal-4ve.example",  # the same, as punycode
        "mailto:x@b.example?cc=erika@\u0261oogle.example",  # in cc
        "matrix:u/erika:ex\u0430mple.org",  # in the chat server
        "matrix:r/team:example.org?via=\u0435xample.org",  # in via
        "https://\u0435xample.org/",  # a web link
        "https://user@chat.example.org/",  # user info
        "http://chat.example.org/",  # plain http off loopback
        "https://matrix.to/#/@erika:\u0435xample.org",
    ],
)
def test_look_alike_and_unsafe_addresses_are_refused(text: str) -> None:
    assert refused(text).reason is Refusal.UNSAFE_ADDRESS


@pytest.mark.parametrize(
    "text",
    ["file:///etc/passwd", "javascript:alert(1)", "smb://server/share", "ms-settings:home",
     "data:text/html,<script>", "vbscript:x", "ftp://example.org/", "sip:123"],
)
def test_other_schemes_are_never_handed_on(text: str) -> None:
    action = refused(text)
    assert action.reason is Refusal.UNSUPPORTED
    assert text.split(":")[0] in action.detail


@pytest.mark.parametrize("text", ["", "   ", "nothing", "C:\\Windows\\x.exe", 42, None])
def test_not_a_link(text: object) -> None:
    assert refused(text).reason in (Refusal.MALFORMED, Refusal.UNSUPPORTED)


@pytest.mark.parametrize(
    "text",
    [
        "mailto:not-an-address",
        "mailto:a@b.example?to=<script>@x.example",
        "mailto:a@b.example?subject=%FF%FE",  # not UTF-8
        "mailto:" + ",".join(f"u{i}@b.example" for i in range(101)),
        "matrix:r/a b:example.org",
        "arbeitsplatz://open/ mail",
    ],
)
def test_malformed_links_are_refused(text: str) -> None:
    assert refused(text).reason is Refusal.MALFORMED
