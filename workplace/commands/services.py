# SPDX-License-Identifier: EUPL-1.2
"""``workplace services [--json]``: the effective catalog, grouped by category."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from workplace.catalog.catalog import Catalog
from workplace.commands.config import report_problems
from workplace.config.language import effective_language
from workplace.config.loader import load_settings, resolve_override
from workplace.config.paths import Paths


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "services",
        help="list the effective catalog",
        description="List the services of the effective configuration, grouped by category.",
    )
    parser.add_argument("--json", action="store_true", help="as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(Paths.from_environment(), resolve_override(args.config))
    report_problems(settings)
    catalog = Catalog.from_settings(settings)
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
                    }
                    for service in members
                ],
            }
            for category, members in catalog.groups()
        ]
        json.dump({"categories": groups}, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    language = effective_language(settings.preferences.language)
    if not len(catalog):
        print("(no services configured)")
        return 0
    width = max(len(s.id) for s in catalog.services)
    for number, (category, members) in enumerate(catalog.groups()):
        if number:
            print()
        print(f"{category.name.get(language)}:")
        for service in members:
            star = "*" if service.id in favourites else " "
            name = service.name.get(language)
            print(f" {star} {service.id:<{width}}  {name:<24} {service.url}")
    return 0
