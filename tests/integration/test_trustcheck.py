# SPDX-License-Identifier: EUPL-1.2
"""A warm start's trusted load in a child process (workplace/config/trustcheck.py):
the records painted stay only when the IT sources themselves show exactly them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workplace.app import Workplace
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
    folder = isolated_xdg["XDG_CONFIG_DIRS"] / "workplace"
    folder.mkdir(parents=True)
    path = folder / "workplace.toml"
    path.write_text(IT, encoding="utf-8")
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
    assert json.loads(done.stdout) == {"content": shown}


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
