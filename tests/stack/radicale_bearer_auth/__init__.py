# SPDX-License-Identifier: EUPL-1.2
"""A Radicale auth plugin: ``Authorization: Bearer`` checked by introspection (RFC 7662)
at the test identity provider, or Basic with an application password.

Configured by the environment Radicale is started with (tests/stack/radicale.py):
``WORKPLACE_INTROSPECTION_URL``, ``WORKPLACE_INTROSPECTION_CLIENT`` / ``_SECRET`` and
``WORKPLACE_APP_PASSWORDS`` (a JSON file: user -> application password). The user
name is the token's ``email`` claim, as openDesk's CalDAV logs users in by mail address.
"""

from __future__ import annotations

import hmac
import json
import os
import urllib.parse
import urllib.request
from typing import Any

from radicale.auth import BaseAuth

MARK = "\x00bearer\x00"


def _introspect(token: str) -> dict[str, Any]:
    url = os.environ["WORKPLACE_INTROSPECTION_URL"]
    body = urllib.parse.urlencode({"token": token, "token_type_hint": "access_token"}).encode()
    request = urllib.request.Request(url, data=body, method="POST")
    auth = f"{os.environ['WORKPLACE_INTROSPECTION_CLIENT']}:" \
           f"{os.environ['WORKPLACE_INTROSPECTION_SECRET']}"
    import base64

    request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            data = json.loads(answer.read())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class Auth(BaseAuth):
    def get_external_login(self, environ: Any) -> Any:
        header = environ.get("HTTP_AUTHORIZATION", "")
        if not header.startswith("Bearer "):
            return ()
        token = header[len("Bearer "):].strip()
        claims = _introspect(token)
        user = claims.get("email") if claims.get("active") is True else None
        return (str(user) if user else "unknown-bearer", MARK + token)

    def _login(self, login: str, password: str) -> str:
        if password.startswith(MARK):
            claims = _introspect(password[len(MARK):])
            ok = claims.get("active") is True and claims.get("email") == login
            return login if ok else ""
        path = os.environ.get("WORKPLACE_APP_PASSWORDS", "")
        try:
            with open(path, encoding="utf-8") as file:
                known = json.load(file)
        except (OSError, ValueError):
            return ""
        expected = known.get(login) if isinstance(known, dict) else None
        if isinstance(expected, str) and hmac.compare_digest(expected, password):
            return login
        return ""
