# SPDX-License-Identifier: EUPL-1.2
"""Builds the AuthService for a tenant with the real network, keyring and browser."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

from workplace.auth.keyring_store import KeyringStore
from workplace.auth.service import AuthService
from workplace.config.paths import Paths
from workplace.config.schema import IdentityProvider
from workplace.net.setup import NetworkSetup


def build_auth_service(
    provider: IdentityProvider, paths: Paths, *,
    open_browser: Callable[[str], bool] = webbrowser.open,
) -> AuthService:
    # A NetworkSetup, not bare sessions: one keep-alive pool for all of the service's calls.
    return AuthService(provider, paths, NetworkSetup(), KeyringStore(), open_browser=open_browser)
