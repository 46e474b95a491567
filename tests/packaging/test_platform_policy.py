# SPDX-License-Identifier: EUPL-1.2
"""Windows registry policy and macOS managed preferences, read through fakes.

There is no Windows and no macOS here: FakeRegistry is a dict-backed stand-in for the
part of :mod:`winreg` the reader uses, and the managed preferences are plist files in
a temporary directory laid out like ``/Library/Managed Preferences``.
"""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

import pytest

from tests.support.fake_winreg import FakeRegistry
from workplace.config.platform_policy import (
    MACOS_DOMAIN,
    REGISTRY_KEY,
    read_layers,
    read_macos_policies,
    read_windows_policies,
)
from workplace.config.schema import Preferences, Tenant

HKLM = FakeRegistry.HKEY_LOCAL_MACHINE
HKCU = FakeRegistry.HKEY_CURRENT_USER
SZ = FakeRegistry.REG_SZ
DWORD = FakeRegistry.REG_DWORD


def test_no_policy_keys_means_no_layers() -> None:
    assert read_windows_policies(FakeRegistry()) == []


def test_machine_policy_sets_tenant_values_and_locks_preferences() -> None:
    reg = FakeRegistry()
    reg.set(HKLM, REGISTRY_KEY, "IdentityProviderIssuer", "https://id.lfb.example", SZ)
    reg.set(HKLM, REGISTRY_KEY, "OrganisationNameDe", "Landesamt für Beispiele", SZ)
    reg.set(HKLM, REGISTRY_KEY, "Language", "de", SZ)
    reg.set(HKLM, REGISTRY_KEY, "HighContrast", 1, DWORD)
    reg.set(HKLM, REGISTRY_KEY + "\\Favourites", "1", "mail", SZ)
    reg.set(HKLM, REGISTRY_KEY + "\\Favourites", "2", "files", SZ)
    reg.set(HKLM, REGISTRY_KEY + "\\IdentityProviderExtraAuthParams", "prompt", "consent", SZ)

    [layer] = read_windows_policies(reg)

    assert layer.source == f"HKLM\\{REGISTRY_KEY}"
    assert layer.mandatory
    assert layer.problems == ()
    assert layer.data == {
        "identity_provider": {
            "issuer": "https://id.lfb.example",
            "extra_auth_params": {"prompt": "consent"},
        },
        "organisation": {"name": {"de": "Landesamt für Beispiele"}},
        "preferences": {"language": "de", "high_contrast": True, "favourites": ["mail", "files"]},
    }
    assert layer.locked == {"language", "high_contrast", "favourites"}
    # The layer is in the shape of an IT file: the schema accepts it as it is.
    tenant = Tenant.model_validate(layer.data)
    Preferences.model_validate(tenant.preferences)


def test_order_is_user_recommended_to_machine_mandatory() -> None:
    reg = FakeRegistry()
    for hive in (HKCU, HKLM):
        reg.set(hive, REGISTRY_KEY, "Theme", "dark", SZ)
        reg.set(hive, REGISTRY_KEY + "\\Recommended", "Language", "en", SZ)

    layers = read_windows_policies(reg)

    assert [(layer.source, layer.mandatory) for layer in layers] == [
        (f"HKCU\\{REGISTRY_KEY}\\Recommended", False),
        (f"HKLM\\{REGISTRY_KEY}\\Recommended", False),
        (f"HKCU\\{REGISTRY_KEY}", True),
        (f"HKLM\\{REGISTRY_KEY}", True),
    ]
    assert layers[0].locked == frozenset()
    assert layers[0].data == {"preferences": {"language": "en"}}
    assert layers[-1].locked == {"theme"}
    assert all(layer.problems == () for layer in layers)


def test_wrong_types_and_unknown_names_are_reported_not_applied() -> None:
    reg = FakeRegistry()
    reg.set(HKLM, REGISTRY_KEY, "HighContrast", "yes", SZ)
    reg.set(HKLM, REGISTRY_KEY, "Language", 1, DWORD)
    reg.set(HKLM, REGISTRY_KEY, "NoSuchPolicy", "x", SZ)
    reg.set(HKLM, REGISTRY_KEY + "\\Recommended", "IdentityProviderIssuer", "https://x", SZ)
    reg.set(HKLM, REGISTRY_KEY, "Favourites", ["mail", ""], FakeRegistry.REG_MULTI_SZ)

    layers = read_windows_policies(reg)

    problems = [p for layer in layers for p in layer.problems]
    assert any(p.startswith("HighContrast: expected 0 or 1") for p in problems)
    assert any(p.startswith("Language: expected a string") for p in problems)
    assert any(p.startswith("NoSuchPolicy: unknown policy") for p in problems)
    assert any(p.startswith("IdentityProviderIssuer: only preferences") for p in problems)
    mandatory = layers[-1]
    assert mandatory.data == {"preferences": {"favourites": ["mail"]}}
    assert mandatory.locked == {"favourites"}


def test_value_names_are_case_insensitive_like_the_registry() -> None:
    reg = FakeRegistry()
    reg.set(HKLM, REGISTRY_KEY, "language", "de", SZ)
    [layer] = read_windows_policies(reg)
    assert layer.data == {"preferences": {"language": "de"}}


def _write_plist(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        plistlib.dump(data, handle)


def test_macos_device_profile_wins_over_user_profile(tmp_path: Path) -> None:
    _write_plist(
        tmp_path / "alice" / f"{MACOS_DOMAIN}.plist",
        {"Theme": "light", "Recommended": {"Language": "en"}},
    )
    _write_plist(
        tmp_path / f"{MACOS_DOMAIN}.plist",
        {
            "PayloadUUID": "copied-by-mdm",
            "IdentityProviderIssuer": "https://id.lfb.example",
            "Theme": "dark",
            "Notifications": False,
            "IdentityProviderScopes": ["openid", "profile"],
            "Recommended": {"Favourites": ["mail"]},
        },
    )

    layers = read_macos_policies(tmp_path, user="alice")

    device = str(tmp_path / f"{MACOS_DOMAIN}.plist")
    user = str(tmp_path / "alice" / f"{MACOS_DOMAIN}.plist")
    assert [layer.source for layer in layers] == [
        f"{user} (Recommended)",
        f"{device} (Recommended)",
        user,
        device,
    ]
    assert layers[-1].data == {
        "identity_provider": {"issuer": "https://id.lfb.example", "scopes": ["openid", "profile"]},
        "preferences": {"theme": "dark", "notifications": False},
    }
    assert layers[-1].locked == {"theme", "notifications"}
    assert layers[0].data == {"preferences": {"language": "en"}}
    assert not layers[0].locked


def test_macos_type_errors_and_broken_files(tmp_path: Path) -> None:
    _write_plist(tmp_path / f"{MACOS_DOMAIN}.plist", {"HighContrast": 1, "Language": "de"})
    (tmp_path / "bob").mkdir()
    (tmp_path / "bob" / f"{MACOS_DOMAIN}.plist").write_bytes(b"not a plist")

    layers = read_macos_policies(tmp_path, user="bob")

    problems = [p for layer in layers for p in layer.problems]
    assert any(p.startswith("cannot read") for p in problems)
    assert "HighContrast: expected <true/> or <false/>, ignored" in problems
    assert layers[-1].data == {"preferences": {"language": "de"}}


def test_the_shipped_profile_template_reads_cleanly(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    profile = root / "packaging" / "macos" / f"{MACOS_DOMAIN}.mobileconfig"
    with profile.open("rb") as handle:
        document = plistlib.load(handle)
    [payload] = document["PayloadContent"]
    assert payload["PayloadType"] == MACOS_DOMAIN
    # macOS copies the payload's keys into the managed preferences file.
    _write_plist(tmp_path / f"{MACOS_DOMAIN}.plist", payload)

    layers = read_macos_policies(tmp_path, user="nobody")

    assert all(layer.problems == () for layer in layers)
    merged: dict[str, Any] = {}
    for layer in layers:
        for section, values in layer.data.items():
            merged.setdefault(section, {}).update(values)
    Tenant.model_validate(merged)


@pytest.mark.skipif(
    __import__("sys").platform in ("win32", "darwin"), reason="Linux has no policy store"
)
def test_linux_has_no_platform_layers() -> None:
    assert read_layers() == []
