# SPDX-License-Identifier: EUPL-1.2
"""Builds what IT installs on Windows, on Linux: the one-folder bundle and the MSI.

    python packaging/windows/winbuild.py bundle             # PyInstaller under Wine
    python packaging/windows/winbuild.py msi [--tenant FILE] [--version X.Y.Z] [--out DIR]

The bundle is built by the Windows CPython and Windows PyInstaller of the prepared Wine
prefix (``prefix.py``) and cached under ``build/windows/bundle-<key>``, keyed on the
prefix and everything that goes into the bundle. The MSI is built from it with wixl
(msitools), and what wixl cannot express is written into its tables with msibuild
afterwards. Each command prints the path it produced. ``make windows`` runs ``msi``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import prefix  # noqa: E402
from wine import Wine, WineMissing, find_tool, windows_path  # noqa: E402

ROOT = prefix.ROOT
BUILD = prefix.BUILD
PYINSTALLER = ROOT / "packaging" / "pyinstaller"
WIX_SOURCES = ("Arbeitsplatz.wxs", "Policies.wxs")
WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
GUI_EXE = "Arbeitsplatz.exe"
CLI_EXE = "workplace.exe"
log = prefix.log


def _linux_build() -> ModuleType:
    """packaging/build.py: one list of what goes into a bundle, one version."""
    spec = importlib.util.spec_from_file_location("workplace_build", ROOT / "packaging/build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


linux = _linux_build()


# --------------------------------------------------------------------------- the icon


def _icon_source() -> Path:
    app_svg = ROOT / "resources" / "icons" / "app.svg"
    return app_svg if app_svg.exists() else ROOT / "packaging/linux/icons/arbeitsplatz.svg"


def write_icon(target: Path) -> Path:
    """A Windows .ico (PNG images, 16 to 256 px) rendered from the app's SVG with Qt."""
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
        "    assert image.save(f'{sys.argv[2]}/{size}.png')\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, "-c", script, str(_icon_source()), tmp,
                        *map(str, ICON_SIZES)], check=True, env=env)
        images = [(size, (Path(tmp) / f"{size}.png").read_bytes()) for size in ICON_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, data = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + entries + data)
    return target


# --------------------------------------------------------------------------- the bundle


def bundle_key(prefix_key: str) -> str:
    digest = hashlib.sha256(prefix_key.encode() + b"\0")
    extra = [p for p in sorted(PYINSTALLER.iterdir()) if p.is_file()]
    files = [*linux._source_files(), *((p, str(p.relative_to(ROOT))) for p in extra),
             (_icon_source(), "icon"), (Path(__file__).resolve(), "build.py")]
    for path, name in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def ensure_bundle(force: bool = False) -> Path:
    """The bundle folder (``Arbeitsplatz.exe``, ``workplace.exe``, ``_internal``)."""
    linux._compile_translations()
    built_prefix = prefix.ensure_prefix()
    with prefix.locked("bundle"):
        key = bundle_key(built_prefix.name.removeprefix("prefix-"))
        target = BUILD / f"bundle-{key}"
        result = target / "dist" / "workplace"
        if not force and (target / "ok").exists() and (result / GUI_EXE).exists():
            return result
        for old in BUILD.glob("bundle-*"):
            shutil.rmtree(old, ignore_errors=True)
        stage = target / "stage"
        for path, name in linux._source_files():
            dest = stage / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
        icon = write_icon(target / "Arbeitsplatz.ico")
        log(f"PyInstaller under Wine, bundle {key}")
        wine = Wine(built_prefix)
        try:
            wine.run(
                [rf"C:\{prefix.PYTHON_DIR}\python.exe", "-B", "-m", "PyInstaller",
                 "--noconfirm", "--clean", "--log-level=WARN",
                 "--distpath", windows_path(target / "dist"),
                 "--workpath", windows_path(target / "work"),
                 windows_path(PYINSTALLER / "workplace.spec")],
                env={"WORKPLACE_STAGE": windows_path(stage), "WORKPLACE_ICON": windows_path(icon)},
                timeout=1200, check=True)
        finally:
            wine.wait()
        shutil.copy2(ROOT / "LICENSE", result / "LICENSE.txt")
        shutil.rmtree(target / "work", ignore_errors=True)
        (target / "ok").write_text(key + "\n", encoding="utf-8")
        return result


# --------------------------------------------------------------------------- the MSI


@dataclass
class WixlFixes:
    """What wixl drops from a WiX v3 source, to be written into the MSI afterwards."""

    conditions: dict[str, str] = field(default_factory=dict)
    """Component -> its <Condition>."""
    attributes: dict[str, int] = field(default_factory=dict)
    """Component -> msidbComponentAttributes bits to add (Permanent, NeverOverwrite)."""
    secure: list[str] = field(default_factory=list)
    """Public properties declared Secure="yes" (SecureCustomProperties)."""
    scheduled: list[tuple[str, str, str, str]] = field(default_factory=list)
    """(sequence table, action, "After" or "Before", the other action): wixl puts a
    custom action at the end of a sequence that has more than one."""


COMPONENT_FLAGS = {"Permanent": 0x10, "NeverOverwrite": 0x80}


def for_wixl(source: Path, target: Path, fixes: WixlFixes) -> None:
    """Copy a WiX v3 source without what wixl rejects, noting it in ``fixes``."""
    ET.register_namespace("", WIX_NS)
    tree = ET.parse(source)  # noqa: S314 - our own WiX source, not input from outside
    root = tree.getroot()
    parents = {child: parent for parent in root.iter() for child in parent}

    def q(tag: str) -> str:
        return f"{{{WIX_NS}}}{tag}"

    for component in root.iter(q("Component")):
        cid = component.get("Id", "")
        for condition in component.findall(q("Condition")):
            fixes.conditions[cid] = (condition.text or "").strip()
            component.remove(condition)
        for name, bit in COMPONENT_FLAGS.items():
            if component.attrib.pop(name, "no") == "yes":
                fixes.attributes[cid] = fixes.attributes.get(cid, 0) | bit
    for table in ("InstallExecuteSequence", "InstallUISequence"):
        for custom in root.iter(q(table)):
            for action in custom.iter(q("Custom")):
                for where in ("After", "Before"):
                    if action.get(where):
                        fixes.scheduled.append(
                            (table, action.get("Action", ""), where, action.get(where, "")))
    for prop in list(root.iter(q("Property"))):
        if prop.attrib.pop("Secure", "no") == "yes":
            fixes.secure.append(prop.get("Id", ""))
        if prop.get("Value") is None and len(prop) == 0:
            parents[prop].remove(prop)  # declared only to be Secure, which is kept above
        elif parents[prop].tag == q("Fragment"):
            raise SystemExit(f"{source.name}: wixl drops Property {prop.get('Id')} "
                             "with a value inside a Fragment; move it into Product")
    tree.write(target, encoding="utf-8", xml_declaration=True)


def _table(msi: Path, table: str) -> list[list[str]]:
    run = subprocess.run([find_tool("msiinfo"), "export", str(msi), table],
                         capture_output=True, text=True, check=True)
    return [line.split("\t") for line in run.stdout.splitlines()[3:]]


def _sql(text: str) -> str:
    if "'" in text:
        raise SystemExit(f"build: a quote in {text!r}; msibuild's SQL cannot take it")
    return f"'{text}'"


def apply_fixes(msi: Path, fixes: WixlFixes) -> None:
    # msibuild takes SQL only; the values are our own WiX sources' and _sql refuses quotes.
    queries = [f"UPDATE Component SET Condition = {_sql(cond)} WHERE Component = {_sql(cid)}"  # noqa: S608
               for cid, cond in sorted(fixes.conditions.items())]
    attributes = {row[0]: int(row[3]) for row in _table(msi, "Component")}
    for cid, bits in sorted(fixes.attributes.items()):
        queries.append(f"UPDATE Component SET Attributes = {attributes[cid] | bits} "  # noqa: S608
                       f"WHERE Component = {_sql(cid)}")
    properties = {row[0]: row[1] for row in _table(msi, "Property") if len(row) > 1}
    secure = [p for p in properties.get("SecureCustomProperties", "").split(";") if p]
    secure += [p for p in fixes.secure if p not in secure]
    queries.append(f"UPDATE Property SET Value = {_sql(';'.join(secure))} "  # noqa: S608
                   "WHERE Property = 'SecureCustomProperties'")
    for table, action, where, other in fixes.scheduled:
        sequence = {row[0]: int(row[2]) for row in _table(msi, table) if len(row) > 2}
        wanted = sequence[other] + (1 if where == "After" else -1)
        if sequence[action] != wanted:
            if wanted in sequence.values():
                raise SystemExit(f"build: {table}: no free place {where} {other} for {action}")
            queries.append(f"UPDATE {table} SET Sequence = {wanted} "  # noqa: S608
                           f"WHERE Action = {_sql(action)}")
    args = [a for query in queries for a in ("-q", query)]
    subprocess.run([find_tool("msibuild"), str(msi), *args], check=True)
    written = {row[0]: row[4] for row in _table(msi, "Component")}
    missing = [cid for cid, cond in fixes.conditions.items() if written.get(cid) != cond]
    if missing:
        raise SystemExit(f"build: component conditions not written: {', '.join(missing)}")


def _check_version(text: str) -> str:
    if not re.fullmatch(r"\d{1,3}\.\d{1,3}\.\d{1,5}", text):
        raise SystemExit(f"build: MSI versions are major.minor.build (numbers), not {text!r}")
    return text


def msi_key(bundle: Path, version: str, tenant: Path) -> str:
    digest = hashlib.sha256(f"{bundle}\0{version}\0".encode())
    for path in [*(HERE / name for name in WIX_SOURCES), tenant, Path(__file__).resolve()]:
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_msi(version: str | None = None, tenant: Path | None = None,
              out: Path | None = None) -> Path:
    """``Arbeitsplatz-<version>.msi`` in ``out`` (default: dist/)."""
    version = _check_version(version or linux.version())
    tenant = (tenant or linux.DEFAULT_TENANT).resolve()
    out = out or ROOT / "dist"
    bundle = ensure_bundle()
    wixl, heat = find_tool("wixl"), find_tool("wixl-heat")
    find_tool("msibuild")
    key = msi_key(bundle, version, tenant)
    work = BUILD / "msi" / key
    name = f"Arbeitsplatz-{version}.msi"
    if not (work / name).exists():
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        (work / "bundle").symlink_to(bundle)
        shutil.copyfile(tenant, work / "workplace.toml")
        shutil.copyfile(bundle.parents[1] / "Arbeitsplatz.ico", work / "Arbeitsplatz.ico")
        files = sorted(str(p.relative_to(bundle)) for p in bundle.rglob("*")
                       if p.is_file() and p != bundle / GUI_EXE)  # that one has an Id
        listing = subprocess.run(
            [heat, "--var", "var.BundleDir", "-p", "", "--directory-ref", "INSTALLDIR",
             "--component-group", "Bundle", "--win64"],
            input="\n".join(files) + "\n", capture_output=True, text=True, check=True,
            cwd=bundle)
        (work / "Files.wxs").write_text(listing.stdout, encoding="utf-8")
        fixes = WixlFixes()
        for source in WIX_SOURCES:
            for_wixl(HERE / source, work / source, fixes)
        log(f"wixl: {name}")
        subprocess.run(
            [wixl, "-a", "x64", "-D", f"Version={version}", "-D", "BundleDir=bundle",
             "-D", "TenantFile=workplace.toml", "-D", "IconFile=Arbeitsplatz.ico",
             "-D", "Win64=yes", "-o", f"{name}.tmp", *WIX_SOURCES, "Files.wxs"],
            cwd=work, check=True)
        apply_fixes(work / f"{name}.tmp", fixes)
        (work / f"{name}.tmp").rename(work / name)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(work / name, out / name)
    return out / name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/windows/winbuild.py",
                                     description=(__doc__ or "").split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("prefix", help="the prepared Wine prefix")
    b = sub.add_parser("bundle", help="the PyInstaller one-folder bundle, built under Wine")
    b.add_argument("--force", action="store_true", help="rebuild even if the cache is fresh")
    m = sub.add_parser("msi", help="the MSI (builds the bundle first if needed)")
    m.add_argument("--tenant", type=Path, help="organisation file for %%ProgramData%%\\workplace")
    m.add_argument("--version", help="ProductVersion (default: the package's version)")
    m.add_argument("--out", type=Path, help="output directory (default: dist/)")
    args = parser.parse_args(argv)
    try:
        if args.what == "prefix":
            print(prefix.ensure_prefix())
        elif args.what == "bundle":
            print(ensure_bundle(force=args.force))
        else:
            print(build_msi(args.version, args.tenant, args.out))
    except WineMissing as exc:
        raise SystemExit(f"windows: {exc}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
