# SPDX-License-Identifier: EUPL-1.2
"""``workplace logout``: forget the session here, revoke it and end it at the provider."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workplace.commands._auth import auth_service

if TYPE_CHECKING:
    from workplace.app import Workplace


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "logout", help="sign out",
        description="Sign out: wipe the remembered session, revoke it, end the provider session.",
    )
    parser.set_defaults(handler=run)


FINISH_SECONDS = 60.0


def _forget_integrations(workplace: Workplace, service: Any) -> None:
    """The integrations' own secrets go with the session: the chat's device is logged
    out at the homeserver, application passwords are wiped."""
    from workplace.app import build_integrations

    integrations = build_integrations(workplace, service)
    if integrations is not None:
        integrations.forget()


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    service = auth_service(workplace)
    if service is None:
        print("Not signed in: no identity provider is configured for this organisation.")
        return 0
    try:
        service.restore()  # a fresh ID token for the logout hint, if reachable
        _forget_integrations(workplace, service)
        service.sign_out()
        print("Signed out here.", flush=True)
        finished = service.finish_sign_out(0)
        if finished is False:  # a browser is ending the provider session
            print("Finishing the sign-out at your organisation in the browser …", flush=True)
            finished = service.finish_sign_out(FINISH_SECONDS)
        if finished:
            print("Signed out at your organisation too.")
        elif finished is False:
            print("The browser did not come back; close it to end that session too.")
    finally:
        service.close()
    return 0
