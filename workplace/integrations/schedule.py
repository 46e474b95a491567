# SPDX-License-Identifier: EUPL-1.2
"""When each integration is checked next: per-profile intervals, data saver, offline,
one round after a network change or wake-up, backoff with jitter after failures, and
whether a held connection (IMAP IDLE) is allowed.

:class:`Schedule` is plain state without threads or timers: the window's adapter asks
it what is due and when to wake next, and tells it what each check found. The same
object runs in virtual time in the benchmarks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workplace.auth import plan
from workplace.catalog.schedule import jittered
from workplace.integrations.model import Availability, Reading
from workplace.net.profile import LOW_BANDWIDTH_STRETCH, ConnectionProfile, ProfileKind

if TYPE_CHECKING:
    from workplace.config.schema import IntegrationBase

NOT_AVAILABLE_SECONDS = 6 * 3600.0
"""A scope the provider does not grant is asked about again this seldom (or after a
new sign-in)."""


def interval(config: IntegrationBase, profile: ConnectionProfile,
             low_bandwidth: bool) -> float | None:
    """Seconds between two checks on ``profile``; None: not at all (offline, captive)."""
    if not profile.online:
        return None
    minutes = {
        ProfileKind.OFFICE: config.minutes_office,
        ProfileKind.HOME: config.minutes_home,
        ProfileKind.MOBILE: config.minutes_mobile,
    }.get(profile.kind)
    if minutes is None:
        return None
    return minutes * 60.0 * (LOW_BANDWIDTH_STRETCH if low_bandwidth else 1)


def held_connection_allowed(profile: ConnectionProfile, low_bandwidth: bool) -> bool:
    """A connection kept open (IDLE, long poll, event stream): in the office or at home,
    not on a metered link and not in data-saver mode."""
    return profile.kind in (ProfileKind.OFFICE, ProfileKind.HOME) and not (
        profile.metered or low_bandwidth)


def delay_after(reading: Reading, every: float,
                uniform: Callable[[float, float], float] = random.uniform) -> float:
    """Seconds until the next check after ``reading``, jittered ±20 %."""
    if reading.availability == Availability.FAILING and reading.failures > 0:
        return jittered(min(every, max(plan.backoff(reading.failures), 1.0)), uniform)
    if reading.availability in (Availability.NOT_AVAILABLE, Availability.SIGN_IN_AGAIN,
                                Availability.NEEDS_PASSWORD):
        return jittered(max(every, NOT_AVAILABLE_SECONDS), uniform)
    return jittered(every, uniform)


@dataclass
class Schedule:
    """Due times per integration (epoch seconds); GUI thread only."""

    configs: dict[str, IntegrationBase]
    profile: ConnectionProfile
    low_bandwidth: bool = False
    uniform: Callable[[float, float], float] = random.uniform
    due: dict[str, float | None] = field(default_factory=dict)
    running: set[str] = field(default_factory=set)
    held: set[str] = field(default_factory=set)
    """Integrations kept up to date by a held connection: not polled meanwhile."""

    def replan(self, profile: ConnectionProfile, low_bandwidth: bool, now: float, *,
               round_now: bool = True) -> None:
        """A new profile or data-saver state (or a wake-up): one round now when online
        (``round_now``), then the new intervals; nothing while offline."""
        self.profile, self.low_bandwidth = profile, low_bandwidth
        for name, config in self.configs.items():
            every = interval(config, profile, low_bandwidth)
            if every is None:
                self.due[name] = None
            elif round_now:
                self.due[name] = now
            else:
                previous = self.due.get(name)
                self.due[name] = min(previous, now + every) if previous else now + every

    def take_due(self, now: float) -> list[str]:
        """The integrations to check now (marked running until :meth:`done`)."""
        found = [name for name, when in self.due.items()
                 if when is not None and when <= now and name not in self.running
                 and name not in self.held]
        self.running.update(found)
        return found

    def done(self, reading: Reading, now: float) -> None:
        """A check finished; plan the next one."""
        self.running.discard(reading.name)
        config = self.configs.get(reading.name)
        every = interval(config, self.profile, self.low_bandwidth) if config else None
        self.due[reading.name] = None if every is None else now + delay_after(
            reading, every, self.uniform)

    def hold(self, name: str, held: bool) -> None:
        """``name`` is (no longer) kept current by a held connection."""
        if held:
            self.held.add(name)
        else:
            self.held.discard(name)

    def next_wakeup(self) -> float | None:
        """The earliest due time not running, or None."""
        times = [when for name, when in self.due.items()
                 if when is not None and name not in self.running and name not in self.held]
        return min(times) if times else None

    def names(self) -> Iterable[str]:
        return self.configs.keys()
