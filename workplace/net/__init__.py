# SPDX-License-Identifier: EUPL-1.2
"""Network: the one HTTP client (trust store, proxy, timeouts, deadlines, byte counts) and
its one error family.

Importing the package or :mod:`workplace.net.errors` loads no HTTP library (the first
paint may); :mod:`workplace.net.http` does. Layers, lowest first: ``deadline``,
``errors`` -> ``classify`` -> ``proxy`` (``desktop_proxy``) -> ``http`` -> ``fetch``,
``detect`` -> ``setup``.
"""

from workplace.net.errors import NetworkError, NetworkErrorKind

__all__ = ["NetworkError", "NetworkErrorKind"]
