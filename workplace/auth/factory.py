# SPDX-License-Identifier: EUPL-1.2
"""Builds the AuthService for a tenant with the real network, keyring and browser."""

from __future__ import annotations

import webbrowser
from collections.abc import Callable

from workplace.auth.keyring_store import KeyringStore
from workplace.auth.service import AuthService
from workplace.config.paths import Paths
from workplace.config.settings import Settings
from workplace.net.setup import NetworkSetup


def build_auth_service(
    settings: Settings, paths: Paths, *,
    open_browser: Callable[[str], bool] = webbrowser.open,
) -> AuthService:
    # The program's NetworkSetup for these settings (IT's extra CA, the proxy), not bare
    # sessions: one keep-alive pool for all of the service's calls.
    return AuthService(settings.tenant.identity_provider, paths,
                       NetworkSetup.from_settings(settings), KeyringStore(),
                       open_browser=open_browser)
