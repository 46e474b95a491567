# SPDX-License-Identifier: EUPL-1.2
"""Tokens for other services, against the real test identity provider.

The provider issues access tokens shaped like Keycloak's client scopes (tests/stack/
keycloak.mjs): a JWT whose ``aud`` lists the apps, with the granted scopes and
openDesk's claims. The OX App Suite API here is a STAND-IN (tests/stack/ox_standin.py):
OX cannot run on this machine; it checks tokens as OX's expect_jwt mode does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from integration_kit import integrations, register_resources, signed_in
from ox_standin import OxStandIn

from workplace.integrations import claims
from workplace.integrations.model import Availability

pytestmark = pytest.mark.integration

MAIL = {"enabled": True, "backend": "ox", "audience": "opendesk-oxappsuite",
        "scopes": ["read_mail"], "claims": ["opendesk_objectid", "context"]}


@pytest.fixture
def ox(provider: Any) -> Iterator[OxStandIn]:
    with OxStandIn(provider.issuer) as running:
        yield running


def test_the_access_token_is_shaped_like_keycloaks(harness: Any) -> None:
    auth = signed_in(harness)
    token = auth.token_for()
    assert token is not None
    seen = claims.payload(token)
    assert seen is not None  # a JWT, not an opaque token
    assert {"opendesk-oxappsuite", "opendesk-dovecot"} <= claims.audiences(seen)
    assert {"read_mail", "read_calendar", "openid"} <= claims.granted_scopes(seen)
    assert seen["opendesk_objectid"] and seen["context"] and seen["azp"] == "arbeitsplatz"
    # ... and the provider's userinfo still takes it (the sign-in asked it for the name).
    assert auth.status().display_name == "Erika Mustermann"


def test_unread_mail_from_the_ox_api(harness: Any, ox: OxStandIn) -> None:
    ox.set_unread(3)
    auth = signed_in(harness)
    reading = integrations(harness, auth, {"mail": {**MAIL, "api_url": ox.api_url}}
                           ).check("mail")
    assert reading.availability == Availability.OK, reading.detail
    assert reading.unread == 3 and reading.badge == 3
    assert ox.outcomes("/folders") == ["ok"]


def test_a_token_without_the_mail_scope_means_not_available_not_an_error(
    harness: Any, provider: Any, ox: OxStandIn, caplog: pytest.LogCaptureFixture
) -> None:
    provider.set_behaviour(withhold_scopes=["read_mail"])  # the user is not in OX's group
    auth = signed_in(harness)
    reading = integrations(harness, auth, {"mail": {**MAIL, "api_url": ox.api_url}}
                           ).check("mail")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert reading.badge is None
    assert "read_mail is not granted" in reading.detail
    assert ox.outcomes("/folders") == []  # decided locally: the service was not asked
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]


def test_a_token_without_the_audience_is_not_available(harness: Any, ox: OxStandIn) -> None:
    auth = signed_in(harness, scopes=["openid", "profile", "email", "offline_access"])
    reading = integrations(harness, auth, {"mail": {**MAIL, "api_url": ox.api_url}}
                           ).check("mail")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert "not for opendesk-oxappsuite" in reading.detail


def test_an_opaque_token_the_service_finds_short_of_scope_is_not_available(
    harness: Any, provider: Any, ox: OxStandIn
) -> None:
    # A provider whose tokens cannot be read locally: the service's 401 decides. Here
    # OX refuses an opaque token outright (it expects a JWT): refreshed once, then
    # "sign in again" for mail only.
    provider.set_behaviour(opaque_access_tokens=True)
    auth = signed_in(harness)
    reading = integrations(harness, auth, {"mail": {**MAIL, "api_url": ox.api_url}}
                           ).check("mail")
    assert reading.availability == Availability.SIGN_IN_AGAIN
    assert ox.outcomes("/folders") == ["invalid_token", "invalid_token"]
    assert auth.status().signed_in  # the launcher's own sign-in goes on


def test_a_token_for_a_resource_indicator(harness: Any, provider: Any, ox: OxStandIn) -> None:
    register_resources(provider.issuer, {ox.api_url: {
        "audience": "opendesk-oxappsuite", "scope": "read_mail read_calendar"}})
    auth = signed_in(harness, resources=(ox.api_url,))
    ox.set_unread(7)
    kit = integrations(harness, auth, {"mail": {
        **MAIL, "api_url": ox.api_url, "token": "resource", "resource": ox.api_url}})
    reading = kit.check("mail")
    assert reading.availability == Availability.OK, reading.detail
    assert reading.unread == 7
    resource_token = auth.token_for(ox.api_url)
    assert resource_token is not None and resource_token != auth.token_for()
    seen = claims.payload(resource_token)
    assert seen is not None and seen["aud"] == "opendesk-oxappsuite"
    assert claims.granted_scopes(seen) == {"read_mail", "read_calendar"}
    assert harness.stored()  # the rotated refresh token was saved


def test_a_resource_the_provider_does_not_grant_is_not_available(
    harness: Any, provider: Any, ox: OxStandIn
) -> None:
    auth = signed_in(harness)
    reading = integrations(harness, auth, {"mail": {
        **MAIL, "api_url": ox.api_url, "token": "resource",
        "resource": "https://unknown.example/api"}}).check("mail")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert "does not grant a token" in reading.detail
    assert auth.status().signed_in


def test_signed_out_checks_nothing(harness: Any, ox: OxStandIn) -> None:
    auth = harness.service()
    reading = integrations(harness, auth, {"mail": {**MAIL, "api_url": ox.api_url}}
                           ).check("mail")
    assert reading.availability == Availability.SIGNED_OUT
    assert ox.outcomes("/folders") == []
