# SPDX-License-Identifier: EUPL-1.2
"""The launcher's place in the operating system: start at login, diagnostics."""
