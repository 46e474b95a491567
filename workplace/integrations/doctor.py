# SPDX-License-Identifier: EUPL-1.2
"""``workplace doctor``'s lines about the integrations: does the user's current token
carry what each one needs? Decoded locally (:mod:`.claims`); the token itself is never
printed, nor any claim's value."""

from __future__ import annotations

from typing import Any

from workplace.integrations import claims
from workplace.integrations.kinds import is_chat
from workplace.integrations.runner import Integrations, TokenSource, need, resource

CHAT_LOGIN = {
    "sso": "its own Matrix token, by single sign-on in the browser",
    "jwt": "its own Matrix token, by the homeserver's JWT login with the launcher's token",
}


def token_report(integrations: Integrations, auth: TokenSource | None) -> list[dict[str, Any]]:
    """One entry per integration: ``state`` is ok, not_available, signed_out, no_token or
    unknown (an opaque token cannot be read here); ``problems`` say what IT can change.
    Blocking (a refresh may be needed)."""
    from workplace.auth.tokens import OAuthError

    rows = []
    for name in integrations.names():
        config = integrations.config(name)
        row: dict[str, Any] = {
            "name": name, "service": config.service, "token": config.token,
            "resource": config.resource or None, "audience": config.audience or None,
            "scopes": list(config.scopes), "claims": list(config.claims), "problems": [],
        }
        rows.append(row)
        if is_chat(config):
            row["login"] = config.login
            kept = integrations.own_sign_in(name)
            row["matrix_token"] = "kept" if kept else "none"
        if integrations.needs_app_password(name):
            row["state"], row["detail"] = "app_password", "signs in with an application password"
            continue
        if auth is None or not auth.status().signed_in:
            row["state"], row["detail"] = "signed_out", "not signed in: nothing to check"
            continue
        try:
            token = auth.token_for(resource(config))
        except OAuthError as exc:
            row["state"] = "not_available"
            row["detail"] = (f"the identity provider does not grant a token for "
                             f"{config.resource} ({exc.error}): register the resource and "
                             "its scopes for the launcher's client")
            continue
        if token is None:
            row["state"], row["detail"] = "no_token", "no fresh token: the sign-in could not " \
                "be refreshed"
            continue
        fit = claims.fit(token, need(config))
        row["problems"] = fit.problems()
        if not fit.readable and fit.ok:
            row["state"] = "unknown"
            row["detail"] = "the token is opaque (not a JWT): it cannot be checked here; the " \
                "service decides"
        elif fit.ok:
            row["state"], row["detail"] = "ok", "the token carries what the service needs"
        else:
            row["state"] = "not_available"
            row["detail"] = "not available for this user: " + "; ".join(row["problems"])
    return rows


def lines(rows: list[dict[str, Any]]) -> list[str]:
    """Plain English lines for the helpdesk."""
    out = []
    for row in rows:
        way = "resource " + row["resource"] if row["resource"] else "the launcher's own token"
        detail = row["detail"]
        if "login" in row:
            way = CHAT_LOGIN.get(row["login"], way)
            detail += ("; a Matrix token for this computer is kept in the keyring"
                       if row.get("matrix_token") == "kept" else
                       "; no Matrix token yet: the next check signs in at the homeserver")
        out.append(f"  {row['name']} ({row['service']} tile, {way}): {detail}")
    return out
