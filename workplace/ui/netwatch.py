# SPDX-License-Identifier: EUPL-1.2
"""The one watcher for "the world may have changed": network changes and wake-up from sleep.

Sign-in refresh, profile detection, the status probes and the catalog refresh all
listen to :attr:`NetworkWatch.changed`; a burst of OS events (a Wi-Fi switch reports
reachability, medium and metered one after another) becomes ONE round after a short
debounce. Wake-up is noticed by a heartbeat that fires much later than planned.

``QNetworkInformation`` (where the platform has a backend) also answers what the
profile detection asks the OS: reachability, metered or cellular, captive portal.
Tests set :attr:`NetworkWatch.forced` instead.

Signals:
    changed(str): one debounced round is due; the reason (``network``, ``wake``).
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger("workplace.ui")

HEARTBEAT_MS = 30_000
WAKE_GAP_S = 60.0
"""A heartbeat this much later than planned means the computer was asleep."""
DEBOUNCE_MS = 1500


# A NamedTuple, not a dataclass: defining one before the first paint costs about
# 3.5 M instructions (exec of its generated methods); this costs a quarter.
class OsNetwork(NamedTuple):
    """What the operating system says about the link (see ``net.profile.Observations``)."""

    reachability: str = "unknown"
    metered: bool = False
    captive: bool | None = None


class NetworkWatch(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, use_os: bool = True) -> None:
        super().__init__(parent)
        self.forced: OsNetwork | None = None
        """Tests and the e2e screenshots: use this instead of the OS's answer."""
        self._use_os = use_os
        self._info: Any = None
        self._reason = ""
        self._started = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._on_heartbeat_timeout)
        self._last_beat = time.time()

    def start(self) -> None:
        """Begin watching (after the first paint: loading the backend talks to D-Bus)."""
        if self._started:
            return
        self._started = True
        self._last_beat = time.time()
        self._heartbeat.start()
        if self._use_os:
            self._load_backend()

    def _load_backend(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability
            ):
                return
            # None when no backend could be loaded (Qt's stubs do not say so).
            info: QNetworkInformation | None = QNetworkInformation.instance()
            if info is None:
                return
            info.reachabilityChanged.connect(self._on_info_changed)
            info.isMeteredChanged.connect(self._on_info_changed)
            info.transportMediumChanged.connect(self._on_info_changed)
            info.isBehindCaptivePortalChanged.connect(self._on_info_changed)
            self._info = info
        except (ImportError, RuntimeError, AttributeError):  # no backend: wake-up still works
            log.debug("no network information backend", exc_info=True)

    def os_network(self) -> OsNetwork:
        """The OS's view now (GUI thread; the result is handed to the detection job)."""
        if self.forced is not None:
            return self.forced
        info = self._info
        if info is None:
            return OsNetwork()
        from PySide6.QtNetwork import QNetworkInformation

        feature = QNetworkInformation.Feature
        reachability = "unknown"
        if info.supports(feature.Reachability):
            reachability = info.reachability().name.lower()
        metered = False
        if info.supports(feature.Metered):
            metered = bool(info.isMetered())
        if info.supports(feature.TransportMedium):
            medium = info.transportMedium()
            metered = metered or medium == QNetworkInformation.TransportMedium.Cellular
        captive = None
        if info.supports(feature.CaptivePortal):
            captive = bool(info.isBehindCaptivePortal())
        return OsNetwork(reachability, metered, captive)

    def notify(self, reason: str = "network") -> None:
        """Ask for one round soon (several calls in a burst give one round)."""
        self._reason = self._reason or reason
        self._debounce.start()

    @Slot()
    def _on_info_changed(self, *_args: Any) -> None:
        self.notify("network")

    @Slot()
    def _on_heartbeat_timeout(self) -> None:
        now = time.time()
        gap = now - self._last_beat
        self._last_beat = now
        if gap > HEARTBEAT_MS / 1000 + WAKE_GAP_S:
            log.info("woke up after %.0f s", gap, extra={"event": "net.wake"})
            self.notify("wake")

    @Slot()
    def _on_debounce_timeout(self) -> None:
        reason, self._reason = self._reason or "network", ""
        log.info("network change or wake-up: one fresh round (%s)", reason,
                 extra={"event": "net.round", "reason": reason})
        self.changed.emit(reason)

    def dispose(self) -> None:
        self._heartbeat.stop()
        self._debounce.stop()
        info, self._info = self._info, None
        if info is not None:
            for signal in (info.reachabilityChanged, info.isMeteredChanged,
                           info.transportMediumChanged, info.isBehindCaptivePortalChanged):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect(self._on_info_changed)
