# SPDX-License-Identifier: EUPL-1.2
"""The launcher as the desktop's program for ``mailto:``, ``matrix:``, ``tel:``, ``arbeitsplatz:``.

Linux: the package's ``de.arbeitsplatz.Workplace.desktop`` declares
``MimeType=x-scheme-handler/…`` for all four and ``Exec=workplace %u``; the package
runs ``update-desktop-database``, so a scheme no other program claims comes to the
launcher by itself. Making it the user's *default* over another mail program is
``xdg-mime default de.arbeitsplatz.Workplace.desktop x-scheme-handler/mailto``
(written to ``$XDG_CONFIG_HOME/mimeapps.list``); xdg-mime cannot undo that, so turning
it off removes the launcher from that entry of the user's ``mimeapps.list`` (and the
older ``$XDG_DATA_HOME/applications/mimeapps.list``), leaving everything else as it
was. ``xdg-mime query default`` tells what is in effect.

Windows and macOS let no program make itself the default: the user picks the launcher
in the system settings, or IT sets it by policy (docs/deployment.md, "Links");
:class:`LinkHandlerError` says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workplace import APP_ID
from workplace.config.atomic import atomic_write_text

DESKTOP_FILE = f"{APP_ID}.desktop"
SCHEMES = ("mailto", "matrix", "tel", "arbeitsplatz")
MAIL = ("mailto",)
DEFAULTS_GROUP = "[Default Applications]"
XDG_MIME_TIMEOUT_S = 15


class LinkHandlerError(Exception):
    """The launcher cannot be made (or unmade) the default here.

    ``kind``: ``unsupported`` (Windows, macOS), ``no-xdg-utils``, ``not-installed``
    (no desktop file), ``failed`` (xdg-mime or the file write failed). ``str()`` is
    English; the window words each kind itself.
    """

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Handler:
    """The program in effect for one scheme (a desktop file id, or empty for none)."""

    scheme: str
    default: str

    @property
    def ours(self) -> bool:
        return self.default == DESKTOP_FILE


@dataclass(frozen=True)
class LinkResult:
    """After a change: whether the launcher is now the default for every scheme asked."""

    enabled: bool
    changed: bool
    handlers: tuple[Handler, ...]


Run = Callable[..., "subprocess.CompletedProcess[str]"]


def _unsupported(platform: str) -> LinkHandlerError:
    if platform.startswith("win"):
        return LinkHandlerError(
            "unsupported",
            "Windows lets no program make itself the default for links: choose Arbeitsplatz "
            "under Settings > Apps > Default apps, or IT sets it with a default associations "
            "file by Group Policy",
        )
    return LinkHandlerError(
        "unsupported",
        "this system lets no program make itself the default for links: choose Arbeitsplatz "
        "in the system settings, or IT sets it by a configuration profile",
    )


class XdgMime:
    """xdg-utils' ``xdg-mime``, and the user's ``mimeapps.list`` for turning it off."""

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        run: Run | None = None,
        program: str | None = None,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self._run: Run = run or subprocess.run
        self._program = program

    # -- where things are ----------------------------------------------------------

    def _home(self, variable: str, fallback: str) -> Path:
        value = self.environ.get(variable, "")
        if value and os.path.isabs(value):
            return Path(value)
        return Path(self.environ.get("HOME", str(Path.home()))) / fallback

    @property
    def config_home(self) -> Path:
        return self._home("XDG_CONFIG_HOME", ".config")

    @property
    def data_home(self) -> Path:
        return self._home("XDG_DATA_HOME", ".local/share")

    def data_dirs(self) -> list[Path]:
        dirs = self.environ.get("XDG_DATA_DIRS", "") or "/usr/local/share:/usr/share"
        return [self.data_home, *(Path(d) for d in dirs.split(":") if os.path.isabs(d))]

    def desktop_file(self) -> Path | None:
        """Where the launcher's desktop file is installed, if it is."""
        for directory in self.data_dirs():
            candidate = directory / "applications" / DESKTOP_FILE
            if candidate.is_file():
                return candidate
        return None

    def user_lists(self) -> list[Path]:
        """The user's ``mimeapps.list`` files xdg-mime may have written (newest first)."""
        return [self.config_home / "mimeapps.list", self.data_home / "applications/mimeapps.list"]

    # -- xdg-mime -------------------------------------------------------------------

    def _xdg_mime(self, *args: str) -> str:
        program = self._program or shutil.which("xdg-mime", path=self.environ.get("PATH"))
        if not program:
            raise LinkHandlerError(
                "no-xdg-utils",
                "xdg-mime is not installed (package xdg-utils); the default program for "
                "links cannot be changed",
            )
        try:
            done = self._run(
                [program, *args], capture_output=True, text=True, env=self.environ,
                timeout=XDG_MIME_TIMEOUT_S, check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise LinkHandlerError("failed", f"xdg-mime {args[0]} failed: {exc}") from exc
        if done.returncode != 0:
            detail = (done.stderr or done.stdout or "").strip().splitlines()
            raise LinkHandlerError(
                "failed",
                f"xdg-mime {args[0]} failed ({done.returncode})"
                + (f": {detail[-1]}" if detail else ""),
            )
        return str(done.stdout)

    def query(self, scheme: str) -> Handler:
        out = self._xdg_mime("query", "default", f"x-scheme-handler/{scheme}")
        return Handler(scheme, out.strip().split(";")[0])

    def make_default(self, scheme: str) -> None:
        if self.desktop_file() is None:
            raise LinkHandlerError(
                "not-installed",
                f"the launcher is not installed as a desktop program ({DESKTOP_FILE} is in "
                "no applications folder); install its package first",
            )
        self._xdg_mime("default", DESKTOP_FILE, f"x-scheme-handler/{scheme}")

    def chosen(self, scheme: str) -> bool:
        """True if the user's own list already makes the launcher the default for
        ``scheme`` (not just the desktop's cache, whose order a new program changes)."""
        path = self.user_lists()[0]
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        return default_in(text, f"x-scheme-handler/{scheme}") == DESKTOP_FILE

    def remove_default(self, scheme: str) -> bool:
        """Take the launcher out of the user's default for ``scheme``; True if it was in."""
        changed = False
        for path in self.user_lists():
            try:
                text = path.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue
            except (OSError, UnicodeDecodeError) as exc:
                raise LinkHandlerError("failed", f"cannot read {path}: {exc}") from exc
            new = without_default(text, f"x-scheme-handler/{scheme}")
            if new == text:
                continue
            try:
                mode = path.stat().st_mode & 0o777
                atomic_write_text(path, new, mode=mode)
            except OSError as exc:
                raise LinkHandlerError("failed", f"cannot write {path}: {exc}") from exc
            changed = True
        return changed


def default_in(text: str, mime: str) -> str:
    """The first program of ``mime`` in the [Default Applications] of a list's text."""
    group = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        elif group == DEFAULTS_GROUP and "=" in stripped:
            key, _, value = stripped.partition("=")
            if key.strip() == mime:
                return value.split(";")[0].strip()
    return ""


def without_default(text: str, mime: str) -> str:
    """``mimeapps.list`` text with the launcher taken out of ``mime``'s default entry."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    group = ""
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        elif group == DEFAULTS_GROUP and "=" in stripped:
            key, _, value = stripped.partition("=")
            if key.strip() == mime:
                kept = [v for v in value.split(";") if v.strip() and v.strip() != DESKTOP_FILE]
                if len(kept) == len([v for v in value.split(";") if v.strip()]):
                    out.append(line)
                elif kept:
                    out.append(f"{key.strip()}={';'.join(kept)};\n")
                continue
        out.append(line)
    return "".join(out)


def handler_for(platform: str = sys.platform, **options: Any) -> XdgMime:
    """The mechanism of this platform; :class:`LinkHandlerError` where there is none."""
    if platform.startswith("win") or platform == "darwin":
        raise _unsupported(platform)
    return XdgMime(**options)


def status(schemes: Iterable[str] = SCHEMES, handler: XdgMime | None = None) -> tuple[Handler, ...]:
    """The program in effect for each scheme."""
    handler = handler or handler_for()
    return tuple(handler.query(scheme) for scheme in schemes)


def set_default(
    enable: bool, schemes: Iterable[str] = MAIL, handler: XdgMime | None = None
) -> LinkResult:
    """Make the launcher the user's default for ``schemes``, or take it out again."""
    handler = handler or handler_for()
    wanted = tuple(schemes)
    before = status(wanted, handler)
    for found in before:
        if enable and not (found.ours and handler.chosen(found.scheme)):
            handler.make_default(found.scheme)
        elif not enable:
            handler.remove_default(found.scheme)
    after = status(wanted, handler)
    enabled = all(h.ours for h in after)
    return LinkResult(enabled, before != after, after)


def sync_mail_links(wanted: bool, handler: XdgMime | None = None) -> LinkResult:
    """Make the system match the ``mail_links`` preference (``mailto:`` only)."""
    return set_default(wanted, MAIL, handler)
