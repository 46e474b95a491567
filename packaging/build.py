# SPDX-License-Identifier: EUPL-1.2
"""Builds what IT installs: the PyInstaller one-folder bundle and the Debian package.

    python packaging/build.py bundle [--force]
    python packaging/build.py deb [--tenant FILE] [--out DIR]

The bundle is cached under ``build/bundle/`` keyed on a hash of everything that goes
into it (sources, resources, spec, PyInstaller and PySide6 versions), so a second
``deb`` in the same checkout reuses it. Each command prints the path it produced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
APP_ID = "de.arbeitsplatz.Workplace"
PACKAGE = "arbeitsplatz"
OPT_DIR = "opt/arbeitsplatz"
DEFAULT_TENANT = ROOT / "resources" / "tenants" / "musterstadt.toml"
ICON_SIZES = (48, 64, 128, 256)


def log(message: str) -> None:
    print(f"build: {message}", file=sys.stderr, flush=True)


def tool(name: str) -> str:
    """The absolute path of a build tool, or a clear error naming it."""
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"build: {name} is missing; install it (see docs/deployment.md)")
    return found


def version() -> str:
    text = (ROOT / "workplace" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("build: no __version__ in workplace/__init__.py")
    return found.group(1)


# --- the bundle ------------------------------------------------------------------------


def unfit_dependencies(
    pyproject: Path = ROOT / "pyproject.toml",
    installed: Callable[[str], str] | None = None,
) -> list[str]:
    """What the bundle would take from this environment that pyproject.toml does not allow.

    The bundle copies whatever the build environment has installed, so an environment
    made by hand (or before a version was excluded, as PySide6-Essentials 6.12.0 was)
    would ship a version the project refuses. pyproject.toml stays the one list.
    """
    installed = installed or importlib.metadata.version
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    problems = []
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        try:
            found = installed(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            problems.append(f"{requirement.name} is not installed (pyproject.toml wants {line!r})")
            continue
        if not requirement.specifier.contains(found, prereleases=True):
            problems.append(
                f"{requirement.name} {found} is installed; pyproject.toml wants {line!r}"
            )
    return problems


def check_dependencies() -> None:
    problems = unfit_dependencies()
    if problems:
        raise SystemExit(
            "build: refusing to bundle this environment:\n  "
            + "\n  ".join(problems)
            + "\n  Run: .venv/bin/pip install -e '.[dev]' (scripts/bootstrap.sh does it)"
        )


def _source_files() -> list[tuple[Path, str]]:
    """(file, path inside the staged tree) for everything that goes into the bundle."""
    files: list[tuple[Path, str]] = []
    for path in sorted((ROOT / "workplace").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append((path, str(path.relative_to(ROOT))))
    for path in sorted((ROOT / "resources").rglob("*")):
        if (
            path.is_file()
            and "__pycache__" not in path.parts
            and path.suffix not in (".pyc", ".ts")
        ):
            files.append((path, "workplace/resources/" + str(path.relative_to(ROOT / "resources"))))
    return files


def _compile_translations() -> None:
    # .qm files are build products of the committed .ts sources (workplace.i18n_build).
    if (ROOT / "workplace" / "i18n_build.py").exists():
        subprocess.run([sys.executable, "-m", "workplace.i18n_build"], cwd=ROOT, check=True)


def bundle_key() -> str:
    digest = hashlib.sha256()
    for dist in ("pyinstaller", "PySide6-Essentials", "pydantic"):
        try:
            digest.update(f"{dist}={importlib.metadata.version(dist)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{dist}=none\n".encode())
    digest.update(sys.version.encode())
    extra = [p for p in sorted((PACKAGING / "pyinstaller").iterdir()) if p.is_file()]
    for path, name in [*_source_files(), *((p, str(p.relative_to(ROOT))) for p in extra)]:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_bundle(force: bool = False) -> Path:
    """The one-folder bundle directory (containing the ``workplace`` executable)."""
    check_dependencies()
    _compile_translations()
    key = bundle_key()
    base = BUILD / "bundle"
    target = base / key
    result = target / "dist" / "workplace"
    if not force and (target / "ok").exists() and (result / "workplace").exists():
        log(f"reusing bundle {key}")
        return result
    if base.exists():
        shutil.rmtree(base)
    stage = target / "stage"
    for path, name in _source_files():
        dest = stage / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
    log(f"PyInstaller, bundle {key}")
    env = dict(os.environ, WORKPLACE_STAGE=str(stage), PYTHONDONTWRITEBYTECODE="1")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(target / "dist"),
            "--workpath",
            str(target / "work"),
            str(PACKAGING / "pyinstaller" / "workplace.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    shutil.copy2(ROOT / "LICENSE", result / "LICENSE")
    (target / "ok").write_text(key + "\n", encoding="utf-8")
    return result


# --- Debian package --------------------------------------------------------------------


def _elf_files(tree: Path) -> list[Path]:
    found = []
    for path in tree.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _system_libraries(tree: Path) -> set[str]:
    """Shared libraries outside ``tree`` that its ELF files load (what dpkg-shlibdeps finds)."""
    lib_dirs = sorted({str(p.parent) for p in tree.rglob("*.so*")})
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(lib_dirs))
    outside: set[str] = set()
    for elf in _elf_files(tree):
        run = subprocess.run([tool("ldd"), str(elf)], capture_output=True, text=True, env=env)
        for line in run.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (\S+) \(", line)
            if match and not match.group(2).startswith(str(tree)):
                outside.add(os.path.realpath(match.group(2)))
            elif "not found" in line:
                log(f"warning: {elf.name}: {line.strip()}")
    return outside


def _owning_packages(libraries: set[str]) -> list[str]:
    packages: set[str] = set()
    for lib in sorted(libraries):
        candidates = {
            lib,
            lib.replace("/usr/lib/", "/lib/", 1),
            lib.replace("/lib/", "/usr/lib/", 1),
        }
        for candidate in sorted(candidates):
            run = subprocess.run([tool("dpkg"), "-S", candidate], capture_output=True, text=True)
            if run.returncode == 0:
                packages.add(run.stdout.split(":", 1)[0].strip())
                break
        else:
            log(f"warning: no package owns {lib}")
    return sorted(packages)


def _icon(tenant_icon_dir: Path) -> Path:
    app_svg = tenant_icon_dir / "app.svg"
    return app_svg if app_svg.exists() else PACKAGING / "linux" / "icons" / "arbeitsplatz.svg"


def _render_pngs(svg: Path, root: Path) -> None:
    """hicolor PNGs next to the scalable icon, rendered with the bundled Qt SVG renderer."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication([])\n"
        "renderer = QSvgRenderer(sys.argv[1])\n"
        "for size in map(int, sys.argv[3:]):\n"
        "    image = QImage(size, size, QImage.Format.Format_ARGB32)\n"
        "    image.fill(Qt.GlobalColor.transparent)\n"
        "    painter = QPainter(image)\n"
        "    renderer.render(painter)\n"
        "    painter.end()\n"
        "    image.save(f'{sys.argv[2]}/{size}x{size}/apps/" + APP_ID + ".png')\n"
    )
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-c", script, str(svg), str(hicolor), *map(str, ICON_SIZES)],
        check=True,
        env=env,
    )


def _install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def build_deb(tenant: Path | None = None, out: Path | None = None, fast: bool = False) -> Path:
    """Builds ``arbeitsplatz_<version>-1_<arch>.deb`` with dpkg-deb and returns its path."""
    tenant = tenant or DEFAULT_TENANT
    out = out or ROOT / "dist"
    bundle = build_bundle()
    arch = subprocess.run(
        [tool("dpkg"), "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    deb_version = f"{version()}-1"
    root = BUILD / "deb" / "root"
    if root.parent.exists():
        shutil.rmtree(root.parent)
    root.mkdir(parents=True)

    # The self-contained bundle and the command on PATH.
    shutil.copytree(bundle, root / OPT_DIR, symlinks=True)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/workplace").symlink_to(f"/{OPT_DIR}/workplace")

    linux = PACKAGING / "linux"
    share = root / "usr/share"
    _install(linux / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    metainfo = (linux / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", version()).replace(
        "@DATE@", dt.datetime.fromtimestamp(_source_date(), dt.UTC).date().isoformat()
    )
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    icon = _icon(ROOT / "resources" / "icons")
    _install(icon, share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg")
    _render_pngs(icon, root)

    # IT configuration and the system-wide autostart entry (off), both conffiles.
    etc = root / "etc/xdg"
    _install(tenant, etc / "workplace/workplace.toml")
    (etc / "workplace/conf.d").mkdir(parents=True)
    _install(linux / f"{APP_ID}-autostart.desktop", etc / "autostart" / f"{APP_ID}.desktop")

    doc = share / "doc" / PACKAGE
    _install(linux / "debian/copyright", doc / "copyright")
    changelog = (
        f"{PACKAGE} ({deb_version}) unstable; urgency=medium\n\n"
        f"  * Release {version()}.\n\n"
        f" -- Arbeitsplatz contributors <packaging@arbeitsplatz.invalid>  "
        f"{dt.datetime.fromtimestamp(_source_date(), dt.UTC):%a, %d %b %Y %H:%M:%S +0000}\n"
    )
    with gzip.GzipFile(doc / "changelog.Debian.gz", "wb", mtime=0) as handle:
        handle.write(changelog.encode())

    # Control area.
    debian = root / "DEBIAN"
    debian.mkdir()
    conffiles = sorted(
        "/" + str(p.relative_to(root)) for p in (root / "etc").rglob("*") if p.is_file()
    )
    (debian / "conffiles").write_text("\n".join(conffiles) + "\n", encoding="utf-8")
    depends = _owning_packages(_system_libraries(root / OPT_DIR))
    installed_kib = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    control = (linux / "debian/control.in").read_text(encoding="utf-8")
    control = (
        control.replace("@VERSION@", deb_version)
        .replace("@ARCH@", arch)
        .replace("@INSTALLED_SIZE@", str(installed_kib))
        .replace("@DEPENDS@", ", ".join(depends))
    )
    (debian / "control").write_text(control, encoding="utf-8")
    _install(linux / "debian/postinst", debian / "postinst", 0o755)
    _install(linux / "debian/postrm", debian / "postrm", 0o755)

    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{deb_version}_{arch}.deb"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(_source_date()))
    subprocess.run(
        [
            tool("dpkg-deb"),
            "--root-owner-group",
            *(("-Zgzip", "-z1") if fast else ("-Zxz", "-z6")),
            "--build",
            str(root),
            str(deb),
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return deb


def _source_date() -> int:
    """The commit time, so rebuilding the same commit gives the same dates (reproducible)."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        return int(env)
    run = subprocess.run(
        [tool("git"), "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    )
    return int(run.stdout.strip()) if run.returncode == 0 and run.stdout.strip() else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    b = sub.add_parser("bundle", help="the PyInstaller one-folder bundle")
    b.add_argument("--force", action="store_true", help="rebuild even if the cache is fresh")
    d = sub.add_parser("deb", help="the Debian package")
    d.add_argument("--tenant", type=Path, help="organisation file for /etc/xdg/workplace/")
    d.add_argument("--out", type=Path, help="output directory (default: dist/)")
    d.add_argument(
        "--fast", action="store_true", help="gzip -1 instead of xz -6 (tests; same content)"
    )
    args = parser.parse_args(argv)
    if args.what == "bundle":
        print(build_bundle(force=args.force))
    else:
        print(build_deb(tenant=args.tenant, out=args.out, fast=args.fast))
    return 0


if __name__ == "__main__":
    sys.exit(main())
