# SPDX-License-Identifier: EUPL-1.2
"""The manifest's pure parts: validation, signatures, merging, the refresh schedule, settings."""

from __future__ import annotations

import json
from typing import Any

import pytest
from joserfc.jwk import ECKey, OctKey, OKPKey, RSAKey
from pydantic import ValidationError

from workplace.catalog.effective import effective_catalog, merge_catalog
from workplace.catalog.manifest import parse_manifest
from workplace.catalog.schedule import jittered, next_refresh_delay, next_refresh_due
from workplace.catalog.signature import (
    KeyConfigError,
    PinnedKeys,
    SignatureError,
    sign_detached,
    verify_detached,
)
from workplace.catalog.snapshot import CatalogSnapshot, CatalogSource, SourceKind
from workplace.config.schema import RemoteCatalogSettings, Tenant
from workplace.config.settings import Settings

URL = "https://catalog.example.org/manifest.json"


def manifest(**extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "version": 3,
        "generated": "2025-01-02T03:04:05Z",
        "categories": [{"id": "remote", "name": {"de": "Zentral", "en": "Central"}}],
        "services": [
            {"id": "wiki", "name": "Wiki", "category": "remote", "url": "https://wiki.example.org/"},
            {"id": "erp", "name": {"de": "Haushalt", "en": "Budget"}, "category": "remote",
             "url": "https://erp.example.org/", "native_app": "erp-client"},
        ],
    }
    doc.update(extra)
    return doc


def dumps(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, indent=2).encode("utf-8")


# --------------------------------------------------------------------------- validation


def test_valid_manifest() -> None:
    parsed, problems = parse_manifest(dumps(manifest()), URL)
    assert parsed is not None and problems == []
    assert parsed.version == 3 and parsed.generated == "2025-01-02T03:04:05Z"
    assert [s.id for s in parsed.services] == ["wiki", "erp"]
    assert parsed.services[1].native_app == "erp-client"  # referring to an id is fine


def test_native_apps_key_is_rejected_with_source_and_line() -> None:
    doc = manifest(native_apps={"erp-client": {"linux": {"exec": "/bin/sh"}}})
    parsed, problems = parse_manifest(dumps(doc), URL)
    assert parsed is None
    [problem] = problems
    assert problem.file == URL and problem.path == "native_apps" and problem.line is not None
    assert "cannot define native applications" in problem.message


@pytest.mark.parametrize("key", ["identity_provider", "policy", "preferences", "catalog"])
def test_other_it_only_keys_are_rejected(key: str) -> None:
    parsed, problems = parse_manifest(dumps(manifest(**{key: {}})), URL)
    assert parsed is None and problems[0].path == key


def test_unsafe_url_is_named_by_field() -> None:
    doc = manifest()
    doc["services"][1]["url"] = "javascript:alert(1)"
    parsed, problems = parse_manifest(dumps(doc), URL)
    assert parsed is None
    assert [p.path for p in problems] == ["services[1].url"]
    assert str(problems[0]).startswith(f"{URL}:") and "javascript" in problems[0].message


@pytest.mark.parametrize(
    ("doc", "path", "words"),
    [
        ({"services": []}, "version", "required key 'version' is missing"),
        ({"version": -1}, "version", "greater than or equal to 0"),
        ({"version": 1, "organisation": {}}, "organisation", "unknown key 'organisation'"),
        ({"version": 1, "services": [{"id": "A B", "name": "x", "url": "https://a.example/"}]},
         "services[0].id", "must be an id"),
        ({"version": 1, "services": [
            {"id": "a", "name": "x", "url": "https://a.example/"},
            {"id": "a", "name": "y", "url": "https://b.example/"}]},
         "services[1].id", "duplicate service id 'a'"),
    ],
)
def test_schema_problems(doc: dict[str, Any], path: str, words: str) -> None:
    parsed, problems = parse_manifest(dumps(doc), URL)
    assert parsed is None
    assert any(p.path == path and words in p.message for p in problems), problems


@pytest.mark.parametrize(
    ("body", "words"),
    [(b"", "empty"), (b"[1]", "top level"), (b"{", "JSON syntax error"), (b"\xff{}", "UTF-8")],
)
def test_not_a_manifest(body: bytes, words: str) -> None:
    parsed, problems = parse_manifest(body, URL)
    assert parsed is None and words in problems[0].message and problems[0].file == URL


def test_bom_is_accepted() -> None:
    parsed, _ = parse_manifest(b"\xef\xbb\xbf" + dumps(manifest()), URL)
    assert parsed is not None


# --------------------------------------------------------------------------- signatures


def public_jwk(key: Any, kid: str | None = None) -> str:
    data = key.as_dict(private=False)
    if kid:
        data["kid"] = kid
    return json.dumps(data)


def test_signature_roundtrip_and_tamper() -> None:
    key = ECKey.generate_key("P-256")
    pinned = PinnedKeys.parse(public_jwk(key, "k1"))
    body = dumps(manifest())
    signature = sign_detached(body, key, "ES256", "k1")
    assert signature.count(".") == 2 and ".." in signature  # detached payload
    assert verify_detached(body, signature, pinned) == "ES256"
    with pytest.raises(SignatureError, match="does not match"):
        verify_detached(body + b" ", signature, pinned)
    other = ECKey.generate_key("P-256")
    with pytest.raises(SignatureError):
        verify_detached(body, sign_detached(body, other, "ES256", "k1"), pinned)


def test_key_set_pem_and_algorithms() -> None:
    rsa = RSAKey.generate_key(2048)
    ed = OKPKey.generate_key("Ed25519")
    body = b'{"version": 1}'
    keys = [json.loads(public_jwk(rsa, "r")), json.loads(public_jwk(ed, "e"))]
    keyset = json.dumps({"keys": keys})
    pinned = PinnedKeys.parse(keyset)
    assert verify_detached(body, sign_detached(body, rsa, "PS256", "r"), pinned) == "PS256"
    assert verify_detached(body, sign_detached(body, ed, "Ed25519"), pinned) == "Ed25519"
    pem = PinnedKeys.parse(rsa.as_pem(private=False).decode())
    assert verify_detached(body, sign_detached(body, rsa, "RS256"), pem) == "RS256"
    with pytest.raises(SignatureError, match="no pinned key fits"):
        verify_detached(body, sign_detached(body, ed, "Ed25519"), pem)
    # A PEM flattened onto one line (a Group Policy text field has no line breaks), and
    # two PEM keys in one value, are read too.
    flat = " ".join(rsa.as_pem(private=False).decode().split("\n"))
    assert verify_detached(body, sign_detached(body, rsa, "RS256"), PinnedKeys.parse(flat)) \
        == "RS256"
    both = PinnedKeys.parse(rsa.as_pem(private=False).decode() + ed.as_pem(private=False).decode())
    assert verify_detached(body, sign_detached(body, ed, "Ed25519"), both) == "Ed25519"
    with pytest.raises(KeyConfigError, match="no complete PEM block"):
        PinnedKeys.parse("-----BEGIN PUBLIC KEY----- MFkw")


def test_shared_and_private_keys_cannot_be_pinned() -> None:
    with pytest.raises(KeyConfigError):
        PinnedKeys.parse(json.dumps(OctKey.generate_key(256).as_dict()))
    with pytest.raises(KeyConfigError, match="public key"):
        PinnedKeys.parse(json.dumps(ECKey.generate_key("P-256").as_dict(private=True)))
    with pytest.raises(KeyConfigError, match="public key"):
        PinnedKeys.parse(ECKey.generate_key("P-256").as_pem(private=True).decode())
    with pytest.raises(KeyConfigError):
        PinnedKeys.parse("not a key")


def test_hmac_and_none_signatures_are_refused() -> None:
    key = ECKey.generate_key("P-256")
    pinned = PinnedKeys.parse(public_jwk(key))
    body = b"{}"
    hmac = sign_detached(body, OctKey.generate_key(256), "HS256")
    with pytest.raises(SignatureError, match="no pinned key fits"):
        verify_detached(body, hmac, pinned)
    none = "eyJhbGciOiJub25lIn0.."  # {"alg":"none"}
    with pytest.raises(SignatureError):
        verify_detached(body, none, pinned)
    with pytest.raises(SignatureError, match="compact"):
        verify_detached(body, "abc", pinned)


# --------------------------------------------------------------------------- merging


def settings_with(**tenant: Any) -> Settings:
    return Settings(tenant=Tenant.model_validate(tenant))


def snapshot_of(doc: dict[str, Any]) -> CatalogSnapshot:
    parsed, problems = parse_manifest(dumps(doc), URL)
    assert parsed is not None, problems
    return CatalogSnapshot(
        CatalogSource(SourceKind.MANIFEST, URL), parsed.version, parsed.generated, 1.0, 2.0,
        parsed.categories, parsed.services,
    )


def test_merge_local_wins_and_says_so() -> None:
    settings = settings_with(
        categories=[{"id": "remote", "name": "Lokal"}],
        services=[{"id": "wiki", "name": "Lokales Wiki", "url": "https://local.example/"}],
    )
    catalog, problems = merge_catalog(settings, snapshot_of(manifest()))
    assert [s.id for s in catalog.services] == ["erp", "wiki"]  # grouped: remote, then other
    assert catalog.get("wiki") is not None and catalog.get("wiki").url == "https://local.example/"  # type: ignore[union-attr]
    assert catalog.categories[0].name.de == "Lokal"
    messages = {p.path: p.message for p in problems}
    assert "the local one is used" in messages["services[0].id"]
    assert "its local name is used" in messages["categories[0].id"]
    assert "not defined in the local configuration" in messages["services[1].native_app"]
    assert all(p.file == URL and p.severity == "warning" for p in problems)


def test_merge_without_snapshot_is_the_configuration() -> None:
    settings = settings_with(services=[{"id": "a", "name": "A", "url": "https://a.example/"}])
    assert [s.id for s in effective_catalog(settings, None).services] == ["a"]


def test_merge_undeclared_category_goes_to_other() -> None:
    doc = manifest(categories=[])
    catalog, problems = merge_catalog(settings_with(), snapshot_of(doc))
    assert {s.category for s in catalog.services} == {"other"}
    assert any("declared nowhere" in p.message for p in problems)


# --------------------------------------------------------------------------- schedule


def test_jitter_stays_within_twenty_percent() -> None:
    assert jittered(100.0, lambda lo, hi: lo) == pytest.approx(80.0)
    assert jittered(100.0, lambda lo, hi: hi) == pytest.approx(120.0)
    import random

    rng = random.Random(4)
    values = [next_refresh_delay(3600, uniform=rng.uniform) for _ in range(2000)]
    assert min(values) >= 2880 and max(values) <= 4320
    assert max(values) - min(values) > 1000  # actually spread out


def test_backoff_after_failures_is_bounded_by_the_interval() -> None:
    low = lambda lo, hi: lo  # noqa: E731
    high = lambda lo, hi: hi  # noqa: E731
    assert next_refresh_delay(3600, failures=1, uniform=low) == 300  # never sooner
    assert next_refresh_delay(3600, failures=1, uniform=high) == 1200
    assert next_refresh_delay(3600, failures=2, uniform=high) == 2400
    assert next_refresh_delay(3600, failures=9, uniform=high) == 3600
    assert next_refresh_delay(3600, failures=10_000, uniform=high) == 3600
    assert next_refresh_delay(300, failures=3, uniform=low) == 300  # a short interval


def test_next_due() -> None:
    mid = lambda lo, hi: 1.0  # noqa: E731
    high = lambda lo, hi: hi  # noqa: E731
    assert next_refresh_due(None, 1000.0, 3600, uniform=mid) == 1002.0  # no copy: at once
    assert next_refresh_due(900.0, 1000.0, 3600, uniform=mid) == 4500.0  # fresh copy waits
    assert next_refresh_due(0.0, 99_999.0, 3600, uniform=high) == 100_299.0  # overdue: soon
    assert next_refresh_due(900.0, 1000.0, 3600, failures=1, uniform=high) == 2200.0


# --------------------------------------------------------------------------- settings


def test_catalog_settings() -> None:
    assert RemoteCatalogSettings().manifest_url is None
    ok = RemoteCatalogSettings(manifest_url=URL, manifest_public_key="{}")
    assert ok.refresh_minutes == 60
    with pytest.raises(ValidationError, match="not both"):
        RemoteCatalogSettings(manifest_url=URL, univention_portal_url="https://p.example/")
    with pytest.raises(ValidationError, match="needs manifest_url"):
        RemoteCatalogSettings(manifest_public_key="{}")
    with pytest.raises(ValidationError, match="use https"):
        RemoteCatalogSettings(manifest_url="http://catalog.example.org/m.json")
    with pytest.raises(ValidationError):
        RemoteCatalogSettings(refresh_minutes=1)
    source = CatalogSource.from_settings(
        settings_with(catalog={"univention_portal_url": "https://portal.example.org/univention/portal/"})
    )
    assert source is not None and source.kind is SourceKind.UNIVENTION
    assert set(source.document_urls()) == {"de", "en"}
