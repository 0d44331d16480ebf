"""`./dev` on the machines it promises to set up (issue 18): the venv stamp, the apt-get line for a
bare Debian system, `./dev run`, and the installer smoke test's unpacking on Debian 12's Python 3.11.2.

`./dev` runs for real (bash) against a copy of the project's set-up files and a fake venv whose
programs only record how they were called, so nothing is installed and no test suite is started.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RECORDER = '#!/bin/sh\necho "$(basename "$0") $*" >> "{log}"\n'


class DevCopy:
    """dev + pyproject.toml + the lock files in a folder of their own, with a fake .venv."""

    def __init__(self, folder: Path) -> None:
        self.root = folder / "checkout"
        self.root.mkdir()
        for name in ("dev", "pyproject.toml", "requirements.lock", "requirements-dev.lock"):
            shutil.copy2(ROOT / name, self.root / name)
        self.log = folder / "calls.log"
        self.log.touch()
        venv_bin = self.root / ".venv" / "bin"
        venv_bin.mkdir(parents=True)
        for program in ("python", "hiptrack", "ruff", "mypy", "lint-imports"):
            self.fake(venv_bin / program)
        # Debian's package database as a bare system sees it, unless a test says otherwise.
        self.tools = folder / "tools"
        self.tools.mkdir()
        self.set_installed(everything=True)

    def fake(self, path: Path, script: str | None = None) -> None:
        path.write_text(script or RECORDER.format(log=self.log))
        path.chmod(0o755)

    def set_installed(self, everything: bool) -> None:
        status = "install ok installed" if everything else "unknown ok not-installed"
        self.fake(self.tools / "dpkg-query", f"#!/bin/sh\nprintf '{status}'\n")

    def as_user(self) -> None:
        self.fake(self.tools / "id", "#!/bin/sh\necho 1000\n")

    def dev(self, *args: str, display: bool = True) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
        env.update(PATH=f"{self.tools}:{os.environ['PATH']}", PYTHON=sys.executable,
                   # ./dev test would otherwise start a PostgreSQL server.
                   HIPTRACK_TEST_DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
        env.pop("HIPTRACK_VENV", None)
        if display:
            env["QT_QPA_PLATFORM"] = "offscreen"
        return subprocess.run(["bash", str(self.root / "dev"), *args], capture_output=True, text=True, env=env,
                              timeout=120, check=False)

    def calls(self) -> list[str]:
        """What the fake venv was asked to do since the last look."""
        lines = self.log.read_text().splitlines()
        self.log.write_text("")
        return lines

    def pip_installs(self) -> list[str]:
        return [c for c in self.calls() if c.startswith("python -m pip install")]


@pytest.fixture
def checkout(tmp_path: Path) -> DevCopy:
    if shutil.which("bash") is None:
        pytest.skip("./dev is a bash script")
    return DevCopy(tmp_path)


def test_app_after_test_installs_nothing_and_a_lock_change_installs_once(checkout: DevCopy) -> None:
    assert checkout.dev("test", "-q").returncode == 0
    first = checkout.pip_installs()
    assert len(first) == 2 and "requirements-dev.lock" in first[0]  # the locked sets, then hiptrack itself
    # The dev set includes the runtime set: app and run find nothing to do, and neither does test.
    assert checkout.dev("app").returncode == 0
    assert checkout.dev("run", "hiptrack", "--version").returncode == 0
    assert checkout.dev("test", "-q").returncode == 0
    assert checkout.pip_installs() == []

    with (checkout.root / "requirements.lock").open("a") as lock:
        lock.write("# a changed pin\n")
    assert checkout.dev("app").returncode == 0
    runtime = checkout.pip_installs()
    assert len(runtime) == 2 and "requirements-dev.lock" not in runtime[0]
    assert checkout.dev("app").returncode == 0
    assert checkout.pip_installs() == []
    assert checkout.dev("test", "-q").returncode == 0
    assert len(checkout.pip_installs()) == 2
    assert [p.name for p in (checkout.root / ".venv").glob(".hiptrack*")] == [".hiptrack-installed"]


def test_an_interrupted_install_is_not_stamped(checkout: DevCopy) -> None:
    assert checkout.dev("app").returncode == 0
    checkout.calls()
    with (checkout.root / "requirements.lock").open("a") as lock:
        lock.write("# a changed pin\n")
    failing_pip = f'#!/bin/sh\necho "python $*" >> "{checkout.log}"\nexit 1\n'
    checkout.fake(checkout.root / ".venv" / "bin" / "python", failing_pip)
    broken = checkout.dev("app")
    assert broken.returncode != 0 and "pip could not install" in broken.stderr
    checkout.fake(checkout.root / ".venv" / "bin" / "python")
    checkout.calls()
    assert checkout.dev("app").returncode == 0
    assert len(checkout.pip_installs()) == 2


def test_run_puts_the_venv_first_on_path(checkout: DevCopy) -> None:
    assert checkout.dev("run", "hiptrack", "db", "info").returncode == 0
    assert "hiptrack db info" in checkout.calls()
    which = checkout.dev("run", "sh", "-c", 'command -v hiptrack; echo "$VIRTUAL_ENV"')
    assert which.stdout.split() == [str(checkout.root / ".venv" / "bin" / "hiptrack"), str(checkout.root / ".venv")]
    assert "usage: ./dev run COMMAND" in checkout.dev("run").stderr


def test_a_user_on_a_bare_system_gets_the_exact_apt_get_line(checkout: DevCopy) -> None:
    checkout.set_installed(everything=False)
    checkout.as_user()
    test = checkout.dev("test")
    assert test.returncode != 0
    line = next(x for x in test.stderr.splitlines() if "apt-get install" in x).split("sudo ", 1)[1]
    wanted = line.split()
    assert wanted[:4] == ["apt-get", "install", "-y", "--no-install-recommends"]
    for package in ("binutils", "postgresql", "xvfb", "xauth", "libxcb-cursor0"):
        assert package in wanted, package
    # Headless: the app needs the virtual screen it tells the user to use; with a display it does not.
    headless = checkout.dev("app", display=False)
    assert {"xvfb", "xauth"} <= set(headless.stderr.split())
    with_display = checkout.dev("app")
    assert "xvfb" not in with_display.stderr and "libgl1" in with_display.stderr
    assert checkout.calls() == []


# --- the installer smoke test unpacks with Debian 12's Python 3.11.2 --------------------------------------


def _tarball(path: Path, members: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, kind in members.items():
            info = tarfile.TarInfo(name)
            if kind.startswith("->"):
                info.type, info.linkname = tarfile.SYMTYPE, kind[2:]
                tar.addfile(info)
            else:
                data = kind.encode()
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture
def smoke_module(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.syspath_prepend(str(ROOT / "installer"))
    import smoke_test

    # Python before 3.11.4 has no extraction filters: take the fallback path whatever runs the test.
    monkeypatch.delattr(tarfile, "tar_filter", raising=False)
    return smoke_test


@pytest.mark.parametrize("bad", ["../escaped", "/etc/escaped", "hiptrack/link->../../escaped"])
def test_unpacking_refuses_members_that_land_outside(smoke_module: object, tmp_path: Path, bad: str) -> None:
    name, _, target = bad.partition("->")
    members = {"hiptrack/hiptrack": "#!/bin/sh\n", name: f"->{target}" if target else "x"}
    tarball = _tarball(tmp_path / "bad.tar.gz", members)
    into = tmp_path / "a" / "b" / "opt"
    into.mkdir(parents=True)
    smoke = smoke_module.Smoke(tmp_path / "none", tmp_path)  # type: ignore[attr-defined]
    with tarfile.open(tarball) as tar:
        smoke_module.extract_all(tar, into, smoke)  # type: ignore[attr-defined]
    assert smoke.failures and "would land outside" in smoke.failures[0]
    assert not (tmp_path / "a" / "b" / "escaped").exists() and list(into.iterdir()) == []


def test_unpacking_a_good_archive_without_filters(smoke_module: object, tmp_path: Path) -> None:
    tarball = _tarball(tmp_path / "good.tar.gz", {"hiptrack/hiptrack": "#!/bin/sh\n", "hiptrack/x.png": "->hiptrack"})
    smoke = smoke_module.Smoke(tmp_path / "none", tmp_path)  # type: ignore[attr-defined]
    with tarfile.open(tarball) as tar:
        smoke_module.extract_all(tar, tmp_path / "opt", smoke)  # type: ignore[attr-defined]
    assert smoke.failures == []
    assert (tmp_path / "opt" / "hiptrack" / "hiptrack").read_text() == "#!/bin/sh\n"
