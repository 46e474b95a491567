# SPDX-License-Identifier: EUPL-1.2
"""The MSI as IT uses it, under Wine: ``msiexec /i … /qn`` with properties, the installed
launcher, a real sign-in kept in the Credential Manager, a major upgrade and ``/x``.

The MSI embeds an organisation of its own (not the built-in demo one), so what the
installed launcher shows can only have come from the installed file. The newer MSI is
the same bundle with a higher ProductVersion: wixl runs twice, PyInstaller once.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.windows.conftest import (
    POLICY_KEY,
    ROOT,
    RUN_KEY,
    SCREENSHOTS,
    Running,
    Wine,
    build_windows,
    find_tool,
    grab_screen,
    log_problems,
    source_python,
    wait_until,
    windows_path,
    wine_copy,
)

sys.path.insert(0, str(ROOT / "tests" / "stack"))
from provider import TestProvider

INSTALLED = r"C:\Program Files\Arbeitsplatz"
PROGRAM_DATA = "drive_c/ProgramData/workplace"
UNINSTALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
ORGANISATION = ('name = { de = "Landkreis Beispielland", en = "Beispielland District" }\n'
                'short_name = "Beispielland"\n')


def _version() -> tuple[str, str]:
    text = (ROOT / "workplace" / "__init__.py").read_text(encoding="utf-8")
    version = text.split('__version__ = "', 1)[1].split('"', 1)[0]
    major, minor, patch = version.split(".")
    return version, f"{major}.{minor}.{int(patch) + 1}"


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = (ROOT / "resources" / "tenants" / "musterstadt.toml").read_text(encoding="utf-8")
    start = text.index("name = {", text.index("[organisation]"))
    end = text.index("\n", text.index("short_name", start)) + 1
    path = tmp_path_factory.mktemp("tenant") / "beispielland.toml"
    path.write_text(text[:start] + ORGANISATION + text[end:], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def msis(windows_bundle: Path, tenant: Path,
         tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The MSI of this version and a newer one of the same bundle."""
    out = tmp_path_factory.mktemp("msi")
    return {v: build_windows("msi", "--tenant", str(tenant), "--version", v, "--out", str(out))
            for v in _version()}


def _product_code(msi: Path) -> str:
    run = subprocess.run([find_tool("msiinfo"), "export", str(msi), "Property"],
                         capture_output=True, text=True, check=True)
    rows = dict(line.split("\t", 1) for line in run.stdout.splitlines() if "\t" in line)
    return rows["ProductCode"]


def _msiexec(wine: Wine, *args: str, log: Path) -> None:
    run = wine.run(["msiexec", *args, "/qn", "/l*v", windows_path(log)], timeout=600)
    text = log.read_bytes().decode("utf-16-le", errors="replace") if log.exists() else ""
    assert run.returncode == 0, f"{run.output}\n{text[-4000:]}"


def _links(wine: Wine) -> list[str]:
    return sorted(str(p.relative_to(wine.drive_c)) for p in wine.drive_c.rglob("*.lnk")
                  if "Arbeitsplatz" in p.name)


@pytest.fixture(scope="module")
def provider() -> Iterator[TestProvider]:
    with TestProvider() as running:
        yield running


@pytest.fixture(scope="module")
def installed(windows_prefix: Path, windows_bundle: Path, msis: dict[str, Path],
              provider: TestProvider, display: str,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    """A machine with the MSI installed the way IT rolls it out."""
    work = tmp_path_factory.mktemp("installed")
    for wine in wine_copy(windows_prefix, work / "prefix", display, windows_bundle):
        msi = msis[_version()[0]]
        _msiexec(wine, "/i", windows_path(msi), "AUTOSTART=1", "NO_DESKTOP_SHORTCUT=1",
                 f"POLICY_IDENTITY_PROVIDER_ISSUER={provider.issuer}", "POLICY_THEME=dark",
                 "POLICY_CATALOG_REFRESH_MINUTES=30", "PRESET_LANGUAGE=de",
                 log=work / "install.log")
        # A map has no MSI property; Group Policy writes it as a subkey. The test
        # provider issues a refresh token only with prompt=consent.
        wine.reg_add(rf"HKLM\{POLICY_KEY}\IdentityProviderExtraAuthParams", "prompt",
                     "REG_SZ", "consent")
        yield wine


def test_msiexec_installs_the_bundle_and_writes_only_the_given_policies(
    installed: Wine, tenant: Path, provider: TestProvider
) -> None:
    wine = installed
    program = wine.drive_c / "Program Files" / "Arbeitsplatz"
    assert (program / "Arbeitsplatz.exe").is_file() and (program / "workplace.exe").is_file()
    assert (program / "_internal").is_dir()
    it_file = wine.prefix / PROGRAM_DATA / "workplace.toml"
    assert it_file.read_text(encoding="utf-8") == tenant.read_text(encoding="utf-8")
    assert (wine.prefix / PROGRAM_DATA / "conf.d").is_dir()

    # Every policy property has its own component with a condition: only those given.
    assert wine.reg_query(rf"HKLM\{POLICY_KEY}") == {
        "IdentityProviderIssuer": ("REG_SZ", provider.issuer),
        "Theme": ("REG_SZ", "dark"),
        "CatalogRefreshMinutes": ("REG_DWORD", "0x1e"),
    }
    assert wine.reg_query(rf"HKLM\{POLICY_KEY}\Recommended") == {"Language": ("REG_SZ", "de")}
    exe = rf"{INSTALLED}\Arbeitsplatz.exe"
    assert (wine.reg_query(rf"HKLM\{RUN_KEY}") or {})["Arbeitsplatz"] == ("REG_SZ", f'"{exe}"')
    # Links: the arbeitsplatz: scheme, and the Default apps offer for mailto, tel, matrix
    # (Wine's HKCR does not merge, so read HKLM's classes).
    classes = r"HKLM\Software\Classes"
    assert wine.reg_query(rf"{classes}\arbeitsplatz") == {
        "(Default)": ("REG_SZ", "URL:Arbeitsplatz"), "URL Protocol": ("REG_SZ", "")}
    for progid in ("arbeitsplatz", "Arbeitsplatz.Url"):
        assert wine.reg_query(rf"{classes}\{progid}\shell\open\command") == {
            "(Default)": ("REG_SZ", f'"{exe}" "%1"')}
    capabilities = r"Software\Arbeitsplatz\Workplace\Capabilities"
    assert wine.reg_query(rf"HKLM\{capabilities}\URLAssociations") == {
        scheme: ("REG_SZ", "Arbeitsplatz.Url") for scheme in ("mailto", "tel", "matrix")}
    assert (wine.reg_query(r"HKLM\Software\RegisteredApplications") or {})[
        "Arbeitsplatz"] == ("REG_SZ", capabilities)
    links = _links(wine)
    assert links and all("Desktop" not in link for link in links), links  # NO_DESKTOP_SHORTCUT


def test_the_installed_launcher_passes_selftest_and_names_its_sources(installed: Wine) -> None:
    wine = installed
    run = wine.run([rf"{INSTALLED}\Arbeitsplatz.exe", "selftest"], timeout=180,
                   qt={"QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.output
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["ok"] is True and result["services"] == 10 and result["language"] == "de"

    run = wine.run([rf"{INSTALLED}\workplace.exe", "config", "show", "--origin"], timeout=180)
    assert run.returncode == 0, run.output
    lines = run.stdout.splitlines()
    it_file = r"it: C:\ProgramData\workplace\workplace.toml"
    assert f'organisation.name.de = "Landkreis Beispielland"  # {it_file}' in lines
    machine = rf"HKLM\{POLICY_KEY}"
    assert f'preferences.theme = "dark"  # policy: {machine} (locked)' in lines
    assert f'preferences.language = "de"  # it: {machine}\\Recommended' in lines


SETTINGS_PROBE = """
import json, os, sys
from workplace.ui.gui import ensure_platform
ensure_platform()
from workplace.ui.gui import Gui, create_app
from workplace.app import Workplace
from PySide6.QtTest import QTest
app = create_app([sys.argv[0]])
workplace = Workplace.build(None)
gui = Gui(app, workplace, use_tray=False, restore_geometry=False, save_state=False)
gui.window.show_settings()
dialog = gui.window.dialogs.settings
QTest.qWaitForWindowExposed(dialog)
dialog.grab().save(sys.argv[1], "PNG")
print(json.dumps({"platform": app.platformName(), "theme": dialog.theme.isEnabled(),
                  "language": dialog.language.isEnabled(), "note": dialog.locked_note.text(),
                  "organisation": workplace.settings.tenant.organisation.name.de}))
sys.stdout.flush()
os._exit(0)
"""


@pytest.fixture
def browser(tmp_path: Path) -> dict[str, str]:
    """$BROWSER for the launcher under Wine: tests/stack/fake_browser.py, run by the
    prefix's Windows Python (through fake_browser.c), recording visits to visits.txt."""
    exe = tmp_path / "fake-browser.exe"
    subprocess.run([find_tool("x86_64-w64-mingw32-gcc"), "-municode", "-O2", "-s", "-o", str(exe),
                    str(ROOT / "tests" / "windows" / "fake_browser.c")], check=True)
    return {"BROWSER": windows_path(exe),
            "FAKE_BROWSER_PYTHON": r"C:\py311\python.exe",
            "FAKE_BROWSER_SCRIPT": windows_path(ROOT / "tests" / "stack" / "fake_browser.py"),
            "FAKE_BROWSER_VISITS": windows_path(tmp_path / "visits.txt")}


def test_a_real_sign_in_is_kept_in_the_credential_manager(
    installed: Wine, provider: TestProvider, display: str, browser: dict[str, str],
    tmp_path: Path
) -> None:
    wine = installed
    login = wine.run([rf"{INSTALLED}\workplace.exe", "login"], env=browser, timeout=240)
    assert login.returncode == 0, login.output
    assert login.stdout.strip() == "Erika Mustermann"
    assert (tmp_path / "visits.txt").read_text().split() == ["/auth"]

    stored = source_python(wine, CREDENTIAL)
    assert stored["backend"] == "Windows.WinVaultKeyring"
    assert stored["persist"] == stored["local_machine"]
    assert '"refresh_token"' in stored["text"] and "access_token" not in stored["text"]

    german = {"LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"}
    with Running(wine, [rf"{INSTALLED}\Arbeitsplatz.exe", "--log-json"], env=german) as window:
        state = window.wait_for("auth.state")
        assert state["status"] == "signed_in", state
        grab_screen(display, "installed-signed-in-de.png")
    assert not log_problems(window.output), window.output

    dialog = SCREENSHOTS / "installed-settings-locked-de.png"
    probe = source_python(wine, SETTINGS_PROBE, windows_path(dialog), env=german)
    assert probe["platform"] == "windows"
    assert probe["organisation"] == "Landkreis Beispielland"
    assert probe["theme"] is False and probe["language"] is True  # locked; preset only
    assert "Farben" in probe["note"]  # the note names the locked setting
    assert dialog.stat().st_size > 5_000

    # Signing out ends the provider session in the browser, too.
    logout = wine.run([rf"{INSTALLED}\workplace.exe", "logout"], env=browser, timeout=180)
    assert logout.returncode == 0, logout.output
    assert source_python(wine, CREDENTIAL)["text"] is None


def test_a_mail_link_opens_the_webmail_by_the_registered_command(
    installed: Wine, browser: dict[str, str], tmp_path: Path
) -> None:
    """What Explorer does with a mailto: link once a person picked Arbeitsplatz under
    Default apps: run the registered command with the link (Wine cannot dispatch it)."""
    wine = installed
    command = (wine.reg_query(r"HKLM\Software\Classes\Arbeitsplatz.Url\shell\open\command")
               or {})["(Default)"][1]
    exe, placeholder = re.fullmatch(r'"([^"]+)" "(%1)"', command).groups()  # type: ignore[union-attr]
    link = "mailto:erika@example.org?subject=Hallo"
    args = [exe, "--log-json", placeholder.replace("%1", link)]  # plus a log to wait on
    with Running(wine, args, env=browser) as window:
        followed = window.wait_for("links.followed")
        assert (followed["action"], followed["kind"]) == ("service", "mail"), followed
        visits = tmp_path / "visits.txt"
        wait_until(visits.exists, "the browser opens the webmail")
    assert not log_problems(window.output), window.output
    assert visits.read_text().split() == ["/appsuite/"]  # the compose view of [links]


CREDENTIAL = """
import json
from workplace.auth.keyring_store import KeyringStore, SERVICE
from win32ctypes.pywin32 import win32cred
store = KeyringStore()
try:
    cred = win32cred.CredRead(Type=win32cred.CRED_TYPE_GENERIC, TargetName=SERVICE)
except Exception:
    cred = None
print(json.dumps({
    "backend": store.backend_name, "local_machine": win32cred.CRED_PERSIST_LOCAL_MACHINE,
    "persist": cred and cred["Persist"],
    "text": cred and cred["CredentialBlob"].decode("utf-16-le")}))
"""


def test_a_newer_msi_upgrades_and_removal_leaves_only_it_s_file(
    windows_prefix: Path, windows_bundle: Path, msis: dict[str, Path], display: str,
    tmp_path: Path
) -> None:
    old, new = _version()
    for wine in wine_copy(windows_prefix, tmp_path / "prefix", display, windows_bundle):
        folder = r"C:\Apps\Arbeitsplatz"
        _msiexec(wine, "/i", windows_path(msis[old]), f"INSTALLDIR={folder}", "AUTOSTART=1",
                 "POLICY_THEME=dark", log=tmp_path / "install.log")
        program = wine.drive_c / "Apps" / "Arbeitsplatz"
        assert (program / "Arbeitsplatz.exe").is_file()
        assert not (wine.drive_c / "Program Files" / "Arbeitsplatz").exists()
        it_file = wine.prefix / PROGRAM_DATA / "workplace.toml"
        edited = it_file.read_text(encoding="utf-8") + "# edited by IT\n"
        it_file.write_text(edited, encoding="utf-8")
        first = _product_code(msis[old])
        assert wine.reg_query(rf"{UNINSTALL}\{first}") is not None

        # The folder is remembered: the update needs no INSTALLDIR.
        _msiexec(wine, "/i", windows_path(msis[new]), "AUTOSTART=1", "POLICY_THEME=light",
                 log=tmp_path / "upgrade.log")
        assert not (wine.drive_c / "Program Files" / "Arbeitsplatz").exists()
        second = _product_code(msis[new])
        assert wine.reg_query(rf"{UNINSTALL}\{first}") is None  # the old version is gone
        entry = wine.reg_query(rf"{UNINSTALL}\{second}") or {}
        assert entry.get("DisplayVersion") == ("REG_SZ", new)
        assert it_file.read_text(encoding="utf-8") == edited  # IT's file is never overwritten
        version = wine.run([rf"{folder}\workplace.exe", "--version"], timeout=180)
        assert version.stdout.strip() == f"workplace {old}"  # the bundle's own version
        # The policies are the ones this installation was given.
        assert wine.reg_query(rf"HKLM\{POLICY_KEY}") == {"Theme": ("REG_SZ", "light")}

        _msiexec(wine, "/x", windows_path(msis[new]), log=tmp_path / "remove.log")
        assert not program.exists()
        assert wine.reg_query(rf"{UNINSTALL}\{second}") is None
        assert wine.reg_query(rf"HKLM\{POLICY_KEY}") is None
        assert wine.reg_query(r"HKLM\Software\Arbeitsplatz\Workplace") is None
        assert "Arbeitsplatz" not in (wine.reg_query(rf"HKLM\{RUN_KEY}") or {})
        assert wine.reg_query(r"HKLM\Software\Classes\arbeitsplatz") is None
        assert _links(wine) == []
        # What docs/deployment.md says stays: IT's organisation file.
        left = sorted(p.name for p in (wine.prefix / PROGRAM_DATA).iterdir())
        assert left == ["workplace.toml"]
        assert it_file.read_text(encoding="utf-8") == edited
