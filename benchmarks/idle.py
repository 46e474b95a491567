# SPDX-License-Identifier: EUPL-1.2
"""Figure 6: bytes per hour while idle, normal and low-bandwidth, with a compressed clock.

Everything runs against loopback servers with the program's own session factory
(:class:`NetworkSetup`) and its byte counter; only the waiting is skipped. Set-up,
which is not idle, happens first and is not counted: the sign-in (real provider,
in-process browser), the first catalog fetch (200) and the first status round.
Then one virtual hour is stepped through, event by event, as the window schedules
it (workplace/ui/status.py, workplace/ui/account.py):

- status probes every ``policy.status_interval`` over the 10 Musterstadt demo
  services (served by the test provider under /demo/<id>, health URLs as in
  ``make run``), with the tenant's probe options and the profile's probe scope;
- the central catalog's conditional refresh every ``policy.catalog_interval``
  (no jitter) against a loopback manifest server that answers 304 to the ETag;
- the silent refresh at ``AuthState.refresh_due_at`` (300 s access tokens, the
  openDesk default), the real ``refresh_if_needed`` with an injected clock: the
  session's keep-alive (the token lapses; it is fetched on demand). The profile
  policy's ``low_bandwidth`` is handed to ``AuthService.set_low_bandwidth`` as the
  window does; it no longer changes the sign-in's plan.

With ``integrations`` on, the demo's mail and calendar integrations are checked too,
as the window's adapter (workplace/ui/waiting.py) drives them: the core's
:class:`~workplace.integrations.schedule.Schedule` in the same virtual hour (no
jitter), each check the real :meth:`Integrations.check` with the launcher's token
against the OX App Suite API STAND-IN (tests/stack/ox_standin.py; OX cannot run here)
with conditional requests where it offers them. Their token comes from the same
sign-in (the integrations' scopes asked for at sign-in, as app.build_auth does).
With every integration on, the demo's chat (the REAL Synapse, its single sign-on in
the in-process browser), files (Nextcloud STAND-IN: notifications with ETag, WebDAV
PROPFIND of the folder's ETag before a SEARCH) and portal (Nubus STAND-IN) come too
(tests/stack/demo_integrations.py, default intervals). Where the profile allows a held
connection (home, no data saver) the chat's long-polling /sync and the portal's event
stream replace their polls: see :func:`_held` for how they are counted.

Bytes are counted on the sockets (HTTP and, where used, TLS). The gaps between events
are minutes, longer than servers keep idle connections open, so the keep-alive pool is
emptied before each event: every event pays its own connection, as it would for real.

KB per hour = for each activity, its bytes per event (measured) times its events
per hour (3600 / interval). An activity rarer than hourly (the catalog in
low-bandwidth mode) is run once after the hour to learn its cost. The refresh
token is kept in an in-memory keyring: bytes on the wire do not depend on it.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.loopback import HttpFixture, MemoryKeyring, Route, node_missing, use_stack

HOUR = 3600.0
MANIFEST_PATH = "/catalog/manifest.json"
ACTIVITIES = ("probes", "catalog", "auth")
INTEGRATIONS = ("mail", "calendar", "chat", "files", "portal")


def manifest_body() -> bytes:
    return json.dumps({
        "version": 3,
        "generated": "2025-06-01T08:00:00Z",
        "categories": [{"id": "central", "name": {"de": "Zentral", "en": "Central"}}],
        "services": [
            {"id": f"central{n}", "name": {"de": f"Zentral {n}", "en": f"Central {n}"},
             "category": "central", "url": f"https://central{n}.musterstadt.example/"}
            for n in range(20)
        ],
    }, indent=1).encode("utf-8")


@dataclass
class VirtualClock:
    """Real time plus an offset: the hour passes by moving the offset, nothing sleeps."""

    start: float = field(default_factory=time.time)
    at: float = 0.0

    def __call__(self) -> float:
        return self.start + self.at + (time.time() - self._real)

    def __post_init__(self) -> None:
        self._real = time.time()

    def move_to(self, seconds: float) -> None:
        """Virtual time ``seconds`` after the start (the real seconds spent are kept)."""
        self.at = seconds - (time.time() - self._real)


@dataclass
class Activity:
    bytes: list[int] = field(default_factory=list)
    interval: float | None = None

    def per_hour(self) -> float:
        if not self.bytes or not self.interval:
            return 0.0
        return statistics.mean(self.bytes) * HOUR / self.interval


def integration_settings(api_url: str) -> dict[str, Any]:
    """Mail and calendar through the OX API, as the demo tenant sets them."""
    common = {"enabled": True, "backend": "ox", "api_url": api_url,
              "audience": "opendesk-oxappsuite", "claims": ["opendesk_objectid", "context"]}
    return {"mail": {**common, "service": "mail", "scopes": ["read_mail"]},
            "calendar": {**common, "service": "calendar", "scopes": ["read_calendar"]}}


def simulate(
    provider: Any, manifest_url: str, paths: Any, *, low_bandwidth: bool,
    ox_api: str | None = None, more: Any = None,
) -> dict[str, Any]:
    """One idle hour; returns bytes per hour per activity plus the counts.

    ``ox_api``: the OX API stand-in's URL; mail and calendar are checked too.
    ``more``: the demo's chat, files and portal (a started
    ``demo_integrations.DemoIntegrations``); checked too, with ``ox_api``.
    """
    from demo import demo_tenant  # tests/stack
    from harness import Browser  # tests/stack

    from workplace.auth import AuthService, AuthStatus, KeyringStore
    from workplace.auth.keyring_store import backend_id
    from workplace.catalog.remote import RefreshKind, RemoteCatalog
    from workplace.catalog.schedule import next_refresh_delay
    from workplace.config.schema import Preferences, Tenant
    from workplace.config.settings import Settings
    from workplace.net.http import ByteCounter
    from workplace.net.profile import UNKNOWN_PROFILE, policy_for
    from workplace.net.setup import NetworkSetup
    from workplace.status.probe import ProbeOptions, probe_services

    tenant = demo_tenant(provider.issuer)
    tenant["catalog"] = {"manifest_url": manifest_url}
    if ox_api is not None:
        tenant["integrations"] = integration_settings(ox_api)
        identity = tenant["identity_provider"]
        assert isinstance(identity, dict)
        identity["scopes"] = [*identity.get("scopes", []), "read_mail", "read_calendar"]
        if more is not None:  # as the demo tenant sets them, default intervals
            tenant["integrations"].update(more.settings({"enabled": True}))
            identity["scopes"] = [*identity["scopes"], "matrix", "nextcloud", "portal"]
    preferences = Preferences(low_bandwidth="on" if low_bandwidth else "off")
    settings = Settings(tenant=Tenant.model_validate(tenant), preferences=preferences)
    profile = UNKNOWN_PROFILE  # home: online, not metered
    policy = policy_for(profile, preferences, settings.tenant.catalog.refresh_minutes)
    assert policy.status_interval and policy.catalog_interval

    counter = ByteCounter()
    network = NetworkSetup.from_settings(settings, counter=counter)
    clock = VirtualClock()
    memory = MemoryKeyring()
    store = KeyringStore(memory, service="workplace-bench-idle",
                         allowed=frozenset({backend_id(memory)}))
    browser = Browser()
    auth = AuthService(settings.tenant.identity_provider, paths, network, store,
                       open_browser=browser, clock=clock)
    remote = RemoteCatalog(paths, network, settings, clock=clock)
    services = tuple(settings.tenant.services)
    net = settings.tenant.network
    options = ProbeOptions(
        budget=float(net.probe_budget_seconds), slow_ms=net.slow_threshold_ms,
        scope=policy.probes, issuer=settings.tenant.identity_provider.issuer,
    )
    probe_factory = network.factory(retries=0)
    checks = _integrations(settings, auth, network, clock, browser) \
        if ox_api is not None else None

    def probe() -> None:
        statuses = probe_services(services, profile, probe_factory, options)
        if not any(s.state.usable for s in statuses.values()) and policy.probes != "none":
            probed = [s for s in statuses.values() if s.latency_ms is not None]
            if probed:
                raise RuntimeError(f"no demo service answered: {list(statuses.values())[:2]}")

    def catalog() -> None:
        result = remote.refresh()
        if result.kind is not RefreshKind.NOT_MODIFIED:
            raise RuntimeError(f"catalog refresh: {result.kind} ({result.detail})")

    def refresh() -> Any:
        state = auth.refresh_if_needed()
        if state.status != AuthStatus.SIGNED_IN or state.reason is not None:
            raise RuntimeError(f"silent refresh: {state.status} ({state.reason})")
        return state

    try:
        # -- set-up: not idle, not counted -----------------------------------------
        state = auth.sign_in()
        if state.status != AuthStatus.SIGNED_IN:
            raise RuntimeError(f"sign-in for the idle hour: {state.status} ({state.reason})")
        state = auth.set_low_bandwidth(policy.low_bandwidth)  # as the window does
        first = remote.refresh()
        if first.kind is not RefreshKind.UPDATED:
            raise RuntimeError(f"first catalog fetch: {first.kind} ({first.detail})")
        probe()
        counter.sent = counter.received = 0

        # -- the idle hour ----------------------------------------------------------
        catalog_every = next_refresh_delay(policy.catalog_interval, uniform=_middle)
        activities = {
            "probes": Activity(interval=float(policy.status_interval)),
            "catalog": Activity(interval=catalog_every),
            "auth": Activity(),
        }
        due = {"probes": float(policy.status_interval), "catalog": catalog_every,
               "auth": _auth_due(state) - clock.start}
        run = {"probes": probe, "catalog": catalog, "auth": refresh}
        schedule = None
        if checks is not None:
            from workplace.integrations.schedule import Schedule

            schedule = Schedule(checks.configs(), profile, uniform=_middle)
            schedule.replan(profile, policy.low_bandwidth, clock.start, round_now=True)
            for name in checks.names():  # the round after sign-in: set-up, not idle
                result = checks.check(name)
                if result.availability.value != "ok":
                    raise RuntimeError(f"{name} check: {result.availability} ({result.detail})")
                schedule.take_due(clock.start)
                schedule.done(result, clock.start)
            counter.sent = counter.received = 0
            held = _held(checks, profile, policy.low_bandwidth, network, counter)
            for name, (bytes_each, every) in held.items():
                # Kept current over a held connection, not polled (as the window does).
                schedule.hold(name, True)
                activities[name] = Activity(bytes=[bytes_each], interval=every)
            counter.sent = counter.received = 0
            for name in checks.names():
                if name in held:
                    continue
                activities[name] = Activity()
                due[name] = float(schedule.due[name] or HOUR * 10) - clock.start

                def check(name: str = name) -> Any:
                    assert checks is not None and schedule is not None
                    schedule.take_due(clock())
                    result = checks.check(name)
                    if result.availability.value != "ok":
                        raise RuntimeError(f"{name}: {result.availability} ({result.detail})")
                    schedule.done(result, clock())
                    return result

                run[name] = check
        auth_times: list[float] = [0.0]
        for _ in range(10_000):  # bounded: an hour has far fewer events
            name = min(due, key=lambda k: due[k])
            at = due[name]
            if at > HOUR:
                break
            clock.move_to(at)
            network.close()  # minutes passed: the servers closed idle connections
            before = counter.sent + counter.received
            result = run[name]()
            activities[name].bytes.append(counter.sent + counter.received - before)
            if name == "auth":
                auth_times.append(at)
                due["auth"] = max(at + 1.0, _auth_due(result) - clock.start)
            elif name == "probes":
                due["probes"] = at + float(policy.status_interval)
            elif name == "catalog":
                due["catalog"] = at + catalog_every
            else:
                assert schedule is not None
                every = float(schedule.due[name] or 0) - clock.start - at
                activities[name].interval = every
                due[name] = at + every
        first_hour = {k: sum(a.bytes) for k, a in activities.items()}
        spacing = [b - a for a, b in itertools.pairwise(auth_times)]
        activities["auth"].interval = statistics.mean(spacing) if spacing else None
        # an activity rarer than hourly: run it once to learn its cost
        polled = [n for n in (checks.names() if checks is not None else ()) if n in due]
        for name in ("probes", "catalog", *polled):
            if not activities[name].bytes:
                before = counter.sent + counter.received
                clock.move_to(due[name])
                network.close()
                run[name]()
                activities[name].bytes.append(counter.sent + counter.received - before)
        for name in polled:
            if activities[name].interval is None and schedule:
                activities[name].interval = float(schedule.due[name] or 0) - clock()
        per_hour = {k: activities[k].per_hour() for k in activities}
        return {
            "per_hour": per_hour,
            "first_hour": first_hour,
            "events_first_hour": {k: len(a.bytes) for k, a in activities.items()},
            "bytes_per_event": {
                k: round(statistics.mean(a.bytes)) if a.bytes else 0
                for k, a in activities.items()
            },
            "interval_s": {k: round(a.interval or 0) for k, a in activities.items()},
            "probe_scope": policy.probes,
            "held": sorted(held) if checks is not None else [],
        }
    finally:
        auth.close()
        browser.session.close()


def _integrations(settings: Any, auth: Any, network: Any, clock: Any, browser: Any) -> Any:
    """The tenant's integrations, wired as app.build_integrations wires them (no
    application passwords: the OX API takes the token; the chat's single sign-on in
    the in-process browser, silent with its provider session)."""
    from workplace.integrations.runner import Context, Integrations

    context = Context(session=network.session, trust=network.trust,
                      services=lambda: settings.tenant.services,
                      reminder_minutes=lambda: settings.preferences.meeting_reminder_minutes,
                      count=network.counter.add, clock=clock, open_browser=browser,
                      host=lambda: "bench")
    return Integrations(settings.tenant.integrations, auth, context)


def _held(checks: Any, profile: Any, low_bandwidth: bool, network: Any,
          counter: Any) -> dict[str, tuple[int, float]]:
    """Bytes per event and seconds between events of the integrations the window keeps
    on a held connection here (none in data-saver mode or on a metered link).

    - chat: the long-polling /sync. Idle, the homeserver answers every
      ``LONG_POLL_SECONDS`` with nothing new and the next poll goes out on the same
      connection: one cycle is measured (the real call with a 1 s hold: the bytes do
      not depend on the hold);
    - portal: the event stream, silent while idle (the stand-in sends nothing; a real
      server's keep-alive comments would add a few bytes): its opening (request, the
      announcement list) is counted once an hour, as if a proxy cut it that often.
    """
    import threading

    from workplace.integrations.chat import LONG_POLL_SECONDS
    from workplace.integrations.schedule import held_connection_allowed

    if not held_connection_allowed(profile, low_bandwidth):
        return {}
    found: dict[str, tuple[int, float]] = {}
    for name in checks.names():
        if not checks.can_hold(name) or name not in ("chat", "portal"):
            continue
        config = checks.config(name)
        network.close()
        if name == "chat":
            def poll(token: str, name: str = name, config: Any = config) -> Any:
                return checks._chat_reading(name, config, token, wait=1.0)

            checks._with_token(name, config, poll)  # the connection is open from now on
            before = counter.sent + counter.received
            for _ in range(3):
                checks._with_token(name, config, poll)
            found[name] = (round((counter.sent + counter.received - before) / 3),
                           LONG_POLL_SECONDS)
            continue
        before = counter.sent + counter.received
        opened = threading.Event()
        stop = threading.Event()
        watcher = threading.Thread(target=checks.watch, args=(
            name, lambda _reading, opened=opened: opened.set(), stop), daemon=True)
        watcher.start()
        if not opened.wait(30):
            raise RuntimeError(f"{name}: the held connection did not open")
        stop.set()
        checks.stop_watch(name)
        watcher.join(30)
        found[name] = (counter.sent + counter.received - before, HOUR)
    network.close()
    return found


def _middle(low: float, high: float) -> float:
    """The jitter's middle: no jitter (the schedule's own function, made deterministic)."""
    return (low + high) / 2


def _auth_due(state: Any) -> float:
    """When the window's refresh timer fires (AccountController._plan_refresh), epoch."""
    due = state.refresh_due_at
    if not isinstance(due, int | float):
        raise RuntimeError(f"nothing to refresh: {state.status} ({state.reason})")
    return float(due)


def bench_idle(repeats: int, tmp: Path, *, quick: bool = False) -> list[Any]:
    from benchmarks.run import Skipped, _figure

    if node_missing():
        raise Skipped("node is not installed (the test provider needs it; run `make setup`)")
    use_stack()
    import os

    from provider import TestProvider  # tests/stack

    from benchmarks.run import _env
    from workplace.config.paths import Paths

    saved = {k: os.environ.get(k) for k in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME",
                                            "XDG_STATE_HOME", "XDG_DATA_HOME")}
    os.environ.update({k: v for k, v in _env(tmp).items() if k in saved})
    etag = '"musterstadt-v3"'
    modes = ("none", "ox", "all")
    """No integration; mail and calendar (OX API); every integration (mail, calendar,
    chat on the real Synapse, files and portal on their stand-ins)."""
    runs: dict[tuple[bool, str], list[dict[str, Any]]] = {
        (saver, mode): [] for saver in (False, True) for mode in modes}
    latency: dict[str, Any] = {}
    try:
        from demo_integrations import DemoIntegrations  # tests/stack
        from ox_standin import OxStandIn  # tests/stack

        with TestProvider(access_ttl=300) as provider, HttpFixture(
            {MANIFEST_PATH: Route(200, manifest_body(), "application/json", etag)}
        ) as manifests, OxStandIn(provider.issuer) as ox:
            ox.set_unread(3)
            ox.add_event("Teamrunde", time.time() + 2 * HOUR, conference="https://meet.example/a")
            more = DemoIntegrations(provider.issuer, real_synapse=True).start()
            try:
                for n in range(repeats):
                    for saver in (False, True):
                        for mode in modes:
                            cache = tmp / f"cache-{n}-{int(saver)}-{mode}"
                            os.environ["XDG_CACHE_HOME"] = str(cache)  # a cold catalog cache
                            runs[(saver, mode)].append(simulate(
                                provider, manifests.url(MANIFEST_PATH),
                                Paths.from_environment(), low_bandwidth=saver,
                                ox_api=ox.api_url if mode != "none" else None,
                                more=more if mode == "all" else None))
            finally:
                more.close()
            from benchmarks.newmail import measure

            latency = measure(provider, tmp, repeats=max(2, repeats), ox=ox)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    def kb(run: dict[str, Any]) -> float:
        return sum(run["per_hour"].values()) / 1024

    def notes(run_list: list[dict[str, Any]]) -> dict[str, Any]:
        last = run_list[-1]
        return {
            "KB/hour by activity": {
                k: round(statistics.median(r["per_hour"][k] for r in run_list) / 1024, 1)
                for k in last["per_hour"]
            },
            "bytes per event": last["bytes_per_event"],
            "interval (s)": last["interval_s"],
            "events in the simulated hour": last["events_first_hour"],
            "probe scope": last["probe_scope"],
            "held connections (not polled)": last.get("held", []),
        }

    normal = [kb(r) for r in runs[(False, "none")]]
    low = [kb(r) for r in runs[(True, "none")]]
    normal_on = [kb(r) for r in runs[(False, "ox")]]
    low_on = [kb(r) for r in runs[(True, "ox")]]
    normal_all = [kb(r) for r in runs[(False, "all")]]
    low_all = [kb(r) for r in runs[(True, "all")]]
    figures = [
        _figure("idle traffic, normal (home)", "KB/h", normal, None, "(reference)",
                notes(runs[(False, "none")])),
        _figure("idle traffic, low-bandwidth (home, saver on)", "KB/h", low, normal,
                "< 50 KB/h", notes(runs[(True, "none")])),
        _figure("idle traffic with mail and calendar (OX API), normal (home)", "KB/h",
                normal_on, normal, "(reference)", notes(runs[(False, "ox")])),
        _figure("idle traffic with mail and calendar (OX API), low-bandwidth (home, saver on)",
                "KB/h", low_on, low, "< 50 KB/h", notes(runs[(True, "ox")])),
        _figure("idle traffic with every integration (mail, calendar, chat, files, portal), "
                "normal (home)", "KB/h", normal_all, normal, "(reference)",
                notes(runs[(False, "all")])),
        _figure("idle traffic with every integration (mail, calendar, chat, files, portal), "
                "low-bandwidth (home, saver on)", "KB/h", low_all, low, "< 50 KB/h",
                notes(runs[(True, "all")])),
    ]
    return figures + list(latency.get("figures", []))
