# SPDX-License-Identifier: EUPL-1.2
"""The user's preferences file: read it tolerantly, migrate it, write it atomically.

Only values the user set are written; IT presets and defaults stay out of the file.
A file that cannot be read is kept as ``preferences.toml.broken`` before it is replaced.
A symbolic link in the file's place is neither read nor copied: it is reported, and the
next save replaces the link itself with a regular file (its target stays untouched).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

# Reading and validating is imported where it is used: the window builds a
# PreferenceStore before its first paint but writes preferences only later.
from workplace.config.atomic import atomic_write_text, copy_regular_file, file_kind
from workplace.config.paths import Paths
from workplace.config.schema import PREFERENCE_KEYS, Preferences
from workplace.config.settings import ConfigProblem, Origin, Settings

log = logging.getLogger("workplace.config")

CURRENT_VERSION: int = Preferences.model_fields["version"].default

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns the values of a version-n file into version n+1."""

HEADER = (
    "Arbeitsplatz user preferences, written by the launcher.\n"
    "Settings locked by IT are ignored here. See `workplace config show --origin`."
)


class PreferenceLockedError(PermissionError):
    """The user tried to change a preference that IT locked."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the preference {key!r} is locked by IT")
        self.key = key


class PreferenceValueError(ValueError):
    """A preference value that the schema does not accept."""


@dataclass(frozen=True)
class UserFile:
    """The valid values of the user's file, what was wrong with it and whether to back it up."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[ConfigProblem] = field(default_factory=list)
    version: int | None = None
    broken: bool = False


def migrate(values: dict[str, Any], version: int) -> dict[str, Any]:
    """Apply the migrations from ``version`` up to the current version, one step at a time."""
    while version < CURRENT_VERSION:
        step = MIGRATIONS.get(version)
        if step is not None:
            values = step(dict(values))
        version += 1
    return values


def read_user_file(path: Path) -> UserFile:
    """Read the preferences file; a missing file is fine, a bad one gives problems."""
    from workplace.config.locate import format_path
    from workplace.config.sources import read_config_file
    from workplace.config.validate import validate_preferences

    kind = file_kind(path)
    if kind is not None and kind != "a directory":
        return UserFile(problems=[_not_a_file(path, kind)])
    if not path.exists():
        return UserFile()
    parsed = read_config_file(path)
    if isinstance(parsed, list):
        return UserFile(problems=_with_hint(parsed), broken=True)
    raw = dict(parsed.data)
    problems: list[ConfigProblem] = list(parsed.problems)
    version_value = raw.pop("version", 1)
    version = version_value if type(version_value) is int and version_value >= 1 else None
    if version is None:
        problems.append(
            ConfigProblem(
                parsed.path,
                parsed.locations.line_for(("version",)),
                "version",
                f"must be a whole number ≥ 1 (got {version_value!r}); read as {CURRENT_VERSION}",
            )
        )
        version = CURRENT_VERSION
    elif version > CURRENT_VERSION:
        problems.append(
            ConfigProblem(
                parsed.path,
                parsed.locations.line_for(("version",)),
                "version",
                f"written by a newer launcher (version {version}); reading what this one knows",
                "warning",
            )
        )
    values = migrate(raw, version)
    bad: set[str] = set()
    for parts, message in validate_preferences(values):
        bad.add(str(parts[0]))
        problems.append(
            ConfigProblem(
                parsed.path,
                parsed.locations.line_for(parts),
                format_path(parts),
                f"{message}; ignored",
            )
        )
    good = {k: v for k, v in values.items() if k not in bad}
    return UserFile(good, problems, version, broken=bool(problems))


_KIND_DE = {
    "a symbolic link": "eine symbolische Verknüpfung",
    "a special file": "eine Spezialdatei",
    "a directory": "ein Verzeichnis",
}


def _not_a_file(path: Path, kind: str) -> ConfigProblem:
    what, what_de = kind, _KIND_DE.get(kind, kind)
    if kind == "a symbolic link":
        with contextlib.suppress(OSError):
            target = os.readlink(path)
            what, what_de = f"{kind} to {target}", f"{what_de} auf {target}"
    return ConfigProblem(
        str(path),
        None,
        "",
        f"is {what}; the launcher neither reads nor copies what it points to, so your "
        "preferences are ignored. The next change of a setting replaces it with a regular "
        "file (what it points to stays untouched)",
        message_de=f"ist {what_de}; der Launcher liest und kopiert nicht, worauf sie zeigt, "
        "daher gelten Ihre Einstellungen nicht. Die nächste Änderung einer Einstellung "
        "ersetzt sie durch eine normale Datei (worauf sie zeigt, bleibt unverändert)",
    )


def _with_hint(problems: list[ConfigProblem]) -> list[ConfigProblem]:
    return [p._replace(message=f"{p.message}; your preferences are ignored") for p in problems]


class PreferenceStore:
    """Changes the user's preferences and returns the new effective :class:`Settings`."""

    def __init__(self, paths: Paths) -> None:
        self._paths = paths

    @property
    def path(self) -> Path:
        return self._paths.preferences_file

    def save(self, settings: Settings, **changes: Any) -> Settings:
        """Write ``changes`` to the user file atomically; the new settings come back.

        Raises :class:`PreferenceLockedError` for a locked key and
        :class:`PreferenceValueError` for an unknown key or a value of the wrong type.
        """
        from pydantic import ValidationError

        from workplace.config.tomlwrite import dumps

        for key in changes:
            if key not in PREFERENCE_KEYS:
                raise PreferenceValueError(f"unknown preference {key!r}")
            if settings.is_locked(key):
                raise PreferenceLockedError(key)
        try:
            effective = Preferences.model_validate({**settings.preferences.model_dump(), **changes})
        except ValidationError as exc:
            raise PreferenceValueError(str(exc)) from exc
        written = effective.model_dump(mode="json")
        current = read_user_file(self.path)
        if current.broken or (current.version is not None and current.version != CURRENT_VERSION):
            self._backup(current)
        values: dict[str, Any] = {"version": CURRENT_VERSION}
        values.update(current.values)
        values.update({key: written[key] for key in changes})
        kind = file_kind(self.path)
        atomic_write_text(self.path, dumps(values, HEADER))
        if kind is not None:
            log.warning("%s was %s; replaced it with a regular file", self.path, kind)
        origins = dict(settings.origins)
        for key in changes:
            origins[f"preferences.{key}"] = Origin("user", str(self.path))
        return replace(settings, preferences=effective, origins=origins)

    def _backup(self, current: UserFile) -> None:
        if current.broken:
            target = self.path.with_name(self.path.name + ".broken")
        else:
            target = self.path.with_name(f"{self.path.name}.v{current.version}.bak")
        try:
            # Never through a link: a link's target is not the user's file to copy.
            copy_regular_file(self.path, target)
        except FileNotFoundError:
            return
        except OSError as exc:
            log.warning("cannot keep a copy of %s as %s: %s", self.path, target, exc)
