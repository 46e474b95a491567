# SPDX-License-Identifier: EUPL-1.2
"""Subcommands of the ``workplace`` command line, one module each."""
