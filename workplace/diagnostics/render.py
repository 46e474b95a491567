# SPDX-License-Identifier: EUPL-1.2
"""The diagnostics report as plain English lines for the helpdesk (``workplace doctor``)."""

from __future__ import annotations

from typing import Any

from workplace.diagnostics.source import source_lines


def _yes(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def render(report: dict[str, Any]) -> list[str]:
    """Plain English lines for the helpdesk."""
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
