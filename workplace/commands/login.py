# SPDX-License-Identifier: EUPL-1.2
"""``workplace login [--device]``: sign in through the browser, or with a code."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TYPE_CHECKING, Any

from workplace.commands._auth import auth_service, describe

if TYPE_CHECKING:
    from workplace.app import Workplace


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "login", help="sign in", description="Sign in with the organisation's identity provider."
    )
    parser.add_argument(
        "--device", action="store_true",
        help="sign in with a code on another device (no browser needed here)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    from workplace.auth.errors import AuthError, AuthErrorKind
    from workplace.auth.state import AuthStatus

    service = auth_service(workplace)
    if service is None:
        print(f"workplace: sign-in failed: {AuthError(AuthErrorKind.NOT_CONFIGURED)}",
              file=sys.stderr)
        return 1
    cancel = threading.Event()
    try:
        if args.device:
            challenge = service.start_device()
            target = challenge.verification_uri_complete or challenge.verification_uri
            print(f"Open {target} and enter the code {challenge.user_code}", flush=True)
            state = service.poll_device(challenge, cancel)
        else:
            print("Signing in in your web browser …", file=sys.stderr, flush=True)
            state = service.sign_in(cancel)
    except AuthError as exc:
        print(f"workplace: sign-in failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        cancel.set()
        print("workplace: sign-in cancelled", file=sys.stderr)
        return 130
    finally:
        service.close()
    print(state.display_name)
    if state.status != AuthStatus.SIGNED_IN:
        print(f"workplace: {describe(state)}", file=sys.stderr)
    return 0
