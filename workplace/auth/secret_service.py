# SPDX-License-Identifier: EUPL-1.2
"""The Secret Service (GNOME Keyring, KeePassXC, KWallet's bridge) without surprises.

keyring's own Secret Service backend reads, writes and deletes in the *default*
collection, and secretstorage creates that collection when there is none: the system
then asks the user to "choose a password for the new keyring" before they did
anything, just because the launcher looked for a remembered session.

On Linux the launcher talks to the service here directly (:class:`SecretServiceBackend`):
the keyring library, with its entry-point scan to choose a backend, is never imported
there. The items are keyring's own (the same attributes, label and application), so a
session remembered by an older launcher, through keyring, is read, and vice versa.

Here, looking and forgetting search every existing collection through the service
itself (``SearchItems``), which creates nothing. Only :meth:`SecretServiceStore.set_password`
may create the default collection, and so make the system ask: that is a sign-in
with a token to keep. A remembered session found in a locked keyring is unlocked
(the system asks for that keyring's password).

A wait for a prompt can be given up: setting the ``cancel`` event (the window
closes) stops waiting, so no worker thread waits for ever. The system's dialog stays
for the user to answer or cancel: the Secret Service's own ``Dismiss`` makes
gnome-keyring 42 abort while its dialog is showing, which would take every other
program's keyring with it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jeepney.io.blocking import DBusConnection

log = logging.getLogger("workplace.auth")

BACKEND_ID = "keyring.backends.SecretService.Keyring"
"""keyring's Secret Service backend, which :class:`SecretServiceStore` stands in for."""
NEW_COLLECTION_LABEL = "Default"
"""The name the system shows when it asks for the new keyring's password (the same as
secretstorage and keyring give it)."""
PROMPT_POLL_S = 0.2
"""How often a wait for the user's answer looks at ``cancel``."""


class PromptDismissed(Exception):
    """The user (or the launcher closing) dismissed the system's keyring prompt."""


class SecretMissing(LookupError):
    """Nothing to delete: no existing keyring holds the entry."""


class SecretServiceBackend:
    """What keyring's Secret Service backend (``keyring.backends.SecretService.Keyring``,
    default scheme) keeps of an item, without the keyring library: its attributes
    (``username``, ``service``, plus ``application`` on writing) and the default keyring."""

    appid = "Python keyring library"
    preferred_collection: str | None = None

    def _query(self, service: str, username: str, **extra: str) -> dict[str, str]:
        return {"username": username, "service": service, **extra}


def service_available() -> bool:
    """Whether a Secret Service runs or can be started on the session bus (keyring's own
    test before it picks the backend). False without a session bus."""
    import secretstorage
    from secretstorage.exceptions import SecretStorageException

    try:
        connection = secretstorage.dbus_init()
    except (SecretStorageException, OSError) as exc:  # OSError: the bus socket is gone
        log.info("no session bus for the Secret Service: %s", exc)
        return False
    try:
        return bool(secretstorage.check_service_availability(connection))
    except Exception as exc:  # a bus that answers oddly: keyring may know better
        log.info("the Secret Service cannot be asked: %s", exc)
        return False
    finally:
        connection.close()


class SecretServiceStore:
    """get/set/delete of one secret per (service, username), as keyring's backend does,
    with the same attributes and labels, but looking only in existing collections."""

    def __init__(self, backend: Any) -> None:
        self._backend = backend

    # -- keyring's attributes -------------------------------------------------------

    def _query(self, service: str, username: str, **extra: str) -> dict[str, str]:
        query = getattr(self._backend, "_query", None)
        if callable(query):
            return dict(query(service, username, **extra))
        return {"username": username, "service": service, **extra}

    # -- the three operations -------------------------------------------------------

    def get_password(self, service: str, username: str,
                     cancel: threading.Event | None = None) -> str | None:
        """The secret, or None when no existing keyring holds it. Creates nothing."""
        from secretstorage import Item

        with _connection() as connection:
            unlocked, locked = _search(connection, self._query(service, username))
            if unlocked:
                path = unlocked[0]
            elif locked:
                path = locked[0]
                log.info("the remembered sign-in is in a locked keyring: asking to unlock it")
                _unlock(connection, [path], cancel)
            else:
                return None
            return str(Item(connection, path).get_secret().decode("utf-8"))

    def set_password(self, service: str, username: str, password: str,
                     cancel: threading.Event | None = None) -> None:
        """Store the secret in the default keyring; where there is none, the system is
        asked to create it (the user chooses its password)."""
        from secretstorage import Collection

        appid = str(getattr(self._backend, "appid", "Python keyring library"))
        attributes = self._query(service, username, application=appid)
        label = f"Password for '{username}' on '{service}'"
        with _connection() as connection:
            path = self._collection_to_write(connection, cancel)
            collection = Collection(connection, path)
            if collection.is_locked():
                log.info("the keyring is locked: asking to unlock it")
                _unlock(connection, [path], cancel)
            collection.create_item(label, attributes, password.encode("utf-8"), replace=True)

    def delete_password(self, service: str, username: str,
                        cancel: threading.Event | None = None) -> None:
        """Delete every copy in every existing keyring; SecretMissing if none."""
        from secretstorage import Item

        with _connection() as connection:
            unlocked, locked = _search(connection, self._query(service, username))
            if not unlocked and not locked:
                raise SecretMissing("No such password!")
            if locked:
                _unlock(connection, list(locked), cancel)
            for path in [*unlocked, *locked]:
                Item(connection, path).delete()

    def _collection_to_write(self, connection: DBusConnection,
                             cancel: threading.Event | None) -> str:
        preferred = getattr(self._backend, "preferred_collection", None)
        if isinstance(preferred, str) and preferred:
            return preferred
        service = _service(connection)
        (path,) = service.call("ReadAlias", "s", "default")
        if path != "/":
            return str(path)
        log.info("there is no default keyring: asking the system to create one")
        path, prompt = service.call(
            "CreateCollection", "a{sv}s",
            {"org.freedesktop.Secret.Collection.Label": ("s", NEW_COLLECTION_LABEL)}, "default")
        if path != "/":
            return str(path)
        _signature, created = run_prompt(connection, prompt, cancel)
        return str(created)


@contextlib.contextmanager
def _connection() -> Any:
    import secretstorage

    connection = secretstorage.dbus_init()  # also adds the match rule for prompts
    try:
        yield connection
    finally:
        connection.close()


def _service(connection: DBusConnection) -> Any:
    from secretstorage.defines import SS_PATH
    from secretstorage.util import SERVICE_IFACE, DBusAddressWrapper

    return DBusAddressWrapper(SS_PATH, SERVICE_IFACE, connection)


def _search(connection: DBusConnection,
            attributes: dict[str, str]) -> tuple[list[str], list[str]]:
    """(unlocked, locked) item paths in every collection: the service's own search,
    which never creates a collection."""
    unlocked, locked = _service(connection).call("SearchItems", "a{ss}", attributes)
    return [str(p) for p in unlocked], [str(p) for p in locked]


def _unlock(connection: DBusConnection, paths: list[str],
            cancel: threading.Event | None) -> None:
    _unlocked, prompt = _service(connection).call("Unlock", "ao", paths)
    if prompt != "/":
        run_prompt(connection, prompt, cancel)


def run_prompt(connection: DBusConnection, path: str,
               cancel: threading.Event | None) -> tuple[str, Any]:
    """Let the system show the prompt at ``path`` and wait for the user's answer; its
    result (signature, value). Raises PromptDismissed when dismissed, and when
    ``cancel`` is set meanwhile (the launcher stops waiting; see the module's note)."""
    from jeepney import MatchRule, MessageType
    from secretstorage.util import PROMPT_IFACE, DBusAddressWrapper

    prompt = DBusAddressWrapper(path, PROMPT_IFACE, connection)
    rule = MatchRule(path=path, interface=PROMPT_IFACE, member="Completed",
                     type=MessageType.signal)
    with connection.filter(rule) as answers:
        prompt.call("Prompt", "s", "")
        while True:
            try:
                message = connection.recv_until_filtered(answers, timeout=PROMPT_POLL_S)
            except TimeoutError:
                if cancel is not None and cancel.is_set():
                    log.info("stopped waiting for the keyring prompt")
                    raise PromptDismissed("the launcher closed") from None
                continue
            dismissed, result = message.body
            if dismissed:
                log.info("the keyring prompt was dismissed")
                raise PromptDismissed("dismissed")
            return tuple(result)
