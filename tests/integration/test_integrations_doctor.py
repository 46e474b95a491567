# SPDX-License-Identifier: EUPL-1.2
"""``workplace doctor``'s check of the integrations' tokens, against the real test
identity provider: decoded locally, in words IT can act on, never the token."""

from __future__ import annotations

import json
from typing import Any

import pytest
from integration_kit import integrations, signed_in

from workplace.integrations.doctor import lines, token_report

pytestmark = pytest.mark.integration

SETTINGS = {
    "mail": {"enabled": True, "backend": "ox", "api_url": "https://webmail.example.org/api",
             "audience": "opendesk-oxappsuite", "scopes": ["read_mail"],
             "claims": ["opendesk_objectid", "context"]},
    "calendar": {"enabled": True, "backend": "ox", "api_url": "https://webmail.example.org/api",
                 "audience": "opendesk-oxappsuite", "scopes": ["read_calendar"],
                 "claims": ["opendesk_objectid", "no_such_claim"]},
}


def test_doctor_says_per_integration_what_the_token_lacks(harness: Any, provider: Any) -> None:
    provider.set_behaviour(withhold_scopes=["read_mail"])
    auth = signed_in(harness)
    rows = {row["name"]: row for row in token_report(integrations(harness, auth, SETTINGS),
                                                      auth)}
    assert rows["mail"]["state"] == "not_available"
    assert "the scope read_mail is not granted" in rows["mail"]["detail"]
    assert rows["calendar"]["state"] == "not_available"
    assert rows["calendar"]["problems"] == [
        "the token lacks the claim no_such_claim: add a protocol mapper for it"]
    token = auth.token_for()
    assert token and token not in json.dumps(list(rows.values()))
    assert token not in "\n".join(lines(list(rows.values())))


def test_doctor_with_everything_in_place(harness: Any) -> None:
    auth = signed_in(harness)
    settings = {"mail": SETTINGS["mail"]}
    [row] = token_report(integrations(harness, auth, settings), auth)
    assert row["state"] == "ok" and row["problems"] == []


def test_doctor_signed_out(harness: Any) -> None:
    auth = harness.service()
    [row] = token_report(integrations(harness, auth, {"mail": SETTINGS["mail"]}), auth)
    assert row["state"] == "signed_out"


def test_doctor_names_chat_files_and_portal(harness: Any, provider: Any,
                                            secret_service: Any) -> None:
    import uuid

    from workplace.auth.keyring_store import KeyringStore
    from workplace.auth.service_tokens import ServiceTokens

    provider.set_behaviour(withhold_scopes=["nextcloud"])  # not in the files group
    auth = signed_in(harness)
    tokens = ServiceTokens(KeyringStore(secret_service, service=f"t-{uuid.uuid4()}"),
                           provider.issuer)
    settings = {
        "chat": {"enabled": True, "homeserver_url": "https://matrix.example.org",
                 "audience": "opendesk-matrix", "scopes": ["matrix"]},
        "files": {"enabled": True, "base_url": "https://files.example.org",
                  "audience": "opendesk-nextcloud", "scopes": ["nextcloud"]},
        "portal": {"enabled": True, "api_url": "https://portal.example.org/notifications-api",
                   "audience": "opendesk-portal", "scopes": ["portal"]},
    }
    rows = {row["name"]: row for row in token_report(
        integrations(harness, auth, settings, service_tokens=tokens), auth)}
    assert rows["chat"]["state"] == "ok" and rows["chat"]["login"] == "sso"
    assert rows["chat"]["matrix_token"] == "none"
    assert rows["files"]["state"] == "not_available"
    assert "not for opendesk-nextcloud" in rows["files"]["detail"]
    assert rows["portal"]["state"] == "ok"
    text = "\n".join(lines(list(rows.values())))
    assert "chat (chat tile, its own Matrix token, by single sign-on in the browser)" in text
    assert "no Matrix token yet" in text
