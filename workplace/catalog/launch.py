# SPDX-License-Identifier: EUPL-1.2
"""Opening a service: a native application from the local configuration, or the web URL.

Web targets are checked against the URL rules again just before they are handed to
the desktop through :mod:`webbrowser` (so ``$BROWSER`` is honoured). Native targets
are started without a shell. Failures raise :class:`LaunchError`; its ``kind`` is for
the GUI to translate, ``str()`` is an English message for the command line.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from workplace.config.urls import UnsafeUrlError, check_url

if TYPE_CHECKING:
    from workplace.config.schema import NativeApp, Service

log = logging.getLogger("workplace.catalog")


class LaunchErrorKind(enum.Enum):
    UNSAFE_URL = "unsafe-url"
    NO_BROWSER = "no-browser"
    NATIVE_MISSING = "native-missing"
    NATIVE_FAILED = "native-failed"
    NOT_ALLOWED = "not-allowed"
    """Not a service of the trusted IT configuration (e.g. one a tampered cache showed)."""


_MESSAGES = {
    LaunchErrorKind.UNSAFE_URL: "refusing to open an unsafe address",
    LaunchErrorKind.NO_BROWSER: "no web browser could be started",
    LaunchErrorKind.NATIVE_MISSING: "the application is not installed",
    LaunchErrorKind.NATIVE_FAILED: "the application could not be started",
    LaunchErrorKind.NOT_ALLOWED: "not allowed by the IT configuration",
}


class LaunchError(Exception):
    """A launch that failed: ``kind`` says what went wrong, ``detail`` the specifics."""

    def __init__(self, kind: LaunchErrorKind, detail: str = "") -> None:
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = detail

    def __str__(self) -> str:
        base = _MESSAGES[self.kind]
        return f"{base}: {self.detail}" if self.detail else base


class Launched(NamedTuple):
    """What was started: ``web`` with the URL, or ``native`` with the command line."""

    service_id: str
    kind: str
    target: str
    argv: tuple[str, ...] = ()
    process: Any = None


OpenUrl = Callable[[str], bool]
Spawn = Callable[..., Any]


_BROWSER_LIST = threading.Lock()


def open_in_browser(url: str) -> bool:
    """:func:`webbrowser.open`, imported when first used (it costs start-up time).

    webbrowser fills its list of browsers on first use but reads it without a lock:
    a second job opening a URL meanwhile finds the list still empty, opens nothing
    and says there is no browser. So the list is filled here, under a lock, first.
    """
    import webbrowser

    # With no browser at all, get() raises; open() then says so by returning False.
    with _BROWSER_LIST, contextlib.suppress(webbrowser.Error):
        webbrowser.get()
    return webbrowser.open(url)


def _default_spawn(argv: list[str], **options: Any) -> Any:
    import subprocess

    return subprocess.Popen(argv, **options)


class Launcher:
    """Starts services. ``native_apps`` must come from the local IT configuration only."""

    def __init__(
        self,
        native_apps: Mapping[str, NativeApp],
        platform: str = sys.platform,
        open_url: OpenUrl = open_in_browser,
        spawn: Spawn = _default_spawn,
    ) -> None:
        self._native_apps = dict(native_apps)
        self._platform = platform
        self._open_url = open_url
        self._spawn = spawn

    def target(self, service: Service, low_bandwidth: bool = False) -> tuple[str, str]:
        """``("native", exec)`` or ``("web", url)``: what :meth:`launch` would open."""
        command = self._native_command(service)
        if command is not None:
            return "native", command.exec
        url = service.low_bandwidth_url if low_bandwidth and service.low_bandwidth_url else None
        return "web", url or service.url

    def launch(self, service: Service, low_bandwidth: bool = False) -> Launched:
        """Open ``service``; raises :class:`LaunchError` when it cannot be opened."""
        command = self._native_command(service)
        if command is not None:
            return self._launch_native(service.id, command.exec, tuple(command.args))
        _, url = self.target(service, low_bandwidth)
        return self._launch_web(service.id, url)

    def open_web(self, url: str, label: str = "") -> Launched:
        """Open a web address that belongs to no service (checked again, like a service's)."""
        return self._launch_web(label, url)

    def start_program(self, app_id: str, argument: str) -> Launched:
        """Start the local native app ``app_id`` with ``argument`` after its configured
        arguments (a link handed to IT's mail program or softphone)."""
        app = self._native_apps.get(app_id)
        command = app.command_for(self._platform) if app is not None else None
        if command is None:
            raise LaunchError(
                LaunchErrorKind.NATIVE_MISSING, f"{app_id!r} is not configured for this computer"
            )
        return self._launch_native(app_id, command.exec, (*command.args, argument))

    def open_on_desktop(self, url: str, opener: str | None = None) -> Launched:
        """Hand a softphone address (``sip:``, ``sips:``, ``callto:``) to the desktop.

        Nothing else ever goes this way: the scheme is checked here again.
        """
        from workplace.config.urltemplate import SOFTPHONE_SCHEMES

        scheme, _, rest = url.partition(":")
        if scheme.lower() not in SOFTPHONE_SCHEMES or not rest or not rest.isprintable() or (
            any(c.isspace() for c in rest)
        ):
            raise LaunchError(LaunchErrorKind.UNSAFE_URL, f"{url[:80]!r} is not a phone address")
        if self._platform.startswith("win"):
            try:
                os.startfile(url)  # type: ignore[attr-defined,unused-ignore]  # noqa: S606
            except OSError as exc:
                raise LaunchError(LaunchErrorKind.NATIVE_FAILED, str(exc)) from exc
            return Launched("", "desktop", url)
        import shutil

        program = opener or shutil.which("open" if self._platform == "darwin" else "xdg-open")
        if not program:
            raise LaunchError(LaunchErrorKind.NATIVE_MISSING, "xdg-open is not installed")
        return self._launch_native("", program, (url,), kind="desktop")

    def _native_command(self, service: Service) -> Any:
        if service.native_app is None:
            return None
        app = self._native_apps.get(service.native_app)
        if app is None:
            log.info(
                "native app %r not configured locally; opening the web URL", service.native_app
            )
            return None
        return app.command_for(self._platform)

    def _launch_native(
        self, label: str, exe: str, args: tuple[str, ...], kind: str = "native"
    ) -> Launched:
        if not os.path.isfile(exe):
            raise LaunchError(LaunchErrorKind.NATIVE_MISSING, f"{exe} does not exist")
        if not os.access(exe, os.X_OK):
            raise LaunchError(LaunchErrorKind.NATIVE_MISSING, f"{exe} is not executable")
        import subprocess

        argv = (exe, *args)
        options: dict[str, Any] = {
            "shell": False,
            "stdin": subprocess.DEVNULL,
            "stdout": subprocess.DEVNULL,
            "stderr": subprocess.DEVNULL,
            "close_fds": True,
        }
        if os.name == "posix":
            options["start_new_session"] = True  # the app outlives the launcher
        try:
            process = self._spawn(list(argv), **options)
        except OSError as exc:
            raise LaunchError(
                LaunchErrorKind.NATIVE_FAILED, f"{exe}: {exc.strerror or exc}"
            ) from exc
        _reap_in_background(process)
        log.info("started %s for %s", exe, label or "a link")
        return Launched(label, kind, exe, argv, process)

    def _launch_web(self, label: str, url: str) -> Launched:
        try:
            safe = check_url(url)
        except UnsafeUrlError as exc:
            raise LaunchError(LaunchErrorKind.UNSAFE_URL, f"{url!r}: {exc}") from exc
        try:
            opened = self._open_url(safe)
        except (_browser_error(), OSError) as exc:
            raise LaunchError(LaunchErrorKind.NO_BROWSER, str(exc)) from exc
        if not opened:
            raise LaunchError(
                LaunchErrorKind.NO_BROWSER, "set $BROWSER or a default browser for the desktop"
            )
        # Without query and fragment: from a link they may hold a mail's subject and text.
        shown = safe.split("#", 1)[0].split("?", 1)[0]
        log.info("opened %s for %s", shown, label or "a link")
        return Launched(label, "web", safe)


def _browser_error() -> type[Exception]:
    import webbrowser

    return webbrowser.Error


def _reap_in_background(process: Any) -> None:
    """Wait for the child on a daemon thread, so it never lingers as a zombie."""
    wait = getattr(process, "wait", None)
    if callable(wait):
        threading.Thread(target=wait, name="workplace-reaper", daemon=True).start()
