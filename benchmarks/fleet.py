# SPDX-License-Identifier: EUPL-1.2
"""Figure 7: the fleet at eight o'clock, 50,000 launchers in virtual time.

``python -m benchmarks.fleet [--clients N] [--seed S]`` prints the table; ``run.py``
runs it as ``fleet`` (``--quick``: 5,000 clients).

Each client is the launcher's own scheduling state, driven by the launcher's own
decisions: the sign-in session is a real :class:`~workplace.auth.session.Session`
(refreshed, failed, restored by its own methods, tokens parsed from a Keycloak-shaped
answer by :class:`~workplace.auth.tokens.TokenResponse`), its next refresh is
:meth:`Session.due_at`; the catalog's next check is
:func:`workplace.catalog.schedule.next_refresh_due`; the intervals come from
:func:`workplace.net.profile.policy_for` with the default preferences. What the window's
Qt timers do with those answers (``ui/account.py``, ``ui/status.py``,
``ui/netwatch.py``) is followed step by step in :class:`Fleet`.

Only the servers are stand-ins: the identity provider answers every refresh (Keycloak
defaults: 300 s access tokens, an offline session, so no end is announced) unless it
is away; the catalog server answers 304 to the ETag of the version it serves.

The morning (times of day, virtual seconds):

- every laptop wakes once between 7:30 and 8:30 (triangular, most at 7:55); 30 % start
  the launcher at login, the rest wake from sleep; 70 % are in the office (probes every
  5 minutes), 30 % at home (10 minutes);
- the identity provider is away from 8:00 to 8:10 (in the wake-up wave);
- the catalog server is away from 9:00 to 9:30;
- at 9:45 the network drops for every laptop for a minute and comes back;
- the steady state is the hour from 11:00 to 12:00.

Time moves in one-second buckets (events within a second keep their exact times);
a timer that is planned again leaves its old event behind, which is skipped.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.session import Remembered, Session
from workplace.auth.state import Profile
from workplace.auth.tokens import TokenResponse
from workplace.catalog.schedule import next_refresh_due
from workplace.config.schema import Preferences
from workplace.net.profile import ConnectionProfile, ProfileKind, ProfilePolicy, policy_for

HOUR = 3600.0
DAY0 = 1_750_000_000.0 - (1_750_000_000.0 % 86_400)
"""Midnight of the virtual day, as epoch seconds (the session's clock)."""


def at(hh: int, mm: int = 0) -> float:
    return hh * HOUR + mm * 60.0


@dataclass(frozen=True)
class Scenario:
    clients: int = 50_000
    seed: int = 8
    start: float = at(7, 0)
    end: float = at(12, 0)
    wake_from: float = at(7, 30)
    wake_peak: float = at(7, 55)
    wake_to: float = at(8, 30)
    cold_start_share: float = 0.3
    office_share: float = 0.7
    idp_away: tuple[float, float] = (at(8, 0), at(8, 10))
    catalog_away: tuple[float, float] = (at(9, 0), at(9, 30))
    network_drop: tuple[float, float] = (at(9, 45), at(9, 46))
    steady: tuple[float, float] = (at(11, 0), at(12, 0))
    access_token_seconds: int = 300
    catalog_minutes: int = 60


# -- the window's timers, as the Qt code has them ---------------------------------

HEARTBEAT_S = 30.0
"""ui/netwatch.py: a wake-up is noticed at the next heartbeat (up to 30 s) ..."""
DEBOUNCE_S = 1.5
"""... and a network change or wake-up becomes one round after this debounce."""
UI_BACKOFF_FIRST_S, UI_BACKOFF_MAX_S = 5.0, 300.0
NETWORK_KINDS = frozenset({"provider_unreachable", "tls", "timeout"})
"""ui/account.py: the window's own backoff after network failures."""

# event kinds
WAKE, AUTH, CATALOG, ROUND, NET_DOWN, NET_UP = range(6)


@dataclass
class Counts:
    """Requests per second at each server, and who asked (for "share of the fleet")."""

    seconds: int
    token: list[int] = field(default_factory=list)
    catalog: list[int] = field(default_factory=list)
    catalog_304: list[int] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)
    token_clients_per_minute: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.token = [0] * (self.seconds + 1)
        self.catalog = [0] * (self.seconds + 1)
        self.catalog_304 = [0] * (self.seconds + 1)
        self.rounds = [0] * (self.seconds + 1)
        self.token_clients_per_minute = [0] * (self.seconds // 60 + 1)


class Fleet:
    """Every client's scheduling state, and the window's reactions to each event."""

    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.rng = random.Random(scenario.seed)
        n = scenario.clients
        self.t0 = scenario.start
        self.seconds = int(scenario.end - scenario.start)
        self.buckets: list[list[tuple[float, int, int, int]]] = [
            [] for _ in range(self.seconds + 1)]
        self.counts = Counts(self.seconds)
        self.awake = [False] * n
        self.online = [True] * n
        self.policy: list[ProfilePolicy] = []
        prefs = Preferences()
        office = policy_for(ConnectionProfile(ProfileKind.OFFICE), prefs, scenario.catalog_minutes)
        home = policy_for(ConnectionProfile(ProfileKind.HOME), prefs, scenario.catalog_minutes)
        offline = policy_for(ConnectionProfile(ProfileKind.OFFLINE), prefs,
                             scenario.catalog_minutes)
        self.offline_policy = offline
        self.home_policy = [office if self.rng.random() < scenario.office_share else home
                            for _ in range(n)]
        self.policy = list(self.home_policy)
        # sign-in: yesterday's session, kept alive until the evening
        profile = Profile("sub", "Erika Mustermann")
        self.remembered = Remembered("refresh", profile, None)
        self.sessions: list[Session] = []
        self.cold = [self.rng.random() < scenario.cold_start_share for _ in range(n)]
        for i in range(n):
            yesterday = DAY0 - 86_400 + at(17) + self.rng.uniform(0, HOUR)
            session = Session().restored(self.remembered)
            self.sessions.append(session.refreshed(self._tokens(yesterday), yesterday))
        self.auth_gen = [0] * n
        self.ui_failures = [0] * n
        # the catalog: yesterday's copy, checked in the afternoon
        self.checked_at = [DAY0 - 86_400 + at(16) + self.rng.uniform(0, 2 * HOUR)
                           for _ in range(n)]
        self.catalog_failures = [0] * n
        self.catalog_gen = [0] * n
        self.catalog_running = [False] * n
        self.etag = [1] * n
        self.catalog_version = 2  # IT published a new version overnight
        self.round_gen = [0] * n
        self.token_minute = [-1] * n
        for i in range(n):
            wake = self.rng.triangular(scenario.wake_from, scenario.wake_to, scenario.wake_peak)
            self.push(wake, WAKE, i)
        for kind, when in ((NET_DOWN, scenario.network_drop[0]),
                           (NET_UP, scenario.network_drop[1])):
            self.push(when, kind, -1)

    # -- plumbing ------------------------------------------------------------------

    def push(self, when: float, kind: int, client: int, gen: int = 0) -> None:
        slot = int(when - self.t0)
        if 0 <= slot <= self.seconds:
            self.buckets[slot].append((when, kind, client, gen))

    def _tokens(self, now: float) -> Any:
        return TokenResponse({
            "access_token": "a", "refresh_token": "r",
            "expires_in": self.s.access_token_seconds,
            "refresh_expires_in": 0,  # Keycloak: an offline session names no end
        }).token_set(now)

    def uniform(self, a: float, b: float) -> float:
        return self.rng.uniform(a, b)

    def idp_up(self, now: float) -> bool:
        away = self.s.idp_away
        return not (away[0] <= now - DAY0 < away[1])

    def catalog_up(self, now: float) -> bool:
        away = self.s.catalog_away
        return not (away[0] <= now - DAY0 < away[1])

    def run(self) -> Counts:
        handlers: dict[int, Callable[[float, int, int], None]] = {
            WAKE: self.on_wake, AUTH: self.on_auth_timer, CATALOG: self.on_catalog_timer,
            ROUND: self.on_round, NET_DOWN: self.on_network_down, NET_UP: self.on_network_up,
        }
        for slot in range(self.seconds + 1):
            bucket = self.buckets[slot]
            k = 0
            while k < len(bucket):  # handlers may add to this very second
                when, kind, client, gen = bucket[k]
                handlers[kind](DAY0 + when, client, gen)
                k += 1
            self.buckets[slot] = []
        return self.counts

    def slot(self, now: float) -> int:
        return int(now - DAY0 - self.t0)

    # -- wake-up and network changes ------------------------------------------------

    def on_wake(self, now: float, i: int, _gen: int) -> None:
        self.awake[i] = True
        if self.cold[i]:
            # gui.py: restore (refresh_if_needed(force=True)), status.start(): a round
            # and the catalog plan
            self.sessions[i] = Session().restored(self.remembered)
            self.refresh(now, i, force=True)
            self.plan_catalog(now, i)
            self.round_at(now, i)
            return
        # Yesterday's single-shot timers run on the monotonic clock, which stood still
        # during the sleep: each fires what was left of its delay after the wake-up,
        # unless the wake-up round plans it again first.
        self.push(now + self.rng.uniform(0, self.sessions[i].due_at() - self.sessions[i]
                                         .refreshed_at) - DAY0, AUTH, i, self.auth_gen[i])
        self.push(now + self.rng.uniform(0, self.home_policy[i].catalog_interval or 0) - DAY0,
                  CATALOG, i, self.catalog_gen[i])
        self.push(now + self.rng.uniform(0, self.home_policy[i].status_interval or 0) - DAY0,
                  ROUND, i, self.round_gen[i])
        # netwatch.py: the heartbeat notices the gap, then the debounce
        seen = now + self.rng.uniform(0, HEARTBEAT_S) + DEBOUNCE_S
        self.push(seen - DAY0, NET_UP, i, 1)

    def on_network_down(self, now: float, i: int, gen: int) -> None:
        for c in range(self.s.clients) if i < 0 else (i,):
            if not self.awake[c]:
                continue
            self.online[c] = False
            # one debounced round: detection says offline; no probes, no catalog timer
            self.push(now + DEBOUNCE_S - DAY0, NET_UP, c, 2)

    def on_network_up(self, now: float, i: int, gen: int) -> None:
        """A debounced round: gen 1 a wake-up, 2 the network went, 0 (i < 0) it came back."""
        if i < 0:
            for c in range(self.s.clients):
                if self.awake[c]:
                    self.online[c] = True
                    self.push(now + DEBOUNCE_S - DAY0, NET_UP, c, 3)
            return
        # gui.py _on_watch_changed: account.on_wake_or_network()
        self.ui_failures[i] = 0
        self.refresh(now, i, force=True)
        # status.py _on_watch_changed: a round; "wake" also refreshes the catalog
        was_online = self.policy[i] is not self.offline_policy
        self.policy[i] = self.home_policy[i] if self.online[i] else self.offline_policy
        if gen == 1:
            self.refresh_catalog(now, i)
        elif gen == 3 and not was_online:
            self.refresh_catalog(now, i)  # _on_detected: the network is back
        if self.policy[i] is self.offline_policy:
            self.round_gen[i] += 1  # round(): the probe timer stops, none is planned
            return
        self.round_at(now, i)

    # -- sign-in --------------------------------------------------------------------

    def refresh(self, now: float, i: int, *, force: bool) -> None:
        """AuthService.refresh_if_needed, then AccountController._apply/_plan_refresh."""
        from workplace.auth.plan import Trigger

        session = self.sessions[i]
        if session.should_refresh(Trigger.FORCE if force else Trigger.PLAN, now):
            if self.online[i]:
                self.count_token(now, i)
            if self.online[i] and self.idp_up(now):
                session = session.refreshed(self._tokens(now), now)
            else:
                session = session.failed(AuthError(AuthErrorKind.PROVIDER_UNREACHABLE), now)
            self.sessions[i] = session
        state = session.view("")
        reason = state.reason.value if state.reason is not None else ""
        if reason in NETWORK_KINDS or state.expires_at is None:
            self.ui_failures[i] += 1
            delay = min(UI_BACKOFF_MAX_S,
                        UI_BACKOFF_FIRST_S * 2 ** (self.ui_failures[i] - 1))
        else:
            self.ui_failures[i] = 0
            assert state.refresh_due_at is not None
            delay = max(1.0, state.refresh_due_at - now)
        self.auth_gen[i] += 1
        self.push(now + delay - DAY0, AUTH, i, self.auth_gen[i])

    def on_auth_timer(self, now: float, i: int, gen: int) -> None:
        if gen == self.auth_gen[i]:
            self.refresh(now, i, force=False)

    def count_token(self, now: float, i: int) -> None:
        slot = self.slot(now)
        self.counts.token[slot] += 1
        minute = slot // 60
        if self.token_minute[i] != minute:
            self.token_minute[i] = minute
            self.counts.token_clients_per_minute[minute] += 1

    # -- the catalog ----------------------------------------------------------------

    def plan_catalog(self, now: float, i: int) -> None:
        """StatusController._plan_catalog."""
        self.catalog_gen[i] += 1
        interval = self.policy[i].catalog_interval
        if interval is None:
            return
        due = next_refresh_due(self.checked_at[i], now, interval,
                               failures=self.catalog_failures[i], uniform=self.uniform)
        self.push(max(now + 1.0, due) - DAY0, CATALOG, i, self.catalog_gen[i])

    def on_catalog_timer(self, now: float, i: int, gen: int) -> None:
        if gen == self.catalog_gen[i]:
            self.refresh_catalog(now, i)

    def refresh_catalog(self, now: float, i: int) -> None:
        """RemoteCatalog.refresh (conditional GET), then _on_catalog_refreshed."""
        if not self.online[i]:
            self.catalog_failures[i] += 1
        elif not self.catalog_up(now):
            self.counts.catalog[self.slot(now)] += 1
            self.catalog_failures[i] += 1
        else:
            slot = self.slot(now)
            self.counts.catalog[slot] += 1
            if self.etag[i] == self.catalog_version:
                self.counts.catalog_304[slot] += 1
            self.etag[i] = self.catalog_version
            self.checked_at[i] = now
            self.catalog_failures[i] = 0
        self.plan_catalog(now, i)

    # -- status rounds ----------------------------------------------------------------

    def round_at(self, now: float, i: int) -> None:
        self.round_gen[i] += 1
        self.push(now - DAY0, ROUND, i, self.round_gen[i])

    def on_round(self, now: float, i: int, gen: int) -> None:
        """One probe round (every service's server sees one request), then the timer."""
        if gen != self.round_gen[i] or not self.online[i]:
            return
        self.counts.rounds[self.slot(now)] += 1
        interval = self.policy[i].status_interval
        if interval:
            self.round_gen[i] += 1
            self.push(now + interval - DAY0, ROUND, i, self.round_gen[i])


# -- the figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """Requests per second in a stretch of the morning: its mean, its busiest minute
    (as requests per second) and its busiest second."""

    mean: float
    busiest_minute: float
    busiest_second: int


def window(series: list[int], t0: float, start: float, end: float) -> Window:
    a, b = int(start - t0), int(end - t0)
    part = series[a:b]
    minutes = [sum(part[k:k + 60]) / 60 for k in range(0, len(part), 60)]
    return Window(sum(part) / max(1, len(part)), max(minutes, default=0.0),
                  max(part, default=0))


def figures(s: Scenario, counts: Counts) -> dict[str, Any]:
    t0 = s.start
    minute = 60.0
    rows: dict[str, Any] = {}
    for name, series in (("token", counts.token), ("catalog", counts.catalog),
                         ("rounds", counts.rounds)):
        rows[name] = {
            "steady": window(series, t0, *s.steady),
            "wake-up wave": window(series, t0, s.wake_from, s.wake_to + 10 * minute),
            "minute after the IdP outage": window(series, t0, s.idp_away[1],
                                                  s.idp_away[1] + minute),
            "minute after the catalog outage": window(series, t0, s.catalog_away[1],
                                                      s.catalog_away[1] + minute),
            "minute after the network drop": window(series, t0, s.network_drop[1],
                                                    s.network_drop[1] + minute),
        }
    first, last = int((s.wake_from - t0) // 60), int((s.end - t0) // 60)
    per_minute = counts.token_clients_per_minute[first:last]
    worst = max(range(len(per_minute)), key=per_minute.__getitem__)
    a, b = int(s.steady[0] - t0), int(s.steady[1] - t0)
    total = sum(counts.catalog[a:b])
    rows["token share"] = {
        "worst minute": per_minute[worst] / s.clients,
        "at": _clock(t0 + (first + worst) * 60),
    }
    rows["catalog 304 share"] = sum(counts.catalog_304[a:b]) / total if total else 0.0
    return rows


def _clock(seconds: float) -> str:
    return f"{int(seconds // 3600):02d}:{int(seconds % 3600 // 60):02d}"


def print_figures(s: Scenario, rows: dict[str, Any]) -> None:
    print(f"fleet of {s.clients:,} launchers, requests per second "
          "(mean / busiest minute / busiest second)")
    for name in ("token", "catalog", "rounds"):
        print(f"  {name}:")
        for label, w in rows[name].items():
            print(f"    {label:<34} {w.mean:8.1f} {w.busiest_minute:8.1f} "
                  f"{w.busiest_second:8d}")
    share = rows["token share"]
    print(f"  worst minute at the token endpoint: {share['worst minute']:.1%} of the fleet "
          f"({share['at']})")
    print(f"  catalog answered 304 in the steady state: {rows['catalog 304 share']:.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.fleet")
    parser.add_argument("--clients", type=int, default=Scenario.clients)
    parser.add_argument("--seed", type=int, default=Scenario.seed)
    args = parser.parse_args(argv)
    scenario = Scenario(clients=args.clients, seed=args.seed)
    started = time.perf_counter()
    counts = Fleet(scenario).run()
    print_figures(scenario, figures(scenario, counts))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
