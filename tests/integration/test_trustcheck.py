# SPDX-License-Identifier: EUPL-1.2
"""A warm start's trusted load in a child process (workplace/config/trustcheck.py):
the records painted stay only when the IT sources themselves show exactly them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from joserfc.jwk import ECKey

from tests.support.itconfig import write_it_config
from tests.support.manifest_server import ManifestServer, Route
from workplace.app import Workplace
from workplace.catalog.cache import cache_file
from workplace.catalog.launch import LaunchError
from workplace.catalog.signature import sign_detached
from workplace.config import trustcheck, warm
from workplace.config.preferences import PreferenceLockedError

pytestmark = pytest.mark.integration

IT = """
[organisation]
name = "Landesamt"

[identity_provider]
issuer = "https://id.la.example/realms/la"

[[services]]
id = "mail"
name = "E-Mail"
url = "https://mail.la.example/"

[preferences]
theme = "dark"

[policy]
locked = ["theme", "start_at_login"]
"""


@pytest.fixture
def it_file(isolated_xdg: dict[str, Path]) -> Path:
    path = write_it_config(isolated_xdg, IT)
    first = Workplace.build(first_paint_from_cache=True)
    assert first.remember_start(first.load_trusted())  # a clean cold start saves it
    first.close()
    return path


def _warm() -> Workplace:
    workplace = Workplace.build(first_paint_from_cache=True)
    assert workplace.warm_start and not workplace.verified
    return workplace


def test_unchanged_settings_are_confirmed_by_the_child(it_file: Path) -> None:
    workplace = _warm()
    try:
        view = workplace.load_trusted()
        assert view.settings is workplace.settings  # the records painted, confirmed
        assert workplace.adopt(view) is False  # nothing to repaint
        assert not workplace.remember_start(view)  # the snapshot is this already
        assert workplace.trusted().locked == {"theme", "start_at_login"}
        assert workplace.trusted().tenant.identity_provider.issuer.endswith("/realms/la")
        with pytest.raises(PreferenceLockedError):  # saving reads the models, locks hold
            workplace.save_preferences(workplace.settings, theme="light")
        saved = workplace.save_preferences(workplace.settings, language="en")
        assert saved.preferences.language == "en"
    finally:
        workplace.close()


def test_a_lock_lifted_in_the_cache_is_not_confirmed(it_file: Path) -> None:
    workplace = Workplace.build()
    snapshot = warm.snapshot_file(workplace.paths)
    workplace.close()
    head, content, origins = snapshot.read_text(encoding="utf-8").splitlines()
    shown = json.loads(content)
    shown["locked"] = []
    shown["tenant"]["policy"]["locked"] = []
    snapshot.write_text("\n".join([head, json.dumps(shown, ensure_ascii=False,
                                                    separators=(",", ":")), origins]),
                        encoding="utf-8")
    workplace = _warm()
    try:
        assert workplace.settings.locked == frozenset()  # what the edited cache paints
        trusted = workplace.trusted()
        assert trusted is not workplace.settings  # read again here, from the IT file
        assert trusted.locked == {"theme", "start_at_login"}
        assert type(trusted.tenant).__module__ == "workplace.config.schema"
    finally:
        workplace.close()


def test_a_child_that_cannot_answer_means_the_full_load(
    it_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trustcheck, "command", lambda _override: [sys.executable, "-c",
                                                                  "raise SystemExit(3)"])
    workplace = _warm()
    try:
        trusted = workplace.trusted()
        assert trusted is not workplace.settings
        assert trusted.locked == {"theme", "start_at_login"}
    finally:
        workplace.close()


def test_the_child_answers_on_its_pipe(it_file: Path) -> None:
    workplace = _warm()
    try:
        assert workplace._first_paint is not None
        shown = workplace._first_paint.content
    finally:
        workplace.close()
    done = subprocess.run(trustcheck.command(None), capture_output=True, text=True,
                          env=dict(os.environ), timeout=60, check=True)
    assert json.loads(done.stdout) == {"content": shown, "catalog": None}  # none configured


def test_a_warm_start_confirmed_by_the_child_never_loads_pydantic(it_file: Path) -> None:
    probe = (
        "import sys\n"
        "from workplace.app import Workplace\n"
        "w = Workplace.build(first_paint_from_cache=True)\n"
        "view = w.load_trusted(); w.adopt(view)\n"
        "assert view.settings is w.settings, 'not confirmed'\n"
        "print(sorted(m for m in ('pydantic', 'workplace.config.schema') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=dict(os.environ), timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --------------------------------------------------------------------------- a real tenant
# A central catalog (signed, served on loopback) and every integration on: what real
# deployments have. The child checks the cached copy as a cold start does.

CENTRAL = {
    "version": 3,
    "categories": [{"id": "central", "name": {"de": "Zentral", "en": "Central"}}],
    "services": [{"id": "wiki", "name": {"de": "Wissen", "en": "Wiki"},
                  "category": "central", "url": "https://wiki.la.example/"}],
}

INTEGRATIONS = """
[integrations.mail]
enabled = true
backend = "ox"
api_url = "https://ox.la.example/api"

[integrations.calendar]
enabled = true
service = "calendar"
backend = "ox"
api_url = "https://ox.la.example/api"

[integrations.chat]
enabled = true
service = "chat"
homeserver_url = "https://matrix.la.example/"

[integrations.files]
enabled = true
service = "files"
base_url = "https://files.la.example/"

[integrations.portal]
enabled = true
service = "portal"
api_url = "https://portal.la.example/"
"""


@pytest.fixture
def catalog_server() -> Iterator[ManifestServer]:
    server = ManifestServer()
    yield server
    server.close()


@pytest.fixture
def real_tenant(isolated_xdg: dict[str, Path], catalog_server: ManifestServer) -> Path:
    """The IT file, the central catalog refreshed once into the cache and the start-up
    snapshot of a clean start that shows it."""
    key = ECKey.generate_key("P-256")
    public = {**key.as_dict(private=False), "kid": "catalog"}
    body = json.dumps(CENTRAL).encode("utf-8")
    catalog_server.routes["/m.json"] = Route(body=body, etag='"3"')
    catalog_server.routes["/m.json.jws"] = Route(
        body=sign_detached(body, key, "ES256", "catalog").encode())
    path = write_it_config(isolated_xdg, IT.replace(
        "[preferences]", f"[catalog]\nmanifest_url = \"{catalog_server.url('/m.json')}\"\n"
        f"manifest_public_key = '{json.dumps(public)}'\n\n[preferences]") + INTEGRATIONS)
    first = Workplace.build()
    try:
        refreshed = first.refresh_catalog()
        assert refreshed is not None and refreshed.changed, refreshed
        first.apply_snapshot(refreshed.snapshot)
        assert first.remember_start()
    finally:
        first.close()
    return path


def test_a_warm_start_with_a_central_catalog_and_integrations_never_loads_pydantic(
    real_tenant: Path,
) -> None:
    """The trusted load, the catalog's copy, the integrations, a refresh the server
    answers with 'unchanged' and a launch of a central service: all without the schema."""
    probe = (
        "import sys\n"
        "from workplace.app import Workplace, build_integrations\n"
        "from workplace.catalog.remote import RefreshKind\n"
        "opened = []\n"
        "def browser(url):\n"
        "    opened.append(url)\n"
        "    return True\n"
        "w = Workplace.build(first_paint_from_cache=True, open_url=browser)\n"
        "assert w.warm_start\n"
        "view = w.load_trusted(); w.adopt(view)\n"
        "assert view.settings is w.settings, 'not confirmed'\n"
        "assert w.snapshot is not None and w.snapshot.signed and w.remote is not None\n"
        "integrations = build_integrations(w, None)\n"
        "assert integrations is not None\n"
        "names = integrations.names()\n"
        "assert [integrations.can_hold(n) for n in names] == "
        "[False, False, True, False, True], names\n"
        "assert integrations.can_sign_in('chat') and integrations.can_dismiss('files')\n"
        "result = w.refresh_catalog()\n"
        "assert result is not None and result.kind is RefreshKind.NOT_MODIFIED, result\n"
        "w.launch(w.catalog.get('wiki'))\n"
        "assert opened == ['https://wiki.la.example/'], opened\n"
        "w.close()\n"
        "print(sorted(m for m in ('pydantic', 'workplace.config.schema') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=dict(os.environ), timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", done.stderr


def test_an_edited_catalog_cache_is_not_confirmed(real_tenant: Path) -> None:
    """Someone with the user's rights adds a service to the cached copy of the signed
    catalog and makes the start-up snapshot show it, fingerprint and all: the child
    checks the copy (its signature no longer verifies), so the launcher reads the IT
    sources itself and the service never opens."""
    workplace = Workplace.build()
    paths = workplace.paths
    assert workplace.remote is not None and workplace.remote.source is not None
    cached = cache_file(paths.cache_dir, workplace.remote.source.kind,
                        workplace.remote.source.url)
    workplace.close()
    phish = {"id": "phish", "name": "Wiki", "category": "central",
             "url": "https://phish.example/"}
    record = json.loads(cached.read_text(encoding="utf-8"))
    for document in record["documents"].values():
        edited = json.loads(document["body"])
        edited["services"].append(phish)
        document["body"] = json.dumps(edited)
    cached.write_text(json.dumps(record), encoding="utf-8")
    snapshot = warm.snapshot_file(paths)
    head_line, content, origins = snapshot.read_text(encoding="utf-8").splitlines()
    head, shown = json.loads(head_line), json.loads(content)
    central = next(s for s in shown["catalog"]["services"] if isinstance(s, dict))
    shown["catalog"]["services"].append({**central, "id": "phish",
                                         "url": "https://phish.example/"})
    head["fingerprint"] = warm.key(warm.fingerprint(paths, None), [cached])
    snapshot.write_text("\n".join([json.dumps(head), json.dumps(
        shown, ensure_ascii=False, separators=(",", ":")), origins]), encoding="utf-8")

    workplace = _warm()
    try:
        phished = workplace.catalog.get("phish")
        assert phished is not None  # the edited snapshot paints it
        view = workplace.load_trusted()
        assert view.settings is not workplace.settings  # not confirmed: read here
        assert view.snapshot is None  # the edited copy does not verify
        assert view.catalog.get("phish") is None
        workplace.adopt(view)
        with pytest.raises(LaunchError):
            workplace.launch(phished)
    finally:
        workplace.close()


def test_a_copy_vouched_for_holds_only_for_the_record_it_came_from(real_tenant: Path) -> None:
    """The catalog's copy the child checked stands for a record with the same content
    only: a cache file changed since is checked again (here: refused)."""
    workplace = _warm()
    try:
        view = workplace.load_trusted()
        assert view.settings is workplace.settings and view.remote is not None
        assert view.remote.cached() is view.snapshot or view.remote.cached() == view.snapshot
        source = view.remote.source
        assert source is not None
        cached = cache_file(workplace.paths.cache_dir, source.kind, source.url)
        record = json.loads(cached.read_text(encoding="utf-8"))
        for document in record["documents"].values():
            document["body"] = document["body"].replace("wiki.la.example", "phish.example")
        cached.write_text(json.dumps(record), encoding="utf-8")
        assert view.remote.cached() is None  # checked again: the signature fails
    finally:
        workplace.close()


def test_after_an_unchanged_refresh_the_confirmed_records_key_the_next_snapshot(
    real_tenant: Path,
) -> None:
    """A refresh the server answers with 304 rewrites the cached copy (its check time),
    which the start-up snapshot is keyed on: remembering the start again re-keys it from
    the confirmed records (no schema), so the next start is warm and confirmed again."""
    workplace = _warm()
    try:
        view = workplace.load_trusted()
        workplace.adopt(view)
        assert view.settings is workplace.settings
        result = workplace.refresh_catalog()
        assert result is not None and result.ok and not result.changed, result
        workplace.snapshot = result.snapshot  # as the window does with a 304
        assert workplace.remember_start()  # same content, new key
    finally:
        workplace.close()
    again = _warm()
    try:
        assert again.load_trusted().settings is again.settings
    finally:
        again.close()


def test_a_damaged_catalog_in_the_answer_means_the_full_load(
    real_tenant: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's content matches but the copy it hands over is not one: nothing of it
    is taken, the launcher reads the IT sources and the cached copy itself."""
    workplace = _warm()
    assert workplace._first_paint is not None
    answer = json.dumps({"content": workplace._first_paint.content,
                         "catalog": {"digest": "x", "version": "three"}})
    monkeypatch.setattr(trustcheck, "command", lambda _override: [
        sys.executable, "-c", f"import sys; sys.stdout.write({answer!r})"])
    try:
        view = workplace.load_trusted()
        assert view.settings is not workplace.settings  # read here
        assert view.snapshot is not None and view.snapshot.version == 3
    finally:
        workplace.close()
