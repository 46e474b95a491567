# SPDX-License-Identifier: EUPL-1.2
"""``workplace status [--json]``: who is signed in and until when. Never token values."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from workplace.commands._auth import auth_service, describe, not_configured

if TYPE_CHECKING:
    from workplace.app import Workplace


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "status", help="show who is signed in",
        description="Show who is signed in, until when the session holds and the keyring used.",
    )
    parser.add_argument("--json", action="store_true", help="as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, workplace: Workplace) -> int:
    service = auth_service(workplace)
    if service is None:
        state = not_configured()
    else:
        try:
            state = service.restore()
        finally:
            service.close()
    if args.json:
        print(json.dumps({
            "status": state.status.value,
            "signed_in": state.signed_in,
            "name": state.display_name,
            "email": state.email,
            "subject": state.subject,
            "expires_at": state.expires_at,
            "session_until": state.session_until,
            "keyring": state.keyring_backend,
            "reason": state.reason.value if state.reason else None,
            "detail": state.detail,
        }, ensure_ascii=False, indent=2))
    else:
        print(describe(state))
    return 0 if state.signed_in else 1
