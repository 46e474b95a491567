# SPDX-License-Identifier: EUPL-1.2
"""``workplace --config TENANT selftest --ready``, which also waits for the first reading
of every configured integration (the memory benchmark with every integration on).

``selftest --ready`` ends once the remembered sign-in is restored and one status round
has finished; the integrations start after the sign-in and would still be on their way
then. This runs the same self test with its readiness extended by "every integration
has a reading" (a check's, or a held connection's first), and adds the readings'
availability to its JSON line (``integrations``). Nothing else differs, so the figure
compares with plain ``selftest --ready`` on the same tenant without integrations.
"""

from __future__ import annotations

import sys
from typing import Any

from workplace.commands import selftest


class _ReadyWithIntegrations(selftest._Readiness):
    def __init__(self, gui: Any, on_ready: Any) -> None:
        self._waiting = gui.waiting.controller
        super().__init__(gui, on_ready)
        self._waiting.reading_changed.connect(self._on_reading)

    def _on_reading(self, _reading: object) -> None:
        self._check()

    def _all_read(self) -> bool:
        integrations = self._waiting.integrations
        return integrations is not None and all(
            name in self._waiting.readings for name in integrations.names())

    def _check(self) -> None:
        if self._all_read():
            super()._check()

    def missing(self) -> str:
        found = super().missing()
        if not self._all_read():
            found += " (or not every integration has a reading)"
        return found

    def report(self) -> dict[str, Any]:
        found = super().report()
        found["integrations"] = {name: reading.availability.value
                                 for name, reading in self._waiting.readings.items()}
        return found


def _finish(gui: Any, code: int, ready: bool) -> int:
    gui.waiting.dispose()  # ends the held connections (long poll, event stream) first
    return _plain_finish(gui, code, ready)


_plain_finish = selftest._finish


def main(argv: list[str]) -> int:
    selftest._Readiness = _ReadyWithIntegrations  # type: ignore[misc]
    selftest._finish = _finish
    from workplace.cli import main as cli

    return int(cli([*argv, "selftest", "--ready"]) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
