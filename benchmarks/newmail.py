# SPDX-License-Identifier: EUPL-1.2
"""From a new mail at the server to the new count: IMAP IDLE and a plain poll, each
against its interval.

- **IDLE**: a real Dovecot (tests/stack/dovecot.py) with its ``oauth2`` passdb
  introspecting at the real test provider; the real :meth:`Integrations.watch` holds
  the connection on its own thread, as the window's adapter runs it. A mail is
  delivered the way an MTA does (Maildir ``tmp/`` -> ``new/``) once the server idles;
  the time to the callback with the new count is measured, several times over one
  connection. Its "interval" is the poll it replaces (the office's).
- **Poll**: a check is the real :meth:`Integrations.check` (OX API stand-in and IMAP
  STATUS), measured; a mail arriving at a random moment waits for the next check, so
  the latency is that wait plus the check: on average half the interval, at worst the
  whole of it. Waiting minutes for real would measure the clock, not the program.

The count reaches the tile in the GUI thread's next event after the callback (a queued
signal); that step is not in these figures.
"""

from __future__ import annotations

import queue
import statistics
import threading
import time
from pathlib import Path
from typing import Any

USER = "erika.mustermann@musterstadt.example"
DELIVERIES = 5


def _auth(provider: Any, tmp: Path, scopes: list[str]) -> Any:
    from demo import demo_tenant  # tests/stack
    from harness import Browser  # tests/stack

    from benchmarks.loopback import MemoryKeyring
    from workplace.auth import AuthService, AuthStatus, KeyringStore
    from workplace.auth.keyring_store import backend_id
    from workplace.config.paths import Paths
    from workplace.config.schema import Tenant
    from workplace.config.settings import Settings
    from workplace.net.setup import NetworkSetup

    tenant = demo_tenant(provider.issuer)
    identity = tenant["identity_provider"]
    assert isinstance(identity, dict)
    identity["scopes"] = [*identity.get("scopes", []), *scopes]
    settings = Settings(tenant=Tenant.model_validate(tenant))
    network = NetworkSetup.from_settings(settings)
    memory = MemoryKeyring()
    store = KeyringStore(memory, service="workplace-bench-newmail",
                         allowed=frozenset({backend_id(memory)}))
    auth = AuthService(settings.tenant.identity_provider, Paths.from_environment(), network,
                       store, open_browser=Browser())
    state = auth.sign_in()
    if state.status != AuthStatus.SIGNED_IN:
        raise RuntimeError(f"sign-in: {state.status} ({state.reason})")
    return auth, network


def _integrations(auth: Any, network: Any, settings: dict[str, Any], ca_file: Path) -> Any:
    from workplace.config.schema import Integrations as IntegrationSettings
    from workplace.integrations.runner import Context, Integrations
    from workplace.net.http import trust_context

    context = Context(session=network.session, trust=lambda: trust_context(ca_file),
                      services=lambda: (), reminder_minutes=lambda: 5)
    return Integrations(IntegrationSettings.model_validate(settings), auth, context)


def _idle(kit: Any, dovecot: Any) -> list[float]:
    """Seconds from each delivery to the watch's callback with the new count."""
    readings: queue.Queue[tuple[float, Any]] = queue.Queue()
    stop = threading.Event()
    watcher = threading.Thread(
        target=lambda: kit.watch("mail", lambda r: readings.put((time.perf_counter(), r)),
                                 stop), daemon=True)
    watcher.start()
    found: list[float] = []
    try:
        _at, first = readings.get(timeout=30)
        if first.unread is None:
            raise RuntimeError(f"no first count over IDLE: {first.detail}")
        count = first.unread
        for n in range(DELIVERIES):
            dovecot.wait_idling(USER)
            start = time.perf_counter()
            dovecot.deliver(USER, f"Antrag {n}")
            while True:
                at, reading = readings.get(timeout=60)
                if reading.unread is not None and reading.unread > count:
                    count = reading.unread
                    found.append(at - start)
                    break
    finally:
        stop.set()
        kit.stop_watch()
        watcher.join(10)
    return found


def _checks(kit: Any, name: str, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        reading = kit.check(name)
        times.append(time.perf_counter() - start)
        if reading.availability.value != "ok":
            raise RuntimeError(f"{name} check: {reading.availability} ({reading.detail})")
    return times


def measure(provider: Any, tmp: Path, *, repeats: int, ox: Any) -> dict[str, Any]:
    """The figures: IDLE (Dovecot) and plain polls (OX API, IMAP STATUS)."""
    from benchmarks.run import _figure
    from workplace.config.schema import MailIntegration
    from workplace.integrations.schedule import interval
    from workplace.net.profile import ConnectionProfile, ProfileKind

    figures = []
    config = MailIntegration()
    office = ConnectionProfile(ProfileKind.OFFICE)
    every = {
        "office": interval(config, office, False),
        "home": interval(config, ConnectionProfile(ProfileKind.HOME), False),
        "home, data saver": interval(config, ConnectionProfile(ProfileKind.HOME), True),
    }
    auth, network = _auth(provider, tmp, ["read_mail", "imap"])
    try:
        ox_kit = _integrations(auth, network, {"mail": {
            "enabled": True, "backend": "ox", "api_url": ox.api_url,
            "audience": "opendesk-oxappsuite", "scopes": ["read_mail"]}}, tmp)
        ox_checks = _checks(ox_kit, "mail", repeats * 3)
        try:
            import dovecot as stack_dovecot  # tests/stack

            from tests.support.tls import make_test_ca
        except ImportError as exc:  # pragma: no cover - the repository is incomplete
            raise RuntimeError(f"tests/stack is not importable: {exc}") from exc
        idle: list[float] = []
        imap_checks: list[float] = []
        if stack_dovecot.installed():
            ca = make_test_ca(tmp / "newmail-ca")
            with stack_dovecot.TestDovecot(provider.issuer,
                                           ca.ca_file.parent / "server.pem") as server:
                server.deliver(USER, "Antrag")
                imap_kit = _integrations(auth, network, {"mail": {
                    "enabled": True, "backend": "imap", "imap_host": "127.0.0.1",
                    "imap_port": server.port, "audience": "opendesk-dovecot",
                    "scopes": ["imap"]}}, ca.ca_file)
                imap_checks = _checks(imap_kit, "mail", repeats * 3)
                for _ in range(repeats):
                    idle += _idle(imap_kit, server)
    finally:
        auth.close()
        network.close()

    def poll(checks: list[float], where: str, seconds: float | None) -> Any:
        assert seconds is not None
        check = statistics.median(checks)
        return _figure(
            f"new mail to count, poll ({where}: every {seconds / 60:g} min)", "s",
            [seconds / 2 + c for c in checks], None,
            f"mean interval/2 + check; worst {seconds + check:.1f} s",
            {"interval (s)": seconds, "check (ms, median)": round(check * 1000, 1),
             "latency / interval": round((seconds / 2 + check) / seconds, 3)})

    figures.append(poll(ox_checks, "OX API, office", every["office"]))
    figures.append(poll(ox_checks, "OX API, home", every["home"]))
    figures.append(poll(ox_checks, "OX API, home, data saver", every["home, data saver"]))
    if imap_checks:
        figures.append(poll(imap_checks, "IMAP STATUS, office", every["office"]))
    if idle:
        office_every = every["office"]
        assert office_every is not None
        figures.append(_figure(
            "new mail to count, IMAP IDLE (Dovecot, held connection)", "s", idle, None,
            f"instead of a poll every {office_every / 60:g} min",
            {"deliveries": len(idle), "latency / office interval":
             round(statistics.median(idle) / office_every, 4),
             "max (s)": round(max(idle), 3)}))
    return {"figures": figures}
