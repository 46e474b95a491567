# SPDX-License-Identifier: EUPL-1.2
"""The central catalog against real local HTTP(S) servers: caching, limits, redirects, signatures.

A small scriptable server runs on 127.0.0.1 in a thread; for TLS it uses a CA made
here with ``cryptography`` and trusted the way the OS trust store is on Linux
(truststore honours ``SSL_CERT_FILE``), since the session factory has no CA option yet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from joserfc.jwk import ECKey

from tests.support.logfail import errors_in_output
from tests.support.manifest_server import ManifestServer, Route
from tests.support.servers import LoopbackServer
from tests.support.servers import Route as ServerRoute
from tests.support.tls import LocalCa, make_test_ca
from workplace.catalog.effective import effective_catalog
from workplace.catalog.manifest import MAX_MANIFEST_BYTES
from workplace.catalog.remote import RefreshKind, RemoteCatalog
from workplace.catalog.signature import sign_detached
from workplace.config.paths import Paths
from workplace.config.schema import Tenant
from workplace.config.settings import Settings
from workplace.net.errors import NetworkErrorKind
from workplace.net.http import create_session

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "univention"


# =========================================================================== the tests


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def doc(version: int = 1, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "version": version,
        "generated": "2025-06-01T08:00:00Z",
        "categories": [{"id": "central", "name": {"de": "Zentral", "en": "Central"}}],
        "services": [
            {"id": "wiki", "name": {"de": "Wissen", "en": "Wiki"}, "category": "central",
             "url": "https://wiki.example.org/"},
            {"id": "erp", "name": "ERP", "category": "central", "url": "https://erp.example.org/",
             "native_app": "erp-client"},
        ],
    }
    data.update(extra)
    return data


def body_of(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=1).encode("utf-8")


def settings_for(catalog: dict[str, Any], **tenant: Any) -> Settings:
    return Settings(tenant=Tenant.model_validate({"catalog": catalog, **tenant}))


def remote_for(url: str, clock: Clock | None = None, **catalog: Any) -> RemoteCatalog:
    settings = settings_for({"manifest_url": url, **catalog})
    return RemoteCatalog(
        Paths.from_environment(), lambda: create_session(retries=0), settings,
        clock=clock or Clock(),
    )


def no_network() -> Any:
    raise AssertionError("the cached catalog must not touch the network")


@pytest.fixture
def server() -> Iterator[ManifestServer]:
    srv = ManifestServer()
    yield srv
    srv.close()


@pytest.fixture
def local_ca(tmp_path: Path) -> LocalCa:
    return make_test_ca(tmp_path / "ca")


@pytest.fixture
def tls_server(local_ca: LocalCa) -> Iterator[ManifestServer]:
    srv = ManifestServer(local_ca.server_context)
    yield srv
    srv.close()


@pytest.fixture
def trusted(local_ca: LocalCa, monkeypatch: pytest.MonkeyPatch) -> LocalCa:
    """Trust the test CA the way the OS store does on Linux (truststore reads SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(local_ca.ca_file))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    return local_ca


# --------------------------------------------------------------------------- conditional GET


def test_200_with_etag_then_304_keeps_the_cache(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(
        body=body_of(doc(1)), etag='"v1"', last_modified="Sun, 01 Jun 2025 08:00:00 GMT"
    )
    clock = Clock()
    remote = remote_for(server.url("/m.json"), clock)
    assert remote.cached() is None
    first = remote.refresh()
    assert first.kind is RefreshKind.UPDATED and first.ok and first.changed, first.detail
    assert first.snapshot is not None and [s.id for s in first.snapshot.services] == ["wiki", "erp"]
    assert "If-None-Match" not in server.seen[0].headers

    clock.now += 3600
    second = remote.refresh()
    assert second.kind is RefreshKind.NOT_MODIFIED, second.detail
    assert server.seen[1].headers["If-None-Match"] == '"v1"'
    assert server.seen[1].headers["If-Modified-Since"] == "Sun, 01 Jun 2025 08:00:00 GMT"
    assert second.snapshot is not None and second.snapshot.checked_at == clock.now
    assert second.snapshot.fetched_at == clock.now - 3600

    cached = RemoteCatalog(
        Paths.from_environment(), no_network, settings_for({"manifest_url": server.url("/m.json")})
    ).cached()
    assert cached is not None and cached.version == 1 and cached.checked_at == clock.now
    files = list(Paths.from_environment().cache_dir.glob("catalog-manifest-*.json"))
    record = json.loads(next(f for f in files if "status" not in f.name).read_text())
    [stored] = record["documents"].values()
    assert stored["etag"] == '"v1"'
    assert "version" not in record  # read from the (signed) manifest, never from the file


def test_after_the_server_was_away_the_next_request_is_still_conditional(
    server: ManifestServer,
) -> None:
    """A failed refresh keeps the validators: when the catalog server comes back, the
    whole fleet is answered 304, not sent the catalog again (benchmarks/fleet.py)."""
    server.routes["/m.json"] = Route(body=body_of(doc(1)), etag='"v1"')
    clock = Clock()
    remote = remote_for(server.url("/m.json"), clock)
    assert remote.refresh().kind is RefreshKind.UPDATED
    server.routes["/m.json"] = Route(status=503, body=b"")
    clock.now += 3600
    assert not remote.refresh().ok

    server.routes["/m.json"] = Route(body=body_of(doc(1)), etag='"v1"')
    clock.now += 600
    back = remote.refresh()
    assert back.kind is RefreshKind.NOT_MODIFIED, back.detail
    assert server.seen[-1].headers["If-None-Match"] == '"v1"'


def test_304_to_an_unconditional_request_is_refused_with_a_cache(
    server: ManifestServer,
) -> None:
    """A copy without ETag or Last-Modified makes every later request unconditional; a
    304 to it (a broken proxy, a captive portal) must not confirm the stale copy."""
    server.routes["/m.json"] = Route(body=body_of(doc(1)))  # no validators
    clock = Clock()
    remote = remote_for(server.url("/m.json"), clock)
    assert remote.refresh().kind is RefreshKind.UPDATED
    clock.now += 3600

    server.routes["/m.json"] = Route(status=304)
    result = remote.refresh()
    assert "If-None-Match" not in server.seen[-1].headers
    assert "If-Modified-Since" not in server.seen[-1].headers
    assert result.kind is NetworkErrorKind.HTTP_STATUS and not result.ok, result.detail
    assert "304 to an unconditional request" in result.detail
    assert result.snapshot is not None and result.snapshot.checked_at == clock.now - 3600
    cached = remote.cached()
    assert cached is not None and cached.checked_at == clock.now - 3600


def test_changed_manifest_replaces_the_cache(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)), etag='"v1"')
    remote = remote_for(server.url("/m.json"))
    assert remote.refresh().kind is RefreshKind.UPDATED
    changed = doc(2)
    changed["services"].append(
        {"id": "new", "name": "Neu", "category": "central", "url": "https://new.example.org/"}
    )
    server.routes["/m.json"] = Route(body=body_of(changed), etag='"v2"')
    result = remote.refresh()
    assert result.kind is RefreshKind.UPDATED
    cached = remote.cached()
    assert cached is not None and cached.version == 2 and len(cached.services) == 3


# --------------------------------------------------------------------------- TLS


def test_https_with_the_agency_ca(tls_server: ManifestServer, trusted: LocalCa) -> None:
    tls_server.routes["/m.json"] = Route(body=body_of(doc(1)))
    result = remote_for(tls_server.url("/m.json")).refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail


def test_https_with_an_unknown_ca_is_a_tls_failure(
    tls_server: ManifestServer, local_ca: LocalCa, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    tls_server.routes["/m.json"] = Route(body=body_of(doc(1)))
    result = remote_for(tls_server.url("/m.json")).refresh()
    assert result.kind is NetworkErrorKind.TLS and result.snapshot is None
    assert not tls_server.seen  # no request went out over the untrusted connection


# --------------------------------------------------------------------------- size limit


@pytest.mark.parametrize("declare_length", [True, False])
def test_size_limit(server: ManifestServer, declare_length: bool) -> None:
    big = doc(1, generated="x" * 10)
    padding = [
        {"id": f"s{i}", "name": "x" * 150, "url": "https://pad.example.org/"} for i in range(12000)
    ]
    big["services"] = padding
    body = body_of(big)
    assert len(body) > MAX_MANIFEST_BYTES
    server.routes["/m.json"] = Route(body=body, declare_length=declare_length)
    result = remote_for(server.url("/m.json")).refresh()
    assert result.kind is NetworkErrorKind.TOO_LARGE, result.detail
    assert ("download stopped" in result.detail) is not declare_length
    assert remote_for(server.url("/m.json")).cached() is None


# --------------------------------------------------------------------------- redirects


def test_same_origin_redirect_is_followed(server: ManifestServer) -> None:
    server.routes["/old.json"] = Route(301, headers={"Location": "/m.json"})
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    result = remote_for(server.url("/old.json")).refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail
    assert [s.path for s in server.seen] == ["/old.json", "/m.json"]


def test_redirect_to_another_origin_is_refused(server: ManifestServer) -> None:
    other = ManifestServer()
    try:
        other.routes["/m.json"] = Route(body=body_of(doc(1)))
        server.routes["/m.json"] = Route(302, headers={"Location": other.url("/m.json")})
        result = remote_for(server.url("/m.json")).refresh()
        assert result.kind is NetworkErrorKind.REDIRECT_REFUSED
        assert "another host" in result.detail
        assert not other.seen
        # another host name for the same address is another origin too
        server.routes["/m.json"] = Route(
            302, headers={"Location": server.url("/m.json", host="localhost")}
        )
        assert remote_for(server.url("/m.json")).refresh().kind is NetworkErrorKind.REDIRECT_REFUSED
    finally:
        other.close()


def test_redirect_from_https_to_http_is_refused(
    tls_server: ManifestServer, trusted: LocalCa, server: ManifestServer
) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    tls_server.routes["/m.json"] = Route(307, headers={"Location": server.url("/m.json")})
    result = remote_for(tls_server.url("/m.json")).refresh()
    assert result.kind is NetworkErrorKind.REDIRECT_REFUSED
    assert "from https: to http:" in result.detail
    assert not server.seen


def test_redirect_loop_is_bounded(server: ManifestServer) -> None:
    server.routes["/a"] = Route(302, headers={"Location": "/b"})
    server.routes["/b"] = Route(302, headers={"Location": "/a"})
    result = remote_for(server.url("/a")).refresh()
    assert result.kind is NetworkErrorKind.REDIRECT_REFUSED and "redirects" in result.detail
    assert len(server.seen) == 6


def test_redirect_to_an_unsafe_scheme_is_refused(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(302, headers={"Location": "file:///etc/passwd"})
    result = remote_for(server.url("/m.json")).refresh()
    assert result.kind is NetworkErrorKind.REDIRECT_REFUSED and "unsafe" in result.detail


# --------------------------------------------------------------------------- signatures


def pinned(key: ECKey) -> str:
    data = key.as_dict(private=False)
    data["kid"] = "catalog-2025"
    return json.dumps(data)


def test_good_signature_accepted_bad_one_rejected_last_good_kept(server: ManifestServer) -> None:
    key = ECKey.generate_key("P-256")
    good = body_of(doc(1))
    server.routes["/m.json"] = Route(body=good, etag='"1"')
    server.routes["/m.json.jws"] = Route(
        body=sign_detached(good, key, "ES256", "catalog-2025").encode()
    )
    remote = remote_for(server.url("/m.json"), manifest_public_key=pinned(key))
    first = remote.refresh()
    assert first.kind is RefreshKind.UPDATED, first.detail

    tampered = body_of(doc(2, services=[
        {"id": "wiki", "name": "Wiki", "url": "https://phish.example/"}
    ]))
    server.routes["/m.json"] = Route(body=tampered, etag='"2"')  # signature still for v1
    second = remote.refresh()
    assert second.kind is RefreshKind.SIGNATURE_INVALID and not second.ok
    assert second.snapshot is not None and second.snapshot.version == 1
    cached = remote.cached()
    assert cached is not None and cached.services[0].url == "https://wiki.example.org/"
    failure = remote.last_failure()
    assert failure is not None and failure.kind == "signature_invalid"

    attacker = ECKey.generate_key("P-256")
    server.routes["/m.json.jws"] = Route(
        body=sign_detached(tampered, attacker, "ES256", "catalog-2025").encode()
    )
    assert remote.refresh().kind is RefreshKind.SIGNATURE_INVALID


def test_an_edited_cache_of_a_signed_catalog_is_not_used(
    server: ManifestServer, caplog: pytest.LogCaptureFixture
) -> None:
    """The signature and key fingerprint stay in the file; the manifest in it is
    changed on disk. The cached copy must verify again, so it is refused."""
    key = ECKey.generate_key("P-256")
    good = body_of(doc(1))
    server.routes["/m.json"] = Route(body=good)
    server.routes["/m.json.jws"] = Route(body=sign_detached(good, key, "ES256").encode())
    remote = remote_for(server.url("/m.json"), manifest_public_key=pinned(key))
    assert remote.refresh().kind is RefreshKind.UPDATED
    assert remote.cached() is not None
    [cache] = [f for f in Paths.from_environment().cache_dir.rglob("*.json")
               if "https://wiki.example.org/" in f.read_text(encoding="utf-8")]
    text = cache.read_text(encoding="utf-8")
    cache.write_text(text.replace("https://wiki.example.org/", "https://phish.example/"),
                     encoding="utf-8")

    assert remote.cached() is None
    assert "signature does not verify" in caplog.text


def test_unsigned_manifest_rejected_when_a_key_is_pinned(server: ManifestServer) -> None:
    key = ECKey.generate_key("P-256")
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    result = remote_for(server.url("/m.json"), manifest_public_key=pinned(key)).refresh()
    assert result.kind is RefreshKind.SIGNATURE_MISSING and result.snapshot is None


def test_a_key_inside_the_manifest_is_never_used(server: ManifestServer) -> None:
    ours = ECKey.generate_key("P-256")
    theirs = ECKey.generate_key("P-256")
    data = doc(1)
    body = body_of(data)
    server.routes["/m.json"] = Route(body=body)
    # the attacker signs with their own key and names it in the JWS header (jwk/kid)
    jws = sign_detached(body, theirs, "ES256", "catalog-2025")
    server.routes["/m.json.jws"] = Route(body=jws.encode())
    result = remote_for(server.url("/m.json"), manifest_public_key=pinned(ours)).refresh()
    assert result.kind is RefreshKind.SIGNATURE_INVALID


def test_unusable_pinned_key_is_reported(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    result = remote_for(server.url("/m.json"), manifest_public_key="{not json").refresh()
    assert result.kind is RefreshKind.KEY_INVALID and "manifest_public_key" in result.detail
    assert not server.seen


def test_cache_from_before_a_key_was_pinned_is_not_trusted(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    assert remote_for(server.url("/m.json")).refresh().ok
    key = ECKey.generate_key("P-256")
    assert remote_for(server.url("/m.json"), manifest_public_key=pinned(key)).cached() is None


# --------------------------------------------------------------------------- content checks


def publish(server: ManifestServer, key: ECKey, data: dict[str, Any]) -> None:
    """Serve ``data`` as the manifest with a detached signature by ``key``."""
    body = body_of(data)
    server.routes["/m.json"] = Route(body=body)
    server.routes["/m.json.jws"] = Route(
        body=sign_detached(body, key, "ES256", "catalog-2025").encode()
    )


def cache_file_of(server: ManifestServer) -> Path:
    [cache] = Paths.from_environment().cache_dir.glob("catalog-manifest-*[0-9a-f].json")
    assert server.url("/m.json") in cache.read_text(encoding="utf-8")
    return cache


def test_rollback_of_a_signed_manifest_is_rejected(server: ManifestServer) -> None:
    """An older manifest with a good signature (a replay) is refused."""
    key = ECKey.generate_key("P-256")
    publish(server, key, doc(5))
    remote = remote_for(server.url("/m.json"), manifest_public_key=pinned(key))
    assert remote.refresh().kind is RefreshKind.UPDATED
    publish(server, key, doc(4))
    result = remote.refresh()
    assert result.kind is RefreshKind.ROLLBACK and "version 4" in result.detail
    assert "raising the epoch" in result.detail
    assert result.snapshot is not None and result.snapshot.version == 5
    cached = remote.cached()
    assert cached is not None and cached.version == 5


def test_an_edited_unsigned_cache_never_blocks_updates(server: ManifestServer) -> None:
    """A version of 2**62 written into the (user-writable) cache of an unsigned catalog
    made every later refresh a "rollback". An unsigned copy sets no floor."""
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    remote = remote_for(server.url("/m.json"))
    assert remote.refresh().kind is RefreshKind.UPDATED
    cache = cache_file_of(server)
    record = json.loads(cache.read_text(encoding="utf-8"))
    [document] = record["documents"].values()
    document["body"] = json.dumps(doc(2**62))
    record["version"] = 2**62
    cache.write_text(json.dumps(record), encoding="utf-8")
    cached = remote.cached()
    assert cached is not None and cached.version == 2**62  # shown, but decides nothing

    server.routes["/m.json"] = Route(body=body_of(doc(2)))
    result = remote.refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail
    assert result.snapshot is not None and result.snapshot.version == 2


def test_an_edited_signed_cache_sets_no_floor(server: ManifestServer) -> None:
    """Editing the signed copy's version breaks its signature: it is not used and holds
    nothing back. The file's own metadata never decides either."""
    key = ECKey.generate_key("P-256")
    publish(server, key, doc(1))
    remote = remote_for(server.url("/m.json"), manifest_public_key=pinned(key))
    assert remote.refresh().kind is RefreshKind.UPDATED
    cache = cache_file_of(server)
    record = json.loads(cache.read_text(encoding="utf-8"))
    record["version"] = 2**62  # metadata next to the signed body
    cache.write_text(json.dumps(record), encoding="utf-8")
    assert remote.cached() is not None
    publish(server, key, doc(2))
    assert remote.refresh().kind is RefreshKind.UPDATED

    record = json.loads(cache.read_text(encoding="utf-8"))
    [document] = record["documents"].values()
    document["body"] = document["body"].replace('"version": 2', f'"version": {2**62}')
    cache.write_text(json.dumps(record), encoding="utf-8")
    assert remote.cached() is None
    publish(server, key, doc(3))
    result = remote.refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail
    assert result.snapshot is not None and result.snapshot.version == 3


def test_it_recovers_from_a_version_published_too_high(server: ManifestServer) -> None:
    """IT signed and published version 2**62 by mistake. Going back to a sane version is
    a rollback; raising the signed epoch starts a new count. Replays of the old epoch
    (the mistaken manifest, or any other) are refused afterwards."""
    key = ECKey.generate_key("P-256")
    publish(server, key, doc(2**62))
    remote = remote_for(server.url("/m.json"), manifest_public_key=pinned(key))
    assert remote.refresh().kind is RefreshKind.UPDATED
    publish(server, key, doc(8))
    assert remote.refresh().kind is RefreshKind.ROLLBACK

    publish(server, key, doc(1, epoch=1))
    recovered = remote.refresh()
    assert recovered.kind is RefreshKind.UPDATED, recovered.detail
    assert recovered.snapshot is not None and recovered.snapshot.release == (1, 1)
    cached = remote.cached()
    assert cached is not None and cached.release == (1, 1)

    for replay in (doc(2**62), doc(9), doc(0, epoch=1)):
        publish(server, key, replay)
        result = remote.refresh()
        assert result.kind is RefreshKind.ROLLBACK, replay["version"]
        assert result.snapshot is not None and result.snapshot.release == (1, 1)
    publish(server, key, doc(2, epoch=1))
    assert remote.refresh().kind is RefreshKind.UPDATED


def test_a_new_pinned_key_starts_a_new_count(server: ManifestServer) -> None:
    """The floor belongs to the key that verified it: IT rotating the pinned key (the
    last resort, e.g. after an epoch published too high) starts afresh."""
    old, new = ECKey.generate_key("P-256"), ECKey.generate_key("P-256")
    publish(server, old, doc(2**62))
    assert remote_for(server.url("/m.json"), manifest_public_key=pinned(old)).refresh().ok
    publish(server, new, doc(1))
    rotated = remote_for(server.url("/m.json"), manifest_public_key=pinned(new)).refresh()
    assert rotated.kind is RefreshKind.UPDATED, rotated.detail


def test_invalid_schema_keeps_the_last_good_copy(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    remote = remote_for(server.url("/m.json"))
    assert remote.refresh().ok
    bad = doc(2)
    bad["services"][1]["url"] = "https://user@evil.example/"
    server.routes["/m.json"] = Route(body=body_of(bad))
    result = remote.refresh()
    assert result.kind is RefreshKind.INVALID
    [problem] = [p for p in result.problems if p.is_error]
    assert problem.file == server.url("/m.json") and problem.path == "services[1].url"
    assert problem.line is not None and "user info" in problem.message
    assert server.url("/m.json") in result.detail and "services[1].url" in result.detail
    assert result.snapshot is not None and result.snapshot.version == 1


def test_manifest_defining_native_apps_is_rejected(server: ManifestServer) -> None:
    evil = doc(1, native_apps={"erp-client": {"linux": {"exec": "/usr/bin/curl"}}})
    server.routes["/m.json"] = Route(body=body_of(evil))
    result = remote_for(server.url("/m.json")).refresh()
    assert result.kind is RefreshKind.INVALID
    assert [p.path for p in result.problems] == ["native_apps"]
    assert result.snapshot is None


def test_http_error_keeps_last_good(server: ManifestServer) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(1)))
    remote = remote_for(server.url("/m.json"))
    assert remote.refresh().ok
    server.routes["/m.json"] = Route(500, body=b"oops")
    result = remote.refresh()
    assert result.kind is NetworkErrorKind.HTTP_STATUS and result.snapshot is not None
    del server.routes["/m.json"]
    assert remote.refresh().kind is NetworkErrorKind.NOT_FOUND


# --------------------------------------------------------------------------- slow drip


@pytest.fixture
def drip_server() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    yield srv
    srv.close()


@pytest.mark.parametrize("drip_head", [False, True], ids=["body", "headers"])
def test_a_dripping_server_is_cut_off_at_the_deadline(
    drip_server: LoopbackServer, drip_head: bool
) -> None:
    """One byte every 50 ms never trips a read timeout; the refresh deadline (1 s here,
    60 s by default) ends the download, headers included, and the last good copy stays.
    Without the deadline on every socket wait the whole answer is read first."""
    url = drip_server.url("/m.json")
    drip_server.routes["/m.json"] = ServerRoute(body=body_of(doc(1)))

    def remote_with(**deadline: float) -> RemoteCatalog:
        return RemoteCatalog(Paths.from_environment(), lambda: create_session(retries=0),
                             settings_for({"manifest_url": url}), clock=Clock(), **deadline)

    # The last good copy, fetched with the default deadline (an ordinary refresh on a
    # loaded machine may take over a second); the short one only where it is the point.
    assert remote_with().refresh().kind is RefreshKind.UPDATED
    remote = remote_with(deadline_seconds=1.0)

    drip_server.routes["/m.json"] = ServerRoute(
        body=body_of(doc(2)), drip=0.05, drip_head=drip_head
    )
    result = remote.refresh()
    assert result.kind is NetworkErrorKind.TIMEOUT, result.detail
    assert "did not finish within 1 s" in result.detail
    assert drip_server.hung_up.wait(10), "the launcher must hang up on the dripping server"
    assert not drip_server.dripped.is_set()
    assert result.snapshot is not None and result.snapshot.version == 1
    cached = remote.cached()
    assert cached is not None and cached.version == 1
    failure = remote.last_failure()
    assert failure is not None and failure.kind == "timeout"


# --------------------------------------------------------------------------- offline start


def test_offline_start_uses_the_cache() -> None:
    srv = ManifestServer()
    url = srv.url("/m.json")
    srv.routes["/m.json"] = Route(body=body_of(doc(3)))
    settings = settings_for(
        {"manifest_url": url},
        services=[{"id": "mail", "name": "E-Mail", "url": "https://mail.example.org/"}],
    )
    try:
        assert remote_for(url).refresh().kind is RefreshKind.UPDATED
    finally:
        srv.close()
    start = RemoteCatalog(Paths.from_environment(), no_network, settings)
    snapshot = start.cached()
    assert snapshot is not None and snapshot.version == 3
    catalog = effective_catalog(settings, snapshot)
    assert {s.id for s in catalog.services} == {"mail", "wiki", "erp"}
    offline = RemoteCatalog(
        Paths.from_environment(), lambda: create_session(retries=0), settings
    ).refresh()
    assert offline.kind is NetworkErrorKind.UNREACHABLE and not offline.ok, offline.detail
    assert offline.snapshot is not None and offline.snapshot.version == 3


# --------------------------------------------------------------------------- Univention


def univention_remote(base: str, feed: str = "navigation") -> RemoteCatalog:
    settings = settings_for({"univention_portal_url": base, "univention_feed": feed})
    return RemoteCatalog(Paths.from_environment(), lambda: create_session(retries=0), settings)


def loopback_feed(name: str, server: ManifestServer) -> bytes:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text.replace("https://portal.example.org", server.url("")).encode()


def test_univention_navigation_in_both_languages(server: ManifestServer) -> None:
    for lang, name in (("de-DE", "navigation-de.json"), ("en-US", "navigation-en.json")):
        query = f"base={quote(server.url(''), safe='')}&language={lang}"
        server.routes[f"/univention/portal/navigation.json?{query}"] = Route(
            body=loopback_feed(name, server), etag=f'"{lang}"',
            headers={"Content-Type": "application/json"},
        )
    remote = univention_remote(server.url("/univention/portal/"))
    result = remote.refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail
    assert result.snapshot is not None
    mail = result.snapshot.services[0]
    assert (mail.id, mail.name.de, mail.name.en) == ("groupwaremail", "E-Mail", "Email")
    assert mail.icon.startswith(server.url("/univention/portal/icons/"))
    assert remote.refresh().kind is RefreshKind.NOT_MODIFIED
    assert {"Authorization", "Cookie"}.isdisjoint(server.seen[0].headers)


def test_univention_portal_json(server: ManifestServer) -> None:
    feed = loopback_feed("portal.json", server)
    server.routes["/univention/portal/portal.json"] = Route(body=feed)
    result = univention_remote(server.url("/univention/portal"), "portal").refresh()
    assert result.kind is RefreshKind.UPDATED, result.detail
    assert result.snapshot is not None
    assert [s.id for s in result.snapshot.services] == ["groupwaremail", "nextcloud"]
    assert any("vbscript" in p.message for p in result.problems)


def test_univention_that_wants_sign_in(server: ManifestServer) -> None:
    server.routes["/univention/portal/navigation.json"] = Route(401)
    result = univention_remote(server.url("/univention/portal/")).refresh()
    assert result.kind is NetworkErrorKind.AUTH_REQUIRED
    server.routes["/univention/portal/navigation.json"] = Route(
        302, headers={"Location": "/univention/oidc/?location=/univention/portal/"}
    )
    server.routes["/univention/oidc/"] = Route(
        body=b"<html>login</html>", headers={"Content-Type": "text/html"}
    )
    result = univention_remote(server.url("/univention/portal/")).refresh()
    assert result.kind is NetworkErrorKind.AUTH_REQUIRED and "shared secret" in result.detail
    server.routes["/univention/portal/navigation.json"] = Route(
        302, headers={"Location": "https://id.example.org/realms/opendesk/protocol/openid-connect/auth"}
    )
    result = univention_remote(server.url("/univention/portal/")).refresh()
    assert result.kind is NetworkErrorKind.REDIRECT_REFUSED


# --------------------------------------------------------------------------- the command line


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "workplace", *args],
        capture_output=True, text=True, env=dict(os.environ), cwd=REPO, timeout=60, check=False,
    )
    assert not errors_in_output(result.stderr), result.stderr
    return result


def test_services_refresh_trusts_the_agency_ca_of_the_configuration(
    tmp_path: Path, ca: Any
) -> None:
    """`workplace services --refresh` uses the program's session factory: the extra CA
    bundle IT names applies there like everywhere else."""
    server = ManifestServer(tls=ca.server_context)
    try:
        server.routes["/m.json"] = Route(body=body_of(doc(3)))
        url = server.url("/m.json").replace("http://", "https://")
        config = tmp_path / "it.toml"
        config.write_text(
            f'[network]\nextra_ca_bundle = "{ca.ca_file}"\n\n[catalog]\nmanifest_url = "{url}"\n',
            encoding="utf-8",
        )
        refreshed = run_cli("--config", str(config), "services", "--refresh")
        assert refreshed.returncode == 0, refreshed.stderr
        assert " wiki " in refreshed.stdout
    finally:
        server.close()


def test_services_refresh_and_cached(server: ManifestServer, tmp_path: Path) -> None:
    server.routes["/m.json"] = Route(body=body_of(doc(7)), etag='"7"')
    config = tmp_path / "it.toml"
    config.write_text(
        '[[services]]\nid = "mail"\nname = "E-Mail"\nurl = "https://mail.example.org/"\n\n'
        f'[catalog]\nmanifest_url = "{server.url("/m.json")}"\n',
        encoding="utf-8",
    )
    before = run_cli("--config", str(config), "services")
    assert before.returncode == 0, before.stderr
    assert "wiki" not in before.stdout and "no copy yet" in before.stdout
    assert not server.seen  # without --refresh: no network

    refreshed = run_cli("--config", str(config), "services", "--refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert " wiki " in refreshed.stdout
    assert f"Central catalog: manifest {server.url('/m.json')}" in refreshed.stdout
    assert re.search(r"version 7, 2 services, confirmed [0-9] s ago", refreshed.stdout)
    assert "refresh: updated" in refreshed.stdout

    cached = run_cli("--config", str(config), "services", "--json")
    document = json.loads(cached.stdout)
    central = document["source"]["central"]
    assert central["kind"] == "manifest" and central["version"] == 7 and central["cached"]
    origins = {s["id"]: s["origin"] for c in document["categories"] for s in c["services"]}
    assert origins == {"mail": "configuration", "wiki": "manifest", "erp": "manifest"}
    assert len(server.seen) == 1

    server.routes["/m.json"] = Route(500, body=b"oops")
    failed = run_cli("--config", str(config), "services", "--refresh")
    assert failed.returncode == 1
    assert "catalog refresh failed (http_status)" in failed.stderr
    assert " wiki " in failed.stdout  # the last good copy is still listed
    later = run_cli("--config", str(config), "services")
    assert "last refresh failed" in later.stdout and "(http_status)" in later.stdout


def test_services_says_a_rejected_copy_exists_and_why(
    server: ManifestServer, tmp_path: Path
) -> None:
    """An edited cache of a signed catalog is not used; `services` must not call that
    "no copy yet" but say that a copy exists, was rejected, and why."""
    key = ECKey.generate_key("P-256")
    good = body_of(doc(1))
    server.routes["/m.json"] = Route(body=good)
    server.routes["/m.json.jws"] = Route(body=sign_detached(good, key, "ES256").encode())
    config = tmp_path / "it.toml"
    config.write_text(
        f'[catalog]\nmanifest_url = "{server.url("/m.json")}"\n'
        f"manifest_public_key = '{pinned(key)}'\n",
        encoding="utf-8",
    )
    assert run_cli("--config", str(config), "services", "--refresh").returncode == 0
    [cache] = Paths.from_environment().cache_dir.glob("catalog-manifest-*[0-9a-f].json")
    cache.write_text(cache.read_text(encoding="utf-8").replace(
        "https://wiki.example.org/", "https://phish.example/"), encoding="utf-8")

    listed = run_cli("--config", str(config), "services")
    assert "no copy yet" not in listed.stdout
    assert "a copy exists but was rejected (the cached catalog's signature does not verify" \
        in listed.stdout, listed.stdout
    assert "wiki" not in listed.stdout and "phish" not in listed.stdout
    central = json.loads(
        run_cli("--config", str(config), "services", "--json").stdout
    )["source"]["central"]
    assert central["cached"] is False and "signature does not verify" in central["rejected"]

    cache.write_text("{ not json", encoding="utf-8")
    assert f"a copy exists but was rejected (the file {cache} cannot be read)" \
        in run_cli("--config", str(config), "services").stdout
