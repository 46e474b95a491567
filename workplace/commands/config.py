# SPDX-License-Identifier: EUPL-1.2
"""``workplace config check|show|schema``: validate files, show values, print the schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.config.loader import inspect_file
from workplace.config.locate import format_path
from workplace.config.preferences import read_user_file
from workplace.config.schema import tenant_json_schema
from workplace.config.settings import ConfigProblem, Settings

if TYPE_CHECKING:
    from workplace.app import Workplace


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "config",
        help="check, show or describe the configuration",
        description="Check configuration files, show the effective configuration, "
        "print the schema.",
    )
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION", required=True)

    check = sub.add_parser(
        "check",
        help="validate IT configuration files",
        description="Validate configuration files. Prints every problem as "
        "file:line: key.path: message and exits 1; prints OK and exits 0 for a valid file.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    check.add_argument(
        "--preferences",
        action="store_true",
        help="the files are user preference files, not IT configuration",
    )
    check.set_defaults(handler=run_check, standalone=True)

    show = sub.add_parser(
        "show", help="print the effective configuration",
        description="Print the effective configuration. Problems go to stderr; the exit "
        "status is 1 if a configuration file has errors (what is in effect is printed "
        "all the same).")
    show.add_argument("--origin", action="store_true", help="with each value's layer and source")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.set_defaults(handler=run_show)

    schema = sub.add_parser("schema", help="print the JSON Schema of IT configuration files")
    schema.set_defaults(handler=run_schema, standalone=True)


def run_check(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        if args.preferences:
            user = read_user_file(path)
            problems = list(user.problems)
            if not path.exists():
                problems.append(ConfigProblem(str(path), None, "", "file not found"))
            empty = False
        else:
            report = inspect_file(path)
            problems, empty = report.problems, report.empty
        for problem in problems:
            print(problem)
        if any(p.is_error for p in problems):
            failed = True
            continue
        prefix = f"{path}: " if len(args.files) > 1 else ""
        warnings = sum(1 for p in problems if not p.is_error)
        note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
        if empty:
            note += " (empty file: an empty tenant with no services; all values are defaults)"
        print(f"{prefix}OK{note}")
    return 1 if failed else 0


def report_problems(settings: Settings) -> None:
    """Configuration problems go to stderr, so the output on stdout stays clean."""
    for problem in settings.problems:
        print(f"workplace: {problem}", file=sys.stderr)


def effective_values(settings: Settings) -> dict[str, Any]:
    tenant = settings.tenant.model_dump(mode="json", exclude={"preferences"})
    return {**tenant, "preferences": settings.preferences.model_dump(mode="json")}


def _flatten(value: Any, path: tuple[str | int, ...]) -> list[tuple[str, Any]]:
    if isinstance(value, dict) and value:
        return [item for k, v in value.items() for item in _flatten(v, (*path, k))]
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [item for i, v in enumerate(value) for item in _flatten(v, (*path, i))]
    return [(format_path(path), value)]


def run_show(args: argparse.Namespace, workplace: Workplace) -> int:
    settings = workplace.settings
    report_problems(settings)
    values = effective_values(settings)
    if args.json:
        document: dict[str, Any] = {
            "configuration": values,
            "locked": sorted(settings.locked),
            "it_sources": list(settings.it_sources),
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "path": p.path,
                    "message": p.message,
                    "severity": p.severity,
                }
                for p in settings.problems
            ],
        }
        if args.origin:
            document["origins"] = {
                key: {"layer": settings.origin(key).layer, "source": settings.origin(key).source}
                for key, _ in _flatten(values, ())
            }
        json.dump(document, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 1 if settings.errors else 0
    for key, value in _flatten(values, ()):
        line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
        if args.origin:
            origin = settings.origin(key)
            locked = " (locked)" if origin.layer == "policy" else ""
            line = f"{line}  # {origin.layer}: {origin.source}{locked}"
        print(line)
    # What is in effect is printed either way; errors in the files make the exit status 1.
    return 1 if settings.errors else 0


def run_schema(args: argparse.Namespace) -> int:
    json.dump(tenant_json_schema(), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0
