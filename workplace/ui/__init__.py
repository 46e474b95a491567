# SPDX-License-Identifier: EUPL-1.2
"""The Qt layer. Importing it loads PySide6 and keeps PySide6's import hook from caching
the source of every module imported after it (:mod:`workplace.ui.pysidesource`)."""

from workplace.ui.pysidesource import install

install()
