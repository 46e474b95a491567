# SPDX-License-Identifier: EUPL-1.2
"""A real Synapse (PyPI ``matrix-synapse[oidc]``) on 127.0.0.1 for the chat tests and
the demo.

Installed into a virtual environment of its own under ``build/``, keyed by the pinned
version (``build/synapse-<version>``), never into the launcher's: the test set-up does
it (scripts/test.sh runs ``python tests/stack/synapse.py --install``; ``make synapse``
alone), not ``make setup``, so a new user's ``make run`` does not wait for it.
SQLite, one process, the client API only. Its OpenID Connect login
points at the test identity provider (the confidential client ``opendesk-matrix`` of
provider.mjs), with the loopback addresses whitelisted for single sign-on; optionally
its JWT login takes the provider's access tokens (``jwt=True``); either login reaches
the same account (``@erika.mustermann``), whichever came first.

The second user ("Max Mustermann", an admin) is made with the shared-secret
registration API; the tests act through him: post messages, mention Erika, make Erika
join a room, log in as her on another device (the admin API), delete devices.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

STACK = Path(__file__).resolve().parent
ROOT = STACK.parents[1]
VERSION = "1.163.2"
"""The Synapse the tests run against (pinned; the venv's name carries it)."""
VENV = ROOT / "build" / f"synapse-{VERSION}"
PYTHON = VENV / "bin" / "python"
CLIENT_ID = "opendesk-matrix"
CLIENT_SECRET = "matrix-oidc-secret-not-a-secret"
SERVER_NAME = "musterstadt.example"
START_SECONDS = 60.0
ERIKA = f"@erika.mustermann:{SERVER_NAME}"


def installed() -> bool:
    return (VENV / ".installed").exists()


def install() -> float:
    """Install the pinned Synapse into its own venv (if missing); seconds it took."""
    if installed():
        return 0.0
    started = time.monotonic()
    shutil.rmtree(VENV, ignore_errors=True)
    VENV.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    f"matrix-synapse[oidc]=={VERSION}"], check=True)
    (VENV / ".installed").write_text(VERSION + "\n")
    return time.monotonic() - started


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _pem_from_jwks(issuer: str) -> str:
    """The provider's signing key as PEM (Synapse's jwt_config takes a PEM for RS256)."""
    from cryptography.hazmat.primitives import serialization
    from joserfc.jwk import RSAKey

    with requests.Session() as session:
        session.trust_env = False
        keys = session.get(f"{issuer}/jwks", timeout=10).json()["keys"]
    key = RSAKey.import_key(keys[0])
    public = key.public_key
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode()


class TestSynapse:
    """One Synapse; ``url`` is its client API base once started."""

    __test__ = False

    def __init__(self, issuer: str, *, jwt: bool = False, whitelist: bool = True,
                 base: Path | None = None) -> None:
        self.issuer = issuer
        self.jwt = jwt
        self.whitelist = whitelist
        self.base = base or Path(tempfile.mkdtemp(prefix="workplace-synapse-"))
        self.port = 0
        self.shared_secret = secrets.token_hex(16)
        self._process: subprocess.Popen[bytes] | None = None
        self._http = requests.Session()
        self._http.trust_env = False
        self.admin_token = ""
        self.admin_id = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.base / "homeserver.log"

    def _config(self) -> Path:
        config: dict[str, Any] = {
            "server_name": SERVER_NAME,
            "public_baseurl": f"{self.url}/",
            "pid_file": str(self.base / "homeserver.pid"),
            "listeners": [{"port": self.port, "bind_addresses": ["127.0.0.1"], "type": "http",
                           "tls": False, "x_forwarded": False,
                           "resources": [{"names": ["client"], "compress": False}]}],
            "database": {"name": "sqlite3", "args": {"database": str(self.base / "home.db")}},
            "log_config": str(self.base / "log.yaml"),
            "media_store_path": str(self.base / "media"),
            "signing_key_path": str(self.base / "signing.key"),
            "report_stats": False,
            "macaroon_secret_key": secrets.token_hex(16),
            "form_secret": secrets.token_hex(16),
            "registration_shared_secret": self.shared_secret,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "enable_metrics": False,
            "presence": {"enabled": False},
            "bcrypt_rounds": 4,
            # Under caches (at the top level Synapse ignores it and keeps a sync's answer
            # for 2 minutes: a second initial sync of the same device got the first's).
            "caches": {"sync_response_cache_duration": 0},
            "rc_message": {"per_second": 1000, "burst_count": 1000},
            "rc_login": {key: {"per_second": 1000, "burst_count": 1000}
                         for key in ("address", "account", "failed_attempts")},
            "rc_joins": {"local": {"per_second": 1000, "burst_count": 1000}},
            "oidc_providers": [{
                "idp_id": "musterstadt",
                "idp_name": "Musterstadt",
                "issuer": self.issuer,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "scopes": ["openid", "profile", "email"],
                "user_profile_method": "userinfo_endpoint",
                "skip_verification": True,  # the test provider is plain http on loopback
                # The JWT login (jwt=True) registers @erika.mustermann without an SSO
                # mapping; without this, a single sign-on after it would find the
                # localpart taken and make @erika.mustermann1, a second account of the
                # same person (the chat tests failed in random order so). One person,
                # one Matrix account, whichever login came first.
                "allow_existing_users": True,
                "user_mapping_provider": {"config": {
                    "subject_claim": "sub",
                    "localpart_template": "{{ user.sub }}",
                    "display_name_template": "{{ user.name }}",
                }},
            }],
        }
        if self.whitelist:
            config["sso"] = {"client_whitelist": ["http://127.0.0.1:"]}
        if self.jwt:
            config["jwt_config"] = {
                "enabled": True, "secret": _pem_from_jwks(self.issuer), "algorithm": "RS256",
                "subject_claim": "sub", "issuer": self.issuer, "audiences": [CLIENT_ID],
            }
        (self.base / "log.yaml").write_text(json.dumps({
            "version": 1,
            "formatters": {"plain": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
            "handlers": {"file": {"class": "logging.FileHandler", "formatter": "plain",
                                  "filename": str(self.log_file)}},
            "root": {"level": "INFO", "handlers": ["file"]},
            "disable_existing_loggers": False,
        }))
        path = self.base / "homeserver.yaml"
        path.write_text(json.dumps(config, indent=1))  # YAML is a superset of JSON
        return path

    def start(self) -> TestSynapse:
        install()
        self.port = _free_port()
        config = self._config()
        env = {**os.environ, "SYNAPSE_USE_FROZEN_DICTS": "0"}
        for variable in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            env.pop(variable, None)
        subprocess.run([str(PYTHON), "-m", "synapse.app.homeserver", "-c", str(config),
                        "--generate-keys"], check=True, cwd=self.base, env=env,
                       stdout=subprocess.DEVNULL)
        with open(self.base / "stderr.log", "wb") as stderr:
            self._process = subprocess.Popen(
                [str(PYTHON), "-m", "synapse.app.homeserver", "-c", str(config)],
                cwd=self.base, env=env, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Synapse exited at start: {self.logs()}")
            with contextlib.suppress(requests.RequestException):
                if self._http.get(f"{self.url}/_matrix/client/versions", timeout=2).ok:
                    self._admin()
                    return self
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(0.1)  # wait on the process, not a sleep
        self.stop()
        raise RuntimeError(f"Synapse did not answer in time: {self.logs()}")

    def logs(self) -> str:
        parts = []
        for name in ("stderr.log", "homeserver.log"):
            path = self.base / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(parts)

    # -- acting as the other users -------------------------------------------------

    def _client(self, method: str, path: str, token: str, body: Any = None) -> Any:
        response = self._http.request(
            method, f"{self.url}/_matrix/client/v3{path}", json=body,
            headers={"Authorization": f"Bearer {token}"}, timeout=15)
        response.raise_for_status()
        return response.json()

    def register(self, localpart: str, *, admin: bool = False,
                 display_name: str = "") -> tuple[str, str]:
        """A user with a password (shared-secret registration); (user id, token)."""
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        nonce = self._http.get(endpoint, timeout=10).json()["nonce"]
        password = secrets.token_hex(8)
        mac = hmac.new(self.shared_secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), localpart.encode(), password.encode(),
                                 b"admin" if admin else b"notadmin"]))
        answer = self._http.post(endpoint, json={
            "nonce": nonce, "username": localpart, "password": password, "admin": admin,
            "displayname": display_name or localpart, "mac": mac.hexdigest()}, timeout=10)
        answer.raise_for_status()
        data = answer.json()
        return data["user_id"], data["access_token"]

    def _admin(self) -> None:
        self.admin_id, self.admin_token = self.register("max", admin=True,
                                                        display_name="Max Mustermann")

    def room_with_erika(self, name: str = "Bürgeramt") -> str:
        """A room of Max's that Erika has joined (made to join by the admin API)."""
        room = self._client("POST", "/createRoom", self.admin_token,
                            {"name": name, "preset": "private_chat"})["room_id"]
        response = self._http.post(
            f"{self.url}/_synapse/admin/v1/join/{quote(room, safe='')}",
            json={"user_id": ERIKA}, headers={"Authorization": f"Bearer {self.admin_token}"},
            timeout=15)
        response.raise_for_status()
        return str(room)

    def say(self, room: str, text: str, *, mention: str | None = None) -> str:
        """Max posts ``text`` in ``room`` (mentioning ``mention`` as Matrix clients do)."""
        body: dict[str, Any] = {"msgtype": "m.text", "body": text}
        if mention:
            body["m.mentions"] = {"user_ids": [mention]}
        txn = secrets.token_hex(8)
        answer = self._client("PUT", f"/rooms/{quote(room, safe='')}/send/m.room.message/{txn}",
                              self.admin_token, body)
        return str(answer["event_id"])

    def login_as(self, user_id: str) -> str:
        """A token for ``user_id`` on a new device (admin API: Element elsewhere)."""
        response = self._http.post(
            f"{self.url}/_synapse/admin/v1/users/{quote(user_id, safe='')}/login", json={},
            headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=15)
        response.raise_for_status()
        return str(response.json()["access_token"])

    def read(self, token: str, room: str, event_id: str) -> None:
        """A read receipt on ``event_id`` with ``token`` (the room was read)."""
        self._client("POST", f"/rooms/{quote(room, safe='')}/receipt/m.read/"
                     f"{quote(event_id, safe='')}", token, {})

    def devices(self, user_id: str) -> dict[str, str]:
        """``user_id``'s devices on the server: id -> display name."""
        response = self._http.get(
            f"{self.url}/_synapse/admin/v2/users/{quote(user_id, safe='')}/devices",
            headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=15)
        response.raise_for_status()
        return {d["device_id"]: d.get("display_name") or "" for d in response.json()["devices"]}

    def sign_out_everywhere(self, user_id: str) -> None:
        """Ends all of ``user_id``'s devices (none yet, or no such user: nothing)."""
        response = self._http.get(
            f"{self.url}/_synapse/admin/v2/users/{quote(user_id, safe='')}/devices",
            headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=15)
        if response.status_code == 404:
            return
        response.raise_for_status()
        devices = [d["device_id"] for d in response.json()["devices"]]
        if devices:
            self._http.post(
                f"{self.url}/_synapse/admin/v2/users/{quote(user_id, safe='')}/delete_devices",
                json={"devices": devices},
                headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=15,
            ).raise_for_status()

    def delete_device(self, user_id: str, device_id: str) -> None:
        """Ends a device and its token (as "sign out that session" in Element does)."""
        response = self._http.delete(
            f"{self.url}/_synapse/admin/v2/users/{quote(user_id, safe='')}/devices/"
            f"{quote(device_id, safe='')}",
            headers={"Authorization": f"Bearer {self.admin_token}"}, timeout=15)
        response.raise_for_status()

    # -- stopping --------------------------------------------------------------------

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)

    def close(self) -> None:
        self.stop()
        self._http.close()
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> TestSynapse:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--install"] and sys.argv[2:] in ([], ["--quiet"]):
        if not installed():
            print(f"installing Synapse {VERSION} into {VENV.relative_to(ROOT)} (the chat "
                  "tests' homeserver)", flush=True)
        took = install()
        if took or sys.argv[2:] != ["--quiet"]:
            print(f"synapse {VERSION}: " + (f"installed in {took:.0f} s" if took else
                                             "already installed"))
    else:
        print("usage: synapse.py --install [--quiet]", file=sys.stderr)
        sys.exit(2)
