# SPDX-License-Identifier: EUPL-1.2
"""A real Dovecot (Debian's dovecot-imapd) on 127.0.0.1 for the IMAP tests and the demo.

IMAP over TLS only (a test CA's certificate), SASL OAUTHBEARER and XOAUTH2 through the
``oauth2`` passdb, which introspects each token at the test identity provider as the
confidential client ``opendesk-dovecot`` (oidc-provider introspects its opaque tokens;
the Keycloak-shaped JWTs wrap one, see keycloak.mjs). Mail is delivered the way a Maildir
MTA does it: written to ``tmp/``, renamed into ``new/`` (Dovecot notices it through
inotify while a session idles, and by new/'s modification time otherwise).

Run as an ordinary user, every Dovecot process is that user. Run as root (CI), the
master stays root and its services run as the packaged unprivileged users (dovecot,
dovenull), with the base directory outside any private temporary directory.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

START_SECONDS = 20.0
DOVECOT = "/usr/sbin/dovecot"
SECRET = "dovecot-introspection-secret-not-a-secret"  # keycloak clients in provider.mjs


def installed() -> bool:
    return Path(DOVECOT).exists() and Path("/usr/lib/dovecot/imap").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _split_pem(chain: Path, cert: Path, key: Path) -> None:
    text = chain.read_text()
    start = text.index("-----BEGIN PRIVATE KEY-----")
    cert.write_text(text[:start])
    key.write_text(text[start:])
    key.chmod(0o600)


class TestDovecot:
    """One Dovecot; ``port`` is its IMAPS port once started."""

    __test__ = False

    def __init__(self, issuer: str, server_pem: Path, *, username_attribute: str = "email",
                 client_id: str = "opendesk-dovecot", secret: str = SECRET) -> None:
        self.issuer = issuer
        self.server_pem = server_pem
        self.username_attribute = username_attribute
        self.client_id = client_id
        self.secret = secret
        self.base = Path(tempfile.mkdtemp(prefix="workplace-dovecot-"))
        self.base.chmod(0o755)
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        root = os.getuid() == 0
        self.mail_user = "dovecot" if root else getpass.getuser()
        self.login_user = "dovenull" if root else getpass.getuser()

    @property
    def log_file(self) -> Path:
        return self.base / "dovecot.log"

    def _config(self) -> Path:
        cert, key = self.base / "cert.pem", self.base / "key.pem"
        _split_pem(self.server_pem, cert, key)
        introspection = self.issuer.replace(
            "://", f"://{self.client_id}:{self.secret}@", 1) + "/token/introspection"
        oauth2 = self.base / "oauth2.conf"
        oauth2.write_text(
            f"introspection_mode = post\n"
            f"introspection_url = {introspection}\n"
            f"username_attribute = {self.username_attribute}\n"
            "active_attribute = active\n"
            "active_value = true\n"
            "tls_ca_cert_file = /etc/ssl/certs/ca-certificates.crt\n")
        oauth2.chmod(0o644)
        mail_uid = pwd.getpwnam(self.mail_user)
        (self.base / "mail").mkdir()
        os.chown(self.base / "mail", mail_uid.pw_uid, mail_uid.pw_gid)
        conf = self.base / "dovecot.conf"
        conf.write_text(f"""
base_dir = {self.base}/run
state_dir = {self.base}/state
log_path = {self.log_file}
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
default_internal_user = {self.mail_user}
default_internal_group = {pwd.getpwnam(self.mail_user).pw_name}
default_login_user = {self.login_user}
disable_plaintext_auth = yes
auth_mechanisms = oauthbearer xoauth2
mail_location = maildir:{self.base}/mail/%u/Maildir
first_valid_uid = 0
login_trusted_networks =
# The IMAP processes' titles name the running command ("... IDLE]"): idling() reads it.
verbose_proctitle = yes
# No "* OK Still here" while a test waits: a keepalive would wake a client that missed
# a change and hide that it did.
imap_idle_notify_interval = 29 mins
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {self.port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service auth {{
  user = {self.mail_user}
}}
passdb {{
  driver = oauth2
  mechanisms = oauthbearer xoauth2
  args = {oauth2}
}}
userdb {{
  driver = static
  args = uid={self.mail_user} gid={self.mail_user} home={self.base}/mail/%u
}}
""")
        return conf

    def start(self) -> TestDovecot:
        if not installed():
            raise RuntimeError("Dovecot is not installed: run `make setup` (dovecot-imapd)")
        self.port = _free_port()
        conf = self._config()
        with open(self.base / "stderr.log", "wb") as stderr:
            self._process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(conf)], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=stderr)
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"Dovecot exited at start: {self.logs()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                self._process_wait(0.05)
        self.stop()
        raise RuntimeError(f"Dovecot did not listen in time: {self.logs()}")

    def _process_wait(self, seconds: float) -> None:
        assert self._process is not None
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._process.wait(seconds)  # wait on the process, not a sleep

    def logs(self) -> str:
        parts = []
        for name in ("stderr.log", "dovecot.log"):
            path = self.base / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-3000:])
        return "\n".join(parts)

    def idling(self, user: str) -> bool:
        """Whether an IMAP session of ``user`` on this Dovecot is in IDLE: the server has
        started watching the mailbox (its process title names the command)."""
        if self._process is None:
            return False
        master = str(self._process.pid)
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                parent = (proc / "stat").read_text().rsplit(")", 1)[1].split()[1]
                title = (proc / "cmdline").read_bytes()
            except (OSError, IndexError):
                continue  # gone meanwhile
            if parent == master and title.startswith(b"dovecot/imap ") \
                    and f"[{user} ".encode() in title and b" IDLE" in title:
                return True
        return False

    def wait_idling(self, user: str, timeout: float = START_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while not self.idling(user):
            if time.monotonic() > deadline:
                raise AssertionError(f"no IDLE session of {user}: {self.logs()}")
            self._process_wait(0.02)  # wait on the process, not a sleep

    def deliver(self, user: str, subject: str = "Hallo", sender: str = "bürgeramt@example.org",
                *, seen: bool = False) -> Path:
        """A new message in ``user``'s inbox (unseen unless ``seen``)."""
        maildir = self.base / "mail" / user / "Maildir"
        owner = pwd.getpwnam(self.mail_user)
        for part in ("", "tmp", "new", "cur"):
            path = maildir / part
            if not path.exists():
                path.mkdir(parents=True)
                os.chown(path, owner.pw_uid, owner.pw_gid)
        os.chown(maildir.parent, owner.pw_uid, owner.pw_gid)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, user, subject
        message.set_content("Demo")
        name = f"{int(time.time())}.{uuid.uuid4().hex}.workplace"
        tmp = maildir / "tmp" / name
        tmp.write_bytes(bytes(message))
        os.chown(tmp, owner.pw_uid, owner.pw_gid)
        final = maildir / ("cur" if seen else "new") / (name + (":2,S" if seen else ""))
        tmp.rename(final)
        return final

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

    def __enter__(self) -> TestDovecot:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
