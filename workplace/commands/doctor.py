# SPDX-License-Identifier: EUPL-1.2
"""``workplace doctor [--json]``: what the helpdesk asks first, checked in one go.

Version, configuration sources and their problems, connection profile, proxy and
trust, identity provider and keyring, the catalog's source and age, each service's
status and start at login. It never shows a secret: no tokens are read, proxy
credentials are masked. Exit status 0 when all is well, 1 when anything is wrong
(the ``problems`` list says what).

:func:`collect` builds the report as a JSON-ready dict (stable keys), so the window
can offer the same report ("copy diagnostics") without the command line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from workplace import __version__
from workplace.config.paths import Paths
from workplace.config.settings import Settings

Problem = dict[str, str]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check configuration, network, sign-in and services",
        description="Check everything the helpdesk asks first: configuration, connection "
        "profile, proxy and certificates, identity provider, keyring, catalog and the "
        "status of every service. Exit status 0 when all is well, 1 when something is "
        "wrong. Never prints a secret.",
    )
    parser.add_argument("--json", action="store_true", help="as JSON (stable keys)")
    parser.add_argument(
        "--metered", action="store_true",
        help="treat the link as metered (the window learns this from the system)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from workplace.config.loader import load_settings
    from workplace.config.paths import resolve_override

    paths = Paths.from_environment()
    settings = load_settings(paths, resolve_override(args.config))
    report = collect(settings, paths, metered=bool(getattr(args, "metered", False)))
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for line in render(report):
            print(line)
    return 0 if report["ok"] else 1


# --------------------------------------------------------------------------- collecting


def collect(
    settings: Settings,
    paths: Paths,
    *,
    metered: bool = False,
    reachability: str = "unknown",
    keyring_probe: Callable[[], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The whole report. Blocking (network): a few seconds plus the probe budget."""
    from workplace.net.setup import NetworkSetup

    problems: list[Problem] = []
    setup = NetworkSetup.from_settings(settings)
    report: dict[str, Any] = {"version": __version__}
    report["configuration"] = _configuration(settings, problems)
    network = setup.describe()
    report["network"] = network
    problems += [{"area": "network", "message": p} for p in network["problems"]]
    profile = _profile(settings, setup, metered, reachability, problems)
    report["profile"] = _profile_dict(profile)
    report["identity_provider"] = _identity_provider(settings, setup, profile, problems)
    report["keyring"] = (keyring_probe or _keyring)()
    if settings.tenant.identity_provider.issuer and not report["keyring"]["available"]:
        problems.append({
            "area": "keyring",
            "message": "no secure keyring: sign-in is not remembered after the session ("
            + report["keyring"]["detail"] + ")",
        })
    catalog_report, services = _catalog(settings, paths, setup, problems)
    report["catalog"] = catalog_report
    report["services"], report["summary"] = _services(
        settings, services, setup, profile, problems
    )
    report["start_at_login"] = _start_at_login(settings)
    report["bytes"] = {"sent": setup.counter.sent, "received": setup.counter.received}
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


def _profile(
    settings: Settings, setup: Any, metered: bool, reachability: str, problems: list[Problem]
) -> Any:
    from workplace.net.detect import detect_profile
    from workplace.net.profile import ProfileKind

    profile = detect_profile(
        setup.factory(retries=0), settings.tenant.network,
        reachability=reachability,  # type: ignore[arg-type]
        metered=metered,
    )
    if profile.kind == ProfileKind.OFFLINE:
        problems.append({"area": "profile", "message": f"offline: {profile.detail}"})
    elif profile.kind == ProfileKind.CAPTIVE:
        where = profile.captive_login_url or profile.captive_open_url or "a login page"
        problems.append({
            "area": "profile",
            "message": f"a login page (captive portal) blocks the internet; sign in at {where}",
        })
    return profile


def _profile_dict(profile: Any) -> dict[str, Any]:
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
    settings: Settings, setup: Any, profile: Any, problems: list[Problem]
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
    settings: Settings, paths: Paths, setup: Any, problems: list[Problem]
) -> tuple[dict[str, Any], list[Any]]:
    from workplace.catalog.effective import merge_catalog
    from workplace.catalog.remote import RemoteCatalog
    from workplace.commands.services import describe_source

    remote = RemoteCatalog(paths, setup, settings)
    snapshot = remote.cached()
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
    settings: Settings, services: list[Any], setup: Any, profile: Any, problems: list[Problem]
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from workplace.config.language import effective_language
    from workplace.net.profile import policy_for
    from workplace.status.model import ServiceState, summarize
    from workplace.status.probe import ProbeOptions, probe_services

    network = settings.tenant.network
    policy = policy_for(profile, settings.preferences, settings.tenant.catalog.refresh_minutes)
    options = ProbeOptions(
        budget=float(network.probe_budget_seconds),
        slow_ms=network.slow_threshold_ms,
        scope=policy.probes,
        issuer=settings.tenant.identity_provider.issuer,
    )
    statuses = probe_services(services, profile, setup.factory(retries=0), options)
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


# --------------------------------------------------------------------------- rendering


def _yes(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def render(report: dict[str, Any]) -> list[str]:
    """Plain English lines for the helpdesk."""
    from workplace.commands.services import source_lines

    lines = [f"Arbeitsplatz {report['version']}", ""]
    config = report["configuration"]
    lines.append(
        "Configuration: " + (", ".join(config["sources"]) or "built-in defaults only")
    )
    for p in config["problems"]:
        where = p["file"] + (f":{p['line']}" if p["line"] else "")
        lines.append(f"  {p['severity']}: {where}: {p['path']}: {p['message']}")
    profile = report["profile"]
    lines += ["", f"Connection: {profile['label']} ({profile['detail']})"]
    if profile["intranet_reachable"] is None:
        lines.append("  intranet probe: not configured")
    else:
        lines.append(f"  intranet reachable: {_yes(profile['intranet_reachable'])}")
    if profile["vpn_interfaces"]:
        lines.append(f"  VPN interfaces: {', '.join(profile['vpn_interfaces'])}")
    if profile["kind"] == "captive":
        lines.append(
            f"  open this page to sign in: {profile['captive_open_url'] or '(not known)'}"
            + (f" (it leads to {profile['captive_login_url']})"
               if profile["captive_login_url"] else "")
        )
    lines.append(f"Proxy: {_proxy_text(report['network']['proxy'])}")
    trust = report["network"]["trust"]
    trust_text = trust["store"]
    if "extra_ca_bundle" in trust:
        state = "loaded" if trust["extra_ca_loaded"] else "NOT loaded"
        trust_text += f" plus {trust['extra_ca_bundle']} ({state})"
    lines.append(f"Certificates: {trust_text}")
    idp = report["identity_provider"]
    lines += ["", "Sign-in: " + (
        f"{idp['issuer']}: {idp['detail']}" if idp["configured"] else idp["detail"]
    )]
    keyring = report["keyring"]
    lines.append(
        f"Keyring: {keyring['backend']}" if keyring["available"]
        else f"Keyring: none ({keyring['detail']})"
    )
    lines.append("")
    lines += source_lines(report["catalog"])[1:]  # the first repeats the configuration
    lines += ["", f"Services: {report['summary']['text']}"
              + (" (low-bandwidth mode)" if report["summary"]["low_bandwidth"] else "")]
    if report["services"]:
        width = max(len(s["id"]) for s in report["services"])
        for s in report["services"]:
            lines.append(f"  {s['id']:<{width}}  {s['state']:<16} {s['detail']}")
    start = report["start_at_login"]
    lines += ["", f"Start at login: preference {_yes(start['preference'])}, "
              f"system {_yes(start['enabled'])} ({start['where']})"]
    lines.append("")
    if report["ok"]:
        lines.append("Result: all good.")
    else:
        lines.append(f"Result: {len(report['problems'])} problem(s):")
        for p in report["problems"]:
            lines.append(f"  - {p['area']}: {p['message']}")
    return lines


def _proxy_text(proxy: dict[str, Any]) -> str:
    mode = proxy["mode"]
    if mode == "manual":
        return f"manual: http {proxy['http'] or '-'}, https {proxy['https'] or '-'}; " \
               f"not for: {', '.join(proxy['exclusions']) or '-'}"
    if mode == "pac":
        text = f"PAC file {proxy['pac_url']}" + ("" if proxy["loaded"] else " (not loaded)")
        if proxy.get("unreachable"):
            text += f"; not reachable just now: {', '.join(proxy['unreachable'])}"
        return text
    if mode == "system":
        env = proxy.get("environment") or {}
        if env:
            return "system: " + ", ".join(f"{k} {v}" for k, v in env.items())
        desktop = proxy.get("desktop")
        if desktop:
            return f"system: {desktop['source']}: {_proxy_text(desktop)}"
        return "system: direct (none set)"
    return "none: always direct"
