# SPDX-License-Identifier: EUPL-1.2
"""The demo services of ``make run`` and democtl.py, their command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.stack.demo_services import DemoServices
from workplace.catalog.manifest import parse_manifest

DEMOCTL = Path(__file__).resolve().parents[1] / "stack" / "democtl.py"


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoServices]:
    services = DemoServices(tmp_path / "demo", fixed_ports=False).start()
    yield services
    services.close()


def get(url: str, **headers: str) -> requests.Response:
    with requests.Session() as session:
        session.trust_env = False
        return session.get(url, timeout=10, headers=headers)


def democtl(demo: DemoServices, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(DEMOCTL), *args], capture_output=True,
                          text=True, timeout=60, check=False,
                          env={**os.environ, "DEMO_DIR": str(demo.out)})


def test_every_service_has_a_page_and_a_health_check(demo: DemoServices) -> None:
    for service in demo.services.values():
        page = get(service.url)
        assert page.status_code == 200 and service.name in page.text
        assert get(service.url + "health").text == "ok"
    assert get(demo.services["video"].url + "audio-only").status_code == 200
    assert get(demo.services["mail"].url + "audio-only").status_code == 404


def test_the_manifest_is_valid_and_served_with_an_etag(demo: DemoServices) -> None:
    first = get(demo.catalog_url)
    manifest, problems = parse_manifest(first.content, demo.catalog_url)
    assert problems == [] and manifest is not None
    assert {s.id for s in manifest.services} == set(demo.services)
    video = next(s for s in manifest.services if s.id == "video")
    assert video.low_bandwidth_url == demo.services["video"].url + "audio-only"
    assert get(demo.catalog_url, **{"If-None-Match": first.headers["ETag"]}).status_code == 304

    data = json.loads(demo.manifest_file.read_text(encoding="utf-8"))
    data["services"] = data["services"][:2]
    demo.manifest_file.write_text(json.dumps(data), encoding="utf-8")
    edited = get(demo.catalog_url, **{"If-None-Match": first.headers["ETag"]})
    assert edited.status_code == 200 and len(edited.json()["services"]) == 2


def test_democtl_stops_and_starts_a_service_and_the_catalog(demo: DemoServices) -> None:
    mail = demo.services["mail"].url
    stopped = democtl(demo, "stop", "mail")
    assert stopped.returncode == 0, stopped.stderr
    assert "mail      stopped" in stopped.stdout
    with pytest.raises(requests.ConnectionError):
        get(mail)  # a real outage: the port is closed
    assert democtl(demo, "start", "mail").returncode == 0
    assert get(mail).status_code == 200  # back on the same address

    assert democtl(demo, "stop", "catalog").returncode == 0
    with pytest.raises(requests.ConnectionError):
        get(demo.catalog_url)  # gone: no answer at all
    status = democtl(demo, "status")
    assert "catalog   stopped" in status.stdout and "mail      running" in status.stdout
    unknown = democtl(demo, "stop", "nothing")
    assert unknown.returncode == 1 and "no demo service 'nothing'" in unknown.stderr


def test_democtl_without_a_running_demo_says_so(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(DEMOCTL), "status"], capture_output=True,
                          text=True, timeout=60, check=False,
                          env={**os.environ, "DEMO_DIR": str(tmp_path)})
    assert done.returncode == 1 and "make run" in done.stderr and "Traceback" not in done.stderr
    usage = subprocess.run([sys.executable, str(DEMOCTL)], capture_output=True, text=True,
                           timeout=60, check=False)
    assert usage.returncode == 2 and "democtl.py stop mail" in usage.stderr


def test_closing_a_demo_that_never_started_returns(tmp_path: Path) -> None:
    DemoServices(tmp_path / "demo", fixed_ports=False).close()  # make run's error path
