# SPDX-License-Identifier: EUPL-1.2
"""Entry point of the frozen one-folder bundle: the same ``workplace`` command line."""

import sys

from workplace.cli import main

if __name__ == "__main__":
    sys.exit(main())
