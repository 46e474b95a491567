# SPDX-License-Identifier: EUPL-1.2
"""Tenant schema, layered configuration sources, policy locks and user preferences."""
