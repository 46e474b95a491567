# SPDX-License-Identifier: EUPL-1.2
"""Warm start: the settings snapshot is exactly what the loader builds, and goes stale."""

from __future__ import annotations

import json
import os
from pathlib import Path

from workplace.config import warm
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.preferences import PreferenceStore

from .conftest import write

RICH = """
[organisation]
name = { de = "Landesamt", en = "State office" }
short_name = "LA"
accent_colour = "#006e4f"
support = { phone = "+49 30 1", mail = "it@la.example", url = "https://it.la.example/" }

[identity_provider]
issuer = "https://id.la.example/realms/opendesk"
extra_auth_params = { prompt = "consent" }

[[categories]]
id = "communication"
name = { de = "Kommunikation", en = "Communication" }

[[services]]
id = "mail"
name = { de = "E-Mail", en = "Mail" }
description = "Postfach"
category = "communication"
icon = "mail"
keywords = ["Post", "OX"]
url = "https://mail.la.example/"
health_url = "https://mail.la.example/health"
zone = "intranet"
low_bandwidth_url = "https://mail.la.example/lite"
native_app = "thunderbird"

[native_apps.thunderbird.linux]
exec = "/usr/bin/thunderbird"
args = ["-mail"]

[preferences]
theme = "dark"

[policy]
locked = ["theme"]
reason = { de = "Vorgabe der IT", en = "Set by IT" }
"""


def _same(a, b) -> None:  # type: ignore[no-untyped-def]
    assert a.tenant == b.tenant
    assert a.tenant.model_dump() == b.tenant.model_dump()
    assert a.preferences == b.preferences
    assert dict(a.origins) == dict(b.origins)
    assert a.locked == b.locked
    assert a.it_sources == b.it_sources
    assert a.problems == b.problems == ()


def test_round_trip_of_the_built_in_tenant(paths: Paths) -> None:
    settings = load_settings(paths)
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    _same(warm.load(paths, warm.fingerprint(paths, None)), settings)


def test_round_trip_of_a_rich_it_file(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", RICH)
    write(paths.preferences_file, 'version = 1\nlanguage = "en"\nfavourites = ["mail"]\n')
    settings = load_settings(paths)
    assert not settings.problems, settings.problems
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    restored = warm.load(paths, warm.fingerprint(paths, None))
    assert restored is not None
    _same(restored, settings)
    service = restored.tenant.services[0]
    assert service.name.get("en") == "Mail"
    assert restored.tenant.native_apps["thunderbird"].linux is not None
    assert restored.is_locked("theme")
    assert restored.origin("preferences.language").layer == "user"


def test_any_change_to_a_source_makes_it_stale(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", RICH)
    settings = load_settings(paths)
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    # same size, other content: the stat fingerprint still changes
    main.write_text(RICH.replace('"LA"', '"LB"'), encoding="utf-8")
    os.utime(main, ns=(main.stat().st_atime_ns, main.stat().st_mtime_ns + 1_000_000))
    assert warm.load(paths, warm.fingerprint(paths, None)) is None

    settings = load_settings(paths)
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    write(it_dir / "conf.d" / "10-extra.toml", '[organisation]\nshort_name = "X"\n')
    assert warm.load(paths, warm.fingerprint(paths, None)) is None


def test_a_preference_change_makes_it_stale(paths: Paths) -> None:
    settings = load_settings(paths)
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    PreferenceStore(paths).save(settings, language="de")
    assert warm.load(paths, warm.fingerprint(paths, None)) is None
    assert load_settings(paths).preferences.language == "de"


def test_the_override_file_is_part_of_the_key(paths: Paths, tmp_path: Path) -> None:
    one = write(tmp_path / "one.toml", RICH)
    two = write(tmp_path / "two.toml", RICH.replace("Landesamt", "Bezirksamt"))
    assert warm.save(paths, warm.fingerprint(paths, one), load_settings(paths, one))
    assert warm.load(paths, warm.fingerprint(paths, two)) is None
    assert warm.load(paths, warm.fingerprint(paths, None)) is None
    assert warm.load(paths, warm.fingerprint(paths, one)) is not None


def test_a_change_while_loading_is_not_hidden(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", RICH)
    taken = warm.fingerprint(paths, None)
    settings = load_settings(paths)
    main.write_text(RICH.replace("Landesamt", "Bezirksamt"), encoding="utf-8")
    assert warm.save(paths, taken, settings)
    assert warm.load(paths, warm.fingerprint(paths, None)) is None


def test_problems_are_never_snapshotted(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", '[organisation]\ncolour = "red"\n')
    settings = load_settings(paths)
    assert settings.problems
    assert not warm.save(paths, warm.fingerprint(paths, None), settings)
    assert warm.load(paths, warm.fingerprint(paths, None)) is None


def test_a_damaged_snapshot_costs_only_the_slow_path(paths: Paths) -> None:
    settings = load_settings(paths)
    assert warm.save(paths, warm.fingerprint(paths, None), settings)
    snapshot = warm.snapshot_file(paths)
    document = json.loads(snapshot.read_text(encoding="utf-8"))
    document["tenant"]["services"][0]["surprise"] = 1
    snapshot.write_text(json.dumps(document), encoding="utf-8")
    assert warm.load(paths, warm.fingerprint(paths, None)) is None
    snapshot.write_text("{not json", encoding="utf-8")
    assert warm.load(paths, warm.fingerprint(paths, None)) is None


def test_only_where_every_source_is_a_file() -> None:
    assert warm.supported("linux")
    assert not warm.supported("win32")
    assert not warm.supported("darwin")
