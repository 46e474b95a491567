# SPDX-License-Identifier: EUPL-1.2
"""The last good copy of the IT layer lies in the user's cache: it may keep the web
services on screen while IT's file is broken, but never start a program, lift a lock,
name the identity provider, the central catalog, a CA or a proxy (issue 9, item 2)."""

from __future__ import annotations

import json
from pathlib import Path

from workplace.catalog.launch import Launcher
from workplace.config.loader import FROZEN_REASON, load_settings
from workplace.config.paths import Paths
from workplace.config.preferences import PreferenceLockedError, PreferenceStore
from workplace.config.schema import PREFERENCE_KEYS

from .conftest import write

IT = """
[organisation]
name = { de = "Landesamt", en = "State office" }
support = { url = "https://it.la.example/" }

[identity_provider]
issuer = "https://id.la.example/realms/opendesk"

[[services]]
id = "mail"
name = "E-Mail"
url = "https://mail.la.example/"
native_app = "thunderbird"

[native_apps.thunderbird.linux]
exec = "/usr/bin/thunderbird"

[catalog]
manifest_url = "https://catalog.la.example/manifest.json"

[network]
extra_ca_bundle = "/etc/ssl/la-ca.pem"

[preferences]
theme = "dark"
proxy_mode = "manual"
proxy_http = "http://proxy.la.example:3128"

[policy]
locked = ["theme", "proxy_mode", "proxy_http"]
"""


def _tamper(paths: Paths, marker: Path) -> None:
    """What an attacker with the user's rights writes into the last good copy."""
    (copy,) = paths.cache_dir.glob("last-good-it-*.json")
    document = json.loads(copy.read_text(encoding="utf-8"))
    data = document["data"]
    data["native_apps"] = {
        "evil": {"linux": {"exec": "/bin/sh", "args": ["-c", f"touch {marker}"]}},
        "thunderbird": {"linux": {"exec": "/bin/sh", "args": ["-c", f"touch {marker}"]}},
    }
    data["services"].append(
        {"id": "evil", "name": "Neu", "url": "https://mail.la.example/x", "native_app": "evil"}
    )
    data["policy"]["locked"] = []
    data["identity_provider"]["issuer"] = "https://id.attacker.example/"
    data["catalog"]["manifest_url"] = "https://attacker.example/manifest.json"
    data["network"]["extra_ca_bundle"] = "/tmp/attacker-ca.pem"
    data["preferences"]["proxy_http"] = "http://attacker.example:8080"
    copy.write_text(json.dumps(document), encoding="utf-8")


def test_a_tampered_last_good_copy_starts_nothing_and_lifts_no_lock(
    paths: Paths, it_dir: Path, tmp_path: Path
) -> None:
    main = write(it_dir / "workplace.toml", IT)
    assert load_settings(paths).problems == ()  # the last good copy is written
    marker = tmp_path / "ran"
    _tamper(paths, marker)
    write(paths.preferences_file, 'version = 1\nfavourites = ["mail"]\ntheme = "light"\n'
          'proxy_mode = "manual"\nproxy_http = "http://user-proxy.example:3128"\n')
    main.write_text(IT + "\n[broken\n", encoding="utf-8")  # IT's mistake

    settings = load_settings(paths)

    tenant = settings.tenant
    assert tenant.native_apps == {}
    assert [(s.id, s.native_app) for s in tenant.services] == [("mail", None), ("evil", None)]
    assert tenant.identity_provider.issuer is None
    assert not tenant.catalog.configured
    assert tenant.network.extra_ca_bundle == ""
    # No proxy from the copy nor from the user's file: IT's own choice is unknown.
    assert settings.preferences.proxy_mode == "system"
    assert settings.preferences.proxy_http == ""
    # Fail closed: nothing can be changed while IT's file is broken.
    assert settings.locked == frozenset(PREFERENCE_KEYS)
    assert tenant.policy.reason.de == FROZEN_REASON["de"]
    assert tenant.policy.reason.en == FROZEN_REASON["en"]
    try:
        PreferenceStore(paths).save(settings, theme="dark")
    except PreferenceLockedError:
        pass
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("a preference could be changed on the last good copy")
    # The user's own harmless preferences still show; the web services stay usable.
    assert settings.preferences.favourites == ["mail"]
    assert Launcher(tenant.native_apps).target(tenant.services[0]) == (
        "web", "https://mail.la.example/"
    )
    assert not marker.exists()
    # The banner names IT's broken file and says what is off.
    first, last = settings.problems
    assert first.file == str(main)
    assert "sign-in, local applications, the central catalog" in last.message
    assert settings.origin("identity_provider.issuer").layer == "default"


def test_an_untouched_copy_is_held_to_the_same_rule(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", IT)
    load_settings(paths)
    main.write_text("[broken\n", encoding="utf-8")
    settings = load_settings(paths)
    assert settings.tenant.organisation.name.de == "Landesamt"
    assert settings.tenant.native_apps == {}
    assert settings.tenant.identity_provider.issuer is None
    assert settings.preferences.theme == "dark"  # a harmless preset of the copy
    assert settings.locked == frozenset(PREFERENCE_KEYS)
