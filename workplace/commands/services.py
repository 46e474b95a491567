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
from typing import TYPE_CHECKING, Any

from workplace.catalog.effective import merge_catalog
from workplace.commands.config import report_problems
from workplace.config.language import effective_language
from workplace.diagnostics.source import describe_source, source_lines

if TYPE_CHECKING:
    from workplace.app import Workplace
    from workplace.catalog.remote import RefreshResult


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


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    settings = workplace.settings
    report_problems(settings)
    refreshed: RefreshResult | None = None
    if getattr(args, "refresh", False):
        # The program's network setup: IT's extra CA bundle and the proxy apply here too.
        refreshed = workplace.refresh_catalog()
        if refreshed is not None:
            workplace.apply_snapshot(refreshed.snapshot)
            for problem in refreshed.problems:
                print(f"workplace: {problem}", file=sys.stderr)
            if not refreshed.ok:
                print(
                    f"workplace: catalog refresh failed ({refreshed.kind.value}): "
                    f"{refreshed.detail}",
                    file=sys.stderr,
                )
    snapshot = workplace.snapshot
    catalog, merge_problems = merge_catalog(settings, snapshot)
    for problem in merge_problems:
        print(f"workplace: {problem}", file=sys.stderr)
    local_ids = {s.id for s in settings.tenant.services}
    central = snapshot.source.kind.value if snapshot else "configuration"
    origin_of = {
        s.id: "configuration" if s.id in local_ids else central for s in catalog.services
    }
    source = describe_source(settings, workplace.remote, snapshot, refreshed)
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
