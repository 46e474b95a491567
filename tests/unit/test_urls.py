# SPDX-License-Identifier: EUPL-1.2
"""The URL rules of the security checklist, "Remote catalog and launching"."""

from __future__ import annotations

import re

import pytest

from workplace.config.urls import UnsafeUrlError, check_url, is_loopback_host


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://mail.example/", "https://mail.example/"),
        ("HTTPS://Mail.Example/inbox?x=1#top", "https://mail.example/inbox?x=1#top"),
        ("https://mail.example:8443/a", "https://mail.example:8443/a"),
        ("http://127.0.0.1:8080/cb", "http://127.0.0.1:8080/cb"),
        ("http://localhost/", "http://localhost/"),
        ("http://[::1]:9000/", "http://[::1]:9000/"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"),
        ("https://пример.example/", "https://xn--e1afmkfd.example/"),  # all Cyrillic
    ],
)
def test_safe_urls(url: str, expected: str) -> None:
    assert check_url(url) == expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "scheme 'javascript'"),
        ("JavaScript:alert(1)", "scheme 'javascript'"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("data:text/html,<b>", "scheme 'data'"),
        ("vbscript:msgbox", "scheme 'vbscript'"),
        ("ms-settings:privacy", "scheme 'ms-settings'"),
        ("search-ms:query=x", "scheme 'search-ms'"),
        ("mail.example", "scheme 'none'"),
        ("http://mail.example/", "plain http is only allowed for loopback"),
        ("http://127.0.0.1.evil.example/", "plain http is only allowed for loopback"),
        ("https://good.example@evil.example/", "user info"),
        ("https://user:pw@evil.example/", "user info"),
        ("\\\\server\\share", "UNC"),
        ("//evil.example/x", "UNC"),
        ("https://evil.example\\@good.example/", "backslashes"),
        ("https://pаypal.example/", "mixes scripts"),  # Latin with a Cyrillic а
        ("https://xn--pypal-4ve.example/", "mixes scripts"),  # the same, as punycode
        ("https://mail.example/a b", "spaces"),
        ("https://mail.example/a\x00b", "control"),
        ("https://mail.example/a\nb", "control"),
        ("https://", "no host"),
        ("", "empty"),
        ("https://mail.example:99999/", "not a valid URL"),
    ],
)
def test_unsafe_urls(url: str, reason: str) -> None:
    with pytest.raises(UnsafeUrlError, match=reason):
        check_url(url)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("[::1]", True),
        ("LOCALHOST", True),
        ("10.0.0.1", False),
        ("localhost.evil", False),
        ("0x7f.1", False),
    ],
)
def test_loopback(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


# Internationalised names in real use: each must pass, in its own script. The expected
# ASCII forms are the published ones (IANA's IDN test domains, DENIC, JPRS).
LEGITIMATE_IDNS = [
    ("https://münchen.de/", "https://xn--mnchen-3ya.de/"),
    ("https://bücher.example/", "https://xn--bcher-kva.example/"),
    ("https://MÜNCHEN.de/rathaus", "https://xn--mnchen-3ya.de/rathaus"),
    # Japanese: kanji and kana mixed in one label (the old script check refused these)
    ("https://ドメイン名例.jp/", "https://xn--eckwd4c7cu47r2wf.jp/"),
    ("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/"),
    # Greek and Cyrillic, whole names in their own script
    ("https://παράδειγμα.δοκιμή/", "https://xn--hxajbheg2az3al.xn--jxalpdlp/"),
    ("https://пример.испытание/", "https://xn--e1afmkfd.xn--80akhbyknj4f/"),
    # Latin with kana and a hyphen, as Japanese brands write it
    ("https://sony-ソニー.example/", None),
    # a path in German, and one with an encoded umlaut
    ("https://mail.example/Bücher?q=%C3%BC", "https://mail.example/Bücher?q=%C3%BC"),
]


@pytest.mark.parametrize(("url", "expected"), LEGITIMATE_IDNS)
def test_legitimate_internationalised_names_pass(url: str, expected: str | None) -> None:
    checked = check_url(url)
    assert checked.isascii() or "/Bücher" in checked
    if expected is not None:
        assert checked == expected
    assert check_url(checked) == checked, "the ASCII form passes too"


def _ace(label: str) -> str:
    return "xn--" + label.encode("punycode").decode("ascii")


# The look-alikes of issue 9 (item 4): each passed the old rules.
LOOK_ALIKES = [
    ("https://ɡoogle.example/", "U+0261 LATIN SMALL LETTER SCRIPT G"),
    ("https://goog\u217ce.example/", "U+217C SMALL ROMAN NUMERAL FIFTY"),
    ("https://mıcrosoft.example/", "looks exactly like a name in plain ASCII letters"),
    ("https://рара.example/", "looks exactly like a name in plain ASCII letters"),
    ("https://mail.example/invoice\u202efdp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
]


@pytest.mark.parametrize(("url", "reason"), LOOK_ALIKES)
def test_look_alikes_are_refused(url: str, reason: str) -> None:
    with pytest.raises(UnsafeUrlError, match=re.escape(reason)):
        check_url(url)


@pytest.mark.parametrize("label", ["ɡoogle", "goog\u217ce", "mıcrosoft", "рара", "pаypal"])
def test_look_alikes_are_refused_as_punycode_too(label: str) -> None:
    with pytest.raises(UnsafeUrlError, match="look-alike hosts"):
        check_url(f"https://{_ace(label)}.example/")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        # bidi controls and invisible characters anywhere, written or percent-encoded
        ("https://mail.example/a%E2%80%AEb", "U+202E RIGHT-TO-LEFT OVERRIDE (percent-encoded)"),
        ("https://mail.example/?q=\u2066x\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("https://mail.example/#\u200fx", "U+200F RIGHT-TO-LEFT MARK"),
        ("https://ma\u200bil.example/", "U+200B ZERO WIDTH SPACE"),
        ("https://mail.example/\u3164", "U+3164 HANGUL FILLER"),
        ("https://mail.example/a\u00a0b", "U+00A0 NO-BREAK SPACE"),
        ("https://mail.example/?q=%E2%80%8B", "U+200B ZERO WIDTH SPACE (percent-encoded)"),
        # more look-alikes: Greek that reads as Latin, digits of two systems
        ("https://ορα.example/", "plain ASCII letters"),
        ("https://\u0628\u0662\u06f2.example/", "mixes digits of different systems"),
        ("https://ab1\u0662.example/", "mixes scripts (Arabic, Latin)"),
        ("https://ad\u00e9\u0430.example/", "mixes scripts"),
        ("https://xn--a-99999999999.example/", "invalid punycode"),
        ("https://xn--ls8h.example/", "U+1F4A9 PILE OF POO"),
    ],
)
def test_invisible_and_confusable_characters_are_refused(url: str, reason: str) -> None:
    with pytest.raises(UnsafeUrlError, match=re.escape(reason)):
        check_url(url)


def test_without_icu_non_ascii_urls_are_refused_not_waved_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An install without PyICU (FAKE: the import is made to fail) fails closed."""
    import builtins

    from workplace.config import urls

    real_import = builtins.__import__

    def no_icu(name: str, *args: object, **kwargs: object) -> object:
        if name == "icu":
            raise ModuleNotFoundError("No module named 'icu'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_icu)
    monkeypatch.setattr(urls, "_spoof_checker", urls._spoof_checker.__wrapped__)
    monkeypatch.setattr(urls, "_unicode_set", urls._unicode_set.__wrapped__)
    assert check_url("https://mail.example/") == "https://mail.example/"
    with pytest.raises(UnsafeUrlError, match=r"PyICU\) is not installed"):
        check_url("https://münchen.de/")


@pytest.mark.parametrize(
    ("url", "german"),
    [
        ("https://ɡoogle.example/", "enthält U+0261 LATIN SMALL LETTER SCRIPT G"),
        ("https://goog\u217ce.example/", "enthält U+217C SMALL ROMAN NUMERAL FIFTY"),
        ("https://mıcrosoft.example/", "sieht genau wie ein Name aus einfachen ASCII-Buchstaben"),
        ("https://рара.example/", "sieht genau wie ein Name aus einfachen ASCII-Buchstaben"),
        ("https://mail.example/a\u202eb", "enthält U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("https://pаypal.example/", "mischt Schriften (Cyrillic, Latin)"),
        ("http://mail.example/", "unverschlüsseltes http ist nur"),
    ],
)
def test_every_refusal_says_why_in_german_too(url: str, german: str) -> None:
    with pytest.raises(UnsafeUrlError) as refused:
        check_url(url)
    assert german in refused.value.message_de
