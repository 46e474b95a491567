# SPDX-License-Identifier: EUPL-1.2
"""The demo services sign in for real: each is an OpenID Connect client of the demo
identity provider, and a browser that has the provider's session is signed in to every
one of them without typing anything again. The mail and calendar services answer the
OX App Suite HTTP API, a STAND-IN shaped like OX's documented API (OX cannot run here),
to valid bearer tokens with the right audience and scope only.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
from demo_services import DemoServices
from fake_browser import browse
from integration_kit import signed_in

pytestmark = pytest.mark.integration

SIGNED_IN = "Angemeldet als Erika Mustermann"



def _browser() -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    return session


def test_a_demo_service_signs_in_through_the_provider_and_the_next_one_silently(
    demo: DemoServices,
) -> None:
    with _browser() as browser:
        first: list[tuple[str, str]] = []
        page = browse(demo.services["mail"].url, session=browser, history=first)
        assert page is not None and page.status_code == 200
        assert SIGNED_IN in page.text
        assert any('id="login"' in text for _url, text in first), "no sign-in form first"

        # The provider's session is in the browser now: redirects only, through the
        # provider with prompt=none, no sign-in form and no consent page on the way.
        page = browser.get(demo.services["files"].url, timeout=10)
        assert page.status_code == 200 and SIGNED_IN in page.text
        hops = [hop.url for hop in page.history]
        assert any("/auth?" in url and "prompt=none" in url for url in hops), hops
        assert not any("/interaction/" in url for url in hops), hops

    with _browser() as stranger:  # another browser, no session: nobody is signed in
        answer = stranger.get(demo.services["mail"].url, allow_redirects=False, timeout=10)
        assert answer.status_code == 302
        assert answer.headers["Location"].startswith(f"{demo.issuer}/auth?")
        assert "prompt=none" in answer.headers["Location"]


def test_a_forged_callback_signs_nobody_in(demo: DemoServices) -> None:
    with _browser() as browser:
        answer = browser.get(f"{demo.services['mail'].url}oidc/callback?code=x&state=made-up",
                             timeout=10)
        assert answer.status_code == 400
        assert SIGNED_IN not in answer.text


def test_the_demo_ox_api_takes_only_a_fitting_bearer_token(
    demo: DemoServices, harness: Any
) -> None:
    auth = signed_in(harness)
    token = auth.access_token()
    assert token
    api = demo.integrations()["mail"]["api_url"]
    folder = f"{api}/folders?action=get&id=default0/INBOX&columns=1,300,309,311&tree=1"
    with _browser() as client:
        assert client.get(folder, timeout=10).status_code == 401
        answer = client.get(folder, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert answer.status_code == 200 and answer.json()["data"]["unread"] == 3
        demo.deliver()
        answer = client.get(folder, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert answer.json()["data"]["unread"] == 4

        added = demo.meeting(minutes=3)
        calendar = demo.integrations()["calendar"]["api_url"]
        answer = client.get(f"{calendar}/chronos?action=all&rangeStart=20000101T000000Z"
                            "&rangeEnd=21000101T000000Z", timeout=10,
                            headers={"Authorization": f"Bearer {token}"})
        events = answer.json()["data"]
        assert [e["summary"] for e in events] == [added["title"]]
        assert events[0]["conferences"][0]["uri"] == added["join_url"]


def test_the_demo_tenant_switches_mail_and_calendar_on(demo: DemoServices) -> None:
    from workplace.config.schema import Tenant

    tenant = Tenant.model_validate(demo.tenant(demo.issuer))
    assert set(tenant.integrations.enabled()) == {"mail", "calendar"}
    assert tenant.integrations.mail.api_url.startswith(demo.services["mail"].url.rstrip("/"))
