# SPDX-License-Identifier: EUPL-1.2
"""Service status probes against real loopback servers: fast, slow, silent, TLS, sign-in,
redirects, intranet zone off the VPN, offline and low-bandwidth scope."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.servers import LoopbackServer, Route, closed_port
from tests.support.tls import LocalCa
from workplace.config.schema import Service
from workplace.net.profile import ConnectionProfile, ProfileKind
from workplace.net.setup import NetworkSetup
from workplace.status.model import ServiceState, summarize
from workplace.status.probe import ProbeOptions, probe_services

HOME = ConnectionProfile(ProfileKind.HOME, intranet_reachable=False)
OFFICE = ConnectionProfile(ProfileKind.OFFICE, intranet_reachable=True)



@pytest.fixture
def idp() -> Iterator[LoopbackServer]:
    srv = LoopbackServer()
    yield srv
    srv.close()



def svc(ident: str, url: str, **extra: Any) -> Service:
    return Service.model_validate({"id": ident, "name": ident, "url": url, **extra})


def probe(services: list[Service], profile: ConnectionProfile = HOME, **options: Any) -> Any:
    setup = NetworkSetup(ca_bundle=options.pop("ca_bundle", ""))
    return probe_services(services, profile, setup.factory(retries=0), ProbeOptions(**options))


def test_fast_slow_down_and_silent_services_within_the_budget(server: LoopbackServer) -> None:
    server.routes["/fast"] = Route(200, b"<html>")
    server.routes["/slow"] = Route(200, b"<html>", delay=3.5)
    server.routes["/silent"] = Route(hang=True)
    services = [
        svc("fast", server.url("/fast")),
        svc("slow", server.url("/slow")),
        svc("silent", server.url("/silent")),
        svc("down", f"http://127.0.0.1:{closed_port()}/"),
    ]
    # The silent server never answers: that probe() returns at all shows the budget
    # ends the sweep (how close to the budget is measured in benchmarks/sweep.py,
    # not asserted here). The thresholds leave a stalled machine three seconds before
    # the loopback "fast" answer would count as slow.
    statuses = probe(services, budget=5.0, slow_ms=3000)
    assert list(statuses) == ["fast", "slow", "silent", "down"]
    assert statuses["fast"].state == ServiceState.AVAILABLE
    assert statuses["fast"].latency_ms is not None and statuses["fast"].http_status == 200
    assert statuses["slow"].state == ServiceState.SLOW and "ms" in statuses["slow"].detail
    assert statuses["silent"].state == ServiceState.UNREACHABLE
    assert "time budget" in statuses["silent"].detail or "timeout" in statuses["silent"].detail
    assert statuses["down"].state == ServiceState.UNREACHABLE
    assert "connection failed" in statuses["down"].detail
    assert ("HEAD", "/fast") in server.seen  # a web URL gets a light HEAD
    with pytest.raises(TypeError):
        statuses["fast"] = statuses["down"]  # a frozen mapping
    assert summarize(statuses).text == "2 of 4 available"


def test_tls_problem_is_distinct_and_the_agency_ca_fixes_it(ca: LocalCa) -> None:
    tls = LoopbackServer(ca.server_context)
    try:
        tls.routes["/health"] = Route(200, b"ok")
        service = svc("secure", tls.url("/"), health_url=tls.url("/health"))
        untrusted = probe([service])["secure"]
        assert untrusted.state == ServiceState.TLS_PROBLEM
        assert "not trusted" in untrusted.detail and "certificate" in untrusted.detail
        trusted = probe([service], ca_bundle=str(ca.ca_file))["secure"]
        assert trusted.state == ServiceState.AVAILABLE
    finally:
        tls.close()


@pytest.mark.parametrize("status", [401, 403])
def test_sign_in_required_on_401_and_403(server: LoopbackServer, status: int) -> None:
    server.routes["/app"] = Route(status, b"")
    result = probe([svc("app", server.url("/app"))])["app"]
    assert result.state == ServiceState.SIGN_IN_REQUIRED and result.http_status == status


def test_redirects(server: LoopbackServer, idp: LoopbackServer) -> None:
    server.routes["/to-idp"] = Route(302, b"", {"Location": idp.url("/realms/x/auth?client=1")})
    server.routes["/to-login"] = Route(302, b"", {"Location": "https://sso.example.test/login"})
    server.routes["/elsewhere"] = Route(302, b"", {"Location": "https://cdn.example.test/app"})
    server.routes["/moved"] = Route(301, b"", {"Location": "/new"})
    server.routes["/new"] = Route(200, b"ok")
    statuses = probe(
        [
            svc("idp", server.url("/to-idp")),
            svc("login", server.url("/to-login")),
            svc("other", server.url("/elsewhere")),
            svc("moved", server.url("/moved")),
        ],
        issuer=idp.url("/realms/x"),
    )
    assert statuses["idp"].state == ServiceState.SIGN_IN_REQUIRED
    assert statuses["login"].state == ServiceState.SIGN_IN_REQUIRED
    assert statuses["other"].state == ServiceState.AVAILABLE
    assert "cdn.example.test" in statuses["other"].detail
    assert statuses["moved"].state == ServiceState.AVAILABLE
    assert ("HEAD", "/new") in server.seen  # same origin: followed
    assert idp.seen == []  # another origin: never followed


def test_health_urls_and_head_fallback(server: LoopbackServer) -> None:
    server.routes["/healthy"] = Route(200, b"OK")
    server.routes["/sick"] = Route(503, b"")
    server.routes["/nohead"] = Route(405, b"")
    statuses = probe([
        svc("a", server.url("/a"), health_url=server.url("/healthy")),
        svc("b", server.url("/b"), health_url=server.url("/sick")),
        svc("c", server.url("/nohead")),
    ])
    assert statuses["a"].state == ServiceState.AVAILABLE and ("GET", "/healthy") in server.seen
    assert statuses["b"].state == ServiceState.UNREACHABLE and "503" in statuses["b"].detail
    assert [m for m, p in server.seen if p == "/nohead"] == ["HEAD", "GET"]


def test_intranet_service_off_the_vpn_is_not_even_probed(server: LoopbackServer) -> None:
    server.routes["/erp"] = Route(200, b"ok")
    erp = svc("erp", server.url("/erp"), zone="intranet")
    off = probe([erp], HOME)["erp"]
    assert off.state == ServiceState.NEEDS_VPN and server.seen == []
    assert probe([erp], OFFICE)["erp"].state == ServiceState.AVAILABLE
    vpn = ConnectionProfile(ProfileKind.HOME, vpn=True, intranet_reachable=True)
    assert probe([erp], vpn)["erp"].state == ServiceState.AVAILABLE


def test_offline_and_captive_send_nothing(server: LoopbackServer) -> None:
    services = [svc("a", server.url("/a")), svc("b", server.url("/b"), zone="intranet")]
    for kind in (ProfileKind.OFFLINE, ProfileKind.CAPTIVE):
        statuses = probe(services, ConnectionProfile(kind))
        assert {s.state for s in statuses.values()} == {ServiceState.NOT_CHECKED}
    assert server.seen == []


def test_low_bandwidth_probes_health_urls_only(server: LoopbackServer) -> None:
    server.routes["/h"] = Route(200, b"ok")
    statuses = probe(
        [svc("a", server.url("/a"), health_url=server.url("/h")), svc("b", server.url("/b"))],
        scope="health_only",
    )
    assert statuses["a"].state == ServiceState.AVAILABLE
    assert statuses["b"].state == ServiceState.NOT_CHECKED
    assert server.seen == [("GET", "/h")]


def test_many_services_share_a_bounded_pool(server: LoopbackServer) -> None:
    server.routes["/"] = Route(200, b"ok")
    services = [svc(f"s{i}", server.url(f"/?n={i}")) for i in range(40)]
    statuses = probe(services, max_workers=4, budget=10)
    assert summarize(statuses).all_available
    assert all(s.url == server.url("/") for s in statuses.values())  # no query in details


def test_hanging_services_do_not_hide_healthy_ones(server: LoopbackServer) -> None:
    """100 services, every tenth accepts and never answers: each probe has its own
    timeout, so all 90 healthy ones are found, well within the budget."""
    server.routes["/ok"] = Route(200, b"ok")
    server.routes["/hang"] = Route(hang=True)
    services = [
        svc(f"s{i:03d}", server.url("/hang" if i % 10 == 9 else "/ok") + f"?n={i}")
        for i in range(100)
    ]
    # Read timeout 3.8 s (twice slow_ms); a budget well past it, so a stalled machine
    # cannot leave a healthy service unasked: the round ends with the hanging ones.
    statuses = probe(services, budget=15, slow_ms=1900)
    healthy = [s for sid, s in statuses.items() if int(sid[1:]) % 10 != 9]
    hanging = [s for sid, s in statuses.items() if int(sid[1:]) % 10 == 9]
    assert [s.state for s in healthy] == [ServiceState.AVAILABLE] * 90
    assert [s.state for s in hanging] == [ServiceState.UNREACHABLE] * 10
    assert all("timeout" in s.detail for s in hanging)  # ended on their own timeouts


def test_a_service_never_asked_is_not_checked_rather_than_unreachable(
    server: LoopbackServer,
) -> None:
    server.routes["/ok"] = Route(200, b"ok")
    server.routes["/hang"] = Route(hang=True)
    services = [svc("hang", server.url("/hang")), svc("a", server.url("/ok")),
                svc("b", server.url("/ok"))]
    # One worker, held by the hanging service until the budget is spent.
    statuses = probe(services, budget=1.0, slow_ms=1000, max_workers=1)
    assert statuses["hang"].state == ServiceState.UNREACHABLE
    for sid in ("a", "b"):
        assert statuses[sid].state == ServiceState.NOT_CHECKED
        assert "ran out before its turn" in statuses[sid].detail
        assert statuses[sid].url == server.url("/ok")
    assert ("HEAD", "/ok") not in server.seen  # really never asked
    assert summarize(statuses).text == "0 of 1 available (2 not checked)"


def test_probe_timeouts_stay_well_under_the_budget() -> None:
    options = ProbeOptions(budget=5.0, slow_ms=1500)
    assert options.timeout(5.0) == (2.0, 3.0)
    assert options.timeout(1.2) == (1.2, 1.2)  # capped by what is left
    assert ProbeOptions(slow_ms=200).timeout(5.0) == (2.0, 2.0)  # at least 2 s to read


def test_rounds_reuse_keep_alive_connections(server: LoopbackServer) -> None:
    server.routes["/ok"] = Route(200, b"ok")
    accepted = _count_connections(server)
    setup = NetworkSetup()
    services = [svc(f"s{i}", server.url("/ok") + f"?n={i}") for i in range(10)]
    options = ProbeOptions(max_workers=2, budget=10)
    first = probe_services(services, HOME, setup.factory(retries=0), options)
    assert summarize(first).all_available
    opened = accepted[0]
    assert 1 <= opened <= 2  # one connection per worker, not one per service
    second = probe_services(services, HOME, setup.factory(retries=0), options)
    assert summarize(second).all_available
    assert accepted[0] == opened  # the next round reused them
    setup.close()


def _count_connections(server: LoopbackServer) -> list[int]:
    accepted = [0]
    original = server._server.get_request

    def counted() -> Any:
        accepted[0] += 1
        return original()

    server._server.get_request = counted  # type: ignore[method-assign]
    return accepted
