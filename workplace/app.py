# SPDX-License-Identifier: EUPL-1.2
"""The composition root: builds every core object once and hands each what it needs.

:class:`Workplace` is Qt-free. The GUI (``workplace.ui.gui``) receives one and
talks to the core only through it and background jobs; nothing reaches for
another object through a global.

Sign-in seam: :attr:`Workplace.auth_factory` builds the sign-in service
(``workplace.auth``) lazily, after the first paint, so no auth/HTTP import stands
before it. ``ui.gui.start`` passes the result to ``MainWindow.attach_account``,
which shows the account button in the header (avatar with initials, sign-out
menu) and will host the sign-in screen. Until the auth package offers its
facade, the factory returns None and the header shows no account area.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workplace.catalog.catalog import Catalog
from workplace.catalog.launch import Launched, Launcher
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.preferences import PreferenceStore
from workplace.config.schema import Service
from workplace.config.settings import Settings
from workplace.config.state import StateStore

OpenUrl = Callable[[str], bool]


def _no_auth(_workplace: Workplace) -> Any:
    """Placeholder until ``workplace.auth`` provides its blocking facade."""
    return None


@dataclass
class Workplace:
    """Everything the window needs, built once by :meth:`build`.

    Thread use: ``settings`` and ``catalog`` are immutable values, replaced as a
    whole on the GUI thread (:meth:`apply_settings`). The stores and the launcher
    do blocking I/O and are used from jobs only; the state store only from the
    serial (writer) job queue.
    """

    paths: Paths
    settings: Settings
    preferences: PreferenceStore
    state: StateStore
    catalog: Catalog
    launcher: Launcher
    override: Path | None = None
    open_url: OpenUrl | None = None
    """Injected browser opener (tests); None means Python's webbrowser ($BROWSER)."""
    auth_factory: Callable[[Workplace], Any] = field(default=_no_auth)

    @classmethod
    def build(
        cls,
        override: Path | None = None,
        *,
        paths: Paths | None = None,
        open_url: OpenUrl | None = None,
    ) -> Workplace:
        """Read the configuration (blocking, before the first paint) and wire the core."""
        paths = paths or Paths.from_environment()
        settings = load_settings(paths, override)
        return cls(
            paths=paths,
            settings=settings,
            preferences=PreferenceStore(paths),
            state=StateStore(paths),
            catalog=Catalog.from_settings(settings),
            launcher=make_launcher(settings, open_url),
            override=override,
            open_url=open_url,
        )

    # -- GUI thread: swap in new values -------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` from now on (a job's result, applied on the GUI thread)."""
        tenant_changed = settings.tenant != self.settings.tenant
        self.settings = settings
        if tenant_changed:
            self.catalog = Catalog.from_settings(settings)
            self.launcher = make_launcher(settings, self.open_url)

    # -- blocking calls, run as jobs ----------------------------------------

    def save_preferences(self, settings: Settings, **changes: Any) -> Settings:
        return self.preferences.save(settings, **changes)

    def launch(self, service: Service, low_bandwidth: bool = False) -> Launched:
        return self.launcher.launch(service, low_bandwidth)

    def record_launch(self, service_id: str) -> list[str]:
        """Remember a launch; returns the recent ids, newest first (writer queue only)."""
        self.state.record_launch(service_id)
        return self.state.recent

    def recent(self) -> list[str]:
        return self.state.recent

    def save_geometry(self, geometry: bytes) -> None:
        self.state.window_geometry = geometry

    def reload(self) -> Settings:
        """Read the configuration again (e.g. after IT changed a file)."""
        return load_settings(self.paths, self.override)


def make_launcher(settings: Settings, open_url: OpenUrl | None = None) -> Launcher:
    """The launcher for the local native apps; ``open_url`` replaces webbrowser in tests."""
    if open_url is None:
        return Launcher(settings.tenant.native_apps)
    return Launcher(settings.tenant.native_apps, open_url=open_url)
