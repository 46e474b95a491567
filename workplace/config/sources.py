# SPDX-License-Identifier: EUPL-1.2
"""Reading one configuration file: size limit, encoding, format, syntax errors with lines."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workplace.config.locate import Locations, locate_json, locate_toml
from workplace.config.settings import ConfigProblem

MAX_FILE_BYTES = 1024 * 1024
"""Configuration files larger than this are refused unread (1 MiB)."""

SUFFIXES = (".toml", ".json")


@dataclass(frozen=True)
class ParsedFile:
    """A configuration file that parsed: its data, where its keys are, and its problems."""

    path: str
    data: dict[str, Any]
    locations: Locations
    problems: list[ConfigProblem] = field(default_factory=list)
    empty: bool = False


def read_text(path: Path, *, display: str | None = None) -> tuple[str | None, list[ConfigProblem]]:
    """The UTF-8 text of ``path``, or None and the problems that prevented reading it."""
    shown = display or str(path)

    def fail(message: str, line: int | None = None) -> tuple[None, list[ConfigProblem]]:
        return None, [ConfigProblem(shown, line, "", message)]

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return fail("file not found")
    except IsADirectoryError:
        return fail("is a directory, not a file")
    except PermissionError:
        return fail("permission denied: cannot read the file")
    except OSError as exc:
        return fail(f"cannot read the file: {exc.strerror or exc}")
    if len(data) > MAX_FILE_BYTES:
        return fail(
            f"file is larger than {MAX_FILE_BYTES // 1024} KiB; "
            "a configuration file this big is refused unread"
        )
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM, as some Windows editors write
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        return fail(f"not UTF-8 text: byte 0x{byte:02x} cannot be decoded; save as UTF-8", line)


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse_text(text: str, shown: str, suffix: str) -> ParsedFile | list[ConfigProblem]:
    """Parse TOML or JSON ``text``; syntax errors come back as problems with their line."""
    if not text.strip() or (suffix == ".toml" and _only_comments(text)):
        return ParsedFile(shown, {}, Locations(), empty=True)
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            match = _TOML_POSITION.search(message)
            line = int(match.group(1)) if match else None
            message = _TOML_POSITION.sub("", message)
            if match:
                message = f"{message} (column {match.group(2)})"
            return [ConfigProblem(shown, line, "", f"TOML syntax error: {message}")]
        except RecursionError:
            return [ConfigProblem(shown, None, "", "TOML syntax error: nested too deeply")]
        try:
            locations = locate_toml(text)
        except RecursionError:  # pragma: no cover - the parser refuses such files first
            locations = Locations()
        return ParsedFile(shown, data, locations)
    duplicated = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(items)
        duplicated = duplicated or len(result) != len(items)
        return result

    try:
        value = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        return [
            ConfigProblem(
                shown, exc.lineno, "", f"JSON syntax error: {exc.msg} (column {exc.colno})"
            )
        ]
    except RecursionError:
        return [ConfigProblem(shown, None, "", "JSON syntax error: nested too deeply")]
    if not isinstance(value, dict):
        return [ConfigProblem(shown, 1, "", "the top level must be a JSON object { ... }")]
    try:
        locations = locate_json(text)
    except RecursionError:
        locations = Locations()
    problems = [
        ConfigProblem(shown, line, path, "key appears twice; only the last one counts", "warning")
        for path, line in (locations.duplicates if duplicated else ())
    ]
    return ParsedFile(shown, value, locations, problems)


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def read_config_file(path: Path, *, display: str | None = None) -> ParsedFile | list[ConfigProblem]:
    """Read and parse one TOML or JSON configuration file. Never raises for bad input."""
    shown = display or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return [
            ConfigProblem(
                shown,
                None,
                "",
                f"unknown file type {path.suffix or '(none)'!r}; use .toml or .json",
            )
        ]
    text, problems = read_text(path, display=shown)
    if text is None:
        return problems
    return parse_text(text, shown, suffix)
