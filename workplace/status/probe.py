# SPDX-License-Identifier: EUPL-1.2
"""Probe every service at once, within one total time budget (blocking; a worker thread).

Each service gets one light request: ``GET`` its health URL, or ``HEAD`` its web URL
(``GET`` with a small cap if HEAD is refused). Redirects are followed only within the
same origin; a redirect to the identity provider or a login path means "sign-in
required", any other redirect means the service answered. Bodies are read up to a few
KiB.

Time: every probe has its own timeout, well under the round's budget (connect
:data:`CONNECT_TIMEOUT`, read ``max(2 x slow_ms, MIN_READ_TIMEOUT)``, both capped by
what is left of the budget), so a service that accepts and never answers holds one
worker for a few seconds, not the whole round. Up to :data:`MAX_WORKERS` probes run at
once (I/O-bound: threads wait on sockets). What has not answered within its own timeout
is "unreachable (timeout)"; a service whose probe never started before the budget ran
out is "not checked": nobody asked it, so nothing is claimed about it.

One session serves the whole round (its keep-alive pool is sized for the workers);
with :class:`workplace.net.setup.NetworkSetup` the pool also outlives the round.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from workplace.net.errors import NetworkError, NetworkErrorKind
from workplace.net.http import POOL_PER_HOST, get_capped
from workplace.net.profile import ConnectionProfile, ProbeScope, ProfileKind
from workplace.status.decide import probe_target
from workplace.status.model import ServiceState, ServiceStatus

if TYPE_CHECKING:
    from workplace.config.schema import Service
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.net")

SessionFactory = Callable[[], "HttpSession"]
MAX_BODY = 4 * 1024
MAX_HOPS = 3
MAX_WORKERS = 32
"""Probes at once (see :data:`workplace.net.http.POOL_PER_HOST`)."""
WORKER_LIMIT = POOL_PER_HOST
"""Upper bound for ``ProbeOptions.max_workers``: no more than the pool keeps per host."""
CONNECT_TIMEOUT = 2.0
MIN_READ_TIMEOUT = 2.0
LOGIN_HINTS = (
    "/login", "/signin", "/sign-in", "/sso", "/saml", "/oauth", "/oidc", "/auth/",
    "/protocol/openid-connect", "/adfs/", "/cas/", "/univention/oidc",
)


@dataclass(frozen=True)
class ProbeOptions:
    budget: float = 5.0
    """Seconds for the whole round."""
    slow_ms: int = 1500
    scope: ProbeScope = "all"
    issuer: str | None = None
    """The identity provider's issuer: a redirect to its origin means sign-in required."""
    max_workers: int = MAX_WORKERS

    def timeout(self, remaining: float) -> tuple[float, float]:
        """(connect, read) seconds for one request with ``remaining`` seconds of budget."""
        read = max(2 * self.slow_ms / 1000, MIN_READ_TIMEOUT)
        return min(CONNECT_TIMEOUT, remaining), min(read, remaining)

    @property
    def min_slice(self) -> float:
        """A probe is not started with less budget left than this: it would be reported
        unreachable without a fair chance to answer."""
        return min(0.5, self.budget / 4)


def _not_checked(service_id: str, options: ProbeOptions, url: str = "") -> ServiceStatus:
    return ServiceStatus(
        service_id, ServiceState.NOT_CHECKED,
        f"not checked: the time budget ({options.budget:g} s) ran out before its turn",
        url=url,
    )


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        port = 0
    return scheme, (parts.hostname or "").lower(), port


def _shown(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}{parts.path}"


def _skip(service: Service, profile: ConnectionProfile, scope: ProbeScope) -> ServiceStatus | None:
    """The status a service gets without a request, or None when it is to be probed."""
    if profile.kind == ProfileKind.OFFLINE:
        return ServiceStatus(service.id, ServiceState.NOT_CHECKED, "offline: not checked")
    if profile.kind == ProfileKind.CAPTIVE:
        return ServiceStatus(
            service.id, ServiceState.NOT_CHECKED, "not checked: a login page blocks the internet"
        )
    if service.zone == "intranet" and not profile.intranet_ok:
        return ServiceStatus(
            service.id, ServiceState.NEEDS_VPN, "only reachable in the office or over the VPN"
        )
    if probe_target(service, scope) is None:
        return ServiceStatus(
            service.id, ServiceState.NOT_CHECKED, "not checked in low-bandwidth mode"
        )
    return None


def probe_services(
    services: Sequence[Service],
    profile: ConnectionProfile,
    session_factory: SessionFactory,
    options: ProbeOptions | None = None,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> Mapping[str, ServiceStatus]:
    """service id -> status for every service, in catalog order. Never raises.

    ``session_factory`` should give sessions without retries
    (``NetworkSetup.factory(retries=0)``): the budget has no room for them.
    """
    options = options or ProbeOptions()
    deadline = clock() + options.budget
    results: dict[str, ServiceStatus] = {}
    to_probe: list[Service] = []
    for service in services:
        skipped = _skip(service, profile, options.scope)
        if skipped is not None:
            results[service.id] = skipped
        else:
            to_probe.append(service)
    if to_probe:
        results.update(_probe_all(to_probe, session_factory, options, deadline, clock))
    ordered = {s.id: results[s.id] for s in services if s.id in results}
    counts: dict[str, int] = {}
    for status in ordered.values():
        counts[status.state.value] = counts.get(status.state.value, 0) + 1
    log.info("status round: %s", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return MappingProxyType(ordered)


def _probe_all(
    to_probe: Sequence[Service],
    session_factory: SessionFactory,
    options: ProbeOptions,
    deadline: float,
    clock: Callable[[], float],
) -> dict[str, ServiceStatus]:
    results: dict[str, ServiceStatus] = {}
    try:
        session = session_factory()
    except Exception as exc:  # a broken setup must not break the round
        return {
            s.id: ServiceStatus(s.id, ServiceState.UNREACHABLE, f"no HTTP session: {exc}")
            for s in to_probe
        }
    started: dict[str, float] = {}
    pending: dict[str, Future[ServiceStatus]] = {}
    workers = max(1, min(options.max_workers, WORKER_LIMIT, len(to_probe)))
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="workplace-probe")
    try:
        for service in to_probe:
            pending[service.id] = pool.submit(
                _probe_one, service, session, options, deadline, clock, started
            )
        wait(pending.values(), timeout=max(0.0, deadline - clock()))
    finally:
        # Probes not yet started are dropped; running ones end on their own timeouts,
        # which never reach past the budget. The session is closed when they are done.
        pool.shutdown(wait=False, cancel_futures=True)
        _close_when_done(session, list(pending.values()))
    for service in to_probe:
        future = pending[service.id]
        if future.done() and not future.cancelled():
            results[service.id] = future.result()
            continue
        target = probe_target(service, options.scope)
        url = _shown(target[0]) if target else ""
        if service.id in started:
            results[service.id] = ServiceStatus(
                service.id, ServiceState.UNREACHABLE,
                f"no answer within the time budget ({options.budget:g} s)", url=url,
            )
        else:
            results[service.id] = _not_checked(service.id, options, url)
    return results


def _close_when_done(session: HttpSession, futures: list[Future[ServiceStatus]]) -> None:
    left = [f for f in futures if not f.done()]
    if not left:
        session.close()
        return
    remaining = [len(left)]
    lock = threading.Lock()

    def one_done(_future: Future[ServiceStatus]) -> None:
        with lock:  # callbacks run on the workers that finish
            remaining[0] -= 1
            last = remaining[0] == 0
        if last:
            session.close()

    for future in left:
        future.add_done_callback(one_done)


def _probe_one(
    service: Service,
    session: HttpSession,
    options: ProbeOptions,
    deadline: float,
    clock: Callable[[], float],
    started: dict[str, float],
) -> ServiceStatus:
    target = probe_target(service, options.scope)
    assert target is not None  # _skip handled it
    url, is_health = target
    now = clock()
    if deadline - now < options.min_slice:
        return _not_checked(service.id, options, _shown(url))
    started[service.id] = now
    try:
        return _probe_url(service.id, url, is_health, session, options, deadline, clock)
    except Exception as exc:  # never let one service break the round
        log.debug("probe of %s failed", service.id, exc_info=True)
        return ServiceStatus(
            service.id, ServiceState.UNREACHABLE, f"probe failed: {type(exc).__name__}",
            url=_shown(url),
        )


def _probe_url(
    service_id: str,
    url: str,
    is_health: bool,
    session: HttpSession,
    options: ProbeOptions,
    deadline: float,
    clock: Callable[[], float],
) -> ServiceStatus:
    start = _origin(url)
    idp = _origin(options.issuer) if options.issuer else None
    method = "GET" if is_health else "HEAD"
    current = url
    elapsed = 0.0
    for _hop in range(MAX_HOPS + 1):
        remaining = deadline - clock()
        if remaining <= 0:
            return ServiceStatus(
                service_id, ServiceState.UNREACHABLE,
                f"no answer within the time budget ({options.budget:g} s)", url=_shown(url),
            )
        timeout = options.timeout(remaining)
        try:
            got = get_capped(
                session, current, method=method, max_bytes=MAX_BODY, timeout=timeout,
                deadline=deadline, clock=clock,
            )
        except NetworkError as exc:
            return _failed(service_id, url, exc)
        elapsed += got.elapsed
        if method == "HEAD" and got.status in (405, 501):
            method = "GET"
            continue
        if got.status in (301, 302, 303, 307, 308):
            location = got.headers.get("Location") or got.headers.get("location") or ""
            target = urljoin(current, location.strip())
            hop = _origin(target)
            if start[0] == "https" and hop[0] == "http":
                return ServiceStatus(
                    service_id, ServiceState.UNREACHABLE,
                    f"refused a redirect to unencrypted http ({_shown(target)})",
                    http_status=got.status, url=_shown(url),
                )
            if hop == start:
                current = target
                continue
            path = urlsplit(target).path.lower()
            if (idp is not None and hop == idp) or any(h in path for h in LOGIN_HINTS):
                return ServiceStatus(
                    service_id, ServiceState.SIGN_IN_REQUIRED,
                    f"redirects to the sign-in page ({hop[1]})",
                    _ms(elapsed), got.status, _shown(url),
                )
            return _answered(service_id, url, got.status, elapsed, options,
                             f"answers, redirects to {hop[1]}")
        return _answer(service_id, url, got.status, elapsed, options, is_health)
    return ServiceStatus(
        service_id, ServiceState.UNREACHABLE, f"more than {MAX_HOPS} redirects", url=_shown(url)
    )


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _failed(service_id: str, url: str, exc: NetworkError) -> ServiceStatus:
    if exc.kind == NetworkErrorKind.TLS:
        cause = f" ({exc.cause})" if exc.cause else ""
        detail = (
            f"the certificate is not trusted{cause}: the agency CA may be missing, "
            "or the connection is being intercepted"
        )
        return ServiceStatus(service_id, ServiceState.TLS_PROBLEM, detail, url=_shown(url))
    if exc.kind == NetworkErrorKind.TIMEOUT:
        return ServiceStatus(
            service_id, ServiceState.UNREACHABLE, "did not answer in time (timeout)",
            url=_shown(url),
        )
    return ServiceStatus(
        service_id, ServiceState.UNREACHABLE, "cannot be reached (connection failed)",
        url=_shown(url),
    )


def _answered(
    service_id: str, url: str, status: int, elapsed: float, options: ProbeOptions, detail: str
) -> ServiceStatus:
    ms = _ms(elapsed)
    if ms > options.slow_ms:
        return ServiceStatus(
            service_id, ServiceState.SLOW, f"slow: answered in {ms} ms", ms, status, _shown(url)
        )
    return ServiceStatus(
        service_id, ServiceState.AVAILABLE, f"{detail} in {ms} ms", ms, status, _shown(url)
    )


def _answer(
    service_id: str, url: str, status: int, elapsed: float, options: ProbeOptions,
    is_health: bool,
) -> ServiceStatus:
    if status in (401, 403):
        return ServiceStatus(
            service_id, ServiceState.SIGN_IN_REQUIRED,
            f"sign-in required (HTTP {status})", _ms(elapsed), status, _shown(url),
        )
    if status >= 500 or (is_health and status >= 300):
        return ServiceStatus(
            service_id, ServiceState.UNREACHABLE,
            f"{'health check' if is_health else 'server'} answered HTTP {status}",
            _ms(elapsed), status, _shown(url),
        )
    what = "healthy" if is_health else "answers"
    if status >= 400:
        what = f"answers HTTP {status}"
    return _answered(service_id, url, status, elapsed, options, what)
