# SPDX-License-Identifier: EUPL-1.2
"""``workplace`` without a command: the launcher window (one per user).

``workplace URL``: the same, for a link. A running window takes the link over the
single-instance channel; else this start becomes the window and then follows it.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

log = logging.getLogger("workplace.ui")


def run_window(args: argparse.Namespace) -> int:
    """Start the window, or hand over to the running one and return 0."""
    started = time.perf_counter()
    from workplace.config.paths import Paths, resolve_override
    from workplace.ui.gui import (
        Gui,
        PaintWatch,
        create_app,
        imported_before_first_paint,
        quit_on_signals,
    )
    from workplace.ui.single import (
        STARTING_TIMEOUT_MS,
        SingleInstance,
        hand_over,
        new_start_id,
        server_name,
    )

    app = create_app([sys.argv[0]])
    paths = Paths.from_environment()
    name = server_name(paths.user_config_dir)
    link: str | None = getattr(args, "link", None)
    forwarded = [a for a in sys.argv[1:] if a != link]
    start = new_start_id()  # both tries below carry it: the link is followed once
    if hand_over(name, forwarded, timeout_ms=1000, url=link, start_id=start):
        log.info(
            "handed over to the running instance", extra={"event": "single_instance.forwarded"}
        )
        return 0
    single = SingleInstance(name)
    if not single.listen() and hand_over(
        name, forwarded, timeout_ms=STARTING_TIMEOUT_MS, url=link, start_id=start
    ):
        return 0  # another start won the race (and may still be building its window)

    from workplace.app import Workplace

    workplace = Workplace.build(
        resolve_override(getattr(args, "config", None)), paths=paths, first_paint_from_cache=True
    )
    t_config = time.perf_counter()
    gui = Gui(app, workplace, single_instance=single)
    watch = PaintWatch(gui.window)

    def first_paint(at: float) -> None:
        log.info(
            "first paint",
            extra={
                "event": "window.first_paint",
                "services": len(workplace.catalog.services),
                "t_config_ms": round((t_config - started) * 1000, 1),
                "t_first_paint_ms": round((at - started) * 1000, 1),
                "warm_start": workplace.warm_start,
                "early_imports": imported_before_first_paint(gui),
            },
        )

    watch.painted.connect(first_paint)
    keep = quit_on_signals(app, gui.window.quit)
    gui.show()
    if link is not None:
        gui.links.route(link)
    code = app.exec()
    del keep
    return int(code)
