# SPDX-License-Identifier: EUPL-1.2
"""A STAND-IN for NetworkManager's D-Bus service, for tests.

NetworkManager itself is not run here: it is the system's network manager, and
started in a test it would take over the machine's own links. This serves the part of
its documented D-Bus API (``org.freedesktop.NetworkManager`` on
``/org/freedesktop/NetworkManager``) the launcher reads: ``Properties.Get``/``GetAll``
of ``State``, ``Connectivity``, ``Metered`` and ``PrimaryConnectionType``, with their
D-Bus types, and the ``org.freedesktop.DBus.Properties.PropertiesChanged`` signal
NetworkManager sends when one changes. It serves on whatever bus it is given (the tests
use their own session bus, named to the launcher as the system bus).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

BUS_NAME = "org.freedesktop.NetworkManager"
PATH = "/org/freedesktop/NetworkManager"
INTERFACE = "org.freedesktop.NetworkManager"
PROPERTIES = "org.freedesktop.DBus.Properties"
TYPES = {"State": "u", "Connectivity": "u", "Metered": "u", "PrimaryConnectionType": "s"}

NM_STATE_CONNECTED_GLOBAL = 70
NM_STATE_DISCONNECTED = 20
NM_CONNECTIVITY_PORTAL = 2
NM_CONNECTIVITY_FULL = 4
NM_METERED_YES = 1
NM_METERED_NO = 2


class NetworkManagerStandIn:
    """Serves on ``address`` (a D-Bus address) until :meth:`stop`."""

    def __init__(self, address: str) -> None:
        self.props: dict[str, Any] = {
            "State": NM_STATE_CONNECTED_GLOBAL, "Connectivity": NM_CONNECTIVITY_FULL,
            "Metered": NM_METERED_NO, "PrimaryConnectionType": "802-3-ethernet",
        }
        self.calls = 0
        """GetAll/Get calls answered."""
        self._lock = threading.Lock()
        self._conn: DBusConnection = open_dbus_connection(bus=address)
        reply = self._conn.send_and_get_reply(message_bus.RequestName(BUS_NAME, 4))
        if reply.body[0] != 1:  # DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER
            raise RuntimeError(f"cannot own {BUS_NAME}: {reply.body}")
        self._thread = threading.Thread(target=self._serve, daemon=True, name="nm-standin")
        self._thread.start()

    def set(self, **changes: Any) -> None:
        """Change properties and send PropertiesChanged, as NetworkManager does."""
        with self._lock:
            self.props.update(changes)
            changed = {name: (TYPES[name], value) for name, value in changes.items()}
        emitter = DBusAddress(PATH, interface=PROPERTIES)
        self._conn.send(new_signal(emitter, "PropertiesChanged", "sa{sv}as",
                                   (INTERFACE, changed, [])))

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(5)
        self._conn.close()

    def _serve(self) -> None:
        while True:
            try:
                message = self._conn.receive()
            except (OSError, ConnectionError, EOFError):
                return
            header = message.header
            if header.message_type != MessageType.method_call:
                continue
            member = header.fields.get(HeaderFields.member)
            iface = header.fields.get(HeaderFields.interface)
            if iface == PROPERTIES and member == "GetAll":
                with self._lock:
                    body = {name: (TYPES[name], value) for name, value in self.props.items()}
                self.calls += 1
                self._conn.send(new_method_return(message, "a{sv}", (body,)))
            elif iface == PROPERTIES and member == "Get" and message.body[1] in TYPES:
                name = message.body[1]
                with self._lock:
                    value = self.props[name]
                self.calls += 1
                self._conn.send(new_method_return(message, "v", ((TYPES[name], value),)))
            else:
                self._conn.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))
