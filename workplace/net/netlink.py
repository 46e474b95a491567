# SPDX-License-Identifier: EUPL-1.2
"""Linux tells every program when links, addresses or routes change (rtnetlink).

A network change (Wi-Fi to cable, a VPN coming up, a new address after wake-up) is
noticed here without any library: the kernel sends a message on a ``NETLINK_ROUTE``
socket joined to the link, address and route groups. What a message says is not read;
that something changed is enough, because the launcher then detects its profile anew
(after a debounce, so a burst is one round). GLib's network monitor listens the same way.
"""

from __future__ import annotations

import contextlib
import socket

RTMGRP_LINK = 0x1
RTMGRP_IPV4_IFADDR = 0x10
RTMGRP_IPV4_ROUTE = 0x40
RTMGRP_IPV6_IFADDR = 0x100
RTMGRP_IPV6_ROUTE = 0x400
GROUPS = RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_IFADDR \
    | RTMGRP_IPV6_ROUTE


def open_route_socket() -> socket.socket | None:
    """A non-blocking socket that becomes readable when links, addresses or routes
    change; None where the system has none (not Linux, or netlink refused)."""
    family = getattr(socket, "AF_NETLINK", None)
    if family is None:
        return None
    try:
        sock = socket.socket(family, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    except OSError:
        return None
    try:
        sock.bind((0, GROUPS))
        sock.setblocking(False)
    except OSError:
        sock.close()
        return None
    return sock


def drain(sock: socket.socket) -> int:
    """Read what is waiting (the contents do not matter); the number of messages read.
    An overrun (ENOBUFS: more changes than the buffer held) counts as one."""
    count = 0
    while True:
        try:
            if not sock.recv(65536):
                return count
        except BlockingIOError:
            return count
        except OSError:
            return count + 1  # ENOBUFS: changes were dropped, which is still a change
        count += 1
        if count >= 1000:  # a flood: enough to know; the rest is read next time
            return count


def close(sock: socket.socket | None) -> None:
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.close()
