# SPDX-License-Identifier: EUPL-1.2
"""Time per search keystroke in the real window: filter plus a synchronous repaint.

``python -m benchmarks.search_keystroke TENANT`` opens the launcher offscreen with
the given tenant, waits for the first paint, types queries into the search field
one key at a time and prints one JSON line with every keystroke's milliseconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

QUERIES = ("verfahren 5", "amt 12", "case handling", "dateien")


def main() -> int:
    from workplace.ui.gui import ensure_platform

    ensure_platform()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workplace.app import Workplace
    from workplace.ui.gui import Gui, PaintWatch, create_app

    app = create_app([sys.argv[0]])
    workplace = Workplace.build(Path(sys.argv[1]))
    gui = Gui(app, workplace, use_tray=False, restore_geometry=False, save_state=False)
    watch = PaintWatch(gui.window)
    watch.painted.connect(lambda _at: QTimer.singleShot(0, app.quit))
    gui.show()
    app.exec()

    search = gui.window.header.search
    viewport = gui.window.view.viewport()
    times: list[float] = []
    for query in QUERIES:
        for char in query:
            start = time.perf_counter()
            search.insert(char)  # emits textChanged: the same path as a key press
            QApplication.processEvents()
            viewport.repaint()
            times.append((time.perf_counter() - start) * 1000)
        search.clear()
        QApplication.processEvents()
    print(
        json.dumps({"ok": True, "services": len(workplace.catalog.services), "keystroke_ms": times})
    )
    sys.stdout.flush()
    gui.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
