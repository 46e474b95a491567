# SPDX-License-Identifier: EUPL-1.2
"""The child of :mod:`workplace.config.trustcheck`: a cold trusted load, its text (and
the central catalog's copy it checked) out."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path


def child_main(argv: Sequence[str]) -> int:
    """The child: a cold trusted load, its snapshot text (or null if not clean) out."""
    from workplace.app import Workplace
    from workplace.config.trustcheck import encode_catalog

    workplace = Workplace.build(Path(argv[0]) if argv else None)
    try:
        view = workplace.load_trusted()
    finally:
        workplace.close()
    text = view.content.text if view.content is not None else None
    catalog = encode_catalog(view.remote, view.snapshot) if text is not None else None
    sys.stdout.write(json.dumps({"content": text, "catalog": catalog}, ensure_ascii=False))
    sys.stdout.flush()
    return 0
