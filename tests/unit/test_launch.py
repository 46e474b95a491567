# SPDX-License-Identifier: EUPL-1.2
"""Launching with real programs: a tiny native app script and a $BROWSER-style script."""

from __future__ import annotations

import stat
import webbrowser
from pathlib import Path

import pytest

from workplace.catalog.launch import Launcher, LaunchError, LaunchErrorKind
from workplace.config.schema import LocalizedText, NativeApp, NativeCommand, Service


def script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def browser(tmp_path: Path) -> tuple[webbrowser.GenericBrowser, Path]:
    """A real browser command, as $BROWSER would name it, recording its arguments."""
    out = tmp_path / "browser-args.txt"
    exe = script(tmp_path / "browser.sh", f'printf "%s\\n" "$@" > "{out}"')
    return webbrowser.GenericBrowser([str(exe), "%s"]), out


def svc(**extra: object) -> Service:
    base: dict[str, object] = {
        "id": "mail",
        "name": LocalizedText(de="E-Mail", en="Mail"),
        "url": "https://mail.example/inbox?a=1&b=2",
    }
    base.update(extra)
    return Service.model_validate(base)


def test_web_service_opens_in_the_browser(browser: tuple[webbrowser.GenericBrowser, Path]) -> None:
    opener, out = browser
    launched = Launcher({}, open_url=opener.open).launch(svc())
    assert (launched.kind, launched.target) == ("web", "https://mail.example/inbox?a=1&b=2")
    assert out.read_text() == "https://mail.example/inbox?a=1&b=2\n"


def test_low_bandwidth_url(browser: tuple[webbrowser.GenericBrowser, Path]) -> None:
    opener, out = browser
    service = svc(low_bandwidth_url="https://lite.mail.example/")
    Launcher({}, open_url=opener.open).launch(service, low_bandwidth=True)
    assert out.read_text() == "https://lite.mail.example/\n"
    Launcher({}, open_url=opener.open).launch(service)
    assert out.read_text() == "https://mail.example/inbox?a=1&b=2\n"


def test_target_is_the_low_bandwidth_url_only_in_that_mode_and_where_one_is_set() -> None:
    # The rule the window, the tray and `workplace open` use to pick what to open.
    video = svc(id="video", url="https://meet.example.org/",
                low_bandwidth_url="https://meet.example.org/audio",
                health_url="https://meet.example.org/h")
    plain = svc(id="wiki", url="https://wiki.example.org/")
    launcher = Launcher({})
    assert launcher.target(video, low_bandwidth=True) == ("web", "https://meet.example.org/audio")
    assert launcher.target(video, low_bandwidth=False) == ("web", "https://meet.example.org/")
    assert launcher.target(video) == ("web", "https://meet.example.org/")
    assert launcher.target(plain, low_bandwidth=True) == ("web", "https://wiki.example.org/")


def test_url_is_checked_again_before_opening(
    browser: tuple[webbrowser.GenericBrowser, Path],
) -> None:
    opener, out = browser
    # A service that bypassed validation, as a stale cache or a future bug might produce.
    bad = Service.model_construct(**{**svc().model_dump(), "url": "javascript:alert(1)"})
    with pytest.raises(LaunchError) as caught:
        Launcher({}, open_url=opener.open).launch(bad)
    assert caught.value.kind is LaunchErrorKind.UNSAFE_URL
    assert str(caught.value).startswith("refusing to open an unsafe address: 'javascript:alert(1)'")
    assert not out.exists()


def test_no_browser(tmp_path: Path) -> None:
    failing = webbrowser.GenericBrowser([str(script(tmp_path / "b.sh", "exit 3")), "%s"])
    with pytest.raises(LaunchError) as caught:
        Launcher({}, open_url=failing.open).launch(svc())
    assert caught.value.kind is LaunchErrorKind.NO_BROWSER


def native(exe: Path | str, *args: str, os_key: str = "linux") -> dict[str, NativeApp]:
    return {
        "mailer": NativeApp.model_validate({os_key: NativeCommand(exec=str(exe), args=list(args))})
    }


def test_native_app_starts_without_a_shell(tmp_path: Path) -> None:
    out = tmp_path / "app-args.txt"
    exe = script(tmp_path / "app.sh", f'printf "%s\\n" "$@" > "{out}"')
    args = ("--profile", "a b", "$(touch pwned)", "; rm -rf /")
    launcher = Launcher(native(exe, *args), platform="linux")
    launched = launcher.launch(svc(native_app="mailer"))
    assert launched.kind == "native" and launched.argv == (str(exe), *args)
    assert launched.process.wait(timeout=30) == 0
    assert out.read_text().splitlines() == list(args)
    assert not (tmp_path / "pwned").exists()
    assert not Path("pwned").exists()


def test_native_app_for_another_os_falls_back_to_web(
    tmp_path: Path, browser: tuple[webbrowser.GenericBrowser, Path]
) -> None:
    opener, out = browser
    apps = native("C:\\Apps\\mail.exe", os_key="windows")
    launched = Launcher(apps, platform="linux", open_url=opener.open).launch(
        svc(native_app="mailer")
    )
    assert launched.kind == "web"
    assert out.exists()
    assert Launcher(apps, platform="win32").target(svc(native_app="mailer")) == (
        "native",
        "C:\\Apps\\mail.exe",
    )


def test_unknown_native_app_id_falls_back_to_web(
    browser: tuple[webbrowser.GenericBrowser, Path],
) -> None:
    opener, _ = browser
    launched = Launcher({}, open_url=opener.open).launch(svc(native_app="not-configured"))
    assert launched.kind == "web"


def test_native_app_missing(tmp_path: Path) -> None:
    launcher = Launcher(native(tmp_path / "not-there"), platform="linux")
    with pytest.raises(LaunchError) as caught:
        launcher.launch(svc(native_app="mailer"))
    assert caught.value.kind is LaunchErrorKind.NATIVE_MISSING
    assert "does not exist" in str(caught.value)


def test_native_app_not_executable(tmp_path: Path) -> None:
    exe = tmp_path / "app.sh"
    exe.write_text("#!/bin/sh\n")
    with pytest.raises(LaunchError) as caught:
        Launcher(native(exe), platform="linux").launch(svc(native_app="mailer"))
    assert caught.value.kind is LaunchErrorKind.NATIVE_MISSING
    assert "not executable" in str(caught.value)


def test_native_app_that_cannot_be_executed(tmp_path: Path) -> None:
    exe = tmp_path / "garbage"
    exe.write_bytes(b"\x00\x01\x02 not a program")
    exe.chmod(0o755)
    with pytest.raises(LaunchError) as caught:
        Launcher(native(exe), platform="linux").launch(svc(native_app="mailer"))
    assert caught.value.kind is LaunchErrorKind.NATIVE_FAILED
    assert str(caught.value).startswith("the application could not be started: ")
