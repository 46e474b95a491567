# SPDX-License-Identifier: EUPL-1.2
"""PySide6's import hook keeps no copy of the modules' source (workplace/ui/pysidesource.py)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, linecache, sys
import workplace.ui
import workplace.auth.tokens        # no PySide6 in it
import workplace.ui.jobs            # uses PySide6
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({
    "cached": sorted(k for k in linecache.cache if "/workplace/" in k),
    "installed": feature._mod_uses_pyside.__module__,
}))
"""


def test_modules_imported_after_pyside_leave_no_source_in_memory() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60, check=True)
    out = json.loads(done.stdout)
    assert out["cached"] == []
    assert out["installed"] == "workplace.ui.pysidesource"


def test_the_answer_is_pyside6s_own() -> None:
    import inspect

    import workplace.auth.tokens
    import workplace.ui.jobs
    from workplace.ui.pysidesource import uses_pyside

    for module in (workplace.auth.tokens, workplace.ui.jobs, json):
        assert uses_pyside(module) == ("PySide6" in inspect.getsource(module)), module
    assert uses_pyside(workplace.ui.jobs) and not uses_pyside(workplace.auth.tokens)
    assert not uses_pyside(sys)  # no source file: as PySide6 says too
