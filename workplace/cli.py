# SPDX-License-Identifier: EUPL-1.2
"""The ``workplace`` command line: the window by default, and commands for IT and scripts.

``workplace URL`` (a ``mailto:``, ``matrix:``, ``tel:``, meeting or ``arbeitsplatz://``
link; what the desktop file's ``Exec=workplace %u`` runs) hands the link to the running
window, or starts it and then follows the link (``workplace/links``).

Each command lives in ``workplace/commands/<name>.py`` with ``register(subparsers)``
and is imported only when needed, so ``workplace --version`` stays instant. A
command's handler takes the arguments and the :class:`~workplace.app.Workplace` the
composition root builds (configuration from the IT sources, network setup, effective
catalog, launcher, stores, sign-in); a handler registered with ``standalone=True``
(checking a file, printing the schema, the self test that builds its own window)
takes the arguments only.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from workplace import __version__

COMMANDS = (
    "config", "services", "open", "selftest", "login", "logout", "status", "doctor", "links",
)
_LINK = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]+:")
"""A word with a scheme of two letters or more (``C:`` is a Windows drive, not a link)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"workplace: error: {message}\n")


def _requested_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (skipping global options), or None."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--config")
    known, rest = pre.parse_known_args(list(argv))
    del known
    for word in rest:
        if not word.startswith("-"):
            return word
    return None


def split_link(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``argv`` without the link of ``workplace [options] URL``, and that link (or None).

    Only the first word that is not an option (nor the value of ``--config``) can be
    the link; a command name never is one.
    """
    words = list(argv)
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        if word == "--config":
            skip = True
            continue
        if word.startswith("-"):
            continue
        if word not in COMMANDS and _LINK.match(word):
            return words[:index] + words[index + 1 :], word
        return words, None
    return words, None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the command it names is imported (fast start)."""
    parser = _Parser(
        prog="workplace",
        description="Arbeitsplatz, the workplace launcher.",
        epilog="workplace URL opens a mailto:, matrix:, tel:, meeting or arbeitsplatz:// link "
        "in the organisation's own service (the running window takes it over).",
    )
    parser.add_argument("--version", action="version", version=f"workplace {__version__}")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="IT configuration file; replaces the system-wide files (env: WORKPLACE_CONFIG)",
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging on stderr")
    parser.add_argument(
        "--log-json", action="store_true", help="structured (JSON lines) logging on stderr"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _requested_command(argv) if argv is not None else None
    names: tuple[str, ...] = (wanted,) if wanted in COMMANDS else COMMANDS
    if argv is not None and wanted is None and not {"-h", "--help"} & set(argv):
        names = ()  # the window: no command module is needed before the first paint
    for name in names:
        try:
            module = importlib.import_module(f"workplace.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"workplace.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def _display_available() -> bool:
    """False on Linux/BSD without a display, where Qt would abort with a core dump."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    env = os.environ
    return bool(env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def _run_with_workplace(handler: Any, args: argparse.Namespace) -> int:
    from workplace.app import Workplace
    from workplace.config.paths import resolve_override

    workplace = Workplace.build(resolve_override(args.config))
    try:
        return int(handler(args, workplace))
    finally:
        workplace.close()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from workplace.config.trustcheck import ARGUMENT

    if args_list[:1] == [ARGUMENT]:  # the launcher's own check of its settings
        from workplace.commands.trustcheck import child_main

        return child_main(args_list[1:])
    if args_list in (["--version"], ["-V"]):
        print(f"workplace {__version__}")
        return 0
    args_list, link = split_link(args_list)
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    args.link = link
    from workplace.logsetup import setup_logging

    setup_logging(debug=args.debug, json_lines=args.log_json)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            if not _display_available():
                print(
                    "workplace: error: no display found (neither DISPLAY nor WAYLAND_DISPLAY "
                    "is set). Start the launcher from a desktop session; for a check without "
                    "a screen use 'workplace selftest'.",
                    file=sys.stderr,
                )
                return 1
            from workplace.commands.run import run_window

            return run_window(args)
        if getattr(args, "standalone", False):
            return int(handler(args))
        return _run_with_workplace(handler, args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # stdout went away (``workplace config show | head``): not an error worth a message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # the user never sees a traceback
        # A bug: the helpdesk's JSON log keeps its traceback as an ERROR entry; on a
        # terminal it stays behind --debug, the user reads one line.
        level = logging.ERROR if args.log_json else logging.DEBUG
        logging.getLogger("workplace").log(level, "unhandled error", exc_info=True)
        print(f"workplace: error: {exc}", file=sys.stderr)
        return 1
