# SPDX-License-Identifier: EUPL-1.2
"""A Secret Service of one test's own: a private D-Bus session with a real gnome-keyring.

scripts/test.sh starts one gnome-keyring for the whole run, with an unlocked login
keyring. What the launcher does where there is *no* keyring yet, or a locked one,
needs a daemon of its own: its own bus, data directory and runtime directory, so
nothing reaches the run's keyring or the developer's.

With a display, the daemon's real system prompter (gcr-prompter, started by D-Bus
activation) shows its dialogs there ("Choose password for new keyring", "Unlock"),
and :meth:`PrivateKeyring.answer_prompt` types into them like a person.
:class:`BusMonitor` records every message on the bus, so a test can tell that no
keyring was created and no prompt was asked for.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MatchRule, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SECRETS = "org.freedesktop.secrets"
SS_PATH = "/org/freedesktop/secrets"
SERVICE_IFACE = "org.freedesktop.Secret.Service"
PROMPT_IFACE = "org.freedesktop.Secret.Prompt"
PROMPTER_NAME = "org.gnome.keyring.SystemPrompter"
DBUS = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
START_S = 30.0


@dataclass(frozen=True)
class Seen:
    """One message on the bus, as a monitor sees it."""

    kind: str  # method_call, signal, method_return, error
    interface: str
    member: str
    path: str
    destination: str


class BusMonitor:
    """Records every message on one bus (org.freedesktop.DBus.Monitoring.BecomeMonitor)."""

    def __init__(self, address: str) -> None:
        self._connection = open_dbus_connection(address)
        reply = self._connection.send_and_get_reply(new_method_call(
            DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus",
                        "org.freedesktop.DBus.Monitoring"),
            "BecomeMonitor", "asu", ([], 0)))
        assert reply.header.message_type == MessageType.method_return, reply
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        fields: Any
        while not self._stop.is_set():
            try:
                message = self._connection.receive(timeout=0.1)
            except TimeoutError:
                continue
            except OSError:
                return
            fields = message.header.fields
            names = {getattr(k, "name", str(k)): v for k, v in fields.items()}
            with self._lock:
                self.seen.append(Seen(
                    kind=message.header.message_type.name,
                    interface=str(names.get("interface", "")),
                    member=str(names.get("member", "")),
                    path=str(names.get("path", "")),
                    destination=str(names.get("destination", "")),
                ))

    def calls(self) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.kind == "method_call"]

    def prompt_requests(self) -> list[Seen]:
        """Every call that asks the user something or creates a keyring."""
        return [c for c in self.calls()
                if c.interface == PROMPT_IFACE
                or c.member in ("CreateCollection", "Unlock")
                or c.destination == PROMPTER_NAME]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._connection.close()


class PrivateKeyring:
    """dbus-daemon plus gnome-keyring-daemon under ``root``.

    ``login_password``: the daemon creates (and unlocks) a login keyring with it, as
    a desktop session does at log-in; None: no keyring at all, only the in-memory
    "session" collection, as on a machine where nobody ever made one.
    ``display``: where the system prompter shows its dialogs (None: it cannot start,
    so every prompt is dismissed at once).
    """

    def __init__(self, root: Path, *, display: str | None = None,
                 login_password: str | None = None) -> None:
        self.root = root
        self.display = display
        self.login_password = login_password
        self.data = root / "data"
        self._procs: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def __enter__(self) -> PrivateKeyring:
        for name in ("data", "home", "run"):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        (self.root / "run").chmod(0o700)
        env = dict(os.environ, XDG_DATA_HOME=str(self.data), HOME=str(self.root / "home"),
                   XDG_RUNTIME_DIR=str(self.root / "run"))
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        if self.display:
            env["DISPLAY"] = self.display  # what activated services (the prompter) get
        else:
            env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        self._bus_log = (self.root / "dbus.log").open("wb")  # what activation says
        bus = subprocess.Popen(
            [tool("dbus-daemon"), "--session", "--nofork", "--print-address=1"],
            env=env, stdout=subprocess.PIPE, stderr=self._bus_log)
        self._procs.append(bus)
        assert bus.stdout is not None
        self.address = bus.stdout.readline().decode().strip()
        assert self.address, "dbus-daemon gave no address"
        env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        with self.connection() as watch:
            rule = MatchRule(type=MessageType.signal, sender="org.freedesktop.DBus",
                             interface="org.freedesktop.DBus", member="NameOwnerChanged",
                             path="/org/freedesktop/DBus")
            rule.add_arg_condition(0, SECRETS)
            watch.send_and_get_reply(new_method_call(DBUS, "AddMatch", "s", (rule.serialise(),)))
            with watch.filter(rule) as owners:
                args = [tool("gnome-keyring-daemon"), "--foreground", "--components=secrets"]
                if self.login_password is not None:
                    args.append("--unlock")
                daemon = subprocess.Popen(args, env=env, stdin=subprocess.PIPE,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self._procs.append(daemon)
                assert daemon.stdin is not None
                if self.login_password is not None:
                    daemon.stdin.write(self.login_password.encode())
                daemon.stdin.close()
                watch.recv_until_filtered(owners, timeout=START_S)  # the service is on the bus
        return self

    def __exit__(self, *_exc: object) -> None:
        for proc in reversed(self._procs):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()
        self._bus_log.close()

    def daemon_running(self) -> bool:
        return self._procs[-1].poll() is None

    @contextlib.contextmanager
    def active(self) -> Iterator[PrivateKeyring]:
        """This process's session bus is the private one while the block runs (the code
        under test opens its connections from ``DBUS_SESSION_BUS_ADDRESS``)."""
        before = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self.address
        try:
            yield self
        finally:
            if before is None:
                os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
            else:
                os.environ["DBUS_SESSION_BUS_ADDRESS"] = before

    @contextlib.contextmanager
    def connection(self) -> Iterator[DBusConnection]:
        connection = open_dbus_connection(self.address)
        try:
            yield connection
        finally:
            connection.close()

    def _service_call(self, method: str, signature: str = "", *body: Any) -> Any:
        with self.connection() as connection:
            reply = connection.send_and_get_reply(new_method_call(
                DBusAddress(SS_PATH, SECRETS, SERVICE_IFACE), method, signature, body))
            assert reply.header.message_type == MessageType.method_return, reply.body
            return reply.body

    def collections(self) -> list[str]:
        with self.connection() as connection:
            reply = connection.send_and_get_reply(new_method_call(
                DBusAddress(SS_PATH, SECRETS, "org.freedesktop.DBus.Properties"),
                "Get", "ss", (SERVICE_IFACE, "Collections")))
            _signature, paths = reply.body[0]
            return sorted(str(p) for p in paths)

    def default_alias(self) -> str:
        return str(self._service_call("ReadAlias", "s", "default")[0])

    def keyring_files(self) -> list[str]:
        folder = self.data / "keyrings"
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []

    def lock(self, *paths: str) -> None:
        """Lock collections, as the desktop does on a timer or when the screen locks."""
        self._service_call("Lock", "ao", list(paths))

    def is_locked(self, path: str) -> bool:
        with self.connection() as connection:
            reply = connection.send_and_get_reply(new_method_call(
                DBusAddress(path, SECRETS, "org.freedesktop.DBus.Properties"),
                "Get", "ss", ("org.freedesktop.Secret.Collection", "Locked")))
            return bool(reply.body[0][1])

    # -- the system prompter, on ``display`` ------------------------------------------

    def _xdotool(self, *args: str, timeout: float = START_S) -> str:
        xdotool = tool("xdotool")
        assert self.display is not None, "no display: the prompter cannot show"
        run = subprocess.run([xdotool, *args], env=dict(os.environ, DISPLAY=self.display),
                             capture_output=True, text=True, timeout=timeout, check=False)
        return run.stdout.strip()

    def wait_for_prompt(self) -> str:
        """The prompter's window, once it shows (xdotool waits for it to be mapped)."""
        window = self._xdotool("search", "--sync", "--onlyvisible", "--classname", "gcr-prompter")
        assert window, "the system prompter did not show"
        return window.split()[0]

    def prompt_showing(self) -> bool:
        return bool(self._xdotool("search", "--onlyvisible", "--classname", "gcr-prompter"))

    def answer_prompt(self, password: str, *, confirm: bool = False) -> None:
        """Type ``password`` into the prompter (twice for a new keyring) and press Enter."""
        window = self.wait_for_prompt()
        self._xdotool("windowfocus", "--sync", window)
        self._xdotool("type", "--delay", "10", password)
        if confirm:
            self._xdotool("key", "Tab")
            self._xdotool("type", "--delay", "10", password)
        self._xdotool("key", "Return")


def tool(program: str) -> str:
    path = shutil.which(program)
    assert path is not None, f"{program} is not installed (make setup)"
    return path


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A display of the test's own (tests/support/xvfb.py: ``-noreset``)."""
    from tests.support.xvfb import xvfb as start

    with start() as display:
        yield display
