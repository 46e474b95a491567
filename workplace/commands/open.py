# SPDX-License-Identifier: EUPL-1.2
"""``workplace open SERVICE_ID``: launch one service as the window would.

The service is looked up in the effective catalog the program builds (the
configuration plus the cached central catalog): exactly what ``workplace services``
lists and the window shows.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from workplace.catalog.launch import LaunchError
from workplace.commands.config import report_problems

if TYPE_CHECKING:
    from workplace.app import Workplace


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "open",
        help="launch a service",
        description="Open a service in the browser, or start its native application.",
    )
    parser.add_argument("service_id", metavar="SERVICE_ID")
    parser.add_argument(
        "--low-bandwidth", action="store_true", help="open the low-bandwidth address if it has one"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    report_problems(workplace.settings)
    catalog = workplace.catalog
    service = catalog.get(args.service_id)
    if service is None:
        message = f"workplace: error: unknown service {args.service_id!r}"
        close = catalog.close_matches(args.service_id)
        if close:
            message += f"; did you mean: {', '.join(s.id for s in close)}?"
        elif len(catalog):
            message += f"; known services: {', '.join(s.id for s in catalog.services)}"
        print(message, file=sys.stderr)
        return 1
    try:
        launched = workplace.launch(service, low_bandwidth=args.low_bandwidth)
    except LaunchError as exc:
        print(f"workplace: error: cannot open {service.id}: {exc}", file=sys.stderr)
        return 1
    workplace.record_launch(service.id)
    print(f"opened {service.id}: {launched.target}")
    return 0
