# SPDX-License-Identifier: EUPL-1.2
"""Building blocks for the integration tests (mail, calendar): the launcher's sign-in
with the integrations' scopes, and :class:`Integrations` wired like app.py wires it."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import requests
from harness import Harness, tenant_config

from workplace.auth import AuthService
from workplace.config.schema import Integrations as IntegrationSettings
from workplace.config.schema import Service
from workplace.integrations.runner import Context, Integrations

SCOPES = ["openid", "profile", "email", "offline_access", "read_mail", "read_calendar", "imap",
          "matrix", "nextcloud", "portal"]
USER = "erika.mustermann@musterstadt.example"


def signed_in(harness: Harness, *, scopes: list[str] | None = None,
              resources: tuple[str, ...] = ()) -> AuthService:
    """A real sign-in at the test provider, asking for the integrations' scopes."""
    harness.config = tenant_config(harness.provider.issuer, scopes=scopes or SCOPES)
    service = harness.service(resources=resources)
    service.sign_in()
    return service


def register_resources(issuer: str, resources: dict[str, dict[str, Any]]) -> None:
    """Tell the test provider about resource servers (RFC 8707), as IT would Keycloak."""
    with requests.Session() as session:
        session.trust_env = False
        session.post(f"{issuer}/__admin/resources", json=resources, timeout=10
                     ).raise_for_status()


def integrations(harness: Harness, auth: AuthService | None, settings: dict[str, Any], *,
                 ca_file: Path | None = None, services: Iterable[Service] = (),
                 reminder_minutes: int = 5, app_passwords: Any = None,
                 service_tokens: Any = None, open_browser: Any = None) -> Integrations:
    def trust() -> ssl.SSLContext:
        from workplace.net.http import trust_context

        return trust_context(ca_file)

    listed = tuple(services)
    context = Context(session=harness.session_factory, trust=trust,
                      services=lambda: listed, reminder_minutes=lambda: reminder_minutes,
                      clock=harness.clock, open_browser=open_browser or harness.browser,
                      host=lambda: "testhost", sso_seconds=60.0)
    return Integrations(IntegrationSettings.model_validate(settings), auth, context,
                        app_passwords, service_tokens)


@contextlib.contextmanager
def sso_gives_up_after(seconds: float) -> Iterator[None]:
    """The chat's single sign-on rounds that start inside the block give up after
    ``seconds``: for the step whose round in the browser is meant never to come back.
    Every other round keeps its long deadline, which covers a new browser process, the
    provider's form and Synapse (a loaded machine can stretch that over seconds)."""
    from workplace.integrations import matrix_sso

    real = matrix_sso.login_token

    def login_token(*args: Any, **kwargs: Any) -> str:
        return real(*args, **{**kwargs, "seconds": seconds})

    matrix_sso.login_token = login_token  # type: ignore[assignment]
    try:
        yield
    finally:
        matrix_sso.login_token = real  # type: ignore[assignment]


def service(service_id: str, url: str) -> Service:
    return Service(id=service_id, name={"de": service_id, "en": service_id}, url=url)
