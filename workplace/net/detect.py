# SPDX-License-Identifier: EUPL-1.2
"""Blocking connection-profile detection, for a worker thread.

The GUI calls :func:`detect_profile` once at start, and again on every network change
and wake-up from sleep (never on a timer). It passes what QNetworkInformation knows
(reachability, metered, captive portal); this module adds the intranet probe, the
captive-portal check and the VPN interfaces, and :func:`decide_profile` decides.
"""

from __future__ import annotations

import fnmatch
import logging
import socket
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from workplace.net.errors import NetworkError
from workplace.net.http import HttpSession, get_capped
from workplace.net.profile import (
    CheckResult,
    ConnectionProfile,
    Observations,
    Reachability,
    decide_profile,
)
from workplace.net.proxy import mask_credentials

if TYPE_CHECKING:
    from workplace.config.schema import NetworkSettings

log = logging.getLogger("workplace.net")

SessionFactory = Callable[[], HttpSession]
CHECK_TIMEOUT: tuple[float, float] = (3.0, 4.0)
"""(connect, read) seconds for the intranet probe and the captive-portal check."""
MAX_CHECK_BYTES = 16 * 1024
SYS_CLASS_NET = Path("/sys/class/net")


def vpn_interfaces(
    patterns: Iterable[str], names: Iterable[str] | None = None, *,
    sys_class_net: Path = SYS_CLASS_NET,
) -> tuple[str, ...]:
    """Interfaces whose names match ``patterns`` and that are not down.

    ``names`` overrides what the system lists (tests, or the GUI from QNetworkInterface).
    On Linux they come from ``/sys/class/net`` (a tun device's operstate is "unknown"
    while up, so only "down" counts as down); elsewhere from ``socket.if_nameindex``.
    """
    wanted = [p.lower() for p in patterns]
    if names is None:
        names = _system_interfaces(sys_class_net)
    found = []
    for name in names:
        if not any(fnmatch.fnmatchcase(name.lower(), p) for p in wanted):
            continue
        state = sys_class_net / name / "operstate"
        try:
            if state.read_text(encoding="ascii").strip() == "down":
                continue
        except OSError:
            pass
        found.append(name)
    return tuple(sorted(found))


def _system_interfaces(sys_class_net: Path) -> list[str]:
    if sys.platform.startswith("linux"):
        try:
            return [p.name for p in sys_class_net.iterdir()]
        except OSError:
            return []
    else:  # not Linux (a branch of its own: mypy checks the one of the platform it runs on)
        try:
            return [name for _index, name in socket.if_nameindex()]
        except OSError:
            return []


def check_intranet(session: HttpSession, url: str) -> CheckResult:
    """OK when the intranet URL answers over verified TLS with anything but a server error."""
    try:
        got = get_capped(session, url, max_bytes=MAX_CHECK_BYTES, timeout=CHECK_TIMEOUT)
    except NetworkError as exc:
        log.debug("intranet probe: %s", exc)
        return CheckResult.FAILED
    return CheckResult.OK if got.status < 500 else CheckResult.FAILED


def check_captive(
    session: HttpSession, url: str, expected_body: str = ""
) -> tuple[CheckResult, str | None]:
    """OK on the expected answer; CAPTIVE (with the login URL, if any) on another one."""
    try:
        got = get_capped(session, url, max_bytes=MAX_CHECK_BYTES, timeout=CHECK_TIMEOUT)
    except NetworkError as exc:
        log.debug("captive-portal check: %s", exc)
        return CheckResult.FAILED, None
    if expected_body:
        if got.status == 200 and got.body.decode("utf-8", "replace").strip() == expected_body:
            return CheckResult.OK, None
    elif got.status == 204:
        return CheckResult.OK, None
    location = got.headers.get("Location") or got.headers.get("location")
    login = _login_url(url, location) if 300 <= got.status < 400 else None
    if got.status >= 500 and got.status != 511:
        return CheckResult.FAILED, None
    return CheckResult.CAPTIVE, login


def _login_url(base: str, location: str | None) -> str | None:
    """The portal's login page, only if it is a plain http(s) URL without user info."""
    if not location:
        return None
    target = urljoin(base, location.strip())
    if not target.lower().startswith(("http://", "https://")) or "@" in target.split("/")[2]:
        return None
    if any(ord(c) < 0x21 for c in target):
        return None
    return mask_credentials(target)


def observe(
    session_factory: SessionFactory,
    network: NetworkSettings,
    *,
    reachability: Reachability = "unknown",
    metered: bool = False,
    os_captive: bool | None = None,
    interfaces: Iterable[str] | None = None,
) -> Observations:
    """Run the intranet probe and the captive-portal check side by side (blocking)."""
    vpns = vpn_interfaces(network.vpn_interfaces, interfaces)
    if reachability == "disconnected":
        return Observations(reachability, metered, os_captive, vpn_interfaces=vpns)

    def intranet() -> CheckResult:
        if not network.intranet_probe_url:
            return CheckResult.NOT_CONFIGURED
        session = session_factory()
        try:
            return check_intranet(session, network.intranet_probe_url)
        finally:
            session.close()

    def internet() -> tuple[CheckResult, str | None]:
        if not network.captive_portal_check_url:
            return CheckResult.NOT_CONFIGURED, None
        session = session_factory()
        try:
            return check_captive(
                session, network.captive_portal_check_url, network.captive_portal_check_body
            )
        finally:
            session.close()

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="workplace-detect") as pool:
        intranet_future = pool.submit(intranet)
        internet_future = pool.submit(internet)
        intranet_result = intranet_future.result()
        internet_result, login = internet_future.result()
    return Observations(
        reachability=reachability,
        metered=metered,
        os_captive=os_captive,
        intranet=intranet_result,
        internet=internet_result,
        captive_login_url=login,
        vpn_interfaces=vpns,
    )


def detect_profile(
    session_factory: SessionFactory,
    network: NetworkSettings,
    *,
    reachability: Reachability = "unknown",
    metered: bool = False,
    os_captive: bool | None = None,
    interfaces: Iterable[str] | None = None,
) -> ConnectionProfile:
    """Observe and decide. Blocking, a few seconds at most: run it on a worker thread.

    ``session_factory`` should give sessions without retries
    (``NetworkSetup.factory(retries=0)``).
    """
    start = time.monotonic()
    seen = observe(
        session_factory, network, reachability=reachability, metered=metered,
        os_captive=os_captive, interfaces=interfaces,
    )
    profile = decide_profile(seen, check_url=network.captive_portal_check_url or None)
    log.info(
        "connection profile: %s (%s) in %.0f ms",
        profile.label, profile.detail, (time.monotonic() - start) * 1000,
    )
    return profile
