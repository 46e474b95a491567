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

Network seam: :meth:`Workplace.network` builds the one
:class:`~workplace.net.setup.NetworkSetup` (proxy, extra CA, byte counter) on first
use, always in a job after the first paint; sign-in, the central catalog, profile
detection and the probes all take their sessions from it. The first paint shows
the configuration plus the cached central catalog (disk only, no HTTP import).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workplace.catalog.catalog import Catalog
from workplace.catalog.launch import Launched, Launcher, OpenUrl, open_in_browser
from workplace.config import warm
from workplace.config.atomic import remove_leftovers
from workplace.config.paths import Paths
from workplace.config.preferences import PreferenceStore
from workplace.config.schema import Service
from workplace.config.settings import Settings
from workplace.config.state import StateStore

if TYPE_CHECKING:
    from workplace.auth.service import AuthService
    from workplace.catalog.icons import IconCache
    from workplace.catalog.remote import RefreshResult, RemoteCatalog
    from workplace.catalog.snapshot import CatalogSnapshot
    from workplace.net.http import HttpSession
    from workplace.net.profile import ConnectionProfile, ProfilePolicy, Reachability
    from workplace.net.setup import NetworkSetup
    from workplace.status.model import ServiceStatus
    from workplace.system.autostart import SyncResult

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
    from workplace.auth.keyring_store import KeyringStore
    from workplace.auth.service import AuthService

    # The program's one session factory (proxy, agency CA), not a bare session.
    return AuthService(
        provider, workplace.paths, workplace.session, KeyringStore(), open_browser=open_browser
    )


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
    open_url: OpenUrl = open_in_browser
    """Opens a web address: Python's webbrowser ($BROWSER), or what a test injects."""
    auth_factory: AuthFactory = field(default=build_auth)
    snapshot: CatalogSnapshot | None = None
    """The central catalog in effect (the cached copy at start, then each good refresh)."""
    remote: RemoteCatalog | None = None
    _network: NetworkSetup | None = field(default=None, repr=False)
    _network_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _icons: IconCache | None = field(default=None, repr=False)
    _cold: tuple[warm.Fingerprint, Settings] | None = field(default=None, repr=False)
    """After a cold start: what :meth:`remember_start` saves for the next warm one."""
    _started_warm: bool = field(default=False, repr=False)

    @classmethod
    def build(
        cls,
        override: Path | None = None,
        *,
        paths: Paths | None = None,
        open_url: OpenUrl | None = None,
    ) -> Workplace:
        """Read the configuration (blocking, before the first paint) and wire the core.

        A start whose configuration files are unchanged reuses the last clean load
        (:mod:`workplace.config.warm`); otherwise the layered files are read and checked.
        """
        paths = paths or Paths.from_environment()
        taken = warm.fingerprint(paths, override)
        settings = warm.load(paths, taken)
        cold = None
        if settings is None:
            from workplace.config.loader import load_settings

            settings = load_settings(paths, override)
            cold = (taken, settings)
        workplace = cls(
            paths=paths,
            settings=settings,
            preferences=PreferenceStore(paths),
            state=StateStore(paths),
            catalog=Catalog.from_settings(settings),
            launcher=make_launcher(settings, open_url or open_in_browser),
            override=override,
            open_url=open_url or open_in_browser,
            _cold=cold,
            _started_warm=cold is None,
        )
        workplace._use_remote(settings)
        return workplace

    @property
    def warm_start(self) -> bool:
        """True if this start reused the last clean load of unchanged files."""
        return self._cold is None and self._started_warm

    def remove_leftovers(self) -> int:
        """Temporary files of writes killed half-way, in the launcher's own directories (disk:
        a job)."""
        paths = self.paths
        return remove_leftovers([paths.user_config_dir, paths.state_dir, paths.cache_dir])

    def remember_start(self) -> bool:
        """After a cold start, save it for the next warm one (blocking disk: a job)."""
        if self._cold is None:
            return False
        taken, settings = self._cold
        self._cold = None
        return warm.save(self.paths, taken, settings)

    def _use_remote(self, settings: Settings) -> None:
        """The central catalog of ``settings`` and its cached copy (disk only)."""
        if not settings.tenant.catalog.configured:
            self.remote = self.snapshot = None
            self.catalog = Catalog.from_settings(settings)
            return
        from workplace.catalog.effective import effective_catalog
        from workplace.catalog.remote import RemoteCatalog

        remote = RemoteCatalog(self.paths, self.session, settings)
        self.remote = remote if remote.source is not None else None
        self.snapshot = remote.cached() if self.remote is not None else None
        self.catalog = effective_catalog(settings, self.snapshot)

    # -- GUI thread: swap in new values -------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Use ``settings`` from now on (a job's result, applied on the GUI thread)."""
        old = self.settings
        tenant_changed = settings.tenant != old.tenant
        network_changed = tenant_changed or any(
            getattr(settings.preferences, key) != getattr(old.preferences, key)
            for key in NETWORK_PREFERENCES
        )
        self.settings = settings
        if network_changed:
            with self._network_lock:
                old_network, self._network = self._network, None  # next: the new proxy
            if old_network is not None:
                old_network.close()  # frees the idle pooled sockets; no network I/O
        if tenant_changed:
            self.launcher = make_launcher(settings, self.open_url)
            if settings.tenant.catalog != old.tenant.catalog or self.remote is None:
                self._use_remote(settings)
            else:
                from workplace.catalog.effective import effective_catalog

                self.catalog = effective_catalog(settings, self.snapshot)

    def apply_snapshot(self, snapshot: CatalogSnapshot | None) -> None:
        """Show ``snapshot`` (a refresh's result) merged into the configured catalog."""
        from workplace.catalog.effective import effective_catalog

        self.snapshot = snapshot
        self.catalog = effective_catalog(self.settings, snapshot)

    # -- the network (built on first use, always in a job) ------------------

    def network(self) -> NetworkSetup:
        """The one session factory: proxy, trust and byte counter (imports requests)."""
        with self._network_lock:
            if self._network is None:
                from workplace.net.setup import NetworkSetup

                self._network = NetworkSetup.from_settings(self.settings)
            return self._network

    def session(self) -> HttpSession:
        """A new session from :meth:`network` (the factory handed to auth and the catalog)."""
        return self.network()()

    @property
    def icon_cache(self) -> IconCache:
        """Downloaded service icons (cheap to build: no HTTP import until a fetch)."""
        if self._icons is None:
            from workplace.catalog.icons import IconCache

            self._icons = IconCache(self.paths, self.session)
        return self._icons

    # -- blocking calls, run as jobs ----------------------------------------

    def fetch_icons(self, urls: tuple[str, ...]) -> dict[str, Path]:
        """Download the service icons not on disk yet (IT's probe budget); never raises."""
        budget = float(self.settings.tenant.network.probe_budget_seconds)
        return self.icon_cache.fetch(urls, budget_s=max(5.0, budget))

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

    def detect_profile(
        self, reachability: Reachability, metered: bool, os_captive: bool | None
    ) -> ConnectionProfile:
        """Office, home, mobile, captive portal or offline (a few seconds at most)."""
        from workplace.net.detect import detect_profile

        return detect_profile(
            self.network().factory(retries=0),
            self.settings.tenant.network,
            reachability=reachability,
            metered=metered,
            os_captive=os_captive,
        )

    def probe(
        self, services: tuple[Service, ...], profile: ConnectionProfile, policy: ProfilePolicy
    ) -> Mapping[str, ServiceStatus]:
        """One status round within IT's time budget; never raises."""
        from workplace.status.probe import ProbeOptions, probe_services

        network = self.settings.tenant.network
        options = ProbeOptions(
            budget=float(network.probe_budget_seconds),
            slow_ms=network.slow_threshold_ms,
            scope=policy.probes,
            issuer=self.settings.tenant.identity_provider.issuer,
        )
        return probe_services(services, profile, self.network().factory(retries=0), options)

    def refresh_catalog(self) -> RefreshResult | None:
        """Fetch the central catalog (conditional GET); None when none is configured."""
        remote = self.remote
        return remote.refresh() if remote is not None else None

    def sync_start_at_login(self, wanted: bool) -> SyncResult:
        from workplace.system.autostart import autostart_for, sync_start_at_login

        return sync_start_at_login(wanted, autostart_for())

    def diagnostics(self) -> dict[str, Any]:
        """What ``workplace doctor --json`` reports (for "Copy diagnostics")."""
        from workplace.commands.doctor import collect

        return collect(self.settings, self.paths)

    def reload(self) -> Settings:
        """Read the configuration again (e.g. after IT changed a file)."""
        from workplace.config.loader import load_settings

        return load_settings(self.paths, self.override)


NETWORK_PREFERENCES = (
    "proxy_mode", "proxy_pac_url", "proxy_http", "proxy_https", "proxy_exclusions",
)


def make_launcher(settings: Settings, open_url: OpenUrl = open_in_browser) -> Launcher:
    """The launcher for the local native apps; ``open_url`` replaces webbrowser in tests."""
    return Launcher(settings.tenant.native_apps, open_url=open_url)
