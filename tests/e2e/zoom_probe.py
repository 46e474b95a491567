# SPDX-License-Identifier: EUPL-1.2
"""The real window on an X display at the zoom of ``QT_SCALE_FACTOR``: what a person sees.

Run by tests/e2e/test_zoom_e2e.py as ``python -m tests.e2e.zoom_probe REPORT SHOTS NAME``
with ``DISPLAY`` and ``QT_SCALE_FACTOR`` set. Builds the window as the launcher does
(sign-in left out: the demo's provider cannot be reached here, so the sign-in screen is
asked for directly), looks at three states (the sign-in screen; the tiles under banners;
both at the smallest window the screen allows), saves a picture of the X screen for
each, and writes a JSON report: sizes in device pixels and every problem found by
:mod:`tests.support.layoutcheck`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.layoutcheck import layout_problems, naming_problems
from workplace.app import Workplace, no_auth
from workplace.ui.gui import Gui, create_app
from workplace.ui.jobs import Jobs
from workplace.ui.netwatch import NetworkWatch, OsNetwork


def settle(app: QApplication, window: QWidget) -> None:
    """Process events until the widgets stop moving (the header reflows in posted events)."""
    last: list[tuple[int, int, int, int]] = []
    for _ in range(50):
        app.processEvents()
        now = [w.geometry().getRect() for w in window.findChildren(QWidget)]
        if now == last:
            return
        last = now
    raise RuntimeError("the layout did not settle")


def device(rect: QRect, ratio: float) -> list[int]:
    return [round(v * ratio) for v in rect.getRect()]


def main(argv: list[str]) -> int:
    report_path, shots, name = Path(argv[1]), Path(argv[2]), argv[3]
    shots.mkdir(parents=True, exist_ok=True)
    app = create_app()
    workplace = Workplace.build(None)
    workplace.auth_factory = no_auth
    watch = NetworkWatch(use_os=False)
    watch.forced = OsNetwork("online")
    gui = Gui(app, workplace, jobs=Jobs(synchronous=True), use_tray=False, save_state=False,
              status=False, watch=watch, restore_geometry=False)
    window = gui.window
    gui.show()
    QTest.qWaitForWindowExposed(window)
    # The sign-in state settles first (without a provider: "disabled", after the trusted
    # load): it shows the tiles when it does, which would switch the page under a look.
    deadline = time.monotonic() + 30
    while gui.account.phase.value == "starting":
        if time.monotonic() > deadline:
            raise RuntimeError("the sign-in state did not settle")
        QTest.qWait(10)
    # The longest chips the header shows (a VPN at home, the data saver on).
    window.header.set_connection("Homeoffice · VPN", "Zuhause, mit VPN", "wifi", "ok")
    window.header.set_saver(True, "Sparmodus", "Weniger Daten")
    screen = window.screen()
    ratio = screen.devicePixelRatio()
    report: dict[str, Any] = {
        "ratio": ratio,
        "available": device(screen.availableGeometry(), ratio),
        "minimum": [round(window.minimumWidth() * ratio), round(window.minimumHeight() * ratio)],
        "states": {},
    }

    def look(state: str) -> None:
        settle(app, window)
        picture = shots / f"{name}-{state}.png"
        screen.grabWindow(0).save(str(picture), "PNG")
        report["states"][state] = {
            "window": device(window.frameGeometry(), ratio),
            "header": getattr(window.header, "arrangement", ""),
            "layout": layout_problems(window),
            "naming": naming_problems(window),
            "picture": str(picture),
        }

    window.want_sign_in(True)
    look("signin")
    window.browse_without_sign_in()
    banners = window.banners
    banners.config.show_message(
        "Die Konfiguration enthält Warnungen", ["Feld „proxy.url“: keine gültige Adresse"],
        "Der Arbeitsplatz funktioniert normal. Bitte sagen Sie Ihrer IT Bescheid.",
        ["ValueError: bad url"])
    banners.network.show_message("WLAN-Anmeldung nötig", [], "Melden Sie sich im WLAN an.")
    banners.network.set_action("Anmeldeseite öffnen", "Öffnet die Anmeldeseite")
    look("tiles")
    window.resize(window.minimumSize())
    look("narrowest-tiles")
    window.return_to_sign_in()
    look("narrowest-signin")
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    gui.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
