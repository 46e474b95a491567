# SPDX-License-Identifier: EUPL-1.2
"""One launcher per user: hand-over to the running one, stale sockets, isolated names."""

from __future__ import annotations

import os
import select
import socket
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.gui.conftest import GuiFactory
from workplace.ui.single import (
    HandOverLock,
    SingleInstance,
    hand_over,
    new_start_id,
    server_name,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket paths")


SECOND_START = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "app = QCoreApplication(sys.argv[:1])\n"
    "from workplace.ui.single import hand_over\n"
    # A generous timeout: the first process (pytest) may be slow on a loaded machine.
    "sys.exit(0 if hand_over(sys.argv[1], sys.argv[2:], timeout_ms=15_000) else 3)\n"
)


def second_start(qtbot: Any, name: str, *args: str) -> int:
    """A real second process hands over, while this (first) one runs its event loop."""
    proc = subprocess.Popen([sys.executable, "-c", SECOND_START, name, *args])
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode


def test_name_is_scoped_per_user_config_and_runtime_dir(tmp_path: Path) -> None:
    a = server_name(tmp_path / "a", str(tmp_path))
    b = server_name(tmp_path / "b", str(tmp_path))
    assert a != b
    assert a.startswith(str(tmp_path))
    assert server_name(tmp_path / "a", str(tmp_path)) == a


def test_second_start_hands_over_and_raises_the_window(
    make_gui: GuiFactory, qtbot: Any, isolated_xdg: dict[str, Path]
) -> None:
    name = server_name(isolated_xdg["XDG_CONFIG_HOME"] / "workplace")
    first = SingleInstance(name)
    assert first.listen()
    gui = make_gui()
    gui.single = first
    first.message_received.connect(gui._on_single_message_received)
    gui.window.hide()
    with qtbot.waitSignal(first.message_received, timeout=15_000) as signal:
        assert second_start(qtbot, name, "--debug") == 0
    assert signal.args[0]["args"] == ["--debug"]
    assert gui.window.isVisible()
    first.close()


def test_a_second_listener_defers_to_the_live_one(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "cfg", str(tmp_path))
    first = SingleInstance(name)
    assert first.listen()
    second = SingleInstance(name)
    assert not second.listen()
    first.close()


def test_a_start_that_tried_twice_is_followed_once(qtbot: Any, tmp_path: Path) -> None:
    """The running launcher is busy past a new start's first wait (``workplace URL``
    waits 1 s, then tries again: commands/run.py). The first message still lies in the
    socket and is read once the launcher is free; the second comes too. The link must
    open once, not twice."""
    name = server_name(tmp_path / "cfg", str(tmp_path))
    running = SingleInstance(name)
    assert running.listen()
    received: list[dict[str, Any]] = []
    running.message_received.connect(received.append)
    start = new_start_id()
    link = "mailto:erika@example.org"
    # This thread is the running launcher's GUI thread: it cannot answer while it waits.
    assert not hand_over(name, [], timeout_ms=200, url=link, start_id=start)
    again: list[bool] = []
    retry = threading.Thread(target=lambda: again.append(
        hand_over(name, [], timeout_ms=15_000, url=link, start_id=start)))
    retry.start()
    qtbot.waitUntil(lambda: bool(again), timeout=15_000)  # the loop runs again
    retry.join()
    assert again == [True]  # the retry is acknowledged, so that start ends
    assert [m.get("url") for m in received] == [link]
    # Another start (an id of its own, or none: an older launcher) is handled as ever.
    with qtbot.waitSignal(running.message_received, timeout=15_000):
        assert second_start(qtbot, name) == 0
    assert len(received) == 2
    running.close()


def test_no_running_instance_means_no_hand_over(tmp_path: Path) -> None:
    name = server_name(tmp_path / "cfg", str(tmp_path))
    assert hand_over(name, [], timeout_ms=300) is False


def test_stale_socket_of_a_killed_instance_is_replaced(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "cfg", str(tmp_path))
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)  # bound, never listening, file left behind: like a crash
    stale.close()
    assert Path(name).exists()
    instance = SingleInstance(name)
    assert instance.listen()
    with qtbot.waitSignal(instance.message_received, timeout=15_000):
        assert second_start(qtbot, name) == 0
    instance.close()


def test_garbage_on_the_socket_is_ignored(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "cfg", str(tmp_path))
    instance = SingleInstance(name)
    assert instance.listen()
    received: list[dict] = []
    instance.message_received.connect(received.append)

    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(name)  # completes at once: the kernel queues it for the server
    client.sendall(b"not json\n")
    client.close()
    with qtbot.waitSignal(instance.message_received, timeout=15_000):
        assert second_start(qtbot, name, "ok") == 0
    assert [m["args"] for m in received] == [["ok"]]
    instance.close()


RACER = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "app = QCoreApplication(sys.argv[:1])\n"
    "from workplace.ui.single import SingleInstance\n"
    "print('ready', flush=True)\n"
    "for line in sys.stdin:\n"
    "    if not line.startswith('go '):\n"
    "        break\n"
    "    instance = SingleInstance(line[3:].strip())\n"
    "    print('primary' if instance.listen() else 'secondary', flush=True)\n"
    "    sys.stdin.readline()  # every racer has decided: let go for the next round\n"
    "    instance.close()\n"
    "    print('closed', flush=True)\n"
)


def _read_line(proc: subprocess.Popen[str], timeout: float = 30.0) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "a racer did not answer"
    return proc.stdout.readline().strip()


@pytest.mark.parametrize("runtime_dir", [True, False], ids=["runtime-dir", "temp-dir"])
def test_simultaneous_starts_leave_exactly_one_primary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runtime_dir: bool
) -> None:
    """Real SingleInstance objects in four processes, told to listen at the same moment.

    Both socket places: in $XDG_RUNTIME_DIR Qt binds in place; elsewhere it binds in
    a private directory and renames the socket into place.
    """
    if runtime_dir:
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    else:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, bufsize=1,
        )
        for _ in range(4)
    ]

    def tell(line: str) -> None:
        for racer in racers:
            assert racer.stdin is not None
            racer.stdin.write(line + "\n")
            racer.stdin.flush()

    try:
        assert [_read_line(r) for r in racers] == ["ready"] * len(racers)
        primaries = []
        for round_ in range(60):
            tell(f"go {tmp_path / f'workplace-{round_}.sock'}")
            primaries.append([_read_line(r) for r in racers].count("primary"))
            tell("next")
            assert [_read_line(r) for r in racers] == ["closed"] * len(racers)
        assert primaries == [1] * len(primaries), f"primaries per round: {primaries}"
    finally:
        for racer in racers:
            racer.kill()
            racer.communicate()


HOLDER = (
    "import sys\n"
    "from workplace.ui.single import HandOverLock\n"
    "with HandOverLock(sys.argv[1], timeout_s=0) as lock:\n"
    "    print('held' if lock.held else 'not held', flush=True)\n"
    "    sys.stdin.readline()  # killed here, holding the lock\n"
)


def test_a_start_killed_while_holding_the_lock_does_not_block_the_next(tmp_path: Path) -> None:
    name = str(tmp_path / "workplace.sock")
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, name], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert _read_line(holder) == "held"
        with HandOverLock(name, timeout_s=0) as lock:
            assert not lock.held, "the lock must keep out a second start while held"
        holder.kill()
        holder.wait()
    with HandOverLock(name, timeout_s=0) as lock:
        assert lock.held, "the lock of a killed start must not outlive it"
    instance = SingleInstance(name)
    assert instance.listen()
    instance.close()


def test_outside_the_runtime_dir_only_this_user_can_connect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As Qt's UserAccessOption did: made in a private directory, moved into place."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    name = server_name(tmp_path / "cfg", str(tmp_path / "no-runtime-dir"))
    assert Path(name).parent == Path(tempfile.gettempdir())
    instance = SingleInstance(name)
    try:
        assert instance.listen()
        assert stat.S_ISSOCK(os.stat(name).st_mode)
        assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0
        assert not [p for p in Path(name).parent.glob("tmp*") if (p / "socket").exists()]
    finally:
        instance.close()
    assert not Path(name).exists()  # closing removes the socket it made
