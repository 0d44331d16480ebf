"""Fault-injection helpers: hiptrack in a child process, killed (SIGKILL) at chosen moments.

Kill moments are drawn from a seeded generator, so a failure names the seed and reproduces; every
wait is bounded, so a hung child fails the test instead of hanging CI. The storage cases live in
test_storage_*.py, the device cases in test_device_*.py.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

# A child that has not finished by then is stuck, whatever the machine's load.
CHILD_TIMEOUT_S = 60.0


def hiptrack_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "hiptrack", *args]


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child hiptrack: its own HIPTRACK_HOME, no inherited database URL."""
    env = {k: v for k, v in os.environ.items() if k != "HIPTRACK_DATABASE_URL"}
    env["HIPTRACK_HOME"] = str(home)
    env.update(extra)
    return env


def run_child(cmd: Sequence[str], env: dict[str, str], timeout: float = CHILD_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), env=env, capture_output=True, text=True, timeout=timeout, check=False)


def kill_after(cmd: Sequence[str], env: dict[str, str], delay_s: float) -> int | None:
    """Start `cmd`, SIGKILL it after `delay_s` (if still running) and return its exit code.

    Returns None when the kill landed (the child died by SIGKILL), else the child's own exit code.
    """
    proc = subprocess.Popen(list(cmd), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        try:
            code = proc.wait(timeout=delay_s)
            return code
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=CHILD_TIMEOUT_S)
            return None
    finally:
        if proc.poll() is None:  # only on an unexpected error above
            proc.kill()
            proc.wait(timeout=CHILD_TIMEOUT_S)


def kill_when(proc: subprocess.Popen[bytes], ready: Path, extra_delay_s: float, timeout: float = CHILD_TIMEOUT_S) -> bool:
    """SIGKILL `proc` `extra_delay_s` after the file `ready` appears; False if it finished first."""
    deadline = time.monotonic() + timeout
    while not ready.exists():
        if proc.poll() is not None:
            return False
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the child never reached {ready.name} within {timeout:.0f} s")
        time.sleep(0.005)
    time.sleep(extra_delay_s)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=timeout)
    return True


def kill_moments(seed: int, count: int, low_s: float, high_s: float) -> list[float]:
    """`count` reproducible delays in [low_s, high_s), spread so that early and late moments occur."""
    rng = random.Random(seed)
    width = (high_s - low_s) / count
    return [low_s + width * (i + rng.random()) for i in range(count)]


@pytest.fixture
def fault_home(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "fault-home"
    home.mkdir()
    yield home
