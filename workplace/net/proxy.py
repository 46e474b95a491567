# SPDX-License-Identifier: EUPL-1.2
"""Which proxy a request takes: the system's, a PAC file's answer, a manual one, or none.

A :class:`ProxyPolicy` answers :meth:`~ProxyPolicy.proxies_for` for every request the
session sends (redirect hops included), so the choice is made per URL:

- ``system``: the proxy environment variables (``http_proxy``/``https_proxy``/``no_proxy``)
  when set; else on Linux the desktop's settings (GNOME or KDE), on Windows and macOS
  the OS's automatic configuration script (see :mod:`workplace.net.desktop_proxy`),
  followed like a manual proxy or a PAC file; else the OS's manual proxy through
  :func:`urllib.request.getproxies`;
- ``pac``: the PAC file is fetched once (directly, never through a proxy) and evaluated
  per URL with pypac; if it cannot be fetched or run, requests go direct and
  :attr:`ProxyPolicy.problem` says why;
- ``manual``: one proxy for http and one for https, except for the exclusions;
- ``none``: always direct, environment variables ignored.

Proxy URLs shown anywhere go through :func:`mask_credentials`.
"""

from __future__ import annotations

import fnmatch
import ipaddress
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from workplace.net.desktop_proxy import DesktopProxy

log = logging.getLogger("workplace.net")

ProxyMode = Literal["system", "pac", "manual", "none"]
DIRECT: Mapping[str, str] = {}
"""No proxy: an empty ``{scheme: proxy}`` mapping handed to the transport."""
FAILED_PROXY_SECONDS = 300.0
"""How long a proxy that could not be reached is tried last (Chromium uses 5 minutes)."""


def mask_credentials(url: str) -> str:
    """``http://user:secret@proxy:3128`` -> ``http://***@proxy:3128`` (for logs and doctor)."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url if "://" in url else f"http://{url}")
    except ValueError:
        return "***"
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, f"***@{host}", parts.path, "", ""))


# --------------------------------------------------------------------------- exclusions


@dataclass(frozen=True)
class Exclusions:
    """no_proxy-style rules: names (with subdomains), .domain, *.domain, IPs, networks,
    host:port, ``<local>`` (dotless names) and ``*``. Matching is exact on label
    boundaries: ``example.org`` matches ``a.example.org`` but not ``badexample.org``."""

    entries: tuple[str, ...] = ()

    def matches(self, url: str) -> bool:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return False
        return any(_match_one(entry.strip().lower(), host, port) for entry in self.entries)


def _match_one(entry: str, host: str, port: int) -> bool:
    if not entry:
        return False
    if entry == "*":
        return True
    if entry == "<local>":
        return "." not in host and ":" not in host
    address = _ip(host)
    network = _network(entry)
    if network is not None:
        return address is not None and address.version == network.version and address in network
    wanted_port: int | None = None
    if entry.count(":") == 1 and not entry.startswith("["):
        entry, _, port_text = entry.partition(":")
        if not port_text.isdigit():
            return False
        wanted_port = int(port_text)
    entry = entry.strip("[]")
    if wanted_port is not None and wanted_port != port:
        return False
    if entry.startswith("*."):
        entry = entry[1:]
    if entry.startswith("."):
        return host.endswith(entry) or host == entry[1:]
    if "*" in entry:
        return fnmatch.fnmatchcase(host, entry)
    return host == entry or host.endswith("." + entry)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _network(entry: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(entry.strip("[]"), strict=False)
    except ValueError:
        return None


# --------------------------------------------------------------------------- PAC


class PacError(Exception):
    """The PAC file could not be fetched or evaluated."""


PacFetcher = Callable[[str], str]
"""Fetches the PAC file's text (directly, without a proxy) or raises."""


class PacResolver:
    """Evaluates a PAC file's ``FindProxyForURL`` (pypac, embedded JavaScript engine).

    The JavaScript engine is not thread-safe; calls are serialised. Results are cached per
    scheme and host, which is what nearly every PAC file decides on.
    """

    def __init__(self, script: str) -> None:
        from pypac.parser import (  # type: ignore[import-untyped]
            MalformedPacError,
            PACFile,
        )

        try:
            self._pac = PACFile(script)
        except MalformedPacError as exc:
            raise PacError(f"the PAC file is not valid: {exc}") from None
        except Exception as exc:  # the engine raises its own error types
            raise PacError(f"the PAC file cannot be run: {exc}") from None
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], str] = {}

    def proxy_for(self, url: str) -> str | None:
        """The first proxy URL the PAC file names for ``url``, or None for DIRECT."""
        return self.candidates_for(url)[0]

    def candidates_for(self, url: str) -> list[str | None]:
        """Every usable answer of the PAC file for ``url`` in its order (None: DIRECT).

        ``PROXY a; PROXY b; DIRECT`` gives ``[a, b, None]``; the caller tries them in
        turn. SOCKS entries are skipped; an answer with nothing usable means DIRECT.
        """
        from pypac.parser import parse_pac_value

        parts = urlsplit(url)
        host = parts.hostname or ""
        key = (parts.scheme, host)
        with self._lock:
            answer = self._cache.get(key)
            if answer is None:
                # The path and query are left out: PAC files get no more than they need
                # (Chrome strips them for https too).
                plain = urlunsplit((parts.scheme, parts.netloc.rsplit("@", 1)[-1], "/", "", ""))
                try:
                    answer = str(self._pac.find_proxy_for_url(plain, host) or "DIRECT")
                except Exception as exc:
                    log.warning("the PAC file failed for %s (%s); going direct", host, exc)
                    answer = "DIRECT"
                self._cache[key] = answer
        found: list[str | None] = []
        for value in parse_pac_value(answer):
            if value == "DIRECT":
                found.append(None)
                break  # nothing after DIRECT is ever needed
            if value.startswith(("http://", "https://")):
                found.append(str(value))
            else:
                log.debug("skipping unsupported PAC proxy %s", mask_credentials(value))
        return found or [None]


# --------------------------------------------------------------------------- the policy


@dataclass
class ProxyPolicy:
    """How requests find their proxy. Shared by every session of one :class:`NetworkSetup`."""

    mode: ProxyMode = "system"
    http: str = ""
    https: str = ""
    exclusions: Exclusions = field(default_factory=Exclusions)
    pac_url: str = ""
    pac_fetcher: PacFetcher | None = None
    problem: str = ""
    """Why the configured proxy is not (fully) in effect; empty when all is well."""
    desktop_reader: Callable[[], DesktopProxy | None] | None = field(default=None, repr=False)
    """System mode: reads the desktop's or OS's proxy settings (default: the real ones)."""
    _desktop: ProxyPolicy | None = field(default=None, repr=False)
    _desktop_found: DesktopProxy | None = field(default=None, repr=False)
    _desktop_tried: bool = field(default=False, repr=False)
    _pac: PacResolver | None = field(default=None, repr=False)
    _pac_tried: bool = field(default=False, repr=False)
    _failed: dict[str, float] = field(default_factory=dict, repr=False)
    """Proxies that could not be reached, until when they are tried last (monotonic)."""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def manual(
        cls, http: str = "", https: str = "", exclusions: Iterable[str] = ()
    ) -> ProxyPolicy:
        return cls(
            "manual", http=http, https=https or http, exclusions=Exclusions(tuple(exclusions))
        )

    @classmethod
    def pac(cls, url: str, fetcher: PacFetcher | None = None) -> ProxyPolicy:
        return cls("pac", pac_url=url, pac_fetcher=fetcher)

    @property
    def trust_env(self) -> bool:
        """Whether the proxy environment variables apply (system mode only)."""
        return self.mode == "system"

    def proxies_for(self, url: str) -> Mapping[str, str] | None:
        """The ``{scheme: proxy}`` for one request; None: the environment's (system)."""
        return self.choices_for(url)[0]

    def choices_for(self, url: str) -> list[Mapping[str, str] | None]:
        """What to try for one request, in order: a PAC file may name several proxies
        (``PROXY a; PROXY b; DIRECT``); one that failed in the last five minutes is
        tried last, as browsers do. Never empty."""
        if self.mode == "system":
            desktop = self._desktop_policy()
            return [None] if desktop is None else desktop.choices_for(url)
        if self.mode != "pac":
            return [self._single(url)]
        resolver = self._resolver()
        if resolver is None:
            return [DIRECT]
        scheme = urlsplit(url).scheme.lower()
        choices: list[Mapping[str, str] | None] = [
            {scheme: found} if found else DIRECT for found in resolver.candidates_for(url)
        ]
        now = time.monotonic()
        with self._lock:
            failed = {proxy for proxy, until in self._failed.items() if until > now}

        def known_bad(choice: Mapping[str, str] | None) -> bool:
            return bool(choice) and any(v in failed for v in (choice or {}).values())

        return sorted(choices, key=known_bad)  # stable: the PAC file's order otherwise

    def failed(self, chosen: Mapping[str, str] | None) -> None:
        """``chosen`` (from :meth:`choices_for`) could not be reached: try it last for a while."""
        if not chosen:
            return
        until = time.monotonic() + FAILED_PROXY_SECONDS
        with self._lock:
            for proxy in chosen.values():
                self._failed[proxy] = until
        desktop = self._desktop
        if desktop is not None:
            desktop.failed(chosen)

    def _single(self, url: str) -> Mapping[str, str] | None:
        if self.mode == "manual" and not self.exclusions.matches(url):
            scheme = urlsplit(url).scheme.lower()
            chosen = self.https if scheme == "https" else self.http
            return {scheme: chosen} if chosen else DIRECT
        return DIRECT  # none, or an excluded host

    def _resolver(self) -> PacResolver | None:
        with self._lock:
            if not self._pac_tried:
                self._pac_tried = True
                try:
                    if self.pac_fetcher is None:
                        raise PacError("no way to fetch the PAC file")
                    self._pac = PacResolver(self.pac_fetcher(self.pac_url))
                    log.info("using the PAC file %s", mask_credentials(self.pac_url))
                except Exception as exc:  # any failure means: go direct, and say so
                    where = mask_credentials(self.pac_url)
                    self.problem = f"PAC file {where}: {exc}; going direct"
                    log.warning("%s", self.problem)
            return self._pac

    def _desktop_policy(self) -> ProxyPolicy | None:
        """System mode: the desktop's proxy as a policy of its own, read once."""
        with self._lock:
            if not self._desktop_tried:
                self._desktop_tried = True
                reader = self.desktop_reader
                if reader is None:
                    from workplace.net.desktop_proxy import read_desktop_proxy

                    reader = read_desktop_proxy
                found = reader()
                if found is not None:
                    self._desktop_found = found
                    self._desktop = _policy_for(found, self.pac_fetcher)
                    if found.problem:
                        self.problem = f"{found.source}: {found.problem}"
                        log.warning("%s", self.problem)
                    log.info("following the proxy settings of %s (%s)", found.source, found.mode)
            return self._desktop

    def load(self) -> None:
        """Fetch and compile the PAC file now (on a worker thread), instead of on first use."""
        if self.mode == "pac":
            self._resolver()
        elif self.mode == "system":
            desktop = self._desktop_policy()
            if desktop is not None:
                desktop.load()

    def describe(self) -> dict[str, Any]:
        """What is in effect, for doctor: no credentials, ever."""
        out: dict[str, Any] = {"mode": self.mode}
        if self.mode == "manual":
            out.update(
                http=mask_credentials(self.http),
                https=mask_credentials(self.https),
                exclusions=list(self.exclusions.entries),
            )
        elif self.mode == "pac":
            out.update(pac_url=mask_credentials(self.pac_url), loaded=self._pac is not None)
            now = time.monotonic()
            with self._lock:
                failing = sorted(p for p, until in self._failed.items() if until > now)
            if failing:
                out["unreachable"] = [mask_credentials(p) for p in failing]
        elif self.mode == "system":
            out["environment"] = system_proxies()
            found, desktop = self._desktop_found, self._desktop
            if found is not None and desktop is not None:
                inner = desktop.describe()
                inner.pop("problem", None)
                out["desktop"] = {"source": found.source, **inner}
        if self.effective_problem:
            out["problem"] = self.effective_problem
        return out

    @property
    def effective_problem(self) -> str:
        """:attr:`problem`, or in system mode that of the desktop's proxy (its PAC file)."""
        desktop = self._desktop
        return self.problem or (desktop.problem if desktop is not None else "")


def _policy_for(found: DesktopProxy, pac_fetcher: PacFetcher | None) -> ProxyPolicy:
    if found.mode == "manual":
        return ProxyPolicy.manual(found.http, found.https, found.exclusions)
    if found.mode == "pac":
        return ProxyPolicy.pac(found.pac_url, pac_fetcher)
    return ProxyPolicy("none")


def system_proxies() -> dict[str, str]:
    """The proxies the environment/OS names (:func:`environment_proxy` picks from them),
    credentials masked."""
    import urllib.request

    found = urllib.request.getproxies()
    return {k: mask_credentials(v) for k, v in sorted(found.items()) if isinstance(v, str)}


def environment_proxy(url: str) -> str | None:
    """The proxy the environment (``http_proxy``, ``https_proxy``, ``all_proxy``) or the
    OS's manual setting names for ``url``, None for direct: ``no_proxy`` (names on label
    boundaries, IPs and networks, as :class:`Exclusions`) and the OS's bypass list
    (:func:`urllib.request.proxy_bypass`) exclude hosts, as requests did."""
    import urllib.request

    found = urllib.request.getproxies()
    parts = urlsplit(url)
    proxy = found.get(parts.scheme.lower()) or found.get("all")
    if not proxy:
        return None
    no_proxy = found.get("no", "")
    if no_proxy and Exclusions(tuple(no_proxy.replace(" ", "").split(","))).matches(url):
        return None
    host = parts.hostname or ""
    try:
        if host and urllib.request.proxy_bypass(host):
            return None
    except OSError:  # the OS's bypass check may resolve the name (macOS, Windows)
        pass
    return str(proxy)
