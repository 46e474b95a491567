# SPDX-License-Identifier: EUPL-1.2
"""Benchmarks: every figure a ratio against a baseline measured in the same run."""
