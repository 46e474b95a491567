# SPDX-License-Identifier: EUPL-1.2
"""PySide6 without a copy of every module's source text in memory.

PySide6's ``__feature__`` support (``snake_case``, ``true_property``) looks at every
module imported after PySide6 to learn whether it uses PySide: it reads the module's
source with ``inspect.getsource``, and ``linecache`` then keeps every line of every such
file for the rest of the program's life. For the signed-in launcher that is about
11 MiB (tracemalloc: 11.7 MiB allocated in ``linecache.py``; peak RSS 131 -> 120 MiB).

:func:`install` answers the same question from the file itself, read once and not
kept: a module uses PySide when its source names ``PySide6``; one without a source file
(a frozen bundle's, an extension) does not, as before. The launcher uses no
``__feature__``, so only the memory changes.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def install() -> bool:
    """Load PySide6 and put :func:`uses_pyside` in place of its check; False where
    PySide6 has none (another version: then nothing is changed)."""
    import PySide6  # noqa: F401 (installs the import hook; this module is imported before)

    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file names PySide6 (PySide6's own rule)."""
    origin = getattr(getattr(module, "__spec__", None), "origin", None)
    if not isinstance(origin, str) or not origin.endswith(".py"):
        return False
    try:
        with open(origin, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False
