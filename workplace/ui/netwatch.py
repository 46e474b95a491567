# SPDX-License-Identifier: EUPL-1.2
"""The one watcher for "the world may have changed": network changes and wake-up from sleep.

Sign-in refresh, profile detection, the status probes and the catalog refresh all
listen to :attr:`NetworkWatch.changed`; a burst of OS events (a Wi-Fi switch reports
reachability, medium and metered one after another) becomes ONE round after a short
debounce. Wake-up is noticed by a heartbeat that fires much later than planned.

What the profile detection asks the OS (reachability, metered or cellular, captive
portal) comes, on Linux, from NetworkManager over the system bus
(:mod:`workplace.net.nmstate`), and network changes from the kernel
(:mod:`workplace.net.netlink`): Qt's ``QNetworkInformation`` would load QtNetwork and
every network-information plugin (about 7 MiB for the launcher's lifetime). Elsewhere
``QNetworkInformation`` answers (where the platform has a backend). Tests set
:attr:`NetworkWatch.forced` instead.

Signals:
    changed(str): one debounced round is due; the reason (``network``, ``wake``).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    import socket

    from PySide6.QtCore import QSocketNotifier

    from workplace.net.nmstate import NmState, NmWatcher

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
    _nm_state = Signal(object)
    """NetworkManager's state, from its watcher's thread (queued to this object's)."""

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
        self._route_socket: socket.socket | None = None
        self._route_notifier: QSocketNotifier | None = None
        self._nm_watcher: NmWatcher | None = None
        self._nm: OsNetwork | None = None
        self._given: OsNetwork | None = None
        self._nm_state.connect(self._on_nm_state)

    def start(self) -> None:
        """Begin watching (after the first paint: loading the backend talks to D-Bus)."""
        if self._started:
            return
        self._started = True
        self._last_beat = time.time()
        self._heartbeat.start()
        if self._use_os:
            if sys.platform.startswith("linux"):
                self._watch_linux()
            else:
                self._load_backend()

    def stop(self) -> None:
        """Stop listening to the OS (the launcher quits)."""
        if self._route_notifier is not None:
            self._route_notifier.setEnabled(False)
            self._route_notifier = None
        if self._route_socket is not None:
            from workplace.net import netlink

            netlink.close(self._route_socket)
            self._route_socket = None
        watcher, self._nm_watcher = self._nm_watcher, None
        if watcher is not None:
            watcher.stop()

    def _watch_linux(self) -> None:
        from PySide6.QtCore import QSocketNotifier

        from workplace.net import netlink
        from workplace.net.nmstate import NmWatcher

        self._route_socket = netlink.open_route_socket()
        if self._route_socket is not None:
            notifier = QSocketNotifier(self._route_socket.fileno(),
                                       QSocketNotifier.Type.Read, self)
            notifier.activated.connect(self._on_route_change)
            self._route_notifier = notifier
        else:
            log.info("no netlink socket: network changes are noticed on wake-up only")
        self._nm_watcher = NmWatcher(self._nm_state.emit)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self._nm_watcher.start()

    @Slot()
    def _on_route_change(self, *_args: Any) -> None:
        from workplace.net import netlink

        if self._route_socket is not None and netlink.drain(self._route_socket):
            self.notify("network")

    @Slot(object)
    def _on_nm_state(self, state: NmState | None) -> None:
        if state is None:
            self._nm = None
            return
        self._nm = OsNetwork(state.reachability, state.metered, state.captive)
        # A detection round that already used another answer runs again.
        if self._given is not None and self._nm != self._given:
            self.notify("network")

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
        if self._nm_watcher is not None:
            self._given = self._nm or OsNetwork()
            return self._given
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
