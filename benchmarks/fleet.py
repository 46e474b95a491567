# SPDX-License-Identifier: EUPL-1.2
"""Figure 7: the fleet at eight o'clock, 50,000 launchers in virtual time.

``python -m benchmarks.fleet [--clients N] [--seed S]`` prints the before/after table;
``run.py`` runs it as ``fleet`` (``--quick``: 5,000 launchers, a second or two).

Each client is the launcher's own scheduling state, driven by the launcher's own
decisions, called as the window calls them: the sign-in session is a real
:class:`~workplace.auth.session.Session` (restored, refreshed, failed and woken by its
own methods, tokens parsed from a Keycloak-shaped answer by
:class:`~workplace.auth.tokens.TokenResponse`), and its next refresh is
:meth:`Session.due_at` (``AuthState.refresh_due_at``); the catalog's next check is
:func:`workplace.catalog.schedule.next_refresh_due`; status rounds follow
:func:`workplace.status.schedule.first_round_delay` and ``next_round_delay``; the
intervals come from :func:`workplace.net.profile.policy_for` with the default
preferences. What the window's Qt timers do with those answers (``ui/account.py``,
``ui/status.py``, ``ui/netwatch.py``) is followed step by step in :class:`Fleet`; it
decides nothing of its own.

Only the servers are stand-ins: the identity provider answers every refresh (Keycloak
defaults: 300 s access tokens, an offline session, so no end is announced) unless it
is away; the catalog server answers 304 to the ETag of the version it serves (IT
published a new one overnight). A server that is back answers everything at once (no
queueing), every request takes no time, one catalog refresh is one request (a manifest
source without signature), and nothing else asks for tokens (the integrations' own
scheduler is not in here yet).

The morning (times of day, virtual seconds):

- every laptop wakes once between 7:30 and 8:30 (triangular, most at 7:55); 30 % start
  the launcher at login, the rest wake from sleep; 70 % are in the office (probes every
  5 minutes), 30 % at home (10 minutes);
- the identity provider is away from 8:00 to 8:10 (in the wake-up wave);
- the catalog server is away from 9:00 to 9:30;
- at 10:15 the network drops for every laptop for a minute and comes back;
- the steady state is the hour from 11:00 to 12:00.

Time moves in one-second buckets (events within a second keep their exact times);
a timer that is planned again leaves its old event behind, which is skipped.

"before" (benchmarks/fleet_before.json) is main's code before issue 15's fixes, measured
by this simulation with the window's reactions as main had them: the first commit of
this file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workplace.auth.errors import AuthError, AuthErrorKind
from workplace.auth.plan import Trigger
from workplace.auth.session import Remembered, Session
from workplace.auth.state import Profile
from workplace.auth.tokens import TokenResponse, TokenSet
from workplace.catalog.schedule import next_refresh_due
from workplace.config.schema import Preferences
from workplace.net.profile import ConnectionProfile, ProfileKind, ProfilePolicy, policy_for
from workplace.status.schedule import first_round_delay, next_round_delay
from workplace.ui.netwatch import DEBOUNCE_MS, HEARTBEAT_MS

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
    network_drop: tuple[float, float] = (at(10, 15), at(10, 16))
    steady: tuple[float, float] = (at(11, 0), at(12, 0))
    access_token_seconds: int = 300
    catalog_minutes: int = 60


# -- the window's timers, as the Qt code has them ---------------------------------

HEARTBEAT_S = HEARTBEAT_MS / 1000
"""A wake-up is noticed at the next heartbeat (up to 30 s) ..."""
DEBOUNCE_S = DEBOUNCE_MS / 1000
"""... and a network change or wake-up becomes one round after this debounce."""

# event kinds
WAKE, AUTH, CATALOG, PROBE, DETECT, CHANGE, NET_DOWN, NET_UP = range(8)
WOKE, NETWORK = 1, 0
"""A CHANGE event's reason (NetworkWatch.changed: "wake" or "network")."""


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
    """Every client's scheduling state, and the window's reactions to each event.

    The reactions follow ``ui/account.py`` (the refresh timer at ``refresh_due_at``,
    :meth:`AuthService.woke` after a wake-up or a network change, a forced refresh at
    restore) and ``ui/status.py`` (a round at start and, after a change, at
    :func:`first_round_delay`; the probe timer at :func:`next_round_delay`; the
    catalog timer at :func:`next_refresh_due`, planned again after a wake-up and when
    the network comes back). The decisions are the core's, called here as there.
    """

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
        prefs = Preferences()
        minutes = scenario.catalog_minutes
        office = policy_for(ConnectionProfile(ProfileKind.OFFICE), prefs, minutes)
        home = policy_for(ConnectionProfile(ProfileKind.HOME), prefs, minutes)
        self.offline_policy = policy_for(ConnectionProfile(ProfileKind.OFFLINE), prefs, minutes)
        self.usual_policy = [office if self.rng.random() < scenario.office_share else home
                             for _ in range(n)]
        self.policy: list[ProfilePolicy] = list(self.usual_policy)
        # sign-in: yesterday's session, kept alive until the evening
        self.remembered = Remembered("refresh", Profile("sub", "Erika Mustermann"), None)
        self.cold = [self.rng.random() < scenario.cold_start_share for _ in range(n)]
        self.sessions: list[Session] = []
        for _ in range(n):
            yesterday = DAY0 - 86_400 + at(17) + self.rng.uniform(0, HOUR)
            self.sessions.append(Session().restored(self.remembered).refreshed(
                self._tokens(yesterday), yesterday, self.rng.random()))
        self.auth_gen = [0] * n
        # the catalog: yesterday's copy, checked in the afternoon
        self.checked_at = [DAY0 - 86_400 + at(16) + self.rng.uniform(0, 2 * HOUR)
                           for _ in range(n)]
        self.catalog_failures = [0] * n
        self.catalog_gen = [0] * n
        self.etag = [1] * n
        self.catalog_version = 2  # IT published a new version overnight
        self.round_gen = [0] * n
        self.token_minute = [-1] * n
        for i in range(n):
            wake = self.rng.triangular(scenario.wake_from, scenario.wake_to, scenario.wake_peak)
            self.push(DAY0 + wake, WAKE, i)
        self.push(DAY0 + scenario.network_drop[0], NET_DOWN, -1)
        self.push(DAY0 + scenario.network_drop[1], NET_UP, -1)

    # -- plumbing ------------------------------------------------------------------

    def push(self, when: float, kind: int, client: int, gen: int = 0) -> None:
        slot = int(when - DAY0 - self.t0)
        if 0 <= slot <= self.seconds:
            self.buckets[slot].append((when, kind, client, gen))

    def _tokens(self, now: float) -> TokenSet:
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

    def slot(self, now: float) -> int:
        return int(now - DAY0 - self.t0)

    def run(self) -> Counts:
        handlers: dict[int, Callable[[float, int, int], None]] = {
            WAKE: self.on_wake, AUTH: self.on_auth_timer, CATALOG: self.on_catalog_timer,
            PROBE: self.on_probe_timer, DETECT: self.on_round, CHANGE: self.on_change,
            NET_DOWN: self.on_network_down, NET_UP: self.on_network_up,
        }
        for slot in range(self.seconds + 1):
            bucket = self.buckets[slot]
            k = 0
            while k < len(bucket):  # handlers may add to this very second
                when, kind, client, gen = bucket[k]
                handlers[kind](when, client, gen)
                k += 1
            self.buckets[slot] = []
        return self.counts

    # -- wake-up and network changes ------------------------------------------------

    def on_wake(self, now: float, i: int, _gen: int) -> None:
        self.awake[i] = True
        if self.cold[i]:
            # gui.py: restore (refresh_if_needed(force=True)); status.start(): the
            # first round at once and the catalog plan
            self.sessions[i] = Session().restored(self.remembered)
            self.refresh(now, i, force=True)
            self.plan_catalog(now, i)
            self.round_gen[i] += 1
            self.push(now, DETECT, i, self.round_gen[i])
            return
        # Yesterday's single-shot timers run on the monotonic clock, which stood still
        # during the sleep: each fires what was left of its delay after the wake-up,
        # unless the wake-up round plans it again first.
        session = self.sessions[i]
        left = (session.due_at() or now) - session.refreshed_at
        self.push(now + self.rng.uniform(0, left), AUTH, i, self.auth_gen[i])
        policy = self.usual_policy[i]
        self.push(now + self.rng.uniform(0, policy.catalog_interval or 0), CATALOG, i,
                  self.catalog_gen[i])
        self.push(now + self.rng.uniform(0, policy.status_interval or 0), PROBE, i,
                  self.round_gen[i])
        # netwatch.py: the heartbeat notices the gap, then the debounce
        self.push(now + self.rng.uniform(0, HEARTBEAT_S) + DEBOUNCE_S, CHANGE, i, WOKE)

    def on_network_down(self, now: float, _i: int, _gen: int) -> None:
        self._network(now, online=False)

    def on_network_up(self, now: float, _i: int, _gen: int) -> None:
        self._network(now, online=True)

    def _network(self, now: float, *, online: bool) -> None:
        """Every awake laptop sees the change in the same second (one debounced round)."""
        for c in range(self.s.clients):
            if self.awake[c]:
                self.online[c] = online
                self.push(now + DEBOUNCE_S, CHANGE, c, NETWORK)

    def on_change(self, now: float, i: int, reason: int) -> None:
        """gui.py/status.py ``_on_watch_changed``: the account is told, a round is planned,
        and after a wake-up the catalog is planned again from the clock."""
        self.plan_refresh(now, i, self.sessions[i].woken(now, self.rng.random()))
        self.round_gen[i] += 1  # the probe timer stops; the round comes a little later
        self.push(now + first_round_delay(self.uniform), DETECT, i, self.round_gen[i])
        if reason == WOKE:
            self.plan_catalog(now, i)

    # -- sign-in --------------------------------------------------------------------

    def refresh(self, now: float, i: int, *, force: bool) -> None:
        """AuthService.refresh_if_needed, then AccountController._apply/_plan_refresh."""
        session = self.sessions[i]
        if session.should_refresh(Trigger.FORCE if force else Trigger.PLAN, now):
            if self.online[i]:
                self.count_token(now, i)
            if self.online[i] and self.idp_up(now):
                session = session.refreshed(self._tokens(now), now, self.rng.random())
            else:
                session = session.failed(AuthError(AuthErrorKind.PROVIDER_UNREACHABLE), now,
                                         self.rng.random())
        self.plan_refresh(now, i, session)

    def plan_refresh(self, now: float, i: int, session: Session) -> None:
        """AccountController._plan_refresh: the timer at ``refresh_due_at``, at least 1 s."""
        self.sessions[i] = session
        self.auth_gen[i] += 1
        due = session.due_at()  # what AuthState.refresh_due_at says
        if due is not None:
            self.push(max(now + 1.0, due), AUTH, i, self.auth_gen[i])

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
        self.push(max(now + 1.0, due), CATALOG, i, self.catalog_gen[i])

    def on_catalog_timer(self, now: float, i: int, gen: int) -> None:
        if gen == self.catalog_gen[i]:
            self.refresh_catalog(now, i)

    def refresh_catalog(self, now: float, i: int) -> None:
        """RemoteCatalog.refresh (a conditional GET), then _on_catalog_refreshed."""
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

    def on_round(self, now: float, i: int, gen: int) -> None:
        """StatusController.round: detect the profile, then probe (``_on_detected``)."""
        if gen != self.round_gen[i]:
            return
        was_online = self.policy[i] is not self.offline_policy
        self.policy[i] = self.usual_policy[i] if self.online[i] else self.offline_policy
        if self.online[i] and not was_online:
            self.plan_catalog(now, i)  # the network is back: the catalog plan again
        self.on_probe_timer(now, i, gen)

    def on_probe_timer(self, now: float, i: int, gen: int) -> None:
        """One probe round (each service's server sees one request), then the timer."""
        if gen != self.round_gen[i]:
            return
        if self.online[i]:
            self.counts.rounds[self.slot(now)] += 1
        interval = self.policy[i].status_interval
        self.round_gen[i] += 1
        if interval:
            self.push(now + next_round_delay(interval, self.uniform), PROBE, i,
                      self.round_gen[i])


# -- the figures ------------------------------------------------------------------------

MINUTE = 60.0
AFTER = 30 * MINUTE
"""An outage's aftermath: its peak is looked for in this long after it ends."""


def _rate(series: list[int], t0: float, start: float, end: float) -> float:
    a, b = int(start - t0), int(end - t0)
    return sum(series[a:b]) / max(1, b - a)


def _busiest_minute(series: list[int], t0: float, start: float, end: float) -> float:
    return max(_rate(series, t0, m, m + MINUTE) for m in _minutes(start, end))


def _busiest_second(series: list[int], t0: float, start: float, end: float) -> float:
    return float(max(series[int(start - t0):int(end - t0)], default=0))


def _minutes(start: float, end: float) -> list[float]:
    return [start + k * MINUTE for k in range(int((end - start) // MINUTE))]


def measure(s: Scenario, c: Counts) -> dict[str, float]:
    """Every figure of the table, from the requests per second the servers saw."""
    t0 = s.start
    steady = {name: _rate(series, t0, *s.steady)
              for name, series in (("token", c.token), ("catalog", c.catalog),
                                   ("rounds", c.rounds))}
    wave = (s.wake_from, s.wake_to + 10 * MINUTE)
    idp_back, catalog_back, net_back = s.idp_away[1], s.catalog_away[1], s.network_drop[1]
    first, last = int((s.wake_from - t0) // MINUTE), int((s.end - t0) // MINUTE)
    a, b = int(s.steady[0] - t0), int(s.steady[1] - t0)
    catalog_total = sum(c.catalog[a:b])
    out = {
        "token.steady": steady["token"],
        "token.steady_second": _busiest_second(c.token, t0, *s.steady),
        "token.wave": _busiest_minute(c.token, t0, *wave),
        "token.outage": _busiest_minute(c.token, t0, *s.idp_away),
        "token.after_outage": _rate(c.token, t0, idp_back, idp_back + MINUTE),
        "token.after_outage_peak": _busiest_minute(c.token, t0, idp_back, idp_back + AFTER),
        "token.after_drop": _rate(c.token, t0, net_back, net_back + MINUTE),
        "token.share": max(c.token_clients_per_minute[first:last]) / s.clients,
        "catalog.steady": steady["catalog"],
        "catalog.wave": _busiest_minute(c.catalog, t0, *wave),
        "catalog.after_outage": _rate(c.catalog, t0, catalog_back, catalog_back + MINUTE),
        "catalog.after_outage_peak": _busiest_minute(c.catalog, t0, catalog_back,
                                                     catalog_back + AFTER),
        "catalog.after_drop": _rate(c.catalog, t0, net_back, net_back + MINUTE),
        "catalog.after_drop_second": _busiest_second(c.catalog, t0, net_back,
                                                     net_back + MINUTE),
        "catalog.share_304": sum(c.catalog_304[a:b]) / catalog_total if catalog_total else 0.0,
        "rounds.steady": steady["rounds"],
        "rounds.steady_second": _busiest_second(c.rounds, t0, *s.steady),
        "rounds.wave": _busiest_minute(c.rounds, t0, *wave),
        "rounds.after_drop": _rate(c.rounds, t0, net_back, net_back + MINUTE),
        "rounds.after_drop_second": _busiest_second(c.rounds, t0, net_back, net_back + MINUTE),
    }
    for server in ("token", "catalog"):
        out[f"{server}.after_outage_x"] = (
            out[f"{server}.after_outage_peak"] / out[f"{server}.steady"]
            if out[f"{server}.steady"] else 0.0)
    return out


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str
    target: str = ""
    met: Callable[[float], bool] | None = None
    summary: str = ""
    """The name in run.py's table, for the rows that go there."""


ROWS = (
    Row("token.steady", "token endpoint: steady state, 11:00-12:00", "req/s",
        summary="fleet: token endpoint, steady state"),
    Row("token.steady_second", "token endpoint: steady state, busiest second", "req"),
    Row("token.wave", "token endpoint: wake-up wave, busiest minute", "req/s"),
    Row("token.outage", "token endpoint: during the IdP outage, busiest minute", "req/s"),
    Row("token.after_outage", "token endpoint: the minute after the IdP outage", "req/s"),
    Row("token.after_outage_peak", "token endpoint: busiest minute, 30 min after it", "req/s"),
    Row("token.after_outage_x", "  ... as a multiple of the steady state", "x",
        "<= 3", lambda v: v <= 3.0,
        summary="fleet: token endpoint after the IdP outage, x steady"),
    Row("token.after_drop", "token endpoint: the minute after the network drop", "req/s"),
    Row("token.share", "token endpoint: worst minute after 7:30, share of fleet", "%",
        "<= 5 %", lambda v: v <= 0.05,
        summary="fleet: token endpoint, worst minute, share of fleet"),
    Row("catalog.steady", "catalog: steady state, 11:00-12:00", "req/s",
        summary="fleet: catalog, steady state"),
    Row("catalog.wave", "catalog: wake-up wave, busiest minute", "req/s"),
    Row("catalog.after_outage", "catalog: the minute after the server is back", "req/s"),
    Row("catalog.after_outage_peak", "catalog: busiest minute, 30 min after it", "req/s"),
    Row("catalog.after_outage_x", "  ... as a multiple of the steady state", "x",
        "<= 3", lambda v: v <= 3.0,
        summary="fleet: catalog after its outage, x steady"),
    Row("catalog.after_drop", "catalog: the minute after the network drop", "req/s"),
    Row("catalog.after_drop_second", "catalog: that minute's busiest second", "req"),
    Row("catalog.share_304", "catalog: answered 304 in the steady state", "%",
        "> 95 %", lambda v: v > 0.95, summary="fleet: catalog, answered 304 in steady state"),
    Row("rounds.steady", "status rounds (each service): steady state", "req/s"),
    Row("rounds.steady_second", "status rounds: steady state, busiest second", "req"),
    Row("rounds.wave", "status rounds: wake-up wave, busiest minute", "req/s"),
    Row("rounds.after_drop", "status rounds: the minute after the network drop", "req/s"),
    Row("rounds.after_drop_second", "status rounds: that minute's busiest second", "req"),
)


def _shown(row: Row, value: float | None) -> str:
    if value is None:
        return "-"
    if row.unit == "%":
        return f"{value:.1%}"
    if row.unit == "x":
        return f"{value:.2f}x"
    return f"{value:,.1f}" if row.unit == "req/s" else f"{value:,.0f}"


def print_table(clients: int, after: dict[str, float], before: dict[str, float] | None) -> None:
    print(f"The fleet at eight o'clock: {clients:,} launchers in virtual time "
          "(req/s: requests per second)")
    head = f"{'figure':<56} {'unit':>5} {'before':>10} {'after':>10}  target"
    print(head)
    print("-" * len(head))
    for row in ROWS:
        old = before.get(row.key) if before else None
        new = after[row.key]
        verdict = ""
        if row.met is not None:
            verdict = f"{row.target} ({'met' if row.met(new) else 'MISSED'})"
        print(f"{row.label:<56} {row.unit:>5} {_shown(row, old):>10} "
              f"{_shown(row, new):>10}  {verdict}")


BEFORE = Path(__file__).with_name("fleet_before.json")
"""The same figures for main's code before the fixes (see :func:`record_before`)."""


def before_figures(clients: int) -> dict[str, float] | None:
    try:
        recorded = json.loads(BEFORE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    found = recorded.get("figures", {}).get(str(clients))
    return found if isinstance(found, dict) else None


def simulate(clients: int, seed: int = Scenario.seed) -> tuple[Scenario, dict[str, float]]:
    scenario = Scenario(clients=clients, seed=seed)
    return scenario, measure(scenario, Fleet(scenario).run())


QUICK_CLIENTS = 5_000


def bench_fleet(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    """Figure 7 for ``benchmarks.run``: one run (the simulation is deterministic for a
    seed); the before/after table is printed as it is measured."""
    from benchmarks.run import Figure

    clients = QUICK_CLIENTS if quick else Scenario.clients
    started = time.perf_counter()
    _scenario, after = simulate(clients)
    seconds = time.perf_counter() - started
    before = before_figures(clients)
    print_table(clients, after, before)
    print(f"({seconds:.1f} s)\n")
    figures = []
    for row in ROWS:
        if not row.summary:
            continue
        scale = 100.0 if row.unit == "%" else 1.0
        value = after[row.key] * scale
        old = before.get(row.key) if before else None
        figures.append(Figure(
            name=row.summary, unit=row.unit, median=value, spread=(value, value),
            baseline=old * scale if old is not None else None,
            target=row.target or "(reference; baseline: main before the fixes)",
            runs=[value],
            notes={} if figures else {"launchers": clients, "simulated in (s)": round(seconds, 1),
                                      "table": "printed above, as it was measured"},
        ))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.fleet")
    parser.add_argument("--clients", type=int, default=Scenario.clients)
    parser.add_argument("--seed", type=int, default=Scenario.seed)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    _scenario, after = simulate(args.clients, args.seed)
    seconds = time.perf_counter() - started
    before = before_figures(args.clients) if args.seed == Scenario.seed else None
    print_table(args.clients, after, before)
    if before is None:
        print("(no recorded figures of main's code for this fleet size and seed)")
    print(f"({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
