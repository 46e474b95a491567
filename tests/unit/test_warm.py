# SPDX-License-Identifier: EUPL-1.2
"""Warm start: the snapshot shows exactly what the loader built, without pydantic, and goes
stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from workplace.catalog.catalog import Catalog
from workplace.config import schema, warm
from workplace.config.loader import load_settings
from workplace.config.paths import Paths
from workplace.config.plain import METHODS, Record
from workplace.config.preferences import PreferenceStore
from workplace.config.settings import Settings

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


def plain(value: Any) -> Any:
    """A model or a record as plain data (records have no ``model_dump``)."""
    if hasattr(type(value), "model_fields"):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, Record):
        return {name: plain(item) for name, item in vars(value).items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def remember(
    paths: Paths, settings: Settings, override: Path | None = None,
    taken: warm.Fingerprint | None = None,
) -> bool:
    """What the window saves after a clean trusted load (no central catalog)."""
    shown = warm.content(settings, Catalog.from_settings(settings))
    assert shown is not None
    keyed = warm.key(taken or warm.fingerprint(paths, override), ())
    return warm.save(paths, keyed, (), shown)


def _same(restored: warm.FirstPaint | None, settings: Settings) -> None:
    assert restored is not None
    shown = restored.settings
    assert plain(shown.tenant) == plain(settings.tenant)
    assert plain(shown.preferences) == plain(settings.preferences)
    assert dict(shown.origins) == dict(settings.origins)
    assert shown.locked == settings.locked
    assert shown.it_sources == settings.it_sources
    assert shown.problems == settings.problems == ()
    catalog = Catalog.from_settings(settings)
    assert plain(restored.catalog.categories) == plain(catalog.categories)
    assert plain(restored.catalog.services) == plain(catalog.services)


def test_round_trip_of_the_built_in_tenant(paths: Paths) -> None:
    settings = load_settings(paths)
    assert remember(paths, settings)
    _same(warm.load(paths, None), settings)


def test_round_trip_of_a_rich_it_file(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", RICH)
    write(paths.preferences_file, 'version = 1\nlanguage = "en"\nfavourites = ["mail"]\n')
    settings = load_settings(paths)
    assert not settings.problems, settings.problems
    assert remember(paths, settings)
    restored = warm.load(paths, None)
    _same(restored, settings)
    assert restored is not None
    shown = restored.settings
    service = shown.tenant.services[0]
    assert service.name.get("en") == "Mail" and service.description.get("en") == "Postfach"
    assert restored.catalog.get("mail") is service  # the tenant's record, not a copy
    command = shown.tenant.native_apps["thunderbird"].command_for("linux")
    assert command is not None and command.exec == "/usr/bin/thunderbird"
    assert shown.tenant.identity_provider.extra_auth_params == {"prompt": "consent"}
    assert not shown.tenant.catalog.configured
    assert shown.tenant.integrations.enabled() == settings.tenant.integrations.enabled() == {}
    assert shown.is_locked("theme")
    assert shown.origin("preferences.language").layer == "user"
    assert shown.origin("services[0].url") == settings.origin("services[0].url")
    with pytest.raises(AttributeError):
        service.url = "https://elsewhere.example/"  # type: ignore[misc]


def test_the_integrations_switched_on_read_the_same(paths: Paths, it_dir: Path) -> None:
    write(it_dir / "workplace.toml", RICH + """
[integrations.portal]
enabled = true
api_url = "https://portal.la.example/univention/portal/notifications-api"
""")
    settings = load_settings(paths)
    assert not settings.problems, settings.problems
    assert remember(paths, settings)
    restored = warm.load(paths, None)
    assert restored is not None
    shown = restored.settings.tenant.integrations.enabled()
    assert list(shown) == list(settings.tenant.integrations.enabled()) == ["portal"]
    assert plain(shown["portal"]) == plain(settings.tenant.integrations.portal)


def test_a_service_of_no_declared_category_is_shown_under_other(
    paths: Paths, it_dir: Path
) -> None:
    write(it_dir / "workplace.toml", RICH.replace('category = "communication"',
                                                   'category = "nowhere"'))
    settings = load_settings(paths)
    assert [p.severity for p in settings.problems] == ["warning"]  # never saved as such
    settings = replace(settings, problems=())  # as a central catalog's service can be
    assert remember(paths, settings)
    restored = warm.load(paths, None)
    _same(restored, settings)
    assert restored is not None and restored.catalog.categories[-1].id == "other"


def test_the_first_paint_needs_no_pydantic_and_folds_no_search_text(
    paths: Paths, it_dir: Path
) -> None:
    write(it_dir / "workplace.toml", RICH)
    assert remember(paths, load_settings(paths))
    probe = (
        "import sys\n"
        "from workplace.config import warm\n"
        "from workplace.config.paths import Paths\n"
        "shown = warm.load(Paths.from_environment(), None)\n"
        "assert shown is not None\n"
        "assert shown.settings.origin('preferences.theme').layer == 'policy'\n"
        "assert shown.catalog.get('mail').name.get('de') == 'E-Mail'\n"
        "assert shown.catalog._index._folded is None\n"
        "print(sorted(m for m in ('pydantic', 'pydantic_core', 'workplace.config.schema',"
        " 'workplace.config.loader', 'tomllib') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=dict(os.environ), timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_every_method_of_the_schema_is_one_a_record_has_too() -> None:
    """A method written into a schema class would be missing on the warm start's
    records: methods live in the mixins of workplace.config.plain."""
    found = []
    for name, cls in vars(schema).items():
        if not (isinstance(cls, type) and issubclass(cls, schema.Strict)):
            continue
        for attr, value in vars(cls).items():
            if attr.startswith("_") or attr in ("model_config", "model_fields"):
                continue
            if callable(value) or isinstance(value, property):
                found.append(f"{name}.{attr}")
    assert not found, f"move these into a mixin of workplace.config.plain: {found}"
    assert set(METHODS) <= {n for n, c in vars(schema).items() if isinstance(c, type)}
    for name, mixin in METHODS.items():
        assert issubclass(getattr(schema, name), mixin)


def test_any_change_to_a_source_makes_it_stale(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", RICH)
    assert remember(paths, load_settings(paths))
    # same size, other content: the stat fingerprint still changes
    main.write_text(RICH.replace('"LA"', '"LB"'), encoding="utf-8")
    os.utime(main, ns=(main.stat().st_atime_ns, main.stat().st_mtime_ns + 1_000_000))
    assert warm.load(paths, None) is None

    assert remember(paths, load_settings(paths))
    write(it_dir / "conf.d" / "10-extra.toml", '[organisation]\nshort_name = "X"\n')
    assert warm.load(paths, None) is None


def test_a_change_of_the_cached_central_catalog_makes_it_stale(paths: Paths) -> None:
    settings = load_settings(paths)
    cached = write(paths.cache_dir / "catalog-manifest-0123.json", "{}")
    shown = warm.content(settings, Catalog.from_settings(settings))
    assert shown is not None
    assert warm.save(paths, warm.key(warm.fingerprint(paths, None), [cached]), [cached], shown)
    assert warm.load(paths, None) is not None
    cached.write_text('{"x": 1}', encoding="utf-8")
    assert warm.load(paths, None) is None


def test_a_preference_change_makes_it_stale(paths: Paths) -> None:
    settings = load_settings(paths)
    assert remember(paths, settings)
    PreferenceStore(paths).save(settings, language="de")
    assert warm.load(paths, None) is None
    assert load_settings(paths).preferences.language == "de"


def test_the_override_file_is_part_of_the_key(paths: Paths, tmp_path: Path) -> None:
    one = write(tmp_path / "one.toml", RICH)
    two = write(tmp_path / "two.toml", RICH.replace("Landesamt", "Bezirksamt"))
    assert remember(paths, load_settings(paths, one), one)
    assert warm.load(paths, two) is None
    assert warm.load(paths, None) is None
    assert warm.load(paths, one) is not None


def test_a_change_while_loading_is_not_hidden(paths: Paths, it_dir: Path) -> None:
    main = write(it_dir / "workplace.toml", RICH)
    taken = warm.fingerprint(paths, None)
    settings = load_settings(paths)
    main.write_text(RICH.replace("Landesamt", "Bezirksamt"), encoding="utf-8")
    assert remember(paths, settings, taken=taken)
    assert warm.load(paths, None) is None


def test_what_cannot_be_plain_data_is_never_snapshotted(paths: Paths) -> None:
    settings = load_settings(paths)
    odd = settings.tenant.model_copy(update={"preferences": {"$": "x"}})
    assert warm.content(replace(settings, tenant=odd), Catalog.from_settings(settings)) is None
    odd = settings.tenant.model_copy(update={"preferences": {"when": datetime.now()}})
    assert warm.content(replace(settings, tenant=odd), Catalog.from_settings(settings)) is None


def test_a_damaged_snapshot_costs_only_the_slow_path(paths: Paths) -> None:
    assert remember(paths, load_settings(paths))
    snapshot = warm.snapshot_file(paths)
    head, content, origins = snapshot.read_text(encoding="utf-8").splitlines()
    snapshot.write_text("\n".join([head, content[:-5], origins]), encoding="utf-8")
    assert warm.load(paths, None) is None
    snapshot.write_text("{not json", encoding="utf-8")
    assert warm.load(paths, None) is None
    old = json.dumps({**json.loads(head), "format": 1})
    snapshot.write_text("\n".join([old, content, origins]), encoding="utf-8")
    assert warm.load(paths, None) is None
    snapshot.write_text("\n".join([head, content, origins]), encoding="utf-8")
    assert warm.load(paths, None) is not None


def test_only_where_every_source_is_a_file() -> None:
    assert warm.supported("linux")
    assert not warm.supported("win32")
    assert not warm.supported("darwin")
