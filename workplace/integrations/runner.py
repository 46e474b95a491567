# SPDX-License-Identifier: EUPL-1.2
"""Integrations: one check of one integration, with its token, as a blocking call.

Every method but :meth:`Integrations.names` and :meth:`Integrations.stop_watch` blocks
(network, keyring) and runs in a worker job; results are plain :class:`Reading`
values the GUI thread applies. A check never sees the refresh token: it asks the
sign-in for "a token for X" and says "this token was refused".

A check, in order:
1. signed out -> SIGNED_OUT; no token could be had -> FAILING (the sign-in says why);
2. the provider will not issue a token for the resource, or the token lacks the
   audience, scope or claims IT names -> NOT_AVAILABLE (no request to the service);
3. the service refuses the token -> it is marked refused, refreshed once and tried
   again; refused again -> SIGN_IN_AGAIN for this integration only;
4. insufficient scope -> NOT_AVAILABLE; network or server trouble -> FAILING.
"""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Protocol

import requests

from workplace.auth.app_passwords import AppPasswords
from workplace.auth.state import AuthState
from workplace.config.schema import (
    CalendarIntegration,
    IntegrationBase,
    MailIntegration,
    Service,
)
from workplace.config.schema import (
    Integrations as IntegrationSettings,
)
from workplace.integrations import caldav, claims, ox
from workplace.integrations.bearer import Validators, basic, bearer
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.meeting import meetings, service_hosts
from workplace.integrations.model import Availability, Reading

log = logging.getLogger("workplace.integrations")

Token = str


class TokenSource(Protocol):
    """What the integrations need of the sign-in (:class:`~workplace.auth.AuthService`)."""

    def status(self) -> AuthState: ...
    def token_for(self, resource: str | None = None) -> str | None: ...
    def refused(self, token: str, resource: str | None = None) -> None: ...


@dataclass(frozen=True)
class Context:
    """What a check needs from the running program, each a cheap call."""

    session: Callable[[], requests.Session]
    """The program's session factory (proxy, trust store, byte counter)."""
    trust: Callable[[], ssl.SSLContext]
    """The TLS context for IMAP (the same trust as HTTP)."""
    services: Callable[[], Iterable[Service]]
    """The effective catalog's services (meeting links go to their hosts)."""
    reminder_minutes: Callable[[], int]
    count: Callable[[int, int], None] | None = None
    """Adds IMAP bytes (sent, received) to the program's byte counter."""
    clock: Callable[[], float] = time.time


def need(config: IntegrationBase) -> claims.Need:
    return claims.Need(config.audience, tuple(config.scopes), tuple(config.claims))


def resource(config: IntegrationBase) -> str | None:
    return config.resource if config.token == "resource" else None  # noqa: S105


class Integrations:
    """The configured integrations of one tenant, checked with one sign-in."""

    def __init__(self, settings: IntegrationSettings, auth: TokenSource | None,
                 context: Context, app_passwords: AppPasswords | None = None) -> None:
        self._configs = settings.enabled()
        self._auth = auth
        self._context = context
        self._app_passwords = app_passwords
        self._validators = {name: Validators() for name in self._configs}
        self._known = {name: caldav.Known() for name in self._configs}
        self._watching: dict[str, object] = {}
        self._lock = threading.Lock()

    # -- what is configured ------------------------------------------------------

    def names(self) -> tuple[str, ...]:
        return tuple(self._configs)

    def config(self, name: str) -> IntegrationBase:
        return self._configs[name]

    def configs(self) -> dict[str, IntegrationBase]:
        return dict(self._configs)

    def needs_app_password(self, name: str) -> bool:
        config = self._configs.get(name)
        return isinstance(config, CalendarIntegration) and config.backend == "caldav" \
            and config.caldav_auth == "app_password"

    def can_hold(self, name: str) -> bool:
        """Whether ``name`` can be kept current over a held connection (IMAP IDLE)."""
        config = self._configs.get(name)
        return isinstance(config, MailIntegration) and config.backend == "imap" \
            and config.imap_idle

    # -- one check ---------------------------------------------------------------

    def _reading(self, name: str, availability: Availability, detail: str = "",
                 **values: object) -> Reading:
        config = self._configs[name]
        return Reading(name, config.service, availability, checked_at=self._context.clock(),
                       detail=detail, **values)  # type: ignore[arg-type]

    def check(self, name: str) -> Reading:
        """One check of ``name``: never raises, always a Reading."""
        config = self._configs[name]
        try:
            if self.needs_app_password(name):
                return self._with_password(name)
            return self._with_token(name, config)
        except Exception:  # a bug must not end the schedule: say so and go on
            log.exception("the %s check failed unexpectedly", name)
            return self._reading(name, Availability.FAILING, "unexpected failure")

    def _signed_in(self) -> AuthState | None:
        if self._auth is None:
            return None
        state = self._auth.status()
        return state if state.signed_in else None

    def _token(self, name: str, config: IntegrationBase) -> tuple[Token | None, Reading | None]:
        """A token that fits, or the reading that says why there is none."""
        from workplace.auth.tokens import OAuthError

        assert self._auth is not None
        try:
            token = self._auth.token_for(resource(config))
        except OAuthError as exc:
            log.info("%s: the provider does not grant a token for it (%s)", name, exc.error)
            return None, self._reading(
                name, Availability.NOT_AVAILABLE,
                f"the identity provider does not grant a token for {config.resource} "
                f"({exc.error})")
        if token is None:
            if self._signed_in() is None:
                return None, self._reading(name, Availability.SIGNED_OUT, "not signed in")
            return None, self._reading(name, Availability.FAILING,
                                       "no fresh token: the sign-in could not be refreshed")
        fit = claims.fit(token, need(config))
        if not fit.ok:
            detail = "; ".join(fit.problems())
            log.info("%s: not available for this user (%s)", name, detail)
            return None, self._reading(name, Availability.NOT_AVAILABLE, detail)
        return token, None

    def _with_token(self, name: str, config: IntegrationBase) -> Reading:
        if self._signed_in() is None:
            return self._reading(name, Availability.SIGNED_OUT, "not signed in")
        assert self._auth is not None
        for attempt in (1, 2):
            token, reading = self._token(name, config)
            if reading is not None:
                return reading
            assert token is not None
            try:
                return self._ask(name, config, token)
            except CheckError as exc:
                if exc.kind == CheckErrorKind.NOT_GRANTED:
                    return self._reading(name, Availability.NOT_AVAILABLE, exc.detail)
                if exc.kind == CheckErrorKind.FAILED:
                    return self._reading(name, Availability.FAILING, exc.detail)
                self._auth.refused(token, resource(config))
                if attempt == 1:
                    log.info("%s: the service refused the token; refreshing once", name)
                    continue
                log.info("%s: the service refused a fresh token too; sign-in needed", name)
                return self._reading(name, Availability.SIGN_IN_AGAIN, exc.detail)
        raise AssertionError("unreachable")

    def _with_password(self, name: str) -> Reading:
        config = self._configs[name]
        assert isinstance(config, CalendarIntegration)
        state = self._signed_in()
        if state is None:
            return self._reading(name, Availability.SIGNED_OUT, "not signed in")
        password = self._app_passwords.load(name) if self._app_passwords else None
        if not password:
            return self._reading(name, Availability.NEEDS_PASSWORD,
                                 "no application password has been entered yet")
        user = state.email
        try:
            return self._calendar(name, config, basic(user, password), user)
        except CheckError as exc:
            if exc.kind == CheckErrorKind.FAILED:
                return self._reading(name, Availability.FAILING, exc.detail)
            return self._reading(name, Availability.NEEDS_PASSWORD,
                                 "the calendar refused the application password")

    def _user(self, config: IntegrationBase, token: str, claim: str) -> str:
        found = claims.claim(token, claim)
        if found:
            return found
        state = self._signed_in()
        return state.email if state else ""

    def _ask(self, name: str, config: IntegrationBase, token: str) -> Reading:
        if isinstance(config, MailIntegration):
            if config.backend == "imap":
                count = self._imap_count(config, token)
            else:
                assert config.api_url
                with self._context.session() as session:
                    count = ox.unread(session, config.api_url, token, self._validators[name])
            return self._reading(name, Availability.OK, "", unread=count)
        assert isinstance(config, CalendarIntegration)
        return self._calendar(name, config, bearer(token), self._user(config, token, "email"),
                              token=token)

    def _calendar(self, name: str, config: CalendarIntegration, authorization: str,
                  user: str, token: str = "") -> Reading:
        now = self._context.clock()
        start, end = now - 3600, now + config.lookahead_hours * 3600
        with self._context.session() as session:
            if config.backend == "caldav":
                assert config.caldav_url
                url = config.caldav_url.replace("{user}", user)
                found = caldav.events(session, url, authorization, start=start, end=end,
                                      known=self._known[name])
            else:
                assert config.api_url
                found = ox.events(session, config.api_url, token, start=start, end=end,
                                  validators=self._validators[name])
        found = [event for event in found if event.start < end]  # a query may reach further
        upcoming = meetings(found, now=now, hosts=service_hosts(self._context.services()),
                            reminder_minutes=self._context.reminder_minutes())
        return self._reading(name, Availability.OK, "", meetings=upcoming)

    # -- IMAP ---------------------------------------------------------------------

    def _mailbox(self, config: MailIntegration, token: str) -> object:
        from workplace.integrations.imap import Mailbox

        mailbox = Mailbox(config.imap_host, config.imap_port, self._context.trust(),
                          counter=self._context.count)
        try:
            mailbox.sign_in(self._user(config, token, config.imap_login_claim), token,
                            config.imap_mechanism)
        except CheckError:
            mailbox.close()
            raise
        return mailbox

    def _imap_count(self, config: MailIntegration, token: str) -> int:
        from workplace.integrations.imap import Mailbox

        mailbox = self._mailbox(config, token)
        assert isinstance(mailbox, Mailbox)
        try:
            return mailbox.unseen()
        finally:
            mailbox.logout()

    def watch(self, name: str, on_reading: Callable[[Reading], None],
              stop: threading.Event) -> Reading | None:
        """Keep ``name`` current over a held connection (IMAP IDLE) until ``stop`` is set
        or :meth:`stop_watch` is called; every new count goes to ``on_reading`` (on this
        worker thread). Blocking for as long as it holds. Returns the reading that ended
        it (FAILING when the connection dropped, SIGN_IN_AGAIN, ...) or None when stopped.
        """
        from workplace.integrations.imap import Mailbox

        config = self._configs[name]
        assert isinstance(config, MailIntegration)
        if self._signed_in() is None:
            return self._reading(name, Availability.SIGNED_OUT, "not signed in")
        assert self._auth is not None
        mailbox: Mailbox | None = None
        for attempt in (1, 2):
            token, reading = self._token(name, config)
            if reading is not None:
                return reading
            assert token is not None
            try:
                opened = self._mailbox(config, token)
                assert isinstance(opened, Mailbox)
                mailbox = opened
                break
            except CheckError as exc:
                if exc.kind == CheckErrorKind.FAILED:
                    return self._reading(name, Availability.FAILING, exc.detail)
                self._auth.refused(token, resource(config))
                if attempt == 2:
                    return self._reading(name, Availability.SIGN_IN_AGAIN, exc.detail)
        assert mailbox is not None
        with self._lock:
            self._watching[name] = mailbox
        try:
            if stop.is_set():
                return None
            if not mailbox.can_idle:
                on_reading(self._reading(name, Availability.OK, "", unread=mailbox.unseen()))
                return self._reading(name, Availability.FAILING, "the server offers no IDLE")
            mailbox.watch(lambda count: on_reading(
                self._reading(name, Availability.OK, "", unread=count)), stop)
            return None
        except CheckError as exc:
            return self._reading(name, Availability.FAILING, exc.detail)
        finally:
            with self._lock:
                self._watching.pop(name, None)
            mailbox.close()

    def stop_watch(self, name: str | None = None) -> None:
        """End held connections (all, or ``name``'s) at once; no waiting."""
        from workplace.integrations.imap import Mailbox

        with self._lock:
            watching = [m for n, m in self._watching.items() if name in (None, n)]
        for mailbox in watching:
            assert isinstance(mailbox, Mailbox)
            mailbox.interrupt()  # the watching thread closes it

    # -- sign-out and application passwords --------------------------------------

    def save_app_password(self, name: str, password: str) -> None:
        """Keep the CalDAV application password the user entered (keyring)."""
        if self._app_passwords is None:
            raise RuntimeError("no application password store")
        self._app_passwords.save(name, password)

    def forget(self) -> None:
        """Sign-out: close connections, forget application passwords and everything
        known in memory (conditional-request validators, the last events)."""
        self.stop_watch()
        if self._app_passwords is not None:
            self._app_passwords.forget_all()
        for validators in self._validators.values():
            validators.clear()
        self._known = {name: caldav.Known() for name in self._configs}


def with_failures(reading: Reading, previous: Reading | None) -> Reading:
    """``reading`` with the last value kept and failures counted (see Reading.carried)."""
    carried = reading.carried(previous)
    if carried.availability != Availability.FAILING:
        return replace(carried, failures=0)
    return carried if previous is not None else replace(carried, failures=1)
