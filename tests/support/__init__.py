# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the tests: real loopback servers and a throw-away test CA."""
