# SPDX-License-Identifier: EUPL-1.2
"""What NetworkManager says about the link, read over the system bus (Linux).

Qt's ``QNetworkInformation`` reads the same properties, but loading it costs about
7 MiB resident for the launcher's lifetime: QtNetwork with its Kerberos libraries, and
every network-information plugin Qt finds (the GLib one brings GIO and GObject), even
when the NetworkManager one is chosen. Here it is the D-Bus library the Secret Service
already uses (jeepney), on one thread that waits for NetworkManager's
``PropertiesChanged`` signal.

The properties and their meaning are NetworkManager's documented D-Bus API
(``org.freedesktop.NetworkManager``: ``State``, ``Connectivity``, ``Metered``,
``PrimaryConnectionType``), mapped the way Qt's NetworkManager backend maps them, so the
profile detection sees what it saw before.

Without NetworkManager on the system bus (a server, a desktop on systemd-networkd) the
watcher says so once and stops: the launcher then relies on its own probes, and on
network changes from :mod:`workplace.net.netlink`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from jeepney.io.blocking import DBusConnection
    from jeepney.low_level import Message

log = logging.getLogger("workplace.net")

BUS_NAME = "org.freedesktop.NetworkManager"
OBJECT_PATH = "/org/freedesktop/NetworkManager"
INTERFACE = "org.freedesktop.NetworkManager"
PROPERTIES = "org.freedesktop.DBus.Properties"
CALL_TIMEOUT_S = 5.0

# NMState (NetworkManager's D-Bus API reference, "NMState")
_REACHABILITY = {
    20: "disconnected",  # NM_STATE_DISCONNECTED
    30: "disconnected",  # NM_STATE_DISCONNECTING: no point in new connections
    50: "local",  # NM_STATE_CONNECTED_LOCAL
    60: "site",  # NM_STATE_CONNECTED_SITE
    70: "online",  # NM_STATE_CONNECTED_GLOBAL
}
"""Anything else (unknown 0, asleep 10, connecting 40) is ``unknown``, as in Qt."""
CONNECTIVITY_UNKNOWN = 0
CONNECTIVITY_PORTAL = 2
METERED = (1, 3)
"""NMMetered: yes, guess-yes."""
CELLULAR = ("gsm", "cdma")
"""``PrimaryConnectionType`` values of mobile broadband (Qt: TransportMedium.Cellular)."""


class NmState(NamedTuple):
    """The link as NetworkManager sees it (the words of ``net.profile.Reachability``)."""

    reachability: str = "unknown"
    metered: bool = False
    captive: bool | None = None
    """None: NetworkManager does not check connectivity (``Connectivity`` unknown)."""


def state_from(props: dict[str, Any]) -> NmState:
    """:class:`NmState` from the ``GetAll`` answer (values as jeepney gives them:
    ``(signature, value)`` pairs)."""

    def value(name: str, default: Any) -> Any:
        got = props.get(name)
        return got[1] if isinstance(got, tuple) and len(got) == 2 else default

    state = value("State", 0)
    connectivity = value("Connectivity", CONNECTIVITY_UNKNOWN)
    metered = value("Metered", 0) in METERED or value("PrimaryConnectionType", "") in CELLULAR
    captive = None if connectivity == CONNECTIVITY_UNKNOWN else connectivity == CONNECTIVITY_PORTAL
    return NmState(_REACHABILITY.get(state, "unknown"), bool(metered), captive)


class NmWatcher:
    """Reads NetworkManager's state and calls ``on_state`` with it, now and after each
    change, from its own thread; ``on_state(None)`` once when NetworkManager is not
    there (or the bus cannot be reached). :meth:`stop` ends the thread."""

    def __init__(self, on_state: Callable[[NmState | None], None]) -> None:
        self._on_state = on_state
        self._connection: DBusConnection | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="networkmanager", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """End the wait (closes the connection under it) and the thread."""
        self._stopping.set()
        with self._lock:
            connection = self._connection
        if connection is not None:
            import socket

            with contextlib.suppress(OSError):  # already gone
                connection.sock.shutdown(socket.SHUT_RDWR)
        if self._thread.ident is not None:
            self._thread.join(CALL_TIMEOUT_S)

    def _run(self) -> None:
        try:
            self._watch()
        except Exception as exc:  # any bus trouble: no NetworkManager view
            if not self._stopping.is_set():
                log.info("NetworkManager cannot be read (%s); the probes decide alone",
                         type(exc).__name__)
                self._on_state(None)
        finally:
            with self._lock:
                connection, self._connection = self._connection, None
            if connection is not None:
                connection.close()

    def _watch(self) -> None:
        from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus="SYSTEM")
        with self._lock:
            self._connection = connection
        if self._stopping.is_set():
            return
        owner = connection.send_and_get_reply(
            message_bus.NameHasOwner(BUS_NAME), timeout=CALL_TIMEOUT_S
        )
        if not owner.body[0]:
            log.info("NetworkManager is not running; the probes decide alone")
            self._on_state(None)
            return
        rule = MatchRule(type="signal", sender=BUS_NAME, path=OBJECT_PATH,
                         interface=PROPERTIES, member="PropertiesChanged")
        rule.add_arg_condition(0, INTERFACE)
        connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT_S)
        address = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=PROPERTIES)
        get_all = new_method_call(address, "GetAll", "s", (INTERFACE,))
        self._on_state(self._read(connection, get_all))
        while not self._stopping.is_set():
            message = connection.receive()
            if _is_change(message):
                # The signal carries only what changed; read the whole state again.
                self._on_state(self._read(connection, get_all))

    @staticmethod
    def _read(connection: DBusConnection, get_all: Message) -> NmState:
        # jeepney numbers each send itself, so the same call can be sent again.
        reply = connection.send_and_get_reply(get_all, timeout=CALL_TIMEOUT_S)
        return state_from(reply.body[0])


def _is_change(message: Message) -> bool:
    from jeepney import HeaderFields, MessageType

    header = message.header
    return (
        header.message_type == MessageType.signal
        and header.fields.get(HeaderFields.member) == "PropertiesChanged"
        and bool(message.body)
        and message.body[0] == INTERFACE
    )
