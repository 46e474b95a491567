# SPDX-License-Identifier: EUPL-1.2
"""Settings -> one session factory for the whole program (proxy, extra CA, byte counter).

``app.py`` builds one :class:`NetworkSetup` from the settings and passes it (it is a
``Callable[[], HttpSession]``) wherever a session factory is wanted: AuthService,
RemoteCatalog, the probes. All sessions share one byte counter, one proxy policy (so
a PAC file is fetched once) and one trust context (the OS store is read once).

They also share one transport (keep-alive connection pools) per (timeout, retries)
setting: each call still returns a fresh session (own headers, safe to close), but a
connection, and
its TLS handshake, made by one is reused by the next (probe rounds, the silent
refresh, the catalog's conditional GET) while the server keeps it open.

Importing this module is cheap: urllib3 and truststore load on the first session.
requests never does: only pypac needs it, and pypac loads with a PAC file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from workplace.net.errors import NetworkError
from workplace.net.proxy import Exclusions, PacError, PacFetcher, ProxyPolicy, mask_credentials

if TYPE_CHECKING:
    import ssl

    from workplace.config.schema import Preferences
    from workplace.config.settings import Settings
    from workplace.net.http import ByteCounter, HttpSession, Transport

MAX_PAC_BYTES = 1024 * 1024


def proxy_policy(preferences: Preferences) -> tuple[ProxyPolicy, str]:
    """The proxy policy the preferences ask for, and a problem if they are incomplete."""
    mode = preferences.proxy_mode
    if mode == "pac":
        if not preferences.proxy_pac_url:
            return ProxyPolicy("system"), "proxy_mode is pac but proxy_pac_url is empty"
        return ProxyPolicy.pac(preferences.proxy_pac_url), ""
    if mode == "manual":
        if not (preferences.proxy_http or preferences.proxy_https):
            return ProxyPolicy("system"), "proxy_mode is manual but no proxy is set"
        return ProxyPolicy(
            "manual",
            http=preferences.proxy_http or preferences.proxy_https,
            https=preferences.proxy_https or preferences.proxy_http,
            exclusions=Exclusions(tuple(preferences.proxy_exclusions)),
        ), ""
    return ProxyPolicy(mode), ""


class NetworkSetup:
    """The program's session factory. Calling it returns a new configured session."""

    def __init__(
        self,
        proxy: ProxyPolicy | None = None,
        *,
        ca_bundle: str = "",
        counter: ByteCounter | None = None,
        problems: tuple[str, ...] = (),
    ) -> None:
        self.proxy = proxy or ProxyPolicy("system")
        self.ca_bundle = ca_bundle
        self.problems: list[str] = list(problems)
        self._counter = counter
        self._context: ssl.SSLContext | None = None
        self._transports: dict[tuple[tuple[float, float], int], Transport] = {}
        self._lock = threading.Lock()
        if self.proxy.mode in ("pac", "system") and self.proxy.pac_fetcher is None:
            self.proxy.pac_fetcher = fetch_pac(self.direct_session)

    @classmethod
    def from_settings(cls, settings: Settings, counter: ByteCounter | None = None) -> NetworkSetup:
        proxy, problem = proxy_policy(settings.preferences)
        return cls(
            proxy,
            ca_bundle=settings.tenant.network.extra_ca_bundle,
            counter=counter,
            problems=(problem,) if problem else (),
        )

    @property
    def counter(self) -> ByteCounter:
        """Bytes sent and received by every session of this setup."""
        with self._lock:
            if self._counter is None:
                from workplace.net.http import ByteCounter

                self._counter = ByteCounter()
            return self._counter

    def _trust(self) -> ssl.SSLContext:
        from workplace.net.errors import NetworkError
        from workplace.net.http import trust_context

        with self._lock:
            if self._context is None:
                try:
                    self._context = trust_context(self.ca_bundle or None)
                except NetworkError as exc:
                    # Public services still work with the OS store; doctor says why
                    # the agency's own servers fail.
                    self.problems.append(f"{exc.detail}; using the OS trust store only")
                    self._context = trust_context(None)
            return self._context

    def trust(self) -> ssl.SSLContext:
        """The TLS trust context every session uses (for non-HTTP TLS such as IMAP)."""
        return self._trust()

    @property
    def ca_loaded(self) -> bool | None:
        """Whether the extra CA bundle is in use (None: none configured, or not built yet)."""
        if not self.ca_bundle or self._context is None:
            return None
        return not any("extra CA bundle" in p for p in self.problems)

    def session(
        self, *, timeout: tuple[float, float] | None = None, retries: int = 2,
        proxy: ProxyPolicy | None = None,
    ) -> HttpSession:
        """A new session with this setup's proxy, trust and counter.

        With this setup's own proxy it uses the shared transport for ``timeout`` and
        ``retries`` (keep-alive connections outlive the session); another ``proxy``
        gets a private transport, closed with the session.
        """
        from workplace.net.http import DEFAULT_TIMEOUT, create_session, create_transport

        timeout = timeout or DEFAULT_TIMEOUT
        if proxy is not None and proxy is not self.proxy:
            return create_session(
                timeout=timeout, retries=retries, counter=self.counter, proxy=proxy,
                context=self._trust(),
            )
        counter, context = self.counter, self._trust()
        with self._lock:
            transport = self._transports.get((timeout, retries))
            if transport is None:
                transport = create_transport(
                    timeout=timeout, retries=retries, counter=counter, proxy=self.proxy,
                    context=context, shared=True,
                )
                self._transports[(timeout, retries)] = transport
        return create_session(transport=transport)

    def close(self) -> None:
        """Close the pooled keep-alive connections (sessions made later open new ones)."""
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.dispose()

    def __call__(self) -> HttpSession:
        return self.session()

    def factory(
        self, *, timeout: tuple[float, float] | None = None, retries: int = 2
    ) -> Callable[[], HttpSession]:
        """A session factory with other timeouts or retries (probes use ``retries=0``)."""
        return lambda: self.session(timeout=timeout, retries=retries)

    def direct_session(self) -> HttpSession:
        """A session that never uses a proxy (to fetch the PAC file itself)."""
        return self.session(retries=1, proxy=ProxyPolicy("none"))

    def describe(self) -> dict[str, Any]:
        """Proxy and trust in effect, for doctor. No credentials."""
        self.proxy.load()
        self._trust()
        trust: dict[str, Any] = {"store": "operating system (truststore)"}
        if self.ca_bundle:
            trust["extra_ca_bundle"] = self.ca_bundle
            trust["extra_ca_loaded"] = bool(self.ca_loaded)
            trust["extra_ca_exists"] = os.path.isfile(self.ca_bundle)
        problems = list(self.problems)
        if self.proxy.effective_problem:
            problems.append(self.proxy.effective_problem)
        return {
            "proxy": self.proxy.describe(),
            "trust": trust,
            "problems": [mask_credentials(p) for p in problems],
        }


def fetch_pac(session_factory: Callable[[], HttpSession]) -> PacFetcher:
    """A PAC fetcher on a direct session (``session_factory`` must not use a proxy)."""

    def fetch(url: str) -> str:
        from workplace.net.http import get_capped  # urllib3: not at the first paint

        session = session_factory()
        try:
            got = get_capped(
                session, url, max_bytes=MAX_PAC_BYTES,
                accept="application/x-ns-proxy-autoconfig, */*",
            )
        except NetworkError as exc:
            raise PacError(exc.message) from None
        finally:
            session.close()
        if got.status != 200:
            raise PacError(f"the server answered HTTP {got.status}")
        if got.truncated:
            raise PacError(f"the PAC file is larger than {MAX_PAC_BYTES // 1024} KiB")
        return got.body.decode("utf-8", errors="replace")

    return fetch
