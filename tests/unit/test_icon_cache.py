# SPDX-License-Identifier: EUPL-1.2
"""Remote service icons (workplace.catalog.icons) against real loopback HTTP(S) servers."""

from __future__ import annotations

import logging
import struct
import zlib
from pathlib import Path

import pytest

from tests.support.servers import LoopbackServer, Route
from tests.support.tls import LocalCa, make_test_ca
from workplace.catalog.icons import MAX_ICON_BYTES, IconCache, sniff
from workplace.config.paths import Paths
from workplace.net.http import create_session

SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    b'<rect width="24" height="24" fill="#c00"/></svg>'
)


def tiny_png(colour: bytes = b"\x00\x80\xff") -> bytes:
    """A valid 2x2 RGB PNG (no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF
        )

    raw = b"".join(b"\x00" + colour * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG = tiny_png()




@pytest.fixture
def cache(paths: Paths) -> IconCache:
    return IconCache(paths, lambda: create_session(retries=0))


def test_png_and_svg_are_stored_under_the_hash_of_the_url(
    server: LoopbackServer, cache: IconCache
) -> None:
    server.routes["/a.png"] = Route(200, PNG, {"Content-Type": "image/png"})
    server.routes["/b.svg"] = Route(200, SVG, {"Content-Type": "image/svg+xml; charset=utf-8"})
    png_url, svg_url = server.url("/a.png"), server.url("/b.svg")
    stored = cache.fetch([png_url, svg_url], budget_s=10)
    assert set(stored) == {png_url, svg_url}
    assert stored[png_url] == cache.directory / f"{IconCache.key(png_url)}.png"
    assert stored[png_url].read_bytes() == PNG
    assert stored[svg_url].suffix == ".svg" and stored[svg_url].read_bytes() == SVG
    assert cache.cached(png_url) == stored[png_url]
    assert not list(cache.directory.glob(".*.tmp"))  # written atomically


def test_cached_copy_is_used_without_a_request(
    server: LoopbackServer, paths: Paths
) -> None:
    server.routes["/a.png"] = Route(200, PNG, {"Content-Type": "image/png"})
    url = server.url("/a.png")
    assert url in IconCache(paths, lambda: create_session(retries=0)).fetch([url], budget_s=10)
    server.seen.clear()
    server.close()  # offline from here

    def no_session() -> None:
        raise AssertionError("no session may be built for a cached icon")

    offline = IconCache(paths, no_session)  # type: ignore[arg-type]
    assert offline.cached(url) is not None
    assert offline.fetch([url], budget_s=10) == {url: offline.cached(url)}
    assert server.seen == []


def test_too_large_is_refused(server: LoopbackServer, cache: IconCache) -> None:
    server.routes["/big.png"] = Route(
        200, PNG + b"\0" * MAX_ICON_BYTES, {"Content-Type": "image/png"}
    )
    url = server.url("/big.png")
    assert cache.fetch([url], budget_s=10) == {}
    assert cache.cached(url) is None


def test_size_cap_is_enforced_while_streaming(server: LoopbackServer, paths: Paths) -> None:
    small = IconCache(paths, lambda: create_session(retries=0), max_bytes=len(PNG) - 1)
    server.routes["/a.png"] = Route(200, PNG, {"Content-Type": "image/png"})
    assert small.fetch([server.url("/a.png")], budget_s=10) == {}


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html", b"<html><body>login</body></html>"),  # a login page instead
        ("image/png", b"<html>not a png</html>"),  # magic does not match the type
        ("image/svg+xml", PNG),  # declared svg, really png
        ("image/gif", b"GIF89a\x01\x00\x01\x00"),  # not an accepted type
        ("", PNG),  # no content type at all
    ],
)
def test_wrong_content_type_or_magic_is_refused(
    server: LoopbackServer, cache: IconCache, content_type: str, body: bytes
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    server.routes["/i"] = Route(200, body, headers)
    url = server.url("/i")
    assert cache.fetch([url], budget_s=10) == {}
    assert cache.cached(url) is None
    assert not cache.directory.exists() or not any(cache.directory.iterdir())


def test_failures_never_raise_and_log_without_the_query(
    server: LoopbackServer, cache: IconCache, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="workplace.catalog")
    server.routes["/ok.png"] = Route(200, PNG, {"Content-Type": "image/png"})
    urls = [
        server.url("/missing.png?token=s3cret"),
        "ftp://example.org/x.png",
        "http://example.org/x.png",  # plain http beyond loopback
        server.url("/ok.png"),
    ]
    stored = cache.fetch(urls, budget_s=10)
    assert list(stored) == [server.url("/ok.png")]
    assert "s3cret" not in caplog.text
    assert "icon not downloaded" in caplog.text and "icon refused" in caplog.text


def test_a_dripping_icon_server_is_cut_off_within_the_budget(
    server: LoopbackServer, cache: IconCache
) -> None:
    """One byte every 50 ms never trips a read timeout; the time budget ends the download."""
    server.routes["/slow.png"] = Route(200, PNG * 4, {"Content-Type": "image/png"}, drip=0.05)
    url = server.url("/slow.png")
    assert cache.fetch([url], budget_s=1) == {}
    assert server.hung_up.wait(10), "the launcher must hang up on the dripping server"
    assert not server.dripped.is_set()
    assert cache.cached(url) is None


def test_session_factory_failure_keeps_the_fallback(paths: Paths) -> None:
    def broken() -> None:
        raise OSError("no proxy")

    cache = IconCache(paths, broken)  # type: ignore[arg-type]
    assert cache.fetch(["https://portal.example.org/icon.png"], budget_s=1) == {}


def test_sniff() -> None:
    assert sniff(PNG) == "png"
    assert sniff(SVG) == "svg"
    assert sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>") == "svg"
    assert sniff(b"\xff\xd8\xff\xe0....JFIF") == "jpg"
    assert sniff(b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff(b"<html><svg></svg></html>") is None
    assert sniff(b"GIF89a") is None


@pytest.fixture
def local_ca(tmp_path: Path) -> LocalCa:
    return make_test_ca(tmp_path / "ca")


def test_https_with_the_agency_ca(
    local_ca: LocalCa, cache: IconCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(local_ca.ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    srv = LoopbackServer(local_ca.server_context)
    try:
        srv.routes["/logo.svg"] = Route(200, SVG, {"Content-Type": "image/svg+xml"})
        url = srv.url("/logo.svg")
        assert url.startswith("https://")
        assert cache.fetch([url], budget_s=10) == {url: cache.cached(url)}
    finally:
        srv.close()
