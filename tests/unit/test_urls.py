# SPDX-License-Identifier: EUPL-1.2
"""The URL rules of the security checklist, "Remote catalog and launching"."""

from __future__ import annotations

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
