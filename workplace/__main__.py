# SPDX-License-Identifier: EUPL-1.2
"""Entry point for ``python -m workplace``."""

import sys

from workplace.cli import main

sys.exit(main())
