# SPDX-License-Identifier: EUPL-1.2
"""A real Radicale (PyPI) on 127.0.0.1 for the CalDAV tests and the demo.

Installed by ``make setup`` into its own virtual environment, ``build/radicale-venv``,
never into the launcher's. Its auth plugin (radicale_bearer_auth) checks a bearer
token by introspection at the test identity provider (as the confidential client
``opendesk-caldav``) or Basic with an application password. Events are seeded
straight into the collection on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

STACK = Path(__file__).resolve().parent
ROOT = STACK.parents[1]
VENV = ROOT / "build" / "radicale-venv"
PYTHON = VENV / "bin" / "python"
SECRET = "caldav-introspection-secret-not-a-secret"  # keycloak clients in provider.mjs
START_SECONDS = 20.0


def installed() -> bool:
    return PYTHON.exists() and any(VENV.glob("lib/python*/site-packages/radicale"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _stamp(epoch: float) -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


class TestRadicale:
    """One Radicale; ``calendar_url(user)`` is a user's calendar collection."""

    __test__ = False

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.base = Path(tempfile.mkdtemp(prefix="workplace-radicale-"))
        self.port = 0
        self.app_passwords: dict[str, str] = {}
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def calendar_url(self, user: str = "{user}") -> str:
        return f"{self.url}/{user}/calendar/"

    def _collection(self, user: str) -> Path:
        folder = self.base / "collections" / "collection-root" / user / "calendar"
        if not folder.exists():
            folder.mkdir(parents=True)
            (folder / ".Radicale.props").write_text(json.dumps({"tag": "VCALENDAR"}))
        return folder

    def set_app_password(self, user: str, password: str) -> None:
        self.app_passwords[user] = password
        (self.base / "app-passwords.json").write_text(json.dumps(self.app_passwords))

    def add_event(self, user: str, summary: str, start: float, minutes: int = 30, *,
                  location: str = "", description: str = "", conference: str = "",
                  rrule: str = "") -> str:
        uid = f"{uuid.uuid4()}@musterstadt.example"
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Musterstadt//Demo//DE",
                 "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_stamp(time.time())}",
                 f"DTSTART:{_stamp(start)}", f"DTEND:{_stamp(start + minutes * 60)}",
                 f"SUMMARY:{summary}"]
        if location:
            lines.append(f"LOCATION:{location}")
        if description:
            lines.append(f"DESCRIPTION:{description}")
        if conference:
            lines.append(f"CONFERENCE;VALUE=URI;FEATURE=VIDEO:{conference}")
        if rrule:
            lines.append(f"RRULE:{rrule}")
        lines += ["END:VEVENT", "END:VCALENDAR", ""]
        (self._collection(user) / f"{uid}.ics").write_text("\r\n".join(lines))
        return uid

    def start(self) -> TestRadicale:
        if not installed():
            raise RuntimeError("Radicale is not installed: run `make setup` (build/radicale-venv)")
        self.port = _free_port()
        (self.base / "collections").mkdir(exist_ok=True)
        self.set_app_password("nobody@example.org", "x")
        config = self.base / "config"
        config.write_text(f"""[server]
hosts = 127.0.0.1:{self.port}
[auth]
type = radicale_bearer_auth
delay = 0
[rights]
type = owner_only
[storage]
filesystem_folder = {self.base / "collections"}
[logging]
level = warning
mask_passwords = True
""")
        env = {**os.environ, "PYTHONPATH": str(STACK),
               "WORKPLACE_INTROSPECTION_URL": f"{self.issuer}/token/introspection",
               "WORKPLACE_INTROSPECTION_CLIENT": "opendesk-caldav",
               "WORKPLACE_INTROSPECTION_SECRET": SECRET,
               "WORKPLACE_APP_PASSWORDS": str(self.base / "app-passwords.json")}
        with open(self.base / "radicale.log", "wb") as log:
            self._process = subprocess.Popen(
                [str(PYTHON), "-m", "radicale", "--config", str(config)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Radicale exited at start: {self.logs()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(0.05)  # wait on the process, not a sleep
        self.stop()
        raise RuntimeError(f"Radicale did not listen in time: {self.logs()}")

    def logs(self) -> str:
        path = self.base / "radicale.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> TestRadicale:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
