# SPDX-License-Identifier: EUPL-1.2
"""Start at login: XDG autostart on Linux, the Run key on Windows, a LaunchAgent on macOS.

All three share one small interface (:class:`Autostart`): ``enabled()``,
``enable(command)`` and ``disable()``. :func:`sync_start_at_login` makes the system
match the ``start_at_login`` preference; the GUI calls it at start and when the
preference changes (and not at all when IT locked it off and the system agrees).

- Linux: ``$XDG_CONFIG_HOME/autostart/de.arbeitsplatz.Workplace.desktop``. The .deb
  ships ``/etc/xdg/autostart/`` with a file of the same name and ``Hidden=true``; the
  user's file overrides it, so "off" writes ``Hidden=true`` when a system file would
  otherwise start the launcher, and removes the user file when nothing would.
- Windows: value ``Arbeitsplatz`` under ``HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run``. A machine-wide value set by the MSI (``AUTOSTART=1``) is
  reported but not changed (that is IT's; Windows lets users switch it off in Task
  Manager).
- macOS: ``~/Library/LaunchAgents/de.arbeitsplatz.Workplace.plist`` with ``RunAtLoad``.
"""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

APP_ID = "de.arbeitsplatz.Workplace"
DESKTOP_FILE = f"{APP_ID}.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Arbeitsplatz"
AGENT_FILE = f"{APP_ID}.plist"


class Autostart(Protocol):
    """One platform's start-at-login mechanism."""

    @property
    def where(self) -> str:
        """Where the setting lives, for doctor (a path or a registry key)."""
        ...

    def enabled(self) -> bool: ...
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...


def launch_command() -> list[str]:
    """How to start this installation: the bundle's executable, ``workplace`` on PATH,
    or this Python running the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    found = shutil.which("workplace")
    if found:
        return [found]
    return [sys.executable, "-m", "workplace"]


@dataclass(frozen=True)
class SyncResult:
    enabled: bool
    changed: bool
    where: str
    note: str = ""


def sync_start_at_login(
    wanted: bool, autostart: Autostart, command: Sequence[str] | None = None
) -> SyncResult:
    """Make the system start the launcher at login exactly when ``wanted``."""
    before = autostart.enabled()
    if wanted:
        autostart.enable(command or launch_command())
    elif before:
        autostart.disable()
    after = autostart.enabled()
    note = ""
    if after != wanted:
        note = "start at login is set machine-wide by IT and cannot be changed here"
    return SyncResult(after, before != after, autostart.where, note)


# --------------------------------------------------------------------------- Linux


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument (Desktop Entry Specification, "The Exec key")."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def _desktop_values(path: Path) -> dict[str, str]:
    """The [Desktop Entry] keys of a file (no locale handling needed here)."""
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return values
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            group = line
            continue
        if group == "[Desktop Entry]" and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def _starts(values: dict[str, str]) -> bool:
    if not values:
        return False
    if values.get("Hidden", "false").lower() == "true":
        return False
    return values.get("X-GNOME-Autostart-enabled", "true").lower() != "false"


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart``, overriding files in ``$XDG_CONFIG_DIRS/autostart``."""

    def __init__(
        self, config_home: Path | None = None, config_dirs: Sequence[Path] | None = None
    ) -> None:
        if config_home is None:
            config_home = Path(
                os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
            )
        if config_dirs is None:
            raw = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
            config_dirs = [Path(p) for p in raw.split(os.pathsep) if p]
        self.user_file = config_home / "autostart" / DESKTOP_FILE
        self.system_files = [d / "autostart" / DESKTOP_FILE for d in config_dirs]

    @property
    def where(self) -> str:
        return str(self.user_file)

    def _system_values(self) -> dict[str, str]:
        for path in self.system_files:  # the first directory wins
            if path.is_file():
                return _desktop_values(path)
        return {}

    def enabled(self) -> bool:
        if self.user_file.is_file():
            return _starts(_desktop_values(self.user_file))
        return _starts(self._system_values())

    def enable(self, command: Sequence[str]) -> None:
        self._write(command, hidden=False)

    def disable(self) -> None:
        if _starts(self._system_values()):
            self._write(launch_command(), hidden=True)  # override IT's "on" for this user
        else:
            self.user_file.unlink(missing_ok=True)

    def _write(self, command: Sequence[str], *, hidden: bool) -> None:
        from workplace.config.atomic import atomic_write_text

        exec_line = " ".join(_desktop_quote(a) for a in command)
        text = (
            "[Desktop Entry]\n"
            "# Written by Arbeitsplatz (Settings: start at login).\n"
            "Type=Application\n"
            "Name=Arbeitsplatz\n"
            "Name[en]=Workplace\n"
            "Comment=Start Arbeitsplatz at login\n"
            "Comment[de]=Arbeitsplatz bei der Anmeldung starten\n"
            f"Exec={exec_line}\n"
            f"Icon={APP_ID}\n"
            "Terminal=false\n"
            "NoDisplay=true\n"
            f"Hidden={'true' if hidden else 'false'}\n"
            f"X-GNOME-Autostart-enabled={'false' if hidden else 'true'}\n"
            "X-GNOME-Autostart-Delay=2\n"
        )
        self.user_file.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.user_file, text, mode=0o644)


# --------------------------------------------------------------------------- Windows


class WinRegistry(Protocol):
    """The part of :mod:`winreg` used here; tests pass a fake."""

    HKEY_CURRENT_USER: int
    HKEY_LOCAL_MACHINE: int
    KEY_READ: int
    KEY_SET_VALUE: int
    REG_SZ: int

    def OpenKey(self, key: Any, sub_key: str, reserved: int = 0, access: int = ...) -> Any: ...
    def CreateKeyEx(
        self, key: Any, sub_key: str, reserved: int = 0, access: int = ...
    ) -> Any: ...
    def QueryValueEx(self, key: Any, name: str) -> tuple[Any, int]: ...
    def SetValueEx(self, key: Any, name: str, reserved: int, kind: int, value: Any) -> None: ...
    def DeleteValue(self, key: Any, name: str) -> None: ...


class WindowsAutostart:
    """``HKCU\\...\\CurrentVersion\\Run``, value ``Arbeitsplatz``."""

    def __init__(self, registry: WinRegistry | None = None) -> None:
        if registry is None:  # pragma: no cover - Windows only
            import winreg

            registry = winreg  # type: ignore[assignment]
        assert registry is not None
        self._reg = registry

    @property
    def where(self) -> str:
        return f"HKCU\\{RUN_KEY}\\{RUN_VALUE}"

    def _value(self, hive: int) -> str | None:
        try:
            with self._reg.OpenKey(hive, RUN_KEY, 0, self._reg.KEY_READ) as key:
                value, _kind = self._reg.QueryValueEx(key, RUN_VALUE)
        except OSError:
            return None
        return str(value) if value else None

    @property
    def machine_wide(self) -> bool:
        """The MSI's ``AUTOSTART=1`` (HKLM): IT's, not changed here."""
        return self._value(self._reg.HKEY_LOCAL_MACHINE) is not None

    def enabled(self) -> bool:
        return self._value(self._reg.HKEY_CURRENT_USER) is not None or self.machine_wide

    def enable(self, command: Sequence[str]) -> None:
        line = subprocess.list2cmdline(list(command))
        with self._reg.CreateKeyEx(
            self._reg.HKEY_CURRENT_USER, RUN_KEY, 0, self._reg.KEY_SET_VALUE
        ) as key:
            self._reg.SetValueEx(key, RUN_VALUE, 0, self._reg.REG_SZ, line)

    def disable(self) -> None:
        try:
            with self._reg.OpenKey(
                self._reg.HKEY_CURRENT_USER, RUN_KEY, 0, self._reg.KEY_SET_VALUE
            ) as key:
                self._reg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            pass


# --------------------------------------------------------------------------- macOS


class LaunchAgentAutostart:
    """``~/Library/LaunchAgents/de.arbeitsplatz.Workplace.plist`` (loaded at next login)."""

    def __init__(self, home: Path | None = None) -> None:
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / AGENT_FILE

    @property
    def where(self) -> str:
        return str(self.path)

    def enabled(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                data = plistlib.load(handle)
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(data, dict) and data.get("RunAtLoad") is True and not data.get(
            "Disabled", False
        )

    def enable(self, command: Sequence[str]) -> None:
        from workplace.config.atomic import atomic_write_bytes

        document = {
            "Label": APP_ID,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, plistlib.dumps(document), mode=0o644)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def autostart_for(platform: str | None = None) -> Autostart:
    """The mechanism of this (or the named ``sys.platform``) system."""
    platform = platform or sys.platform
    if platform.startswith("win"):  # pragma: no cover - Windows only
        return WindowsAutostart()
    if platform == "darwin":
        return LaunchAgentAutostart()
    return XdgAutostart()
