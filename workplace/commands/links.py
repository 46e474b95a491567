# SPDX-License-Identifier: EUPL-1.2
"""``workplace links``: the launcher as the program for links, and what it does with one.

- ``workplace links default --status`` shows which program opens ``mailto:``,
  ``matrix:``, ``tel:`` and ``arbeitsplatz:`` links for this user;
- ``--enable`` / ``--disable`` make the launcher the user's default for e-mail links
  (``--scheme`` for others) with ``xdg-mime``; for ``mailto`` this is the same as the
  settings switch "E-Mail-Links mit Arbeitsplatz öffnen", so it saves that preference
  too (refused when IT locks it);
- ``workplace links explain URL`` says what the launcher would do with a link, without
  doing it (the same routing on the same catalog as the window).

Opening a link is ``workplace URL`` itself (the window takes it).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from workplace.commands.config import report_problems

if TYPE_CHECKING:
    from workplace.app import Workplace
    from workplace.links.action import Action


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "links",
        help="the launcher as the program for mailto:, matrix:, tel: and arbeitsplatz: links",
        description="Make the launcher the default program for links, or explain what it "
        "does with one. Opening a link is 'workplace URL'.",
    )
    sub = parser.add_subparsers(dest="links_command", metavar="ACTION", required=True)
    default = sub.add_parser(
        "default",
        help="show or change the default program for links (this user)",
        description="Show or change which program opens links for this user (Linux: "
        "xdg-mime). --enable and --disable act on mailto unless --scheme says otherwise; "
        "for mailto they also save the preference mail_links.",
    )
    what = default.add_mutually_exclusive_group()
    what.add_argument("--enable", action="store_true", help="make the launcher the default")
    what.add_argument("--disable", action="store_true", help="stop being the default")
    what.add_argument("--status", action="store_true", help="show the defaults (the default)")
    default.add_argument(
        "--scheme",
        action="append",
        choices=("mailto", "matrix", "tel", "arbeitsplatz"),
        help="the kind of link (repeatable; default mailto, for --status all four)",
    )
    default.set_defaults(handler=run_default)
    explain = sub.add_parser(
        "explain",
        help="say what the launcher would do with a link",
        description="Route a link as the window would, on the same catalog, and say what "
        "would happen, without opening anything. The exit status is 1 if it is refused.",
    )
    explain.add_argument("url", metavar="URL")
    explain.set_defaults(handler=run_explain)


def run_default(args: argparse.Namespace, workplace: Workplace) -> int:
    from workplace.system.linkhandler import MAIL, SCHEMES, LinkHandlerError, set_default, status

    report_problems(workplace.settings)
    change = args.enable or args.disable
    schemes = tuple(args.scheme or (MAIL if change else SCHEMES))
    try:
        if change and "mailto" in schemes:
            settings = workplace.trusted()
            if settings.is_locked("mail_links"):
                if settings.preferences.mail_links != bool(args.enable):
                    print(
                        "workplace: error: your IT department decides which program opens "
                        "e-mail links (mail_links is locked)",
                        file=sys.stderr,
                    )
                    return 1
            else:
                workplace.save_preferences(settings, mail_links=bool(args.enable))
        handlers = set_default(bool(args.enable), schemes).handlers if change else status(schemes)
    except LinkHandlerError as exc:
        print(f"workplace: error: {exc}", file=sys.stderr)
        return 1
    for handler in handlers:
        shown = handler.default or "(none)"
        mark = "  (Arbeitsplatz)" if handler.ours else ""
        print(f"{handler.scheme + ':':14} {shown}{mark}")
    if args.disable and any(h.ours for h in handlers):
        print("note: no other program is set up for these links, so they still come to the "
              "launcher", file=sys.stderr)
    return 0


def describe(action: Action) -> str:
    """One line in English: what the window would do."""
    from workplace.links.action import AskFirst, OpenAddress, OpenService, ShowSearch, StartProgram

    if isinstance(action, OpenService):
        text = f"opens the service {action.service.id} at {action.url}"
        if action.low_bandwidth_url:
            text += f" (with the data saver on: {action.low_bandwidth_url})"
        return text
    if isinstance(action, OpenAddress):
        if action.desktop:
            return f"hands {action.url} to the desktop (softphone)"
        return f"opens {action.url} in the browser"
    if isinstance(action, StartProgram):
        return f"starts the native program {action.app_id} with {action.argument}"
    if isinstance(action, AskFirst):
        return (f"asks first ({action.host} is not a host of the catalog), then opens "
                f"{action.url} in the browser")
    if isinstance(action, ShowSearch):
        return f"shows the window with the search {action.query!r}"
    return f"refuses it ({action.reason.value}): {action.detail}"


def run_explain(args: argparse.Namespace, workplace: Workplace) -> int:
    from workplace.links.action import Refused

    report_problems(workplace.settings)
    action = workplace.route_link(args.url)
    print(describe(action))
    return 1 if isinstance(action, Refused) else 0
