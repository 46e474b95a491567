# SPDX-License-Identifier: EUPL-1.2
"""Pure decisions the GUI asks before probing or launching a service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workplace.net.profile import ConnectionProfile, ProbeScope

if TYPE_CHECKING:
    from workplace.config.schema import Service


def needs_vpn_warning(service: Service, profile: ConnectionProfile) -> bool:
    """Warn before opening: an intranet service while neither in the office nor on the VPN."""
    return service.zone == "intranet" and not profile.intranet_ok


def probe_target(service: Service, scope: ProbeScope) -> tuple[str, bool] | None:
    """``(url, is_health_url)`` to probe, or None when this scope skips the service."""
    if scope == "none":
        return None
    if service.health_url:
        return service.health_url, True
    if scope == "health_only":
        return None
    return service.url, False
