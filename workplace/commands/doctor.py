# SPDX-License-Identifier: EUPL-1.2
"""``workplace doctor [--json]``: what the helpdesk asks first, checked in one go.

The report itself is :mod:`workplace.diagnostics` (the window copies the same one
about its running session); here the profile is detected and every service probed
now. It never shows a secret. Exit status 0 when all is well, 1 when anything is
wrong (the ``problems`` list says what).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from workplace.diagnostics import render

if TYPE_CHECKING:
    from workplace.app import Workplace


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


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    report = workplace.diagnostics(metered=bool(getattr(args, "metered", False)), fresh=True)
    rows = _integrations(workplace)
    if rows is not None:
        report["integrations"] = rows
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for line in render(report):
            print(line)
        if rows:
            from workplace.integrations.doctor import lines

            print()
            print("Integrations (the current token, checked on this computer):")
            for line in lines(rows):
                print(line)
    return 0 if report["ok"] else 1


def _integrations(workplace: Workplace) -> list[dict[str, Any]] | None:
    """Per integration: does the signed-in user's token carry what it needs? None when
    IT has switched no integration on. "Not available for this user" is a line here,
    not a problem: a user without the app's group is expected not to have it."""
    from workplace.app import build_integrations

    if not workplace.trusted().tenant.integrations.enabled():
        return None
    from workplace.integrations.doctor import token_report

    auth = workplace.auth()
    try:
        if auth is not None:
            auth.restore()
        integrations = build_integrations(workplace, auth)
        return token_report(integrations, auth) if integrations is not None else None
    finally:
        if auth is not None:
            auth.close()
