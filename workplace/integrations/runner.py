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
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from workplace.auth.app_passwords import AppPasswords
from workplace.auth.service_tokens import ServiceTokens
from workplace.auth.state import AuthState
from workplace.integrations import caldav, claims, nextcloud, ox, portal
from workplace.integrations.bearer import Validators, basic, bearer
from workplace.integrations.chat import Chat, device_name
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.kinds import is_calendar, is_chat, is_files, is_mail, is_portal
from workplace.integrations.meeting import meetings, service_hosts
from workplace.integrations.model import Availability, Notice, Reading
from workplace.net.hangup import Hangup

if TYPE_CHECKING:  # models or their records (kinds.py): pydantic is not needed here
    from workplace.config.schema import (
        CalendarIntegration,
        ChatIntegration,
        FilesIntegration,
        IntegrationBase,
        MailIntegration,
        PortalIntegration,
        Service,
    )
    from workplace.config.schema import (
        Integrations as IntegrationSettings,
    )
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.integrations")

Token = str
T = TypeVar("T")


def short_hostname() -> str:
    return socket.gethostname().split(".", 1)[0]


class TokenSource(Protocol):
    """What the integrations need of the sign-in (:class:`~workplace.auth.AuthService`)."""

    def status(self) -> AuthState: ...
    def token_for(self, resource: str | None = None) -> str | None: ...
    def refused(self, token: str, resource: str | None = None) -> None: ...


@dataclass(frozen=True)
class Context:
    """What a check needs from the running program, each a cheap call."""

    session: Callable[[], HttpSession]
    """The program's session factory (proxy, trust store, byte counter)."""
    trust: Callable[[], ssl.SSLContext]
    """The TLS context for IMAP (the same trust as HTTP)."""
    services: Callable[[], Iterable[Service]]
    """The effective catalog's services (meeting links go to their hosts)."""
    reminder_minutes: Callable[[], int]
    count: Callable[[int, int], None] | None = None
    """Adds IMAP bytes (sent, received) to the program's byte counter."""
    clock: Callable[[], float] = time.time
    open_browser: Callable[[str], bool] | None = None
    """Opens the system browser (the chat's single sign-on)."""
    host: Callable[[], str] = short_hostname
    """This computer's name, for the chat device ("Arbeitsplatz auf <host>")."""
    sso_seconds: float = 300.0
    """How long a chat sign-in in the browser may take."""


def need(config: IntegrationBase) -> claims.Need:
    return claims.Need(config.audience, tuple(config.scopes), tuple(config.claims))


def resource(config: IntegrationBase) -> str | None:
    return config.resource if config.token == "resource" else None  # noqa: S105


class Integrations:
    """The configured integrations of one tenant, checked with one sign-in."""

    def __init__(self, settings: IntegrationSettings, auth: TokenSource | None,
                 context: Context, app_passwords: AppPasswords | None = None,
                 service_tokens: ServiceTokens | None = None) -> None:
        self._configs = settings.enabled()
        self._auth = auth
        self._context = context
        self._app_passwords = app_passwords
        self._validators = {name: Validators() for name in self._configs}
        self._known = {name: caldav.Known() for name in self._configs}
        self._recent = nextcloud.Recent()
        self._announcements = portal.Announcements()
        self._chat: Chat | None = None
        chat = self._configs.get("chat")
        if is_chat(chat):
            self._chat = Chat(chat, service_tokens, open_browser=context.open_browser,
                              device=device_name(context.host()),
                              sso_seconds=context.sso_seconds)
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
        return is_calendar(config) and config.backend == "caldav" \
            and config.caldav_auth == "app_password"

    def can_hold(self, name: str) -> bool:
        """Whether ``name`` can be kept current over a held connection (IMAP IDLE, the
        chat's long-polling /sync, the portal's event stream); the window holds one only
        where the connection profile allows it
        (:func:`~workplace.integrations.schedule.held_connection_allowed`)."""
        config = self._configs.get(name)
        if is_chat(config):
            return config.long_poll
        if is_portal(config):
            return config.event_stream
        return is_mail(config) and config.backend == "imap" \
            and config.imap_idle

    def can_sign_in(self, name: str) -> bool:
        """Whether ``name`` has a sign-in of its own (:meth:`sign_in`): the chat."""
        return is_chat(self._configs.get(name))

    def own_sign_in(self, name: str) -> bool | None:
        """Whether ``name``'s own token (the chat's Matrix token) is kept; None when it
        has none of its own. Blocking (keyring), no network: for doctor."""
        if name != "chat" or self._chat is None:
            return None
        return self._chat.signed_in

    def can_dismiss(self, name: str) -> bool:
        """Whether ``name``'s notices can be dismissed (:meth:`dismiss`)."""
        return is_files(self._configs.get(name)) or is_portal(self._configs.get(name))

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

    def _with_token(self, name: str, config: IntegrationBase,
                    ask: Callable[[Token], Reading] | None = None) -> Reading:
        result = self._authorized(name, config, ask or (
            lambda token: self._ask(name, config, token)))
        assert isinstance(result, Reading)
        return result

    def _authorized(self, name: str, config: IntegrationBase,
                    act: Callable[[Token], T]) -> T | Reading:
        """``act(token)``, with the refusal rules of a check: the result, or the Reading
        that says why there is none."""
        if self._signed_in() is None:
            return self._reading(name, Availability.SIGNED_OUT, "not signed in")
        assert self._auth is not None
        for attempt in (1, 2):
            token, reading = self._token(name, config)
            if reading is not None:
                return reading
            assert token is not None
            try:
                return act(token)
            except CheckError as exc:
                if exc.kind == CheckErrorKind.NOT_GRANTED:
                    return self._reading(name, Availability.NOT_AVAILABLE, exc.detail)
                if exc.kind == CheckErrorKind.FAILED:
                    return self._reading(name, Availability.FAILING, exc.detail)
                if exc.kind == CheckErrorKind.SIGN_IN:
                    log.info("%s: its own sign-in is needed (%s)", name, exc.detail)
                    return self._reading(name, Availability.SIGN_IN_AGAIN, exc.detail)
                self._auth.refused(token, resource(config))
                if attempt == 1:
                    log.info("%s: the service refused the token; refreshing once", name)
                    continue
                log.info("%s: the service refused a fresh token too; sign-in needed", name)
                return self._reading(name, Availability.SIGN_IN_AGAIN, exc.detail)
        raise AssertionError("unreachable")

    def _with_password(self, name: str) -> Reading:
        config = self._configs[name]
        assert is_calendar(config)
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
        if is_chat(config):
            return self._chat_reading(name, config, token)
        if is_files(config):
            return self._files(name, config, token)
        if is_portal(config):
            assert config.api_url
            with self._context.session() as session:
                found = portal.announcements(session, config.api_url, token,
                                             self._announcements, self._context.clock(),
                                             self._validators[name])
            return self._reading(name, Availability.OK, "", notices=found)
        if is_mail(config):
            if config.backend == "imap":
                count = self._imap_count(config, token)
            else:
                assert config.api_url
                with self._context.session() as session:
                    count = ox.unread(session, config.api_url, token, self._validators[name])
            return self._reading(name, Availability.OK, "", unread=count)
        assert is_calendar(config)
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

    # -- chat and files -------------------------------------------------------------

    def _chat_reading(self, name: str, config: ChatIntegration, token: Token, *,
                      wait: float = 0.0, hangup: Hangup | None = None,
                      interactive: bool = False) -> Reading:
        """The chat's counts with its own token. The launcher's ``token`` has passed
        the local check (audience, scopes, claims IT names); it goes to the homeserver
        only with the JWT login."""
        assert self._chat is not None and self._auth is not None
        auth = self._auth
        unread, mentions = self._chat.counts(
            self._context.session, lambda: auth.token_for(resource(config)),
            lambda refused: auth.refused(refused, resource(config)),
            wait=wait, hangup=hangup, interactive=interactive)
        return self._reading(name, Availability.OK, "", unread=unread, mentions=mentions)

    def _files(self, name: str, config: FilesIntegration, token: Token) -> Reading:
        assert config.base_url
        notices: tuple[Notice, ...] = ()
        with self._context.session() as session:
            if config.notifications:
                notices = nextcloud.notifications(session, config.base_url, token,
                                                  self._validators[name])
            documents = nextcloud.documents(
                session, config.base_url, token, open_url=config.open_url,
                known=self._recent) if config.recent_documents else ()
        return self._reading(name, Availability.OK, "",
                             unread=len(notices) if config.notifications else None,
                             notices=notices, documents=documents)

    def sign_in(self, name: str) -> Reading:
        """The user asked to sign in to ``name`` again (the chat tile's "sign in
        again"): one sign-in round in the browser, then a check. Blocking."""
        config = self._configs[name]
        if not is_chat(config):
            return self.check(name)
        try:
            return self._with_token(name, config, lambda token: self._chat_reading(
                name, config, token, interactive=True))
        except Exception:
            log.exception("the %s sign-in failed unexpectedly", name)
            return self._reading(name, Availability.FAILING, "unexpected failure")

    def dismiss(self, name: str, notice_id: str) -> bool:
        """Dismiss one notice on the server: a file notification is deleted there (so it
        does not come back in Nextcloud's own clients either), a portal announcement's
        banner is hidden there. True when done (or already gone). Blocking."""
        config = self._configs.get(name)
        if is_files(config):
            assert config.base_url
            base = config.base_url

            def act(token: Token) -> bool:
                with self._context.session() as session:
                    nextcloud.dismiss(session, base, token, notice_id)
                return True
        elif is_portal(config):
            assert config.api_url
            api = config.api_url

            def act(token: Token) -> bool:
                with self._context.session() as session:
                    portal.hide(session, api, token, notice_id)
                self._announcements.hidden(notice_id)
                return True
        else:
            return False
        try:
            result = self._authorized(name, config, act)
        except Exception:
            log.exception("dismissing a %s notice failed unexpectedly", name)
            return False
        if isinstance(result, Reading):
            log.info("%s: the notice could not be dismissed (%s)", name, result.detail)
            return False
        return result

    def documents(self, name: str = "files") -> Reading:
        """The recent documents now (the "Zuletzt bearbeitet" list was opened): a check
        of ``name`` that asks the server again (conditional: unchanged files cost one
        small request). Blocking."""
        return self.check(name)

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
        if is_chat(config):
            return self._hold_chat(name, config, on_reading, stop)
        if is_portal(config):
            return self._hold_portal(name, config, on_reading, stop)
        assert is_mail(config)
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

    def _hold_chat(self, name: str, config: ChatIntegration,
                   on_reading: Callable[[Reading], None], stop: threading.Event
                   ) -> Reading | None:
        """Long-polling /sync: the homeserver answers when something changed (or after
        :data:`~workplace.integrations.chat.LONG_POLL_SECONDS`)."""
        from workplace.integrations.chat import LONG_POLL_SECONDS

        hangup = Hangup()
        self._held(name, hangup)
        try:
            last: tuple[int | None, int | None] | None = None
            while not stop.is_set():
                wait = 0.0 if last is None else LONG_POLL_SECONDS

                def poll(token: Token, wait: float = wait) -> Reading:
                    return self._chat_reading(name, config, token, wait=wait, hangup=hangup)

                reading = self._with_token(name, config, poll)
                if stop.is_set() or hangup.done:
                    return None
                if reading.availability != Availability.OK:
                    return reading
                if (reading.unread, reading.mentions) != last:
                    last = (reading.unread, reading.mentions)
                    on_reading(reading)
            return None
        finally:
            self._held(name, None)

    def _hold_portal(self, name: str, config: PortalIntegration,
                     on_reading: Callable[[Reading], None], stop: threading.Event
                     ) -> Reading | None:
        """The event stream: all announcements once, then each change as it comes."""
        assert config.api_url
        api = config.api_url
        hangup = Hangup()
        self._held(name, hangup)

        opened = [False]

        def stream(token: Token) -> Reading:
            opened[0] = False
            with self._context.session() as session, hangup.holding():
                for event, data in portal.events(session, api, token):
                    if event == portal.OPEN:
                        # As the portal does once connected: the whole list, then the
                        # changes (nothing falls between the two).
                        on_reading(self._reading(name, Availability.OK, "", notices=(
                            portal.announcements(session, api, token, self._announcements,
                                                 self._context.clock()))))
                        opened[0] = True
                        continue
                    found = self._announcements.event(event, data, self._context.clock())
                    if found is not None:
                        on_reading(self._reading(name, Availability.OK, "", notices=found))
                    if stop.is_set():
                        break
            return self._reading(name, Availability.FAILING, "the event stream ended")

        try:
            while not stop.is_set():
                ended = self._with_token(name, config, stream)
                if stop.is_set() or hangup.done:
                    return None
                if not opened[0]:
                    return ended
                # It was open and ended or went silent (a proxy's idle limit): again.
                log.info("%s: the event stream ended (%s); opening it again", name,
                         ended.detail)
            return None
        finally:
            self._held(name, None)

    def stop_watch(self, name: str | None = None) -> None:
        """End held connections (all, or ``name``'s) at once; no waiting."""
        from workplace.integrations.imap import Mailbox

        with self._lock:
            watching = [m for n, m in self._watching.items() if name in (None, n)]
        for held in watching:
            if isinstance(held, Hangup):
                held.now()
            else:
                assert isinstance(held, Mailbox)
                held.interrupt()  # the watching thread closes it

    def _held(self, name: str, held: object | None) -> None:
        """Note (or with None, drop) what keeps ``name``'s connection, for stop_watch."""
        with self._lock:
            if held is None:
                self._watching.pop(name, None)
            else:
                self._watching[name] = held

    # -- sign-out and application passwords --------------------------------------

    def save_app_password(self, name: str, password: str) -> None:
        """Keep the CalDAV application password the user entered (keyring)."""
        if self._app_passwords is None:
            raise RuntimeError("no application password store")
        self._app_passwords.save(name, password)

    def forget(self) -> None:
        """Sign-out: close connections, log the chat device out on the homeserver and
        wipe its token, forget application passwords and everything known in memory
        (conditional-request validators, the last events, documents, announcements).
        Blocking (keyring, one request to the homeserver)."""
        self.stop_watch()
        if self._chat is not None:
            self._chat.sign_out(self._context.session)
        if self._app_passwords is not None:
            self._app_passwords.forget_all()
        for validators in self._validators.values():
            validators.clear()
        self._known = {name: caldav.Known() for name in self._configs}
        self._recent.clear()
        self._announcements.clear()


def with_failures(reading: Reading, previous: Reading | None) -> Reading:
    """``reading`` with the last value kept and failures counted (see Reading.carried)."""
    carried = reading.carried(previous)
    if carried.availability != Availability.FAILING:
        return replace(carried, failures=0)
    return carried if previous is not None else replace(carried, failures=1)
