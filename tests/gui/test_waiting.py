# SPDX-License-Identifier: EUPL-1.2
"""What is waiting, in the running window: the real sign-in at the test provider, the
demo's mail and calendar services answering the OX App Suite HTTP API (a STAND-IN shaped
like OX's documented API, tests/stack/ox_standin.py: OX cannot run here), the window's
one timer, checks as jobs, notifications with do-not-disturb, and sign-out.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from demo_services import DemoServices

from tests.gui.conftest import GuiFactory
from tests.gui.test_signin import Visits, fake_browser, sign_in_by_click, wait_phase  # noqa: F401
from workplace.integrations.model import Availability
from workplace.integrations.notices import NoticeKind
from workplace.ui.account import Phase

pytestmark = pytest.mark.integration

WAIT_MS = 30_000



@pytest.fixture
def gui(make_gui: GuiFactory, demo: DemoServices, fake_browser: Visits,  # noqa: F811
        secret_service: Any, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    """The window of the demo tenant, signed in (async jobs, no status probes)."""
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(demo.tenant(demo.issuer)), encoding="utf-8")
    window = make_gui(tenant, synchronous=False, auth=True)
    sign_in_by_click(qtbot, window)
    yield window
    store.delete(account)


def test_what_is_waiting_is_built_only_where_it_switched_integrations_on(
    qtbot: Any, make_gui: GuiFactory, demo: DemoServices, fake_browser: Visits,  # noqa: F811
    secret_service: Any, tmp_path: Path,
) -> None:
    """A tenant without integrations has nothing waiting: no controller, strip or
    notifier (about 2 MiB); one with them has it before the sign-in begins."""
    from workplace.auth.keyring_store import SERVICE, KeyringStore

    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    plain = demo.tenant(demo.issuer)
    plain.pop("integrations")
    tenant = tmp_path / "plain.json"
    tenant.write_text(json.dumps(plain), encoding="utf-8")
    gui = make_gui(tenant, synchronous=False, auth=True)
    sign_in_by_click(qtbot, gui)
    assert gui._waiting is None
    assert not [t for t in gui.window.header.account.menu_texts if "disturb" in t]
    store.delete(account)

    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(demo.tenant(demo.issuer)), encoding="utf-8")
    gui = make_gui(tenant, synchronous=False, auth=True)
    wait_phase(qtbot, gui, Phase.SIGNED_OUT)
    assert gui._waiting is not None  # with the trusted configuration, before sign-in
    store.delete(account)


def test_what_is_waiting_built_after_the_sign_in_starts_its_checks(
    qtbot: Any, make_gui: GuiFactory, demo: DemoServices, fake_browser: Visits,  # noqa: F811
    secret_service: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workplace.auth.keyring_store import SERVICE, KeyringStore
    from workplace.ui.gui import Gui

    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(demo.tenant(demo.issuer)), encoding="utf-8")
    real = Gui._ensure_waiting
    monkeypatch.setattr(Gui, "_ensure_waiting", lambda self: None)  # not with the config
    gui = make_gui(tenant, synchronous=False, auth=True)
    sign_in_by_click(qtbot, gui)
    assert gui._waiting is None
    monkeypatch.setattr(Gui, "_ensure_waiting", real)
    qtbot.waitUntil(lambda: badge(gui) == 3, timeout=WAIT_MS)  # built now, signed in
    store.delete(account)


def badge(gui: Any) -> int | None:
    reading = gui.waiting.controller.readings.get("mail")
    return reading.badge if reading is not None else None


def test_the_unread_count_arrives_after_sign_in_and_rises_with_new_mail(
    qtbot: Any, gui: Any, demo: DemoServices
) -> None:
    controller = gui.waiting.controller
    qtbot.waitUntil(lambda: badge(gui) == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "calendar" in controller.readings, timeout=WAIT_MS)
    assert controller.readings["calendar"].availability == Availability.OK
    assert controller.total_unread() == 3
    # One timer, armed for the next check (the demo tenant: every minute at home, with
    # jitter), nothing busier.
    assert controller._timer.isActive()
    assert 40_000 < controller._timer.remainingTime() <= 60_000 * 1.2

    demo.deliver()
    with qtbot.waitSignal(controller.notice, timeout=WAIT_MS) as told:
        controller.refresh_now()
    notice = told.args[0]
    assert (notice.kind, notice.count, notice.unread) == (NoticeKind.MAIL, 1, 4)
    assert badge(gui) == 4
    with qtbot.waitSignal(gui.waiting.notifier.shown, timeout=WAIT_MS) as shown:
        pass
    _title, body = gui.waiting.notifier.texts(shown.args[0])
    assert body == "1 new e-mail · 4 unread"  # a count, never a subject or sender


def test_a_meeting_starting_soon_is_reminded_once_with_join(
    qtbot: Any, gui: Any, demo: DemoServices
) -> None:
    controller, notifier = gui.waiting.controller, gui.waiting.notifier
    qtbot.waitUntil(lambda: "calendar" in controller.readings, timeout=WAIT_MS)
    added = demo.meeting(minutes=3)
    with qtbot.waitSignal(notifier.shown, timeout=WAIT_MS) as shown:
        controller.refresh_now()
    batch = shown.args[0]
    meeting = batch.meetings[0]
    assert meeting.title == added["title"] and meeting.join_url == added["join_url"]
    assert meeting.join_service == "video" or meeting.join_service is None
    assert batch.joinable(controller._clock()) is meeting
    title, body = notifier.texts(batch)
    assert title == added["title"] and body.startswith("Starts in 3 min (")
    # Where IT turned meeting titles off, the reminder says "Meeting" and the time only.
    settings = gui.workplace.settings
    integrations = settings.tenant.integrations.model_copy(update={"meeting_titles": False})
    tenant = settings.tenant.model_copy(update={"integrations": integrations})
    notifier._settings = lambda: dataclasses.replace(settings, tenant=tenant)
    title, body = notifier.texts(batch)
    assert title == "Meeting" and body.startswith("Starts in 3 min (")
    assert added["title"] not in title + body

    with qtbot.waitSignal(notifier.join_requested, timeout=WAIT_MS) as joined:
        notifier._act(batch, "join")
    assert joinable_url(joined.args[0]) == added["join_url"]

    # The next check finds the same meeting: no second reminder.
    shown_before = []
    notifier.shown.connect(shown_before.append)
    checks = controller.checks
    controller.refresh_now()
    qtbot.waitUntil(lambda: controller.checks >= checks + 2, timeout=WAIT_MS)
    qtbot.wait(2 * 1500)  # the batch window passes: nothing was gathered
    assert shown_before == []


def joinable_url(meeting: Any) -> str:
    return str(meeting.join_url)


def test_do_not_disturb_holds_back_and_tells_afterwards(
    qtbot: Any, gui: Any, demo: DemoServices
) -> None:
    controller, notifier = gui.waiting.controller, gui.waiting.notifier
    store = gui.window.settings_store
    qtbot.waitUntil(lambda: badge(gui) == 3, timeout=WAIT_MS)
    with qtbot.waitSignal(store.changed, timeout=WAIT_MS):
        gui.waiting.set_do_not_disturb(True)
    assert notifier.quiet_now()

    shown: list[Any] = []
    notifier.shown.connect(shown.append)
    demo.deliver()
    demo.deliver()
    with qtbot.waitSignal(controller.notice, timeout=WAIT_MS):
        controller.refresh_now()
    qtbot.waitUntil(lambda: len(notifier.gate.held) == 1, timeout=WAIT_MS)
    assert shown == [] and badge(gui) == 5  # the badge rises all the same

    with qtbot.waitSignal(notifier.shown, timeout=WAIT_MS) as told:
        gui.waiting.set_do_not_disturb(False)
    batch = told.args[0]
    assert batch.held and batch.new_mail == 2
    title, body = notifier.texts(batch)
    assert title == "While do not disturb was on" and body.startswith("2 new e-mails")


def test_sign_out_forgets_what_was_waiting(qtbot: Any, gui: Any) -> None:
    controller = gui.waiting.controller
    qtbot.waitUntil(lambda: badge(gui) == 3, timeout=WAIT_MS)
    with qtbot.waitSignal(controller.cleared, timeout=WAIT_MS):
        gui.window.header.account.trigger_sign_out()
    assert controller.readings == {} and controller.total_unread() == 0
    assert not controller._timer.isActive()


def test_offline_nothing_is_asked_and_the_network_coming_back_brings_one_round(
    qtbot: Any, make_gui: GuiFactory, demo: DemoServices, fake_browser: Visits,  # noqa: F811
    secret_service: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workplace.auth.keyring_store import SERVICE, KeyringStore
    from workplace.status import schedule
    from workplace.ui.netwatch import OsNetwork

    # The status round after a network change starts at a random point within half a
    # minute (the fleet's spread, tests/gui/test_status.py); here it starts at once, or
    # the wait below raced that draw (it failed when the draw came close to 30 s).
    monkeypatch.setattr(schedule, "ROUND_SPREAD", 0.0)

    account = f"arbeitsplatz@{demo.issuer}"
    store = KeyringStore(secret_service, service=SERVICE)
    store.delete(account)
    tenant = tmp_path / "tenant.json"
    tenant.write_text(json.dumps(demo.tenant(demo.issuer)), encoding="utf-8")
    try:
        window = make_gui(tenant, synchronous=False, auth=True, status=True,
                          os_network=OsNetwork("disconnected"))
        sign_in_by_click(qtbot, window)
        controller = window.waiting.controller
        qtbot.waitUntil(lambda: controller.schedule is not None
                        and window.status.profile is not None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.jobs.pending, timeout=WAIT_MS)
        assert window.status.offline
        assert controller.checks == 0 and controller.readings == {}
        assert not controller._timer.isActive()  # no timer at all while offline

        window.watch.forced = OsNetwork("online")
        window.watch.notify("network")
        qtbot.waitUntil(lambda: badge(window) == 3, timeout=WAIT_MS)
        # One round: mail and calendar, once each (the calendar's answer may come after
        # the mail's badge; wait for both, then for nothing more to be pending).
        qtbot.waitUntil(lambda: {"mail", "calendar"} <= set(controller.readings),
                        timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.jobs.pending, timeout=WAIT_MS)
        assert controller.checks == 2

        # Data saver stretches the interval fourfold (the demo's minute: four).
        with qtbot.waitSignal(window.window.settings_store.changed, timeout=WAIT_MS):
            window.window.settings_store.change("low_bandwidth", "on")
        qtbot.waitUntil(lambda: controller.schedule.low_bandwidth, timeout=WAIT_MS)
        checks = controller.checks  # the check already planned stays; the next are later
        controller.refresh_now()
        qtbot.waitUntil(lambda: controller.checks == checks + 2, timeout=WAIT_MS)
        assert controller._timer.remainingTime() > 3 * 60_000
    finally:
        store.delete(account)
