# SPDX-License-Identifier: EUPL-1.2
"""``workplace services [--json] [--refresh]``: the effective catalog, grouped by category.

The catalog is the configuration plus the cached central catalog (manifest or
Univention portal); ``--refresh`` fetches that first. Both say where the catalog
came from and how old the central copy is.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from workplace.catalog.effective import merge_catalog
from workplace.catalog.remote import RefreshResult, RemoteCatalog
from workplace.catalog.snapshot import CatalogSnapshot
from workplace.commands.config import report_problems
from workplace.config.language import effective_language
from workplace.config.loader import load_settings
from workplace.config.paths import Paths, resolve_override
from workplace.config.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "services",
        help="list the effective catalog",
        description="List the services of the effective configuration plus the cached "
        "central catalog, grouped by category, and say where they came from. With "
        "--refresh, fetch the central catalog first. The exit status is 1 if that failed "
        "or the configuration has errors (what could be read is listed all the same).",
    )
    parser.add_argument("--json", action="store_true", help="as JSON")
    parser.add_argument(
        "--refresh", action="store_true", help="fetch the central catalog (manifest) first"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    paths = Paths.from_environment()
    settings = load_settings(paths, resolve_override(args.config))
    report_problems(settings)
    from workplace.net.setup import NetworkSetup

    # The program's one session factory: IT's extra CA bundle and the proxy apply here too.
    remote = RemoteCatalog(paths, NetworkSetup.from_settings(settings), settings)
    refreshed: RefreshResult | None = None
    if getattr(args, "refresh", False):
        refreshed = remote.refresh()
        snapshot = refreshed.snapshot
        for problem in refreshed.problems:
            print(f"workplace: {problem}", file=sys.stderr)
        if not refreshed.ok:
            print(
                f"workplace: catalog refresh failed ({refreshed.kind.value}): {refreshed.detail}",
                file=sys.stderr,
            )
    else:
        snapshot = remote.cached()
    catalog, merge_problems = merge_catalog(settings, snapshot)
    for problem in merge_problems:
        print(f"workplace: {problem}", file=sys.stderr)
    local_ids = {s.id for s in settings.tenant.services}
    central = snapshot.source.kind.value if snapshot else "configuration"
    origin_of = {
        s.id: "configuration" if s.id in local_ids else central for s in catalog.services
    }
    source = describe_source(settings, remote, snapshot, refreshed)
    # Exit 1 for a failed refresh or a configuration with errors (the list still shows
    # what could be read, and the problems went to stderr).
    failed = (refreshed is not None and not refreshed.ok) or bool(settings.errors)
    favourites = set(settings.preferences.favourites)
    if args.json:
        groups = [
            {
                "id": category.id,
                "name": category.name.model_dump(),
                "services": [
                    {
                        **service.model_dump(mode="json"),
                        "favourite": service.id in favourites,
                        "origin": origin_of[service.id],
                    }
                    for service in members
                ],
            }
            for category, members in catalog.groups()
        ]
        json.dump(
            {"categories": groups, "source": source}, sys.stdout, indent=2, ensure_ascii=False
        )
        print()
        return 1 if failed else 0
    language = effective_language(settings.preferences.language)
    if not len(catalog):
        print("(no services configured)")
    else:
        width = max(len(s.id) for s in catalog.services)
        for number, (category, members) in enumerate(catalog.groups()):
            if number:
                print()
            print(f"{category.name.get(language)}:")
            for service in members:
                star = "*" if service.id in favourites else " "
                name = service.name.get(language)
                print(f" {star} {service.id:<{width}}  {name:<24} {service.url}")
    print()
    for line in source_lines(source):
        print(line)
    return 1 if failed else 0


def describe_source(
    settings: Settings,
    remote: RemoteCatalog,
    snapshot: CatalogSnapshot | None,
    refreshed: RefreshResult | None,
    now: float | None = None,
) -> dict[str, Any]:
    """Where the catalog came from and how old it is, as a JSON-ready dict."""
    now = time.time() if now is None else now
    config = {"sources": list(settings.it_sources)}
    out: dict[str, Any] = {"configuration": config, "central": None}
    if remote.source is None:
        return out
    central: dict[str, Any] = {
        "kind": remote.source.kind.value,
        "url": remote.source.url,
        "signed": remote.source.signed,
        "cached": snapshot is not None,
    }
    if snapshot is not None:
        central.update(
            version=snapshot.version,
            epoch=snapshot.epoch,
            generated=snapshot.generated,
            services=len(snapshot.services),
            fetched_at=_iso(snapshot.fetched_at),
            checked_at=_iso(snapshot.checked_at),
            age_seconds=round(snapshot.age(now)),
        )
    else:
        rejected = remote.rejected()
        if rejected:
            central["rejected"] = rejected
    if refreshed is not None:
        central["refresh"] = {"result": refreshed.kind.value, "detail": refreshed.detail}
    else:
        failure = remote.last_failure()
        if failure is not None:
            central["last_failure"] = {
                "at": _iso(failure.at), "result": failure.kind, "detail": failure.detail
            }
    out["central"] = central
    return out


def source_lines(source: dict[str, Any]) -> list[str]:
    """The plain-text form of :func:`describe_source`."""
    sources = source["configuration"]["sources"]
    lines = [f"Configuration: {', '.join(sources) if sources else 'built-in defaults'}"]
    central = source["central"]
    if central is None:
        lines.append("Central catalog: not configured")
        return lines
    what = "manifest" if central["kind"] == "manifest" else "Univention portal"
    signed = ", signed" if central["signed"] else ""
    lines.append(f"Central catalog: {what} {central['url']}{signed}")
    if central["cached"]:
        lines.append(
            f"  version {central['version']}"
            + (f" (epoch {central['epoch']})" if central.get("epoch") else "")
            + f", {central['services']} services, "
            f"confirmed {_age(central['age_seconds'])} ago ({central['checked_at']}), "
            f"downloaded {central['fetched_at']}"
            + (f", generated {central['generated']}" if central.get("generated") else "")
        )
    elif central.get("rejected"):
        lines.append(
            f"  a copy exists but was rejected ({central['rejected']}): "
            "the catalog shows the configured services only"
        )
    else:
        lines.append("  no copy yet: the catalog shows the configured services only")
    refresh = central.get("refresh")
    if refresh is not None:
        lines.append(f"  refresh: {refresh['result']}: {refresh['detail']}")
    failure = central.get("last_failure")
    if failure is not None:
        lines.append(
            f"  last refresh failed at {failure['at']} ({failure['result']}): {failure['detail']}"
        )
    return lines


def _iso(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp))


def _age(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    if seconds < 36 * 3600:
        return f"{round(seconds / 3600)} h"
    return f"{round(seconds / 86400)} days"
