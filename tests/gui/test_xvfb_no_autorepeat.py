# SPDX-License-Identifier: EUPL-1.2
"""The tests' X server never repeats a key (tests/support/xvfb.py, ``-r``).

xdotool presses and releases each key 12 ms apart; on a loaded machine the server
could see a key held past its repeat delay and type it twice. A doubled Tab in
gnome-keyring's "new keyring" prompt lands on Cancel, and the prompt was dismissed
(tests/integration/test_keyring_no_default.py failed so in CI). Asked of the server
itself, through Xlib's XGetKeyboardControl.
"""

from __future__ import annotations

import ctypes
import ctypes.util

import pytest

from tests.support.xvfb import xvfb

AUTO_REPEAT_MODE_OFF = 0  # X.h


class KeyboardState(ctypes.Structure):  # XKeyboardState, Xlib.h
    _fields_ = [
        ("key_click_percent", ctypes.c_int),
        ("bell_percent", ctypes.c_int),
        ("bell_pitch", ctypes.c_uint),
        ("bell_duration", ctypes.c_uint),
        ("led_mask", ctypes.c_ulong),
        ("global_auto_repeat", ctypes.c_int),
        ("auto_repeats", ctypes.c_char * 32),
    ]


def _auto_repeat(display: str) -> int:
    name = ctypes.util.find_library("X11")
    if name is None:
        pytest.fail("libX11 is not installed (xdotool brings it; make setup)", pytrace=False)
    xlib = ctypes.CDLL(name)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XGetKeyboardControl.argtypes = [ctypes.c_void_p, ctypes.POINTER(KeyboardState)]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = xlib.XOpenDisplay(display.encode())
    assert connection, f"cannot open {display}"
    try:
        state = KeyboardState()
        xlib.XGetKeyboardControl(connection, ctypes.byref(state))
        return int(state.global_auto_repeat)
    finally:
        xlib.XCloseDisplay(connection)


def test_the_test_display_does_not_repeat_held_keys() -> None:
    with xvfb() as display:
        assert _auto_repeat(display) == AUTO_REPEAT_MODE_OFF
