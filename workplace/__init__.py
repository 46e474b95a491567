# SPDX-License-Identifier: EUPL-1.2
"""Arbeitsplatz: the desktop launcher for the open-source public-sector workplace."""

__version__ = "0.1.0"
APP_ID = "de.arbeitsplatz.Workplace"
APP_NAME = "Arbeitsplatz"
