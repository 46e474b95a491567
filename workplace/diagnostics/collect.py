# SPDX-License-Identifier: EUPL-1.2
"""Collecting the diagnostics report: what the helpdesk asks first, as a JSON-ready dict.

Version, configuration sources and their problems, connection profile, proxy and
trust, identity provider and keyring, the catalog's source and age, each service's
status and start at login. It never holds a secret: no tokens are read, proxy
credentials are masked. ``workplace doctor`` and the window's "Copy diagnostics"
both call :func:`collect`; the window hands in its running session, so the report
describes that session rather than a new one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from workplace import __version__
from workplace.config.schema import Service
from workplace.config.settings import Settings
from workplace.status.model import ServiceState, ServiceStatus

if TYPE_CHECKING:
    from workplace.catalog.remote import RemoteCatalog
    from workplace.catalog.snapshot import CatalogSnapshot
    from workplace.net.profile import ConnectionProfile
    from workplace.net.setup import NetworkSetup

Problem = dict[str, str]


def collect(
    settings: Settings,
    network: NetworkSetup,
    remote: RemoteCatalog | None,
    snapshot: CatalogSnapshot | None,
    *,
    profile: ConnectionProfile | None = None,
    statuses: Mapping[str, ServiceStatus] | None = None,
    metered: bool = False,
    reachability: str = "unknown",
    keyring_probe: Callable[[], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The whole report about the session that owns ``network``, ``remote`` and ``snapshot``.

    ``profile`` and ``statuses`` are what the session already knows (the window's last
    round); None detects the profile (with ``metered``) or probes every service now
    (the doctor command). Blocking (network): a few seconds plus the probe budget.
    """
    problems: list[Problem] = []
    report: dict[str, Any] = {"version": __version__}
    report["configuration"] = _configuration(settings, problems)
    described = network.describe()
    report["network"] = described
    problems += [{"area": "network", "message": p} for p in described["problems"]]
    if profile is None:
        profile = _detect(settings, network, metered, reachability)
    _profile_problems(profile, problems)
    report["profile"] = _profile_dict(profile)
    report["identity_provider"] = _identity_provider(settings, network, profile, problems)
    report["keyring"] = (keyring_probe or _keyring)()
    if settings.tenant.identity_provider.issuer and not report["keyring"]["available"]:
        problems.append({
            "area": "keyring",
            "message": "no secure keyring: sign-in is not remembered after the session ("
            + report["keyring"]["detail"] + ")",
        })
    catalog_report, services = _catalog(settings, remote, snapshot, problems)
    report["catalog"] = catalog_report
    report["services"], report["summary"] = _services(
        settings, services, network, profile, statuses, problems
    )
    report["start_at_login"] = _start_at_login(settings)
    report["bytes"] = {"sent": network.counter.sent, "received": network.counter.received}
    report["problems"] = problems
    report["ok"] = not problems
    return report


def _configuration(settings: Settings, problems: list[Problem]) -> dict[str, Any]:
    listed = [
        {
            "file": p.file, "line": p.line, "path": p.path, "message": p.message,
            "severity": p.severity,
        }
        for p in settings.problems
    ]
    for p in settings.problems:
        if p.is_error:
            problems.append({"area": "configuration", "message": str(p)})
    return {"sources": list(settings.it_sources), "problems": listed}


def _detect(
    settings: Settings, network: NetworkSetup, metered: bool, reachability: str
) -> ConnectionProfile:
    from workplace.net.detect import detect_profile

    return detect_profile(
        network.factory(retries=0), settings.tenant.network,
        reachability=reachability,  # type: ignore[arg-type]
        metered=metered,
    )


def _profile_problems(profile: ConnectionProfile, problems: list[Problem]) -> None:
    from workplace.net.profile import ProfileKind

    if profile.kind == ProfileKind.OFFLINE:
        problems.append({"area": "profile", "message": f"offline: {profile.detail}"})
    elif profile.kind == ProfileKind.CAPTIVE:
        where = profile.captive_login_url or profile.captive_open_url or "a login page"
        problems.append({
            "area": "profile",
            "message": f"a login page (captive portal) blocks the internet; sign in at {where}",
        })


def _profile_dict(profile: ConnectionProfile) -> dict[str, Any]:
    return {
        "kind": profile.kind.value,
        "label": profile.label,
        "vpn": profile.vpn,
        "metered": profile.metered,
        "intranet_reachable": profile.intranet_reachable,
        "vpn_interfaces": list(profile.vpn_interfaces),
        "captive_login_url": profile.captive_login_url,
        "captive_open_url": profile.captive_open_url,
        "detail": profile.detail,
    }


def _identity_provider(
    settings: Settings, setup: NetworkSetup, profile: ConnectionProfile, problems: list[Problem]
) -> dict[str, Any]:
    issuer = settings.tenant.identity_provider.issuer
    out: dict[str, Any] = {"issuer": issuer, "configured": bool(issuer), "reachable": None,
                           "detail": "no sign-in configured"}
    if not issuer:
        return out
    if not profile.online:
        out["detail"] = "not checked: no internet connection"
        return out
    from workplace.auth.discovery import parse_metadata
    from workplace.auth.errors import AuthError
    from workplace.net.errors import NetworkError
    from workplace.net.http import get_capped

    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    session = setup.session(retries=0, timeout=(5.0, 10.0))
    try:
        got = get_capped(session, url, max_bytes=256 * 1024, accept="application/json")
    except NetworkError as exc:
        cause = f" ({exc.cause})" if exc.cause else ""
        out.update(reachable=False, detail=f"{exc.kind.value}: {exc.detail}{cause}")
        got = None
    finally:
        session.close()
    if got is not None and got.status != 200:
        out.update(reachable=True, detail=f"discovery answered HTTP {got.status}")
    elif got is not None:
        try:
            parse_metadata(json.loads(got.body), issuer, time.time())
            out.update(reachable=True, detail="discovery answered and is valid")
        except AuthError as exc:
            out.update(reachable=True, detail=f"discovery is not acceptable: {exc}")
        except (ValueError, TypeError, AttributeError):
            out.update(reachable=True, detail="discovery is not a valid JSON document")
    if out["reachable"] is not True or out["detail"] != "discovery answered and is valid":
        problems.append({"area": "identity_provider", "message": f"{issuer}: {out['detail']}"})
    return out


def _keyring() -> dict[str, Any]:
    from workplace.auth.keyring_store import KeyringStore

    store = KeyringStore()
    return {
        "available": store.available,
        "backend": store.backend_name,
        "detail": store.reason or "secure keyring in use",
    }


def _catalog(
    settings: Settings,
    remote: RemoteCatalog | None,
    snapshot: CatalogSnapshot | None,
    problems: list[Problem],
) -> tuple[dict[str, Any], list[Service]]:
    from workplace.catalog.effective import merge_catalog
    from workplace.diagnostics.source import describe_source

    source = describe_source(settings, remote, snapshot, None)
    catalog, _merge_problems = merge_catalog(settings, snapshot)
    central = source.get("central")
    if central is not None:
        if not central.get("cached"):
            problems.append({
                "area": "catalog",
                "message": f"no copy of the central catalog yet ({central['url']})",
            })
        failure = central.get("last_failure")
        if failure is not None:
            problems.append({
                "area": "catalog",
                "message": f"the last catalog refresh failed ({failure['result']}): "
                f"{failure['detail']}",
            })
    source["services"] = len(catalog)
    return source, list(catalog.services)


def _services(
    settings: Settings,
    services: list[Service],
    setup: NetworkSetup,
    profile: ConnectionProfile,
    known: Mapping[str, ServiceStatus] | None,
    problems: list[Problem],
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from workplace.config.language import effective_language
    from workplace.net.profile import policy_for
    from workplace.status.model import summarize
    from workplace.status.probe import ProbeOptions, probe_services

    network = settings.tenant.network
    policy = policy_for(profile, settings.preferences, settings.tenant.catalog.refresh_minutes)
    options = ProbeOptions(
        budget=float(network.probe_budget_seconds),
        slow_ms=network.slow_threshold_ms,
        scope=policy.probes,
        issuer=settings.tenant.identity_provider.issuer,
    )
    if known is None:
        statuses = probe_services(services, profile, setup.factory(retries=0), options)
    else:  # the session's own statuses: nothing is probed again
        statuses = {
            s.id: known.get(s.id)
            or ServiceStatus(s.id, ServiceState.NOT_CHECKED, "not checked yet in this session")
            for s in services
        }
    language = effective_language(settings.preferences.language)
    rows = []
    for service in services:
        status = statuses[service.id]
        rows.append({
            "id": service.id,
            "name": service.name.get(language),
            "zone": service.zone,
            "state": status.state.value,
            "detail": status.detail,
            "latency_ms": status.latency_ms,
            "http_status": status.http_status,
            "url": status.url,
        })
        if status.state in (ServiceState.UNREACHABLE, ServiceState.TLS_PROBLEM):
            problems.append({
                "area": "services",
                "message": f"{service.id}: {status.state.value}: {status.detail}",
            })
    summary = summarize(statuses)
    return rows, {
        "available": summary.available,
        "checked": summary.checked,
        "not_checked": summary.not_checked,
        "text": summary.text,
        "low_bandwidth": policy.low_bandwidth,
        "probes": policy.probes,
    }


def _start_at_login(settings: Settings) -> dict[str, Any]:
    from workplace.system.autostart import autostart_for

    wanted = settings.preferences.start_at_login
    try:
        autostart = autostart_for()
        enabled: bool | None = autostart.enabled()
        where = autostart.where
    except Exception as exc:  # a broken registry/profile must not stop the report
        enabled, where = None, f"cannot be read ({type(exc).__name__})"
    return {
        "preference": wanted,
        "locked": settings.is_locked("start_at_login"),
        "enabled": enabled,
        "where": where,
        "matches": enabled == wanted,
    }
