# SPDX-License-Identifier: EUPL-1.2
"""The composition root: builds every core object once and hands each what it needs.

:class:`Workplace` is Qt-free. The window (``workplace.ui.gui``) and every command
of the command line (``workplace.commands``) receive one and talk to the core only
through it; nothing else builds settings, a network setup, a catalog, a launcher,
the stores or the sign-in service.

Trust: ``settings`` is what the window *shows*. A warm start draws it from the
start-up snapshot in the user's cache (:mod:`workplace.config.warm`), which anyone
with the user's rights can edit. What *runs* never comes from there:
:meth:`Workplace.trusted` reads the configuration from the IT sources themselves
(once, blocking), and every action takes that: launching (a service is looked up
again in the trusted catalog and refused if it is not there), saving preferences
(IT's locks), start at login, the network setup (proxy, extra CA), sign-in (the
identity provider), the central catalog (its source and pinned key), the probes
and the diagnostics. The command line never uses the snapshot at all.

Sign-in seam: :attr:`Workplace.auth_factory` builds the sign-in service lazily
(``ui.account.AccountController`` calls it in a job after the first paint; the
login, logout and status commands through :meth:`Workplace.auth`). It returns None
when the tenant has no identity provider.

Network seam: :meth:`Workplace.network` builds the one
:class:`~workplace.net.setup.NetworkSetup` (proxy, extra CA, byte counter) on first
use; sign-in, the central catalog, profile detection, the probes and the
diagnostics all take their sessions from it. The first paint shows the
configuration plus the cached central catalog (disk only, no HTTP import).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from workplace.catalog.catalog import Catalog
from workplace.catalog.launch import (
    Launched,
    Launcher,
    LaunchError,
    LaunchErrorKind,
    OpenUrl,
    open_in_browser,
)
from workplace.config import warm
from workplace.config.atomic import remove_leftovers
from workplace.config.paths import Paths
from workplace.config.settings import Settings
from workplace.config.state import StateStore

if TYPE_CHECKING:  # pydantic, HTTP, JOSE and keyring come after a warm start's first paint
    from workplace.auth.service import AuthService
    from workplace.catalog.icons import IconCache
    from workplace.catalog.remote import RefreshResult, RemoteCatalog
    from workplace.catalog.snapshot import CatalogSnapshot, CatalogSource
    from workplace.config.preferences import PreferenceStore
    from workplace.config.schema import Service
    from workplace.integrations.runner import Integrations
    from workplace.links.action import Action
    from workplace.net.http import HttpSession
    from workplace.net.profile import ConnectionProfile, ProfilePolicy, Reachability
    from workplace.net.setup import NetworkSetup
    from workplace.status.model import ServiceStatus
    from workplace.system.autostart import SyncResult
    from workplace.system.linkhandler import LinkResult

log = logging.getLogger("workplace.config")

AuthFactory = Callable[["Workplace", OpenUrl], "AuthService | None"]


def build_auth(workplace: Workplace, open_browser: OpenUrl) -> AuthService | None:
    """The tenant's sign-in service, or None without an identity provider.

    Blocking (imports urllib3 and joserfc, opens the keyring): call it in a job.
    ``open_browser`` opens the sign-in and sign-out pages (the window wraps the
    system browser so it can offer "open the browser again"). The identity provider
    is always the one of the trusted settings, never the start-up snapshot's.
    """
    tenant = workplace.trusted().tenant
    provider = tenant.identity_provider
    if not provider.issuer:
        return None
    from workplace.auth.keyring_store import KeyringStore
    from workplace.auth.service import AuthService

    # The integrations' scopes are asked for at sign-in too (Keycloak grants an optional
    # client scope only when asked), and their resource indicators (RFC 8707).
    enabled = tenant.integrations.enabled().values()
    scopes = list(provider.scopes)
    scopes += [s for config in enabled for s in config.scopes if s not in scopes]
    resources = tuple(dict.fromkeys(
        config.resource for config in enabled if config.token == "resource"))  # noqa: S105
    # The program's one session factory (proxy, agency CA), not a bare session.
    return AuthService(
        provider.model_copy(update={"scopes": scopes}), workplace.paths, workplace.session,
        KeyringStore(), open_browser=open_browser, resources=resources,
    )


def build_integrations(workplace: Workplace, auth: AuthService | None,
                       open_browser: OpenUrl | None = None) -> Integrations | None:
    """The tenant's integrations (unread mail, the next meeting, chat, files, portal), or
    None when IT has switched none on. Blocking the first time (trusted settings): call
    it in a job. ``open_browser`` opens the chat's single sign-on (the program's browser
    opener when None)."""
    trusted = workplace.trusted()
    settings = trusted.tenant.integrations
    names = tuple(settings.enabled())
    if not names:
        return None
    from workplace.auth.app_passwords import AppPasswords
    from workplace.auth.keyring_store import KeyringStore
    from workplace.auth.service_tokens import ServiceTokens
    from workplace.integrations.runner import Context, Integrations

    network = workplace.network()
    context = Context(
        session=workplace.session,
        trust=network.trust,
        services=lambda: workplace.catalog.services,
        reminder_minutes=lambda: workplace.trusted().preferences.meeting_reminder_minutes,
        count=network.counter.add,
        open_browser=open_browser or workplace.open_url,
    )
    issuer = trusted.tenant.identity_provider.issuer or ""
    keyring = KeyringStore()
    return Integrations(settings, auth, context, AppPasswords(keyring, issuer, names),
                        ServiceTokens(keyring, issuer))


def no_auth(_workplace: Workplace, _open_browser: OpenUrl) -> AuthService | None:
    """For windows without sign-in (tests of the tiles, the self test's peers)."""
    return None


class TrustedView(NamedTuple):
    """The configuration from the IT sources and what it shows: the result of the first
    job after the first paint (:meth:`Workplace.load_trusted`), adopted on the GUI thread
    (:meth:`Workplace.adopt`)."""

    settings: Settings
    remote: RemoteCatalog | None
    snapshot: CatalogSnapshot | None
    catalog: Catalog
    keyed: warm.Fingerprint | None = None
    """What a start-up snapshot of this would be keyed on (taken before reading)."""
    depends: tuple[Path, ...] = ()
    """The cached central catalog the catalog came from."""
    content: warm.Content | None = None
    """This view encoded for the start-up snapshot; None when it is not clean (a
    problem in the configuration or the central catalog) or cannot be kept."""


@dataclass
class Workplace:
    """Everything the window and the commands need, built once by :meth:`build`.

    Thread use: ``settings`` and ``catalog`` are immutable values, replaced as a
    whole on the GUI thread (:meth:`apply_settings`). :meth:`trusted` and the
    blocking calls below are safe from any job; the state store is used only from
    the serial (writer) job queue.
    """

    paths: Paths
    settings: Settings
    """What the window shows (at a warm start: the snapshot's records, until the trusted
    load is adopted)."""
    state: StateStore
    catalog: Catalog
    """The effective catalog shown: configuration plus the central catalog in effect."""
    override: Path | None = None
    open_url: OpenUrl = open_in_browser
    """Opens a web address: Python's webbrowser ($BROWSER), or what a test injects."""
    auth_factory: AuthFactory = field(default=build_auth)
    snapshot: CatalogSnapshot | None = None
    """The central catalog in effect (the cached copy at start, then each good refresh)."""
    remote: RemoteCatalog | None = None
    _verified: Settings | None = field(default=None, repr=False)
    """The settings read from the IT sources (plus the user's saved preferences)."""
    _trust_lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _taken: warm.Fingerprint | None = field(default=None, repr=False)
    """The fingerprint taken before the trusted load (what the next snapshot is keyed on)."""
    _first_paint: warm.FirstPaint | None = field(default=None, repr=False)
    """A warm start's snapshot, as shown until :meth:`adopt`."""
    _confirmed: tuple[str, CatalogSnapshot] | None = field(default=None, repr=False)
    """The central catalog's copy the child checked when it confirmed the first paint,
    with its record's digest (:meth:`_confirmed_records`)."""
    _preferences: PreferenceStore | None = field(default=None, repr=False)
    _launcher: tuple[Settings, Launcher] | None = field(default=None, repr=False)
    _network: NetworkSetup | None = field(default=None, repr=False)
    _network_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _icons: IconCache | None = field(default=None, repr=False)
    _seen_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _profile: ConnectionProfile | None = field(default=None, repr=False)
    _statuses: dict[str, ServiceStatus] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        override: Path | None = None,
        *,
        paths: Paths | None = None,
        open_url: OpenUrl | None = None,
        first_paint_from_cache: bool = False,
    ) -> Workplace:
        """Read the configuration (blocking, before the first paint) and wire the core.

        ``first_paint_from_cache`` (the window only): a start whose configuration files
        are unchanged may show the start-up snapshot at once; the trusted load from the
        IT sources follows in the first job (:meth:`trusted`). Without it (every
        command) the configuration is read from the IT sources here.
        """
        paths = paths or Paths.from_environment()
        shown = warm.load(paths, override) if first_paint_from_cache else None
        if shown is not None:  # plain records; the central catalog comes with the trusted load
            return cls(
                paths=paths,
                settings=shown.settings,
                state=StateStore(paths),
                catalog=shown.catalog,
                override=override,
                open_url=open_url or open_in_browser,
                _first_paint=shown,
            )
        from workplace.config.loader import load_settings

        taken = warm.fingerprint(paths, override)
        settings = load_settings(paths, override)
        workplace = cls(
            paths=paths,
            settings=settings,
            state=StateStore(paths),
            catalog=Catalog.from_settings(settings),
            override=override,
            open_url=open_url or open_in_browser,
            _verified=settings,
            _taken=taken,
        )
        workplace._use_remote(settings)
        return workplace

    @property
    def preferences(self) -> PreferenceStore:
        """The user's preferences file (built on first use: it needs the schema)."""
        if self._preferences is None:
            from workplace.config.preferences import PreferenceStore

            self._preferences = PreferenceStore(self.paths)
        return self._preferences

    # -- trust: the settings from the IT sources ---------------------------------

    @property
    def warm_start(self) -> bool:
        """True if the first paint came from the start-up snapshot of unchanged files."""
        return self._first_paint is not None

    @property
    def verified(self) -> bool:
        """Whether the trusted load from the IT sources has happened."""
        with self._trust_lock:
            return self._verified is not None

    def trusted(self) -> Settings:
        """The settings from the IT sources themselves, never from a user-writable cache.

        What runs, what is locked, the identity provider, the catalog source and the
        network come from here. Blocking the first time at a warm start (it reads and
        validates the files): call it in a job. Later calls return at once.
        """
        with self._trust_lock:
            if self._verified is None:
                taken = warm.fingerprint(self.paths, self.override)
                self._verified = self._confirmed_records(taken) or self._load_models()
                self._taken = taken
            return self._verified

    def _confirmed_records(self, taken: warm.Fingerprint) -> Settings | None:
        """A warm start's records, when a trusted load in a child process shows exactly
        them (:mod:`workplace.commands.trustcheck`): pydantic then stays out of the
        launcher. The central catalog's copy the child checked comes with them
        (:attr:`_confirmed`). None: read the IT sources here."""
        shown = self._first_paint
        if shown is None:
            return None  # not a warm start
        from workplace.catalog.snapshot import CatalogSource

        source = CatalogSource.from_settings(shown.settings)
        depends = self._cache_files(source)
        if warm.key(taken, depends) != shown.keyed:
            return None  # a file changed since the first paint
        from workplace.config.trustcheck import confirmed

        answer = confirmed(self.override, shown.content)
        if answer is None:
            return None
        try:
            self._confirmed = answer.snapshot(source)  # None: the child had no copy in effect
        except ValueError as exc:
            log.info("the settings check answered something else (%s): reading them here", exc)
            return None
        return shown.settings

    def _load_models(self) -> Settings:
        from workplace.config.loader import load_settings

        return load_settings(self.paths, self.override)

    def _models(self) -> Settings:
        """The trusted settings as schema models (saving preferences needs them):
        confirmed records are read again here, once. Blocking; holds the trust lock."""
        with self._trust_lock:
            trusted = self.trusted()
            if self._first_paint is not None and trusted is self._first_paint.settings:
                trusted = self._verified = self._load_models()
            return trusted

    def remove_leftovers(self) -> int:
        """Temporary files of writes killed half-way, in the launcher's own directories (disk:
        a job)."""
        paths = self.paths
        return remove_leftovers([paths.user_config_dir, paths.state_dir, paths.cache_dir])

    def load_trusted(self) -> TrustedView:
        """The trusted settings, their central catalog (the cached copy, checked again)
        and the effective catalog: the first job after the first paint. Blocking."""
        settings = self.trusted()
        with self._trust_lock:
            taken = self._taken
        shown = self._first_paint
        if shown is not None and settings is shown.settings:  # confirmed by the child
            return self._confirmed_view(shown)
        remote = self._trusted_remote(settings)
        depends = self._depends(remote)
        keyed = warm.key(taken, depends) if taken is not None else None  # before reading
        if remote is not None and remote is self.remote:
            snapshot = self.snapshot  # a cold start read it before the first paint
        else:
            snapshot = remote.cached() if remote is not None else None
        return self._view(settings, remote, snapshot, keyed, depends)

    def _confirmed_view(self, shown: warm.FirstPaint) -> TrustedView:
        """The trusted view of a warm start the child confirmed: the records painted, the
        central catalog's copy the child checked (vouched for in the RemoteCatalog)."""
        remote: RemoteCatalog | None = None
        snapshot: CatalogSnapshot | None = None
        depends: tuple[Path, ...] = ()
        with self._trust_lock:
            checked = self._confirmed
        if shown.settings.tenant.catalog.configured:
            from workplace.catalog.remote import RemoteCatalog

            remote = RemoteCatalog(self.paths, self.session, shown.settings)
            if remote.source is None:
                remote = None
            else:
                depends = self._cache_files(remote.source)
                if checked is not None:
                    digest, snapshot = checked
                    remote.vouch(digest, snapshot)
        shown.catalog.fold_search_texts()
        return TrustedView(shown.settings, remote, snapshot, shown.catalog, shown.keyed,
                           depends, warm.Content(shown.content, {}, ""))

    def _view(
        self, settings: Settings, remote: RemoteCatalog | None,
        snapshot: CatalogSnapshot | None, keyed: warm.Fingerprint | None,
        depends: tuple[Path, ...],
    ) -> TrustedView:
        from workplace.catalog.effective import merge_catalog

        catalog, problems = merge_catalog(settings, snapshot)
        if settings is self.settings and snapshot is self.snapshot:
            catalog = self.catalog  # what a cold start shows already (the same objects)
        clean = not settings.problems and not problems and not (snapshot and snapshot.problems)
        saved = warm.content(settings, catalog) if clean and warm.supported() else None
        catalog.fold_search_texts()  # here, not at the first search
        return TrustedView(settings, remote, snapshot, catalog, keyed, depends, saved)

    def _depends(self, remote: RemoteCatalog | None) -> tuple[Path, ...]:
        """The cached copy of the central catalog (part of the snapshot's key)."""
        return self._cache_files(remote.source if remote is not None else None)

    def _cache_files(self, source: CatalogSource | None) -> tuple[Path, ...]:
        if source is None:
            return ()
        from workplace.catalog.cache import cache_file

        return (cache_file(self.paths.cache_dir, source.kind, source.url),)

    def adopt(self, view: TrustedView) -> bool:
        """Put the trusted load in effect (GUI thread); True if the window must show
        something else than it does, False if only its objects change.

        At a warm start the first paint showed records; they are equal to the trusted
        load when both encode to the same snapshot content.
        """
        shown = self._first_paint
        if shown is not None and self.settings is shown.settings:
            changed = view.content is None or view.content.text != shown.content
        else:
            changed = view.settings is not self.settings or view.catalog is not self.catalog
        self.settings = view.settings
        self.remote, self.snapshot, self.catalog = view.remote, view.snapshot, view.catalog
        return changed

    def remember_start(self, view: TrustedView | None = None) -> bool:
        """Save what is in effect for the next start's first paint (blocking: a job).

        ``view``: the trusted load just adopted; without it, the trusted settings and
        the catalog in effect now (after a central catalog update). Writes only what
        came from the IT sources and the checked central catalog, only when it is
        clean, and only when the snapshot in the cache differs from it.
        """
        if view is None:
            with self._trust_lock:
                settings, taken = self._verified, self._taken
            if settings is None or taken is None or settings is not self.settings:
                return False
            remote = self.remote
            depends = self._depends(remote)
            view = self._view(settings, remote, self.snapshot, warm.key(taken, depends), depends)
        if view.content is None or view.keyed is None:
            return False
        shown = self._first_paint
        if shown is not None and (shown.content, shown.keyed) == (view.content.text, view.keyed):
            return False  # the snapshot shown was exactly this
        return warm.save(self.paths, view.keyed, view.depends, view.content)

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

    def _trusted_remote(self, trusted: Settings) -> RemoteCatalog | None:
        """The central catalog the trusted settings name (the shown one if it is that)."""
        if not trusted.tenant.catalog.configured:
            return None
        from workplace.catalog.remote import RemoteCatalog
        from workplace.catalog.snapshot import CatalogSource

        remote = self.remote
        if remote is not None and remote.source == CatalogSource.from_settings(trusted):
            return remote
        remote = RemoteCatalog(self.paths, self.session, trusted)
        return remote if remote.source is not None else None

    def _trusted_snapshot(self, trusted: Settings) -> CatalogSnapshot | None:
        """The central catalog in effect, if it is the one the trusted settings name."""
        from workplace.catalog.snapshot import CatalogSource

        snapshot = self.snapshot
        if snapshot is not None and snapshot.source == CatalogSource.from_settings(trusted):
            return snapshot
        remote = self._trusted_remote(trusted)
        return remote.cached() if remote is not None else None

    # -- GUI thread: swap in new values -------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Show ``settings`` (a job's result, applied on the GUI thread)."""
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
        """The one session factory: proxy, trust and byte counter (imports urllib3)."""
        trusted = self.trusted()
        with self._network_lock:
            if self._network is None:
                from workplace.net.setup import NetworkSetup

                self._network = NetworkSetup.from_settings(trusted)
            return self._network

    def session(self) -> HttpSession:
        """A new session from :meth:`network` (the factory handed to auth and the catalog)."""
        return self.network()()

    def auth(self) -> AuthService | None:
        """The sign-in service (None without an identity provider). Blocking: a job."""
        return self.auth_factory(self, self.open_url)

    @property
    def icon_cache(self) -> IconCache:
        """Downloaded service icons (cheap to build: no HTTP import until a fetch)."""
        if self._icons is None:
            from workplace.catalog.icons import IconCache

            self._icons = IconCache(self.paths, self.session)
        return self._icons

    def close(self) -> None:
        """Free the network's pooled connections (a command at its end)."""
        with self._network_lock:
            network, self._network = self._network, None
        if network is not None:
            network.close()

    # -- blocking calls, run as jobs ----------------------------------------

    def fetch_icons(self, urls: tuple[str, ...]) -> dict[str, Path]:
        """Download the service icons not on disk yet (IT's probe budget); never raises."""
        budget = float(self.trusted().tenant.network.probe_budget_seconds)
        return self.icon_cache.fetch(urls, budget_s=max(5.0, budget))

    def save_preferences(self, settings: Settings, **changes: Any) -> Settings:
        """Save ``changes`` on top of the trusted settings (IT's locks hold); the new
        settings come back. ``settings`` (what the window showed) is not trusted."""
        del settings
        with self._trust_lock:
            saved = self.preferences.save(self._models(), **changes)
            self._verified = saved
            return saved

    def launch(
        self, service: Service, low_bandwidth: bool = False, link: str | None = None
    ) -> Launched:
        """Open ``service`` as the trusted settings define it (blocking: a job).

        ``service`` may come from a warm start's first paint: it is looked up again
        in the trusted catalog and refused if it is not there, so a tile the snapshot
        made up never runs. ``link``: open the service at the address this link leads
        to (a meeting, a chat room, the compose view), routed again here on the trusted
        settings. Raises :class:`LaunchError`.
        """
        trusted = self.trusted()
        allowed = self._allowed(service, trusted)
        if link is not None:
            allowed = self._at_link(allowed, link)
        return self._trusted_launcher(trusted).launch(allowed, low_bandwidth)

    # -- links (workplace.links): routed on the trusted settings and catalog ------

    def route_link(self, text: str) -> Action:
        """What to do with an incoming link (blocking the first time at a warm start: a job).

        The catalog is the trusted effective one (configuration plus the central
        catalog), so a service only the central catalog has is reachable.
        """
        from workplace.catalog.effective import effective_catalog
        from workplace.links.route import route

        trusted = self.trusted()
        catalog = effective_catalog(trusted, self._trusted_snapshot(trusted))
        return route(text, catalog, trusted.tenant.links, trusted.tenant.native_apps)

    def _at_link(self, service: Service, link: str) -> Service:
        from workplace.links.action import OpenService

        action = self.route_link(link)
        if not isinstance(action, OpenService) or action.service.id != service.id:
            raise LaunchError(LaunchErrorKind.NOT_ALLOWED, "the link does not lead to this service")
        return service.model_copy(
            update={"url": action.url, "low_bandwidth_url": action.low_bandwidth_url}
        )

    def follow_link(self, text: str, *, confirmed: bool = False) -> Launched:
        """Open what the link ``text`` leads to when that is no service: an address IT
        configured, IT's mail program or softphone, or (``confirmed`` by the user) a web
        address outside the catalog. Routed again here; raises :class:`LaunchError`."""
        from workplace.links.action import AskFirst, OpenAddress, StartProgram

        action = self.route_link(text)
        launcher = self._trusted_launcher(self.trusted())
        if isinstance(action, OpenAddress):
            if action.desktop:
                return launcher.open_on_desktop(action.url)
            return launcher.open_web(action.url)
        if isinstance(action, StartProgram):
            return launcher.start_program(action.app_id, action.argument)
        if isinstance(action, AskFirst) and confirmed:
            return launcher.open_web(action.url)
        raise LaunchError(LaunchErrorKind.NOT_ALLOWED, "this link is not opened this way")

    def sync_mail_links(self, wanted: bool) -> LinkResult:
        """Make the launcher the user's program for e-mail links, or not (IT's locked
        value wins). Blocking (runs xdg-mime): a job. Raises ``LinkHandlerError``."""
        from workplace.system.linkhandler import sync_mail_links

        trusted = self.trusted()
        if trusted.is_locked("mail_links"):
            wanted = trusted.preferences.mail_links
        return sync_mail_links(wanted)

    def _allowed(self, service: Service, trusted: Settings) -> Service:
        from workplace.catalog.effective import effective_catalog

        found = effective_catalog(trusted, self._trusted_snapshot(trusted)).get(service.id)
        if found is not None:
            return found
        support = trusted.tenant.organisation.support.url
        if service.native_app is None and support and service.url == support:
            return service  # the service desk's page of the help dialog
        log.info("refused to open %r: not in the trusted catalog", service.id)
        raise LaunchError(
            LaunchErrorKind.NOT_ALLOWED,
            f"{service.id!r} is not a service of the IT configuration",
        )

    def _trusted_launcher(self, trusted: Settings) -> Launcher:
        built = self._launcher
        if built is not None and built[0].tenant.native_apps == trusted.tenant.native_apps:
            return built[1]
        launcher = make_launcher(trusted, self.open_url)
        self._launcher = (trusted, launcher)
        return launcher

    def record_launch(self, service_id: str) -> list[str]:
        """Remember a launch; returns the recent ids, newest first (writer queue only)."""
        self.state.record_launch(service_id)
        return self.state.recent

    def recent(self) -> list[str]:
        return self.state.recent

    def save_geometry(self, geometry: bytes) -> None:
        self.state.window_geometry = geometry

    def detect_profile(
        self, reachability: Reachability, metered: bool, os_captive: bool | None = None
    ) -> ConnectionProfile:
        """Office, home, mobile, captive portal or offline (a few seconds at most)."""
        from workplace.net.detect import detect_profile

        profile = detect_profile(
            self.network().factory(retries=0),
            self.trusted().tenant.network,
            reachability=reachability,
            metered=metered,
            os_captive=os_captive,
        )
        with self._seen_lock:
            self._profile = profile
        return profile

    def probe(
        self, services: tuple[Service, ...], profile: ConnectionProfile, policy: ProfilePolicy
    ) -> Mapping[str, ServiceStatus]:
        """One status round within IT's time budget; never raises."""
        from workplace.status.probe import ProbeOptions, probe_services

        trusted = self.trusted()
        network = trusted.tenant.network
        options = ProbeOptions(
            budget=float(network.probe_budget_seconds),
            slow_ms=network.slow_threshold_ms,
            scope=policy.probes,
            issuer=trusted.tenant.identity_provider.issuer,
        )
        statuses = probe_services(services, profile, self.network().factory(retries=0), options)
        with self._seen_lock:
            self._statuses.update(statuses)
        return statuses

    def refresh_catalog(self) -> RefreshResult | None:
        """Fetch the central catalog (conditional GET); None when none is configured."""
        remote = self._trusted_remote(self.trusted())
        return remote.refresh() if remote is not None else None

    def sync_start_at_login(self, wanted: bool) -> SyncResult:
        """Make the system match ``wanted`` (IT's locked value wins)."""
        from workplace.system.autostart import autostart_for, sync_start_at_login

        trusted = self.trusted()
        if trusted.is_locked("start_at_login"):
            wanted = trusted.preferences.start_at_login
        return sync_start_at_login(wanted, autostart_for())

    def diagnostics(
        self, *, metered: bool = False, fresh: bool = False
    ) -> dict[str, Any]:
        """What ``workplace doctor --json`` reports, about this running session.

        It uses this session's network setup (its PAC file, the proxies that failed,
        its byte count), the last connection profile and the statuses already known;
        ``fresh`` (the doctor command) detects the profile and probes every service now.
        """
        from workplace.diagnostics import collect

        trusted = self.trusted()
        with self._seen_lock:
            profile = None if fresh else self._profile
            statuses = None if fresh else dict(self._statuses)
        return collect(
            trusted,
            self.network(),
            self._trusted_remote(trusted),
            self._trusted_snapshot(trusted),
            profile=profile,
            statuses=statuses,
            metered=metered,
        )


NETWORK_PREFERENCES = (
    "proxy_mode", "proxy_pac_url", "proxy_http", "proxy_https", "proxy_exclusions",
)


def make_launcher(settings: Settings, open_url: OpenUrl = open_in_browser) -> Launcher:
    """The launcher for the local native apps; ``open_url`` replaces webbrowser in tests."""
    return Launcher(settings.tenant.native_apps, open_url=open_url)
