"""Build the hiptrack bundle: `python installer/build.py` (run it with the project's venv Python).

1. Makes sure the interpreter has the locked app packages and PyInstaller (installer/requirements-build.lock),
   installing what is missing with this interpreter's pip.
2. Renders the app icon (ui/icons/hiptrack.svg) to PNG and ICO in build/icons/.
3. Runs PyInstaller on installer/hiptrack.spec: dist/hiptrack/ with the executable dist/hiptrack/hiptrack.
4. Writes the Inno Setup script dist/hiptrack-<version>.iss from installer/windows/hiptrack.iss.in
   (on every platform, so the template is checked here too); on Windows it then runs ISCC.exe.
5. On Linux, packs dist/hiptrack-<version>-linux-x86_64.tar.gz: the bundle folder with the .desktop file
   and the icon.

Prints what it built with sizes and timings. Exits non-zero with a one-line reason on failure.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "hiptrack.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICON_DIR = ROOT / "build" / "icons"
ICON_SVG = ROOT / "ui" / "icons" / "hiptrack.svg"
BUILD_LOCK = INSTALLER / "requirements-build.lock"
APP_LOCK = ROOT / "requirements.lock"
ISS_TEMPLATE = INSTALLER / "windows" / "hiptrack.iss.in"
DESKTOP_FILE = INSTALLER / "linux" / "hiptrack.desktop"
WINDOWS = sys.platform == "win32"
EXE_NAME = "hiptrack.exe" if WINDOWS else "hiptrack"
# Sizes inside the Windows .ico; Windows picks the nearest for menus, taskbar and Explorer.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


class BuildError(Exception):
    """A reason the build cannot go on, printed as one line."""


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def app_version() -> str:
    # Read, not imported: importing hiptrack here would need its dependencies before step 1.
    text = (ROOT / "hiptrack" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise BuildError("no __version__ in hiptrack/__init__.py")
    return match.group(1)


# --- 1. build tools -----------------------------------------------------------------------------


def locked_pins(lock: Path) -> dict[str, str]:
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line and ";" not in line:
            name, version = line.split("==", 1)
            pins[name.strip()] = version.strip()
    return pins


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def missing_pins(lock: Path) -> list[str]:
    missing = []
    for name, version in locked_pins(lock).items():
        try:
            installed = importlib.metadata.version(_normalise(name))
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            missing.append(f"{name}=={version} (found {installed or 'none'})")
    return missing


def ensure_build_tools() -> None:
    """Install the locked packages this interpreter lacks, so a fresh clone builds with one command."""
    locks = [lock for lock in (APP_LOCK, BUILD_LOCK) if missing_pins(lock)]
    if not locks:
        return
    for lock in locks:
        say(f"{lock.name}: installing {', '.join(missing_pins(lock))}")
    if sys.prefix == sys.base_prefix:
        raise BuildError(
            f"{sys.executable} is not a virtual environment; run the build with the project's venv, "
            "e.g. .venv/bin/python installer/build.py (./dev test creates .venv)"
        )
    command = [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    for lock in locks:
        command += ["-r", str(lock)]
    if subprocess.run(command, check=False).returncode != 0:
        raise BuildError("pip could not install the locked build packages (is PyPI reachable?)")
    importlib.invalidate_caches()
    still = [item for lock in locks for item in missing_pins(lock)]
    if still:
        raise BuildError(f"still missing after pip install: {', '.join(still)}")


# --- 2. icons -----------------------------------------------------------------------------------


def render_icons(out: Path) -> dict[str, Path]:
    """PNG (256 px, for the .desktop file) and a multi-size ICO (Windows), drawn from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the build machine has no display
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise BuildError(f"{ICON_SVG} is not a valid SVG icon")

    def png(size: int) -> bytes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise BuildError("Qt could not write a PNG (imageformats missing?)")
        return bytes(data.data())

    out.mkdir(parents=True, exist_ok=True)
    files = {"svg": out / "hiptrack.svg", "png": out / "hiptrack.png", "ico": out / "hiptrack.ico"}
    shutil.copyfile(ICON_SVG, files["svg"])
    files["png"].write_bytes(png(256))
    files["ico"].write_bytes(ico_from_pngs({size: png(size) for size in ICO_SIZES}))
    return files


def ico_from_pngs(images: dict[int, bytes]) -> bytes:
    """An .ico whose entries are PNG-compressed (understood since Windows Vista); no Pillow needed."""
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = b"", b""
    offset = len(header) + 16 * len(images)
    for size, data in sorted(images.items()):
        # Width and height 0 mean 256 in an ICONDIRENTRY.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


# --- 3. PyInstaller -----------------------------------------------------------------------------


def run_pyinstaller(clean: bool) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    env = dict(os.environ, HIPTRACK_ICON_DIR=str(ICON_DIR))
    say("PyInstaller " + importlib.metadata.version("pyinstaller"))
    if subprocess.run(command, cwd=ROOT, env=env, check=False).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    bundle = DIST / "hiptrack"
    if not (bundle / EXE_NAME).is_file():
        raise BuildError(f"PyInstaller finished but {bundle / EXE_NAME} is missing")
    return bundle


def verify_bundle(bundle: Path) -> None:
    """Refuse a bundle that cannot start at a clinic. PyInstaller only warns, for instance when it could
    not query Qt (a half-installed PySide6) and so left out every Qt plugin."""
    internal = bundle / "_internal"
    platform_plugins = ("qwindows.dll",) if WINDOWS else ("libqxcb.so", "libqoffscreen.so")
    required = [
        internal / "db" / "migrations" / "env.py",
        internal / "db" / "reference",
        internal / "ui" / "styles" / "hiptrack.qss",
        *(internal / "PySide6" / "Qt" / "plugins" / "platforms" / name for name in platform_plugins),
    ]
    missing = [str(path.relative_to(bundle)) for path in required if not path.exists()]
    if not any((internal / "db" / "migrations" / "versions").glob("*.py")):
        missing.append("_internal/db/migrations/versions/*.py")
    if missing:
        raise BuildError(f"the bundle lacks {', '.join(missing)} (see PyInstaller's warnings above)")


# --- 4. Windows installer script ----------------------------------------------------------------


def numeric_version(version: str) -> str:
    """Inno Setup's VersionInfoVersion wants four numbers: 0.1.0 -> 0.1.0.0, 1.2.0rc1 -> 1.2.0.1."""
    numbers = [*re.findall(r"\d+", version), "0", "0", "0", "0"][:4]
    return ".".join(numbers)


def render_iss(version: str, bundle: Path, icons: dict[str, Path]) -> Path:
    values = {
        "VERSION": version,
        "VERSION_NUMERIC": numeric_version(version),
        "BUNDLE_DIR": str(bundle),
        "OUTPUT_DIR": str(DIST),
        "ICON_FILE": str(icons["ico"]),
    }
    text = ISS_TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    left = sorted(set(re.findall(r"@[A-Z_]+@", text)))
    if left:
        raise BuildError(f"{ISS_TEMPLATE.name}: no value for {', '.join(left)}")
    out = DIST / f"hiptrack-{version}.iss"
    # Inno Setup reads a BOM-marked file as UTF-8; without one it assumes the ANSI code page.
    out.write_text(text, encoding="utf-8-sig", newline="\r\n")
    return out


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def build_windows_installer(iss: Path) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Inno Setup 6 not found (ISCC.exe); install it from jrsoftware.org, or pass --no-installer")
    if subprocess.run([iscc, "/Q", str(iss)], check=False).returncode != 0:
        raise BuildError("ISCC.exe failed (its messages are above)")
    setups = sorted(DIST.glob("hiptrack-*-windows-x64-setup.exe"), key=lambda p: p.stat().st_mtime)
    if not setups:
        raise BuildError("ISCC.exe finished but wrote no setup program to dist/")
    return setups[-1]


# --- 5. Linux archive ---------------------------------------------------------------------------


def linux_arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def make_tarball(version: str, bundle: Path, icons: dict[str, Path]) -> Path:
    """hiptrack/ unpacks as one folder: the bundle plus hiptrack.desktop, hiptrack.png and hiptrack.svg."""
    out = DIST / f"hiptrack-{version}-linux-{linux_arch()}.tar.gz"

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # Unpacked by root into /opt, files must not end up owned by whoever built them.
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    partial = out.with_name(out.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="hiptrack", filter=as_root)
        tar.add(DESKTOP_FILE, arcname="hiptrack/hiptrack.desktop", filter=as_root)
        tar.add(icons["png"], arcname="hiptrack/hiptrack.png", filter=as_root)
        tar.add(icons["svg"], arcname="hiptrack/hiptrack.svg", filter=as_root)
    partial.replace(out)
    return out


# --- main ---------------------------------------------------------------------------------------


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the hiptrack bundle (dist/hiptrack/) and its installers.")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache in build/ first")
    parser.add_argument("--no-installer", action="store_true",
                        help="bundle only: no tar.gz (Linux), no setup program (Windows)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        version = app_version()
        say(f"hiptrack {version} with Python {platform.python_version()} ({sys.executable})")
        ensure_build_tools()
        icons = render_icons(ICON_DIR)
        pyinstaller_started = time.monotonic()
        bundle = run_pyinstaller(clean=args.clean)
        pyinstaller_seconds = time.monotonic() - pyinstaller_started
        verify_bundle(bundle)
        say(f"bundle: {bundle / EXE_NAME} ({megabytes(folder_size(bundle))}, PyInstaller {pyinstaller_seconds:.0f} s)")
        iss = render_iss(version, bundle, icons)
        say(f"Inno Setup script: {iss}")
        if not args.no_installer:
            if WINDOWS:
                say(f"setup program: {build_windows_installer(iss)}")
            elif sys.platform.startswith("linux"):
                archive_started = time.monotonic()
                tarball = make_tarball(version, bundle, icons)
                say(f"archive: {tarball} ({megabytes(tarball.stat().st_size)}, "
                    f"{time.monotonic() - archive_started:.0f} s)")
    except BuildError as exc:
        print(f"build: {exc}", file=sys.stderr)
        return 1
    say(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
