# SPDX-License-Identifier: EUPL-1.2
"""One way to start the X server the tests draw on: Xvfb on a free display.

- ``-displayfd``: Xvfb writes its display number once it accepts clients, so there is no
  guessing of numbers and no sleeping.
- ``-noreset``: without it the server resets whenever its last client disconnects, and a
  client connecting at that moment is refused. Tests where one program leaves while the
  next arrives (xdotool polling, a dialog starting) then failed about one time in ten.
- ``-r``: no key auto-repeat. xdotool presses a key and releases it 12 ms later; on a
  loaded machine the server could see the key held past its 660 ms repeat delay and
  type it twice. A second Tab in gnome-keyring's "new keyring" prompt moves past the
  confirm field to Cancel, and the Return meant for OK then dismissed the prompt (a
  CI run failed so: the sign-in "could not save the session in the keyring").
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest


@contextlib.contextmanager
def xvfb(size: str = "1280x800") -> Iterator[str]:
    """Yield ``":N"`` for a fresh Xvfb of ``size`` (``WIDTHxHEIGHT``), stopped afterwards."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail("Xvfb is not installed; run scripts/bootstrap.sh (make test does)",
                    pytrace=False)
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", f"{size}x24",
         "-nolisten", "tcp", "-noreset", "-r"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            pytest.fail("Xvfb did not report a display number", pytrace=False)
        yield f":{number}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
