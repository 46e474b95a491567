# SPDX-License-Identifier: EUPL-1.2
"""The composition root: builds every core object once and hands each what it needs.

:class:`Workplace` is Qt-free. The GUI (``workplace.ui.gui``) receives one and
talks to the core only through it and background jobs; nothing reaches for
another object through a global.

Sign-in seam: :attr:`Workplace.auth_factory` builds the sign-in service
(``workplace.auth.AuthService``) lazily: ``ui.account.AccountController`` calls it
in a background job after the first paint, so no auth/HTTP/keyring import stands
before it. It returns None when the tenant has no identity provider; the window
then shows no account area and no sign-in screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.catalog.catalog import Catalog
from workplace.catalog.launch import Launched, Launcher
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.preferences import PreferenceStore
from workplace.config.schema import Service
from workplace.config.settings import Settings
from workplace.config.state import StateStore

if TYPE_CHECKING:
    from workplace.auth.service import AuthService

OpenUrl = Callable[[str], bool]
AuthFactory = Callable[["Workplace", OpenUrl], "AuthService | None"]


def build_auth(workplace: Workplace, open_browser: OpenUrl) -> AuthService | None:
    """The tenant's sign-in service, or None without an identity provider.

    Blocking (imports authlib/requests, opens the keyring): call it in a job.
    ``open_browser`` opens the sign-in and sign-out pages (the window wraps the
    system browser so it can offer "open the browser again").
    """
    provider = workplace.settings.tenant.identity_provider
    if not provider.issuer:
        return None
    from workplace.auth.factory import build_auth_service

    return build_auth_service(provider, workplace.paths, open_browser=open_browser)


def no_auth(_workplace: Workplace, _open_browser: OpenUrl) -> AuthService | None:
    """For windows without sign-in (tests of the tiles, the self test's peers)."""
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
    auth_factory: AuthFactory = field(default=build_auth)

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
