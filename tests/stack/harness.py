# SPDX-License-Identifier: EUPL-1.2
"""Test helpers for the sign-in tests: a clock, the in-process browser, a request
recorder and the harness that builds AuthService instances against the test provider."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from fake_browser import browse
from provider import TestProvider

from workplace.auth import AuthService, KeyringStore
from workplace.auth.client import TokenClient
from workplace.config.paths import Paths
from workplace.config.schema import IdentityProvider
from workplace.net.http import HttpSession, Response, create_session


@dataclass
class FakeClock:
    """Real time plus an offset the test moves forward; nothing sleeps."""

    offset: float = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@dataclass
class StillClock:
    """Stands still from the real time of its making until the test moves it forward:
    what a test of elapsed waits adds up needs no real time in it."""

    now: float = field(default_factory=time.time)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class Browser:
    """Stands in for the system browser, in process: submits the real sign-in form."""

    action: str = "login"
    visits: list[str] = field(default_factory=list)
    before: Callable[[str], None] | None = None
    session: requests.Session = field(default_factory=requests.Session)
    pages: list[str] = field(default_factory=list)
    """The last page of each visit."""
    history: list[tuple[str, str]] = field(default_factory=list)
    """``(url, html)`` of every page seen on the way."""

    def __call__(self, url: str) -> bool:
        self.visits.append(url)
        if self.before:
            self.before(url)
        if self.action == "ignore":
            return True
        response = browse(url, action=self.action, session=self.session, history=self.history)
        self.pages.append(response.text if response is not None else "")
        return True

    def params(self, index: int = -1) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.visits[index]).query).items()}

    def landed(self, prefix: str) -> dict[str, str]:
        """The query of the last page seen whose URL starts with ``prefix``."""
        url = next(seen for seen, _ in reversed(self.history) if seen.startswith(prefix))
        return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


@dataclass
class Recorder:
    """Every request the launcher makes: (method, path)."""

    calls: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hook(self, response: Response) -> None:
        with self.lock:
            self.calls.append((response.method, urlsplit(response.url).path))

    def paths(self) -> list[str]:
        return [path for _, path in self.calls]


@dataclass
class Harness:
    provider: TestProvider
    paths: Paths
    browser: Browser
    clock: FakeClock
    recorder: Recorder
    keyring: KeyringStore
    config: IdentityProvider
    services: list[AuthService] = field(default_factory=list)
    timeout: tuple[float, float] = (5.0, 15.0)

    def session_factory(self) -> HttpSession:
        session = create_session(timeout=self.timeout, retries=0)
        session.hooks["response"].append(self.recorder.hook)
        return session

    def client(self, cls: type[TokenClient] = TokenClient, **kwargs: Any) -> TokenClient:
        """The real token client for the test provider, or ``cls``, a test's wrapper of it."""
        return cls(kwargs.pop("config", self.config), self.paths.cache_dir,
                   self.session_factory, clock=kwargs.pop("clock", self.clock), **kwargs)

    def service(self, **kwargs: Any) -> AuthService:
        # Each plan at the start of its window (``draw``): the fake clock must not run
        # past the test provider's one-hour ID tokens, or their times look wrong.
        options: dict[str, Any] = {"open_browser": self.browser, "clock": self.clock,
                                   "draw": lambda: 0.999}
        options.update(kwargs)
        config = options.pop("config", self.config)
        keyring_store = options.pop("keyring_store", self.keyring)
        service = AuthService(config, self.paths, self.session_factory, keyring_store,
                              **options)
        self.services.append(service)
        return service

    def stored(self) -> str | None:
        return self.keyring.load(f"arbeitsplatz@{self.provider.issuer}")

    def token_request(self, **data: str) -> requests.Response:
        with requests.Session() as session:
            session.trust_env = False
            return session.post(f"{self.provider.issuer}/token",
                                data={"client_id": "arbeitsplatz", **data}, timeout=10)


def tenant_config(issuer: str, **kwargs: Any) -> IdentityProvider:
    return IdentityProvider(issuer=issuer, extra_auth_params={"prompt": "consent"}, **kwargs)
