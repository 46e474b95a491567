# SPDX-License-Identifier: EUPL-1.2
"""What a probe found out about a service, and the one-line summary for the tray."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class ServiceState(StrEnum):
    AVAILABLE = "available"
    SLOW = "slow"
    UNREACHABLE = "unreachable"
    NEEDS_VPN = "needs_vpn"
    """Zone ``intranet`` while neither in the office nor on the VPN: not probed at all."""
    TLS_PROBLEM = "tls_problem"
    """The certificate was not trusted: a possible attack, or the agency CA is missing."""
    SIGN_IN_REQUIRED = "sign_in_required"
    NOT_CHECKED = "not_checked"
    """Offline, behind a captive portal, or skipped in low-bandwidth mode."""

    @property
    def usable(self) -> bool:
        return self in (ServiceState.AVAILABLE, ServiceState.SLOW, ServiceState.SIGN_IN_REQUIRED)


@dataclass(frozen=True)
class ServiceStatus:
    """One service's state. ``detail`` is plain English for tooltips, doctor and logs; it
    never holds a query string or credentials."""

    service_id: str
    state: ServiceState
    detail: str = ""
    latency_ms: int | None = None
    http_status: int | None = None
    url: str = ""
    """What was probed (health URL or web URL), without query."""


@dataclass(frozen=True)
class StatusSummary:
    """Counts for the tray icon: ``available`` includes slow and sign-in-required services."""

    available: int
    checked: int
    not_checked: int
    counts: Mapping[ServiceState, int]

    @property
    def text(self) -> str:
        """``8 of 10 available`` (English; the GUI builds its own translated line)."""
        if not self.checked:
            return "no service checked"
        line = f"{self.available} of {self.checked} available"
        if self.not_checked:
            line += f" ({self.not_checked} not checked)"
        return line

    @property
    def all_available(self) -> bool:
        return self.checked > 0 and self.available == self.checked


def summarize(statuses: Mapping[str, ServiceStatus]) -> StatusSummary:
    counts = Counter(s.state for s in statuses.values())
    not_checked = counts.get(ServiceState.NOT_CHECKED, 0)
    available = sum(n for state, n in counts.items() if state.usable)
    return StatusSummary(
        available=available,
        checked=len(statuses) - not_checked,
        not_checked=not_checked,
        counts=dict(counts),
    )
