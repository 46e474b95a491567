# SPDX-License-Identifier: EUPL-1.2
"""The system's preferences are followed (EN 301 549 11.7): high contrast and font size.

High contrast: Qt 6.10+ reads the desktop's contrast setting from the XDG desktop
portal (``org.freedesktop.portal.Settings``, key ``org.freedesktop.appearance
contrast``) and reports it as ``QStyleHints.accessibility().contrastPreference()``.
No desktop runs here, so the portal is a stand-in shaped exactly like its documented
D-Bus interface (``ReadAll``, ``ReadOne``, the ``SettingChanged`` signal), on a
private session bus, and the launcher's real appearance code runs in a real Qt
process under Xvfb with Qt's GNOME platform theme, which asks that portal.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from tests.support.xvfb import xvfb
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.ui.appearance import Appearance
from workplace.ui.signin import SignInPage

ROOT = Path(__file__).resolve().parents[2]

PORTAL = textwrap.dedent('''
    """Stand-in for org.freedesktop.portal.Settings (XDG desktop portal), D-Bus API v2."""
    import threading

    from jeepney import DBusAddress, MessageType, new_error, new_method_return, new_signal
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    PATH = "/org/freedesktop/portal/desktop"
    INTERFACE = "org.freedesktop.portal.Settings"


    class Portal:
        def __init__(self, contrast: int) -> None:
            self.values = {"org.freedesktop.appearance": {"contrast": ("u", contrast),
                                                          "color-scheme": ("u", 0)}}
            self.conn = open_dbus_connection(bus="SESSION")
            self.lock = threading.Lock()
            reply = self.conn.send_and_get_reply(
                message_bus.RequestName("org.freedesktop.portal.Desktop"))
            assert reply.body[0] == 1, reply.body  # primary owner
            threading.Thread(target=self._serve, daemon=True).start()

        def set_contrast(self, value: int) -> None:
            self.values["org.freedesktop.appearance"]["contrast"] = ("u", value)
            signal = new_signal(DBusAddress(PATH, interface=INTERFACE), "SettingChanged",
                                "ssv", ("org.freedesktop.appearance", "contrast", ("u", value)))
            with self.lock:
                self.conn.send(signal)

        def _reply(self, message) -> None:
            with self.lock:
                self.conn.send(message)

        def _serve(self) -> None:
            while True:
                msg = self.conn.receive()
                if msg.header.message_type != MessageType.method_call:
                    continue
                member = msg.header.fields.get(3)
                if member == "ReadAll":
                    wanted = msg.body[0]
                    found = {ns: kv for ns, kv in self.values.items()
                             if not wanted or ns in wanted}
                    self._reply(new_method_return(msg, "a{sa{sv}}", (found,)))
                elif member in ("Read", "ReadOne"):
                    namespace, key = msg.body
                    value = self.values.get(namespace, {}).get(key)
                    if value is None:
                        self._reply(new_error(msg, "org.freedesktop.portal.Error.NotFound",
                                              "s", ("no such setting",)))
                    else:  # Read (deprecated) wraps the variant once more
                        body = ("v", value) if member == "Read" else value
                        self._reply(new_method_return(msg, "v", (body,)))
                elif member == "Get":  # the interface's version property
                    self._reply(new_method_return(msg, "v", (("u", 2),)))
                else:
                    self._reply(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod",
                                          "s", (str(member),)))
''')

SCENARIO = textwrap.dedent('''
    import json, sys
    from portal import Portal

    portal = Portal(contrast=1)  # the desktop asks for high contrast
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QStyle
    from workplace.config.loader import load_settings
    from workplace.config.paths import Paths
    from workplace.ui.appearance import Appearance
    from workplace.ui.gui import create_app

    app = create_app()
    appearance = Appearance(app)
    appearance.follow(load_settings(Paths.from_environment()))

    def wait_for(condition):
        loop = QEventLoop()
        timer = QTimer(); timer.setInterval(20); timer.timeout.connect(
            lambda: condition() and loop.quit()); timer.start()
        give_up = QTimer(); give_up.setSingleShot(True); give_up.timeout.connect(loop.quit)
        give_up.start(15_000)
        if not condition():
            loop.exec()
        return condition()

    def say(**facts):
        print(json.dumps(facts), flush=True)

    hints = app.styleHints()
    accessibility = hints.accessibility()

    def platform_says(high):
        """Wait until Qt has the portal's value (Appearance follows in the same signal)."""
        from PySide6.QtCore import Qt
        wanted = Qt.ContrastPreference.HighContrast if high else Qt.ContrastPreference.NoPreference
        assert wait_for(lambda: accessibility.contrastPreference() == wanted), high

    platform_says(True)
    say(step="start", high_contrast=appearance.theme.high_contrast)
    portal.set_contrast(0)  # the user switches it off on the desktop
    platform_says(False)
    say(step="off", high_contrast=appearance.theme.high_contrast)
    portal.set_contrast(1)
    platform_says(True)
    say(step="on", high_contrast=appearance.theme.high_contrast)

    # Dialog buttons show icons on this platform: the close icon follows a theme change.
    from workplace.ui.dialogs import HelpDialog
    from workplace.ui.theme import make_theme
    from workplace.ui import themestyle
    themestyle.apply(app, make_theme("#0b5cad", dark=False, high_contrast=False))
    dialog = HelpDialog(load_settings(Paths.from_environment()).tenant.organisation, "de")
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    shows = bool(dialog.style().styleHint(
        QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, dialog.buttons))
    themestyle.apply(app, make_theme("#0b5cad", dark=True, high_contrast=False))
    app.processEvents()
    image = close.icon().pixmap(32, 32).toImage()
    strokes = [image.pixelColor(x, y).lightnessF() for y in range(image.height())
               for x in range(image.width()) if image.pixelColor(x, y).alpha() >= 200]
    say(step="icon", shows_icons=shows, strokes=len(strokes),
        lightest=max(strokes, default=0.0), darkest=min(strokes, default=1.0))
''')


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """Xvfb on a free display number (-displayfd: no guessing, no sleeping)."""
    with xvfb() as display:
        yield display


def run_scenario(tmp_path: Path, display: str, preferences: str = "") -> list[dict[str, Any]]:
    (tmp_path / "portal.py").write_text(PORTAL, encoding="utf-8")
    (tmp_path / "scenario.py").write_text(SCENARIO, encoding="utf-8")
    if preferences:
        folder = Path(os.environ["XDG_CONFIG_HOME"]) / "workplace"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "preferences.toml").write_text("version = 1\n" + preferences, "utf-8")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
               QT_QPA_PLATFORMTHEME="gnome", PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}")
    session = shutil.which("dbus-run-session")
    assert session is not None, "dbus-run-session is missing; run scripts/bootstrap.sh"
    # A session bus of its own: the stand-in must be the only portal it has.
    done = subprocess.run(
        [session, "--", sys.executable, str(tmp_path / "scenario.py")],
        env=env, capture_output=True, text=True, timeout=90, cwd=tmp_path,
    )
    steps = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, done.stderr[-3000:]
    return steps


def test_the_desktops_high_contrast_setting_is_followed(
    xvfb_display: str, tmp_path: Path
) -> None:
    steps = {step["step"]: step for step in run_scenario(tmp_path, xvfb_display)}
    assert steps["start"]["high_contrast"], "high contrast on the desktop, not in the window"
    assert not steps["off"]["high_contrast"], "the desktop switched it off; the window did not"
    assert steps["on"]["high_contrast"]
    icon = steps["icon"]
    if icon["shows_icons"]:  # the dark theme's ✕ is light, not Qt's dark one
        assert icon["strokes"] > 0 and icon["darkest"] > 0.6, icon


def test_a_contrast_the_user_chose_wins_over_the_desktops(
    xvfb_display: str, tmp_path: Path
) -> None:
    steps = {step["step"]: step for step in
             run_scenario(tmp_path, xvfb_display, "high_contrast = false\n")}
    assert not steps["start"]["high_contrast"]
    assert not steps["on"]["high_contrast"]


def test_font_sizes_follow_the_platform_font(qapp: QApplication, qtbot: Any) -> None:
    """Titles and buttons are sized relative to the application font the platform
    sets ('large text'): twice the font, twice the title."""
    original = QFont(qapp.font())
    appearance = Appearance(qapp)
    try:
        appearance.follow(load_settings(Paths.from_environment()))
        page = SignInPage(appearance.theme)
        qtbot.addWidget(page)
        page.ensurePolished()
        base = qapp.font().pointSizeF()
        normal = page.title.font().pointSizeF()
        assert normal > base
        large = QFont(original)
        large.setPointSizeF(base * 2)
        qapp.setFont(large)  # what Qt does when the desktop's font changes
        page.title.ensurePolished()
        assert page.title.font().pointSizeF() == pytest.approx(normal * 2, abs=0.15)
        assert page.intro.font().pointSizeF() > large.pointSizeF()
    finally:
        qapp.setFont(original)
        appearance.dispose()
        appearance.deleteLater()
