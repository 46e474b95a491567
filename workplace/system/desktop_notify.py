# SPDX-License-Identifier: EUPL-1.2
"""Desktop notifications through the freedesktop notification service (Linux), over
D-Bus with jeepney (pure Python; it comes with keyring on Linux).

Qt's D-Bus module cannot send the ``uint32`` the service's ``Notify`` call takes from
Python, so this speaks D-Bus itself. Every call blocks briefly (a local socket): call
it from a job. The service's answers to a click (``ActionInvoked``) and a close
(``NotificationClosed``) arrive on jeepney's receiving thread and are handed to
``on_event``; the caller moves them to its own thread.

Specification: https://specifications.freedesktop.org/notification-spec/latest/
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger("workplace.system")

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
TIMEOUT_S = 5.0
"""A notification service that does not answer in this time is taken as missing (D-Bus
activation of one that cannot start may take a moment to fail)."""

EventHandler = Callable[[str, int, str], None]
"""``("action", id, key)`` for a click on an action (``default``: the notification
itself), ``("closed", id, reason)`` when it went away."""


class NotificationServiceMissing(Exception):
    """No freedesktop notification service answers on the session bus."""


class _Relay:
    """What jeepney's router puts a matching signal into (its receiving thread)."""

    def __init__(self, on_event: EventHandler) -> None:
        self._on_event = on_event

    def put_nowait(self, message: Any) -> None:
        member = message.header.fields.get(_member_field())
        body = message.body
        try:
            if member == "ActionInvoked":
                self._on_event("action", int(body[0]), str(body[1]))
            elif member == "NotificationClosed":
                self._on_event("closed", int(body[0]), str(body[1]))
        except Exception:  # a handler's bug must not end the router's thread
            log.exception("a notification event could not be handled")


def _close(router: Any) -> None:
    with contextlib.suppress(Exception):
        router.close()
    with contextlib.suppress(Exception):
        router.conn.close()


def _member_field() -> Any:
    from jeepney.low_level import HeaderFields

    return HeaderFields.member


class FreedesktopNotifications:
    """One connection to the session bus, opened by :meth:`connect` (blocking)."""

    def __init__(self, app_name: str, on_event: EventHandler) -> None:
        self.app_name = app_name
        self._on_event = on_event
        self._router: Any = None
        self._filters: list[Any] = []
        self._lock = threading.Lock()
        self.capabilities: frozenset[str] = frozenset()
        self.server = ""

    def connect(self) -> None:
        """Open the bus and ask the service what it can do; raises
        :class:`NotificationServiceMissing` when there is none."""
        from jeepney import DBusAddress, MatchRule, new_method_call
        from jeepney.bus_messages import message_bus
        from jeepney.io.threading import DBusRouter, open_dbus_connection

        try:
            router = DBusRouter(open_dbus_connection("SESSION"))
        except (OSError, KeyError, ValueError) as exc:
            raise NotificationServiceMissing(f"no session bus ({type(exc).__name__})") from exc
        try:
            address = DBusAddress(PATH, bus_name=NAME, interface=NAME)
            reply = router.send_and_get_reply(
                new_method_call(address, "GetCapabilities"), timeout=TIMEOUT_S)
            if reply.header.message_type.name != "method_return":
                raise NotificationServiceMissing(f"no notification service ({reply.body!r:.80})")
            info = router.send_and_get_reply(
                new_method_call(address, "GetServerInformation"), timeout=TIMEOUT_S)
            relay = _Relay(self._on_event)
            for member in ("ActionInvoked", "NotificationClosed"):
                rule = MatchRule(type="signal", interface=NAME, member=member, path=PATH)
                router.send_and_get_reply(message_bus.AddMatch(rule), timeout=TIMEOUT_S)
                self._filters.append(router.filter(rule, queue=relay))
        except NotificationServiceMissing:
            _close(router)
            raise
        except Exception as exc:  # a timeout, a closed bus: no service to use
            _close(router)
            raise NotificationServiceMissing(f"no notification service ({type(exc).__name__})"
                                             ) from exc
        self.capabilities = frozenset(str(c) for c in reply.body[0])
        if info.header.message_type.name == "method_return" and info.body:
            self.server = f"{info.body[0]} {info.body[2]}"
        with self._lock:
            self._router = router

    @property
    def actions(self) -> bool:
        """Whether the service shows buttons (a Join button)."""
        return "actions" in self.capabilities

    def notify(self, summary: str, body: str, *, actions: Sequence[tuple[str, str]] = (),
               replaces: int = 0, icon: str = "", category: str = "",
               desktop_entry: str = "", timeout_ms: int = -1) -> int:
        """Show a notification; returns its id. ``actions``: (key, label) pairs; the key
        ``default`` is a click on the notification itself."""
        from jeepney import DBusAddress, new_method_call

        with self._lock:
            router = self._router
        if router is None:
            raise NotificationServiceMissing("not connected")
        flat: list[str] = []
        for key, label in actions if self.actions else ():
            flat += [key, label]
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", 1)}
        if category:
            hints["category"] = ("s", category)
        if desktop_entry:
            hints["desktop-entry"] = ("s", desktop_entry)
        address = DBusAddress(PATH, bus_name=NAME, interface=NAME)
        message = new_method_call(address, "Notify", "susssasa{sv}i", (
            self.app_name, replaces, icon, summary, body, flat, hints, timeout_ms))
        reply = router.send_and_get_reply(message, timeout=TIMEOUT_S)
        if reply.header.message_type.name != "method_return":
            raise NotificationServiceMissing(f"the notification was refused ({reply.body!r:.80})")
        return int(reply.body[0])

    def close_notification(self, notification: int) -> None:
        from jeepney import DBusAddress, new_method_call

        with self._lock:
            router = self._router
        if router is None:
            return
        address = DBusAddress(PATH, bus_name=NAME, interface=NAME)
        with contextlib.suppress(Exception):
            router.send_and_get_reply(
                new_method_call(address, "CloseNotification", "u", (notification,)),
                timeout=TIMEOUT_S)

    def close(self) -> None:
        with self._lock:
            router, self._router = self._router, None
            filters, self._filters = self._filters, []
        for handle in filters:
            with contextlib.suppress(Exception):
                handle.close()
        if router is not None:
            _close(router)  # ends its receiving thread, then the connection
