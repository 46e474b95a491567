# SPDX-License-Identifier: EUPL-1.2
"""The chat integration's own sign-in and unread counts (Matrix), Qt-free and blocking.

The homeserver issues its own token: by single sign-on in the system browser
(:mod:`.matrix_sso`, silent with the identity provider's session) or, where IT set up
the homeserver's JWT login, with the launcher's token and no browser. The token and
its device ("Arbeitsplatz auf <host>") are kept in the keyring
(:class:`~workplace.auth.service_tokens.ServiceTokens`); sign-out logs the device out
on the server and wipes it.

A token the homeserver refuses is forgotten and one new sign-in starts; when that one
fails too (or its browser round does not finish), the chat needs the user: "sign in
again" on the chat tile only. Until the user asks (:meth:`Chat.counts` with
``interactive``), no browser opens by itself again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from workplace.auth.service_tokens import ServiceTokens
from workplace.integrations import matrix, matrix_sso
from workplace.integrations.errors import CheckError, CheckErrorKind
from workplace.integrations.matrix import Credentials, Unread
from workplace.net.hangup import Hangup

if TYPE_CHECKING:  # the model or its record (workplace.integrations.kinds)
    from workplace.config.schema import ChatIntegration
    from workplace.net.http import HttpSession

log = logging.getLogger("workplace.integrations")

NAME = "chat"
LONG_POLL_SECONDS = 25.0
"""How long the homeserver holds a /sync when nothing changes (under the 60 s a request
may take, and under common proxies' idle limits)."""

SessionFactory = Callable[[], "HttpSession"]
LauncherToken = Callable[[], str | None]
Refused = Callable[[str], None]


def device_name(host: str) -> str:
    """What the user sees in Element's session list."""
    return f"Arbeitsplatz auf {host}" if host else "Arbeitsplatz"


class Chat:
    """One user's chat sign-in and counts (memory, plus the keyring entry)."""

    def __init__(self, config: ChatIntegration, tokens: ServiceTokens | None, *,
                 open_browser: matrix_sso.OpenBrowser | None, device: str,
                 sso_seconds: float = matrix_sso.SSO_SECONDS) -> None:
        assert config.homeserver_url
        self.homeserver = config.homeserver_url.rstrip("/")
        self._config = config
        self._tokens = tokens
        self._open_browser = open_browser
        self._device = device
        self._sso_seconds = sso_seconds
        self._login_lock = threading.Lock()
        self._credentials: Credentials | None = None
        self._loaded = False
        self._cancel = threading.Event()
        self.unread = Unread()
        self.needs_user = False
        """A sign-in failed: no browser opens by itself until the user asks."""

    # -- the token ---------------------------------------------------------------

    def _stored(self) -> Credentials | None:
        if self._credentials is None and not self._loaded:
            try:
                entry = self._tokens.load(NAME) if self._tokens else None
            except Exception as exc:
                raise CheckError(CheckErrorKind.FAILED,
                                 f"the keyring could not be read ({type(exc).__name__})"
                                 ) from None
            self._credentials = Credentials.from_entry(entry, self.homeserver)
            self._loaded = True
        return self._credentials

    @property
    def signed_in(self) -> bool:
        """A Matrix token is known (memory or keyring); no network."""
        try:
            return self._stored() is not None
        except CheckError:
            return False

    def _drop(self, credentials: Credentials) -> None:
        """Forget a token the homeserver no longer takes (memory and keyring)."""
        if self._credentials == credentials:
            self._credentials = None
            self.unread.reset()
        if self._tokens is not None:
            self._tokens.forget(NAME)

    def _log_in(self, session_factory: SessionFactory, launcher_token: LauncherToken,
                refused: Refused, *, interactive: bool) -> Credentials:
        with self._login_lock:
            known = self._stored()
            if known is not None:  # another job signed in meanwhile
                return known
            if self.needs_user and not interactive:
                raise CheckError(CheckErrorKind.SIGN_IN, "the chat needs a new sign-in")
            try:
                credentials = self._new_login(session_factory, launcher_token, refused)
            except CheckError as exc:
                if exc.kind == CheckErrorKind.SIGN_IN:
                    self.needs_user = True
                raise
            self.needs_user = False
            self._credentials, self._loaded = credentials, True
            self.unread.reset()
            if self._tokens is not None and self._tokens.available:
                try:
                    self._tokens.save(NAME, credentials.to_entry())
                except Exception as exc:  # kept in memory for this run
                    log.warning("could not keep the chat token in the keyring (%s)",
                                type(exc).__name__)
            log.info("chat: signed in at the homeserver as a new device")
            return credentials

    def _new_login(self, session_factory: SessionFactory, launcher_token: LauncherToken,
                   refused: Refused) -> Credentials:
        if self._config.login == "jwt":
            for attempt in (1, 2):
                token = launcher_token()
                if token is None:
                    raise CheckError(CheckErrorKind.FAILED, "no fresh token for the JWT login")
                try:
                    with session_factory() as session:
                        return matrix.login(session, self.homeserver, matrix.JWT, token,
                                            self._device)
                except CheckError as exc:
                    if exc.kind != CheckErrorKind.REFUSED:
                        raise
                    refused(token)
                    if attempt == 2:
                        raise CheckError(CheckErrorKind.SIGN_IN,
                                         "the homeserver's JWT login refused a fresh token"
                                         ) from None
            raise AssertionError("unreachable")
        with session_factory() as session:
            if matrix.SSO not in matrix.login_types(session, self.homeserver):
                raise CheckError(CheckErrorKind.FAILED,
                                 "the homeserver offers no single sign-on (m.login.sso)")
        if self._open_browser is None:
            raise CheckError(CheckErrorKind.SIGN_IN, "no browser to sign in to the chat with")
        login_token = matrix_sso.login_token(
            self.homeserver, self._open_browser, idp=self._config.sso_idp,
            cancel=self._cancel, seconds=self._sso_seconds)
        with session_factory() as session:
            try:
                return matrix.login(session, self.homeserver, matrix.TOKEN, login_token,
                                    self._device)
            except CheckError as exc:
                if exc.kind == CheckErrorKind.REFUSED:
                    raise CheckError(CheckErrorKind.SIGN_IN,
                                     "the homeserver did not take its login token") from None
                raise

    # -- unread ------------------------------------------------------------------

    def counts(self, session_factory: SessionFactory, launcher_token: LauncherToken,
               refused: Refused, *, wait: float = 0.0, hangup: Hangup | None = None,
               interactive: bool = False) -> tuple[int, int]:
        """(rooms with unread, mentions) from one /sync (a long poll with ``wait``).

        Raises CheckError: SIGN_IN when the user must sign in to the chat again,
        FAILED for network or server trouble (a hung-up long poll too).
        """
        for attempt in (1, 2):
            credentials = self._stored() or self._log_in(
                session_factory, launcher_token, refused, interactive=interactive)
            try:
                with session_factory() as session:
                    if hangup is not None:
                        with hangup.holding():
                            return self._sync(session, credentials, wait)
                    return self._sync(session, credentials, wait)
            except CheckError as exc:
                if exc.kind != CheckErrorKind.REFUSED:
                    raise
                self._drop(credentials)
                if attempt == 2:
                    self.needs_user = True
                    raise CheckError(CheckErrorKind.SIGN_IN,
                                     "the homeserver refused a fresh chat token too") from None
                log.info("chat: the homeserver refused the token; one new sign-in")
        raise AssertionError("unreachable")

    def _sync(self, session: HttpSession, credentials: Credentials,
              wait: float) -> tuple[int, int]:
        if not self.unread.filter_id:
            self.unread.filter_id = matrix.upload_filter(session, credentials)
        since = self.unread.since
        answer = matrix.sync(session, credentials, filter_id=self.unread.filter_id,
                             since=since, wait_seconds=wait)
        return self.unread.apply(answer, since)

    # -- sign-out ----------------------------------------------------------------

    def sign_out(self, session_factory: SessionFactory) -> None:
        """Wipe the token locally at once, then log the device out on the server (one
        try). A sign-in round under way ends."""
        self._cancel.set()
        try:
            credentials = self._stored()
        except CheckError:
            credentials = None
        self._credentials, self._loaded = None, True
        self.unread.reset()
        self.needs_user = False
        if self._tokens is not None:
            self._tokens.forget(NAME)
        self._cancel = threading.Event()
        if credentials is None:
            return
        try:
            with session_factory() as session:
                matrix.logout(session, credentials)
            log.info("chat: logged the device out on the homeserver")
        except CheckError as exc:
            log.info("chat: could not log the device out on the homeserver (%s)", exc.detail)

    def forget_memory(self) -> None:
        """A new launcher session: read the keyring again next time."""
        self._credentials, self._loaded = None, False
        self.unread.reset()
