# SPDX-License-Identifier: EUPL-1.2
"""``workplace logout``: forget the session here, revoke it and end it at the provider."""

from __future__ import annotations

import argparse
from typing import Any

from workplace.commands._auth import auth_service


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "logout", help="sign out",
        description="Sign out: wipe the remembered session, revoke it, end the provider session.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = auth_service(args)
    try:
        service.restore()  # a fresh ID token for the logout hint, if reachable
        service.sign_out()
    finally:
        service.close()
    print("Signed out.")
    return 0
