# SPDX-License-Identifier: EUPL-1.2
"""The loopback listener on its own: the port closes right after the first answer
(before the token exchange), and closing never waits for a poll interval."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from workplace.auth import AuthError, AuthErrorKind
from workplace.auth.loopback import LoopbackListener, socket_owner

pytestmark = pytest.mark.integration


def _judge(query: dict[str, str]) -> str | None:
    return "signed_in" if query.get("code") else None


def _get(url: str) -> int:
    with requests.Session() as session:
        session.trust_env = False
        return session.get(url, timeout=5, allow_redirects=False).status_code


def test_the_port_closes_by_itself_after_the_first_answer() -> None:
    listener = LoopbackListener("/callback", _judge)
    url = listener.redirect_uri
    try:
        assert _get(url) == 404  # no answer in it: keep waiting
        assert _get(f"{url}?code=first&state=s") == 200
        # The serving thread ends and closes the port on its own, before anyone
        # collects the answer or calls close().
        listener._thread.join(timeout=5)
        assert not listener._thread.is_alive()
        with pytest.raises(requests.ConnectionError):
            _get(f"{url}?code=second&state=s")
        query = listener.wait(threading.Event(), time.monotonic() + 5)
        assert query["code"] == "first"
    finally:
        listener.close()


def test_close_wakes_the_listener_at_once() -> None:
    listener = LoopbackListener("/callback", _judge)
    url = listener.redirect_uri
    listener.close()  # nothing came: the serving thread is woken, not polled
    assert not listener._thread.is_alive()
    with pytest.raises(requests.ConnectionError):
        _get(f"{url}?code=late&state=s")
    listener.close()  # twice is fine


def test_a_failure_ends_the_wait_and_closes() -> None:
    listener = LoopbackListener("/callback", _judge)
    listener.fail(AuthError(AuthErrorKind.BROWSER_UNAVAILABLE))
    with pytest.raises(AuthError) as failure:
        listener.wait(threading.Event(), time.monotonic() + 5)
    assert failure.value.kind == AuthErrorKind.BROWSER_UNAVAILABLE
    assert not listener._thread.is_alive()


def test_an_idle_connection_does_not_hold_up_the_callback() -> None:
    """A browser's speculative pre-connect (or any local program) may open a connection
    and send nothing; the real callback on another connection is answered anyway."""
    import socket

    listener = LoopbackListener("/callback", _judge)
    url = listener.redirect_uri
    idle = [socket.create_connection(("127.0.0.1", listener.port)) for _ in range(3)]
    try:
        assert _get(f"{url}?code=real&state=s") == 200
        query = listener.wait(threading.Event(), time.monotonic() + 5)
        assert query["code"] == "real"
    finally:
        for sock in idle:
            sock.close()
        listener.close()


def test_parallel_answers_count_once() -> None:
    listener = LoopbackListener("/callback", _judge)
    url = listener.redirect_uri
    statuses: list[int] = []
    lock = threading.Lock()

    def answer(n: int) -> None:
        try:
            status = _get(f"{url}?code=c{n}&state=s")
        except requests.ConnectionError:
            status = 0  # the port had already closed
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert statuses.count(200) == 1, statuses
        assert listener.wait(threading.Event(), time.monotonic() + 5)["code"].startswith("c")
    finally:
        listener.close()


def test_a_one_time_redirect_is_answered_once_and_never_counts_as_the_answer() -> None:
    listener = LoopbackListener("/callback", _judge)
    try:
        target = "https://id.example/logout?id_token_hint=secret"
        once = listener.redirect_once(target)
        assert once.startswith(f"http://127.0.0.1:{listener.port}/once/")
        assert "secret" not in once
        with requests.Session() as session:
            session.trust_env = False
            first = session.get(once, timeout=5, allow_redirects=False)
            assert (first.status_code, first.headers["Location"]) == (303, target)
            assert session.get(once, timeout=5).status_code == 404
            assert session.get(listener.redirect_uri.replace("/callback", "/once/guess"),
                               timeout=5).status_code == 404
        assert _get(f"{listener.redirect_uri}?code=c&state=s") == 200  # still waiting
    finally:
        listener.close()


CHILD_GET = (
    "import sys, urllib.request, urllib.error\n"
    "class NoRedirect(urllib.request.HTTPRedirectHandler):\n"
    "    def redirect_request(self, *args, **kwargs): return None\n"
    "opener = urllib.request.build_opener(NoRedirect, urllib.request.ProxyHandler({}))\n"
    "try:\n"
    "    print(opener.open(sys.argv[1], timeout=10).status)\n"
    "except urllib.error.HTTPError as exc:\n"
    "    print(exc.code)\n"
)


SYSTEM_PYTHON = "/usr/bin/python3"  # the venv's may live where nobody cannot read


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.geteuid() != 0
                    or not os.access(SYSTEM_PYTHON, os.X_OK),
                    reason="connecting as another user needs root and a system Python")
def test_another_users_program_cannot_take_the_one_time_address() -> None:
    """On a terminal server the address is on the browser's command line for everyone to
    read; a program of another user (here: nobody) gets a 404, the user's own browser
    still gets the redirect."""
    listener = LoopbackListener("/callback", _judge)
    try:
        target = "https://id.example/logout?id_token_hint=secret"
        once = listener.redirect_once(target)
        other = subprocess.run(
            [SYSTEM_PYTHON, "-S", "-c", CHILD_GET, once], user=65534, group=65534,
            capture_output=True, text=True, timeout=60, cwd="/", env={"PATH": "/usr/bin"},
            check=False)
        assert other.stdout.strip() == "404", other.stderr
        with requests.Session() as session:
            session.trust_env = False
            mine = session.get(once, timeout=5, allow_redirects=False)
        assert (mine.status_code, mine.headers["Location"]) == (303, target)
    finally:
        listener.close()


def test_the_socket_owner_is_read_from_the_kernel_table(tmp_path: Path) -> None:
    table = tmp_path / "tcp"
    table.write_text(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
        "   uid  timeout inode\n"
        "   0: 0100007F:9C40 0100007F:B5A3 01 00000000:00000000 00:00000000 00000000"
        "  1000        0 1 1 0000000000000000 20 4 30 10 -1\n"
        "   1: 0100007F:B5A3 0100007F:9C40 01 00000000:00000000 00:00000000 00000000"
        "     0        0 2 1 0000000000000000 20 4 30 10 -1\n",
        encoding="ascii")
    assert socket_owner(0x9C40, 0xB5A3, (str(table),)) == 1000
    assert socket_owner(0xB5A3, 0x9C40, (str(table),)) == 0
    assert socket_owner(1, 2, (str(table),)) is None
    assert socket_owner(1, 2, (str(tmp_path / "missing"),)) is None
