# SPDX-License-Identifier: EUPL-1.2
"""Compile the committed Qt Linguist sources (.ts) into .qm files next to them.

Run by the install step (scripts/bootstrap.sh) and the package builds; skips
files whose .qm is newer than the .ts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def _lrelease() -> str | None:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    return None


def main() -> int:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        return 0
    tool = _lrelease()
    if tool is None:
        print("i18n_build: pyside6-lrelease not found", file=sys.stderr)
        return 1
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
