# SPDX-License-Identifier: EUPL-1.2
"""The floor for any Python Qt program: a QMainWindow with a 50-item QListView.

Prints one JSON line at the first paint of the list, then exits — the same
contract as ``workplace selftest`` so both are measured the same way.
"""

from __future__ import annotations

import json
import sys
import time

T0 = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QStringListModel, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QListView, QMainWindow  # noqa: E402


class _PaintWatch(QObject):
    def __init__(self, stay: bool = False) -> None:
        super().__init__()
        self.done = False
        self.stay = stay

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            if not self.stay:
                QTimer.singleShot(0, _finish)
        return False


def _peak_rss_mib() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _finish() -> None:
    print(json.dumps({
        "ok": True, "t_first_paint_ms": (time.perf_counter() - T0) * 1000,
        "cpu_first_paint_ms": round(time.process_time() * 1000, 1),
        "rss_first_paint_mib": _peak_rss_mib(),
    }))
    sys.stdout.flush()
    QApplication.quit()


def main() -> int:
    stay = "--stay" in sys.argv[1:]  # keep running after the paint (benchmarks.peer)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    view = QListView()
    view.setModel(QStringListModel([f"Item {i}" for i in range(50)]))
    window.setCentralWidget(view)
    window.resize(1000, 700)
    watch = _PaintWatch(stay)
    view.viewport().installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
