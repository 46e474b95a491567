# SPDX-License-Identifier: EUPL-1.2
"""Map key paths such as ``services[3].url`` to line numbers in TOML and JSON text.

tomllib and json give values but no positions. These scanners walk text that has
already parsed successfully and record the line where every key and array element
starts, so a problem can be reported as ``file:line: key.path: message``.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import json.decoder
import re
from collections.abc import Callable, Iterable, Sequence
from typing import cast

PathPart = str | int

# json's own string scanner: exact JSON string rules, and positions come back with it.
scanstring = cast(Callable[[str, int, bool], tuple[str, int]], vars(json.decoder)["scanstring"])

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def format_path(parts: Iterable[PathPart]) -> str:
    """``("services", 3, "url")`` -> ``services[3].url``; odd keys are quoted, TOML style."""
    out: list[str] = []
    for part in parts:
        if isinstance(part, int):
            out.append(f"[{part}]")
            continue
        text = part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
        out.append(f".{text}" if out else text)
    return "".join(out)


class Locations:
    """Line numbers of key paths in one file, with fallback to the nearest known parent.

    Built lazily: a file that has no problem is never scanned for positions.
    """

    def __init__(
        self,
        lines: dict[tuple[PathPart, ...], int] | None = None,
        compute: Callable[[], Locations] | None = None,
    ) -> None:
        self._lines = lines
        self._duplicates: list[tuple[str, int]] = []
        self._compute = compute

    def _ensure(self) -> dict[tuple[PathPart, ...], int]:
        if self._lines is None:
            if self._compute is None:
                self._lines = {}
            else:
                found = self._compute()
                self._lines, self._duplicates = found.lines, found.duplicates
        return self._lines

    @property
    def lines(self) -> dict[tuple[PathPart, ...], int]:
        return self._ensure()

    @property
    def duplicates(self) -> list[tuple[str, int]]:
        """Keys that occur twice in one JSON object, as (key path, line)."""
        self._ensure()
        return self._duplicates

    def line_for(self, parts: Sequence[PathPart]) -> int | None:
        lines = self._ensure()
        key = tuple(parts)
        for end in range(len(key), 0, -1):
            line = lines.get(key[:end])
            if line is not None:
                return line
        return None


class _Text:
    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line_at(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def peek(self, n: int = 1) -> str:
        return self.s[self.i : self.i + n]

    def at_end(self) -> bool:
        return self.i >= len(self.s)


# --------------------------------------------------------------------------- TOML


class _TomlScanner(_Text):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.loc = Locations({})
        self.array_tables: dict[tuple[PathPart, ...], int] = {}

    def record(self, parts: Sequence[PathPart], pos: int) -> None:
        self.loc.lines.setdefault(tuple(parts), self.line_at(pos))

    def skip_blank(self, newlines: bool) -> None:
        while not self.at_end():
            c = self.s[self.i]
            if c in " \t\r" or (newlines and c == "\n"):
                self.i += 1
            elif c == "#":
                end = self.s.find("\n", self.i)
                self.i = len(self.s) if end < 0 else end
            else:
                return

    def scan(self) -> Locations:
        table: tuple[PathPart, ...] = ()
        while True:
            self.skip_blank(newlines=True)
            if self.at_end():
                return self.loc
            start = self.i
            if self.peek(2) == "[[":
                self.i += 2
                keys = self.keys("]")
                self.i += 2
                parent = self.resolve(keys[:-1])
                name = (*parent, keys[-1])
                index = self.array_tables.get(name, 0)
                self.array_tables[name] = index + 1
                table = (*name, index)
                self.record(name, start)
                self.record(table, start)
            elif self.peek() == "[":
                self.i += 1
                keys = self.keys("]")
                self.i += 1
                table = self.resolve(keys)
                self.record(table, start)
            else:
                keys = self.keys("=")
                self.i += 1
                for n in range(1, len(keys) + 1):
                    self.record((*table, *keys[:n]), start)
                self.value((*table, *keys))
            self.skip_line()

    def skip_line(self) -> None:
        end = self.s.find("\n", self.i)
        self.i = len(self.s) if end < 0 else end + 1

    def resolve(self, keys: Sequence[str]) -> tuple[PathPart, ...]:
        path: tuple[PathPart, ...] = ()
        for key in keys:
            path = (*path, key)
            count = self.array_tables.get(path)
            if count:
                path = (*path, count - 1)
        return path

    def keys(self, stop: str) -> list[str]:
        keys: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            c = self.peek()
            if c == '"':
                keys.append(self.basic_string())
            elif c == "'":
                end = self.s.index("'", self.i + 1)
                keys.append(self.s[self.i + 1 : end])
                self.i = end + 1
            else:
                match = _BARE_KEY.match(self.s, self.i)
                if match is None:
                    raise ValueError(f"unexpected {c!r} in a key")
                keys.append(match.group())
                self.i = match.end()
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.i += 1
                continue
            if self.peek() == stop:
                return keys
            raise ValueError(f"expected {stop!r} after key")

    def basic_string(self) -> str:
        value, end = scanstring(self.s, self.i + 1, False)
        self.i = end
        return value

    def value(self, path: tuple[PathPart, ...]) -> None:
        self.skip_blank(newlines=False)
        c = self.peek()
        if self.peek(3) in ('"""', "'''"):
            quote = self.peek(3)
            pos = self.i + 3
            while True:
                end = self.s.index(quote, pos)
                if quote == '"""' and _escaped(self.s, end):
                    pos = end + 1
                    continue
                break
            self.i = end + 3
            while self.peek() == quote[0]:  # up to two quotes may end the content
                self.i += 1
        elif c == '"':
            pos = self.i + 1
            while True:
                end = self.s.index('"', pos)
                if _escaped(self.s, end):
                    pos = end + 1
                    continue
                break
            self.i = end + 1
        elif c == "'":
            self.i = self.s.index("'", self.i + 1) + 1
        elif c == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if self.peek() == "]":
                    self.i += 1
                    return
                self.record((*path, index), self.i)
                self.value((*path, index))
                index += 1
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.i += 1
        elif c == "{":
            self.i += 1
            while True:
                self.skip_blank(newlines=False)
                if self.peek() == "}":
                    self.i += 1
                    return
                start = self.i
                keys = self.keys("=")
                self.i += 1
                for n in range(1, len(keys) + 1):
                    self.record((*path, *keys[:n]), start)
                self.value((*path, *keys))
                self.skip_blank(newlines=False)
                if self.peek() == ",":
                    self.i += 1
        else:
            match = re.compile(r"[^,\]}\n#]*").match(self.s, self.i)
            self.i = match.end() if match else self.i + 1


def _escaped(text: str, quote_pos: int) -> bool:
    backslashes = 0
    pos = quote_pos - 1
    while pos >= 0 and text[pos] == "\\":
        backslashes += 1
        pos -= 1
    return backslashes % 2 == 1


def _scan_toml(text: str) -> Locations:
    scanner = _TomlScanner(text)
    try:
        return scanner.scan()
    except (ValueError, IndexError):
        return scanner.loc


def locate_toml(text: str) -> Locations:
    """Lines of every key path in valid TOML ``text``; partial (never raises) on odd input."""
    return Locations(compute=lambda: _scan_toml(text))


# --------------------------------------------------------------------------- JSON

_JSON_SCALAR = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null")


class _JsonScanner(_Text):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.loc = Locations({})

    def ws(self) -> None:
        while not self.at_end() and self.s[self.i] in " \t\r\n":
            self.i += 1

    def value(self, path: tuple[PathPart, ...]) -> None:
        self.ws()
        c = self.peek()
        if c == "{":
            self.i += 1
            seen: set[str] = set()
            while True:
                self.ws()
                if self.peek() == "}":
                    self.i += 1
                    return
                if self.peek() == ",":
                    self.i += 1
                    continue
                start = self.i
                key, self.i = scanstring(self.s, self.i + 1, True)
                child = (*path, key)
                line = self.line_at(start)
                if key in seen:
                    self.loc.duplicates.append((format_path(child), line))
                seen.add(key)
                self.loc.lines[child] = line
                self.ws()
                self.i += 1  # the colon
                self.value(child)
        elif c == "[":
            self.i += 1
            index = 0
            while True:
                self.ws()
                if self.peek() == "]":
                    self.i += 1
                    return
                if self.peek() == ",":
                    self.i += 1
                    continue
                self.loc.lines.setdefault((*path, index), self.line_at(self.i))
                self.value((*path, index))
                index += 1
        elif c == '"':
            _, self.i = scanstring(self.s, self.i + 1, True)
        else:
            match = _JSON_SCALAR.match(self.s, self.i)
            if match is None:
                raise ValueError(f"unexpected {c!r}")
            self.i = match.end()


def _scan_json(text: str) -> Locations:
    scanner = _JsonScanner(text)
    with contextlib.suppress(ValueError, IndexError):
        scanner.value(())
    return scanner.loc


def locate_json(text: str) -> Locations:
    """Lines of every key path in valid JSON ``text``, plus keys that occur twice in an object."""
    return Locations(compute=lambda: _scan_json(text))
