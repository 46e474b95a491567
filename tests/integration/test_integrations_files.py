# SPDX-License-Identifier: EUPL-1.2
"""File notifications and recent documents against a STAND-IN for Nextcloud
(tests/stack/nextcloud_standin.py): Nextcloud cannot run on this machine. The stand-in
answers like Nextcloud's documented OCS notifications API and WebDAV SEARCH, and checks
the bearer token as user_oidc does (signature, issuer, audience opendesk-nextcloud).
The tokens come from the real test identity provider.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from integration_kit import integrations, signed_in
from nextcloud_standin import NOTIFICATIONS, NextcloudStandIn

from workplace.integrations.model import Availability

pytestmark = pytest.mark.integration


@pytest.fixture
def nextcloud(provider: Any) -> Iterator[NextcloudStandIn]:
    with NextcloudStandIn(provider.issuer) as running:
        yield running


def files(nextcloud: NextcloudStandIn, **extra: Any) -> dict[str, Any]:
    return {"files": {"enabled": True, "base_url": nextcloud.base_url,
                      "audience": "opendesk-nextcloud", "scopes": ["nextcloud"], **extra}}


def test_notifications_reach_the_badge_and_repeat_checks_are_conditional(
    harness: Any, nextcloud: NextcloudStandIn
) -> None:
    nextcloud.notify("Max hat „Haushalt 2025.odt“ mit Ihnen geteilt",
                     link=f"{nextcloud.base_url}/index.php/f/7")
    nextcloud.notify("Kommentar zu „Protokoll.odt“", app="comments")
    kit = integrations(harness, signed_in(harness), files(nextcloud, recent_documents=False))
    reading = kit.check("files")
    assert reading.availability == Availability.OK, reading.detail
    assert reading.unread == 2 and reading.badge == 2
    assert [n.source for n in reading.notices] == ["comments", "files_sharing"]  # newest first
    assert reading.notices[1].link == f"{nextcloud.base_url}/index.php/f/7"
    again = kit.check("files")
    assert again.unread == 2
    assert nextcloud.outcomes("GET", NOTIFICATIONS) == ["ok", "not_modified"]  # ETag: 304


def test_dismissing_deletes_the_notification_on_the_server(
    harness: Any, nextcloud: NextcloudStandIn
) -> None:
    first = nextcloud.notify("Freigabe 1")
    nextcloud.notify("Freigabe 2")
    kit = integrations(harness, signed_in(harness), files(nextcloud, recent_documents=False))
    assert kit.check("files").unread == 2
    assert kit.can_dismiss("files")
    assert kit.dismiss("files", str(first)) is True
    assert first not in nextcloud.state.notifications  # gone for every Nextcloud client
    after = kit.check("files")
    assert after.unread == 1 and [n.title for n in after.notices] == ["Freigabe 2"]
    # Dismissed elsewhere meanwhile: already gone counts as done.
    assert kit.dismiss("files", str(first)) is True


def test_no_app_using_notifications_is_an_empty_list(
    harness: Any, nextcloud: NextcloudStandIn
) -> None:
    nextcloud.state.apps_use_notifications = False  # 204
    kit = integrations(harness, signed_in(harness), files(nextcloud, recent_documents=False))
    reading = kit.check("files")
    assert reading.availability == Availability.OK and reading.unread == 0
    assert reading.badge == 0 and reading.notices == ()


def test_recent_documents_are_the_ten_changed_last_and_open_in_the_web_office(
    harness: Any, nextcloud: NextcloudStandIn
) -> None:
    now = harness.clock()
    ids = {f"/Projekte/Vorlage {n:02}.odt": nextcloud.add_file(
        f"/Projekte/Vorlage {n:02}.odt", now - 3600 * n) for n in range(1, 13)}
    kit = integrations(harness, signed_in(harness), files(nextcloud, notifications=False))
    reading = kit.check("files")
    assert reading.availability == Availability.OK, reading.detail
    assert reading.badge is None  # documents are no badge
    assert len(reading.documents) == 10
    assert [d.path for d in reading.documents][:2] == ["/Projekte/Vorlage 01.odt",
                                                       "/Projekte/Vorlage 02.odt"]
    first = reading.documents[0]
    assert first.name == "Vorlage 01.odt"
    assert first.open_url == f"{nextcloud.base_url}/index.php/f/{ids[first.path]}"
    assert abs(first.modified - (now - 3600)) < 2
    # Nothing changed: one PROPFIND, no second SEARCH.
    assert kit.documents("files").documents == reading.documents
    assert nextcloud.outcomes("SEARCH") == ["ok"]
    nextcloud.add_file("/Neu.odt", now)
    assert kit.documents("files").documents[0].path == "/Neu.odt"
    assert nextcloud.outcomes("SEARCH") == ["ok", "ok"]


def test_a_token_without_the_nextcloud_audience_is_not_available(
    harness: Any, provider: Any, nextcloud: NextcloudStandIn
) -> None:
    provider.set_behaviour(withhold_scopes=["nextcloud"])  # not in the files group
    kit = integrations(harness, signed_in(harness), files(nextcloud))
    reading = kit.check("files")
    assert reading.availability == Availability.NOT_AVAILABLE
    assert "not for opendesk-nextcloud" in reading.detail
    assert nextcloud.state.requests == []  # decided locally


def test_a_token_nextcloud_refuses_is_refreshed_once_then_sign_in_again(
    harness: Any, provider: Any, nextcloud: NextcloudStandIn
) -> None:
    # Tokens that cannot be read here (opaque): user_oidc refuses them.
    provider.set_behaviour(opaque_access_tokens=True)
    kit = integrations(harness, signed_in(harness), files(nextcloud))
    reading = kit.check("files")
    assert reading.availability == Availability.SIGN_IN_AGAIN
    assert nextcloud.outcomes("GET") == ["invalid_token", "invalid_token"]
