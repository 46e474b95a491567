# SPDX-License-Identifier: EUPL-1.2
"""What the OS says about the network, on Linux, without QtNetwork.

Network changes come from the real kernel: the test adds an address to the loopback
interface (root, as in CI) and the watch must notice it over netlink. The link's state
comes from NetworkManager over D-Bus: that is a STAND-IN of NetworkManager's documented
D-Bus API (tests/stack/nm_standin.py) on the test session bus, named to the launcher as
the system bus, because the real NetworkManager would take over this machine's links.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
from nm_standin import (
    NM_CONNECTIVITY_PORTAL,
    NM_METERED_YES,
    NM_STATE_DISCONNECTED,
    NetworkManagerStandIn,
)

from workplace.net.nmstate import NmState, state_from
from workplace.ui.netwatch import NetworkWatch, OsNetwork

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")

_addresses = itertools.count(20)
IP = shutil.which("ip") or "/usr/sbin/ip"


@pytest.fixture
def system_bus(monkeypatch: pytest.MonkeyPatch) -> str:
    """The test session bus, used as the system bus (where NetworkManager lives)."""
    address = os.environ["DBUS_SESSION_BUS_ADDRESS"]
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
    return address


@pytest.fixture
def network_manager(system_bus: str) -> Iterator[NetworkManagerStandIn]:
    standin = NetworkManagerStandIn(system_bus)
    yield standin
    standin.stop()


@pytest.fixture
def watch(qapp: object) -> Iterator[NetworkWatch]:
    watch = NetworkWatch()
    yield watch
    watch.stop()


def test_networkmanager_values_mean_what_qt_made_of_them() -> None:
    def nm(**props: object) -> NmState:
        types = {"State": "u", "Connectivity": "u", "Metered": "u", "PrimaryConnectionType": "s"}
        return state_from({name: (types[name], value) for name, value in props.items()})

    assert nm(State=70, Connectivity=4, Metered=2) == NmState("online", False, False)
    assert nm(State=60) == NmState("site", False, None)
    assert nm(State=50) == NmState("local", False, None)
    assert nm(State=20).reachability == "disconnected"
    assert nm(State=30).reachability == "disconnected"  # disconnecting
    assert nm(State=40).reachability == "unknown"  # connecting
    assert nm(State=10).reachability == "unknown"  # asleep
    assert nm(State=70, Connectivity=2).captive is True
    assert nm(State=70, Metered=1).metered and nm(State=70, Metered=3).metered
    assert not nm(State=70, Metered=4).metered  # guess-no
    assert nm(State=70, Metered=2, PrimaryConnectionType="gsm").metered  # mobile broadband
    assert state_from({}) == NmState()


def test_the_link_state_comes_from_networkmanager_and_its_changes_start_a_round(
    qtbot: object, watch: NetworkWatch, network_manager: NetworkManagerStandIn,
) -> None:
    # Each round reads the OS's view, as the launcher's detection round does.
    rounds: list[tuple[str, OsNetwork]] = []
    watch.changed.connect(lambda reason: rounds.append((reason, watch.os_network())))
    watch.start()
    qtbot.waitUntil(lambda: watch.os_network() == OsNetwork("online", False, False))  # type: ignore[attr-defined]
    # NetworkManager's first answer may have left a round pending (debounced): have it
    # now, so that each round below follows a change of its own.
    watch.notify("network")
    qtbot.waitUntil(lambda: bool(rounds), timeout=10_000)  # type: ignore[attr-defined]

    def round_with(expected: OsNetwork) -> None:
        """A round after the change, which sees it (not merely any round)."""
        qtbot.waitUntil(lambda: ("network", expected) in rounds, timeout=10_000)  # type: ignore[attr-defined]

    rounds.clear()
    network_manager.set(Metered=NM_METERED_YES)
    round_with(OsNetwork("online", True, False))

    network_manager.set(Connectivity=NM_CONNECTIVITY_PORTAL)
    round_with(OsNetwork("online", True, True))

    network_manager.set(State=NM_STATE_DISCONNECTED)
    round_with(OsNetwork("disconnected", True, True))
    assert "PySide6.QtNetwork" not in sys.modules


def test_without_networkmanager_the_probes_decide(
    qtbot: object, watch: NetworkWatch, system_bus: str, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level("INFO", logger="workplace.net")
    watch.start()
    qtbot.waitUntil(lambda: "NetworkManager is not running" in caplog.text)  # type: ignore[attr-defined]
    assert watch.os_network() == OsNetwork()
    assert "PySide6.QtNetwork" not in sys.modules


def test_without_any_system_bus_the_probes_decide(
    qtbot: object, watch: NetworkWatch, monkeypatch: pytest.MonkeyPatch,
    tmp_path: object, caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    caplog.set_level("INFO", logger="workplace.net")
    watch.start()
    qtbot.waitUntil(lambda: "NetworkManager cannot be read" in caplog.text)  # type: ignore[attr-defined]
    assert watch.os_network() == OsNetwork()


def test_a_new_address_on_a_link_is_a_network_change(
    qtbot: object, watch: NetworkWatch, system_bus: str,
) -> None:
    """The real kernel: an address added to the loopback link (and removed again)."""
    address = f"127.0.{os.getpid() % 250}.{next(_addresses)}/32"
    watch.start()
    try:
        with qtbot.waitSignal(watch.changed, timeout=10_000) as blocker:  # type: ignore[attr-defined]
            subprocess.run([IP, "addr", "add", address, "dev", "lo"], check=True)
        assert blocker.args == ["network"]
    finally:
        subprocess.run([IP, "addr", "del", address, "dev", "lo"], check=False)
