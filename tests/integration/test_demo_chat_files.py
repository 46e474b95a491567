# SPDX-License-Identifier: EUPL-1.2
"""The demo's chat, files and portal (``make run``): they come up with the demo, and
democtl.py's ``chat``, ``mention``, ``file`` and ``announce`` change what the launcher's
core reads.

The chat runs both ways the demo runs it: against the REAL Synapse (installed by the
test set-up) and against the Matrix STAND-IN that ``make run`` uses where Synapse is
not installed. Files and portal are the demo's Nextcloud and Nubus STAND-INS (they
cannot run here). The launcher signs in at the real demo identity provider with the
fake browser, whose provider session makes the chat's single sign-on silent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import democtl
import pytest
import requests
from demo_services import DemoServices
from fake_browser import browse
from integration_kit import integrations, signed_in

from workplace.integrations.model import Availability

pytestmark = pytest.mark.integration


@pytest.fixture(params=["synapse", "stand-in"])
def demo(request: Any, provider: Any, tmp_path: Path,
         monkeypatch: pytest.MonkeyPatch) -> Iterator[DemoServices]:
    out = tmp_path / "demo"
    services = DemoServices(out, fixed_ports=False, issuer=provider.issuer,
                            chat_and_files=True, real_synapse=request.param == "synapse")
    services.start()
    monkeypatch.setattr(democtl, "CONTROL_FILE", out / "control.json")
    try:
        yield services
    finally:
        services.close()


def democtl_says(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert democtl.main(list(argv)) == 0
    return capsys.readouterr().out


def test_democtl_raises_the_chat_files_and_portal_readings(
    demo: DemoServices, harness: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert demo.more is not None
    tenant = demo.tenant(demo.issuer)
    auth = signed_in(harness)
    kit = integrations(harness, auth, tenant["integrations"])
    assert {"mail", "calendar", "chat", "files", "portal"} <= set(kit.names())

    # -- chat: one room unread at the start; a message elsewhere raises it ------------
    chat = kit.check("chat")
    assert chat.availability == Availability.OK, (chat.detail, demo.more.chat.kind)
    assert (chat.unread, chat.mentions) == (1, 0)
    assert "Bitte um Rückruf" in democtl_says(capsys, "chat", "Bitte", "um", "Rückruf")
    assert (kit.check("chat").unread, kit.check("chat").mentions) == (2, 0)
    democtl_says(capsys, "mention")
    mentioned = kit.check("chat")
    assert (mentioned.unread, mentioned.mentions) == (2, 1)
    assert demo.more.chat.devices() == ["Arbeitsplatz auf testhost"]

    # -- files: a notification at the start, democtl adds one, dismissal deletes it --
    files = kit.check("files")
    assert files.availability == Availability.OK, files.detail
    assert files.unread == 1
    democtl_says(capsys, "file")
    files = kit.check("files")
    assert files.unread == 2
    subjects = {notice.id: notice.title for notice in files.notices}
    newest = max(subjects, key=int)
    assert kit.dismiss("files", newest)
    status = democtl_says(capsys, "status")
    assert "notifications on the server: 1" in status
    assert subjects[newest] not in status
    assert kit.check("files").unread == 1

    # -- recent documents open in the demo web office, signed in ---------------------
    documents = files.documents
    assert len(documents) == 5
    # on the files tile's own address (the launcher opens it without asking whether to
    # trust another website)
    assert documents[0].open_url.startswith(demo.services["files"].url)
    with requests.Session() as browser:
        browser.trust_env = False
        page = browse(documents[0].open_url, session=browser)
        assert page is not None and page.status_code == 200
        assert documents[0].name in page.text
        assert "Angemeldet als Erika Mustermann" in page.text

    # -- portal: an announcement -----------------------------------------------------
    assert kit.check("portal").notices == ()
    democtl_says(capsys, "announce")
    portal = kit.check("portal")
    assert [notice.title for notice in portal.notices] == ["Wartung am Samstag, 8 bis 12 Uhr"]

    # -- sign-out logs the chat device out on the homeserver ---------------------------
    kit.forget()
    assert demo.more.chat.devices() == []
