"""`device read` and `simulate` handlers, registered on a bare parser (the main CLI adds --database)."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import serial

from hiptrack.cli import device, simulate
from hiptrack.devices import drivers
from hiptrack.devices.simulators import ForceProfile, ImadaSimulator, LutronSimulator, Mark10Simulator

pytestmark = pytest.mark.timeout(30)


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hiptrack")
    parser.add_argument("--database")  # as the main CLI does, so nothing here may clash with it
    subparsers = parser.add_subparsers()
    device.register(subparsers)
    simulate.register(subparsers)
    return parser.parse_args(argv)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict], str]:
    args = parse(*argv)
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def test_read_prints_json_lines_from_the_first_sample(capsys: pytest.CaptureFixture[str]) -> None:
    with Mark10Simulator(seed=1) as sim:
        code, rows, err = run(
            capsys,
            "--database",
            "sqlite://",
            "device",
            "read",
            "--port",
            sim.path,
            "--protocol",
            "mark10",
            "--count",
            "12",
            "--rate",
            "50",
        )
    assert code == 0, err
    assert len(rows) == 12 and rows[0]["t"] == 0.0
    assert all(set(r) == {"t", "force_n", "signed_n", "overload"} and r["force_n"] == abs(r["signed_n"])
               for r in rows)
    assert [r["t"] for r in rows] == sorted(r["t"] for r in rows)


def test_read_keeps_push_and_pull_apart(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11, device sign: the same push read with the gauge declared mounted the other way round
    is a pull (negative signed_n), though its magnitude is the same."""
    signs = []
    for invert in ((), ("--invert",)):
        with ImadaSimulator(ForceProfile(capacity_n=500), seed=1) as sim:
            sim.start_trial(peak_n=100, kind="make", duration_s=5, rise_s=0.05)
            time.sleep(0.3)
            code, rows, err = run(capsys, "device", "read", "--port", sim.path, "--protocol", "imada",
                                  "--count", "3", *invert)
        assert code == 0, err
        assert all(r["force_n"] > 50 for r in rows)
        signs.append({r["signed_n"] > 0 for r in rows})
    assert signs == [{True}, {False}]


def test_read_reports_overload_as_null(capsys: pytest.CaptureFixture[str]) -> None:
    with ImadaSimulator(ForceProfile(capacity_n=50), seed=1) as sim:
        sim.start_trial(peak_n=100, kind="make", duration_s=5, rise_s=0.05)
        time.sleep(0.2)
        code, rows, _ = run(
            capsys, "device", "read", "--port", sim.path, "--protocol", "imada", "--count", "3"
        )
    assert code == 0
    assert rows == [{"t": rows[i]["t"], "force_n": None, "overload": True} for i in range(3)]


def test_read_with_the_wrong_protocol_or_baud_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    with Mark10Simulator(seed=1) as sim:
        code, rows, err = run(
            capsys,
            "device",
            "read",
            "--port",
            sim.path,
            "--protocol",
            "shimpo",
            "--baud",
            "9600",
            "--count",
            "3",
            "--timeout",
            "0.5",
        )
    assert code != 0 and rows == []
    assert (
        f"no valid data from {sim.path} at 9600 baud for protocol shimpo — check the baud rate and protocol"
        in err
    )


def test_read_from_a_missing_port(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "device", "read", "--port", "/dev/nope", "--protocol", "lutron", "--count", "1"
    )
    assert code == 2 and "cannot open /dev/nope" in err


def test_read_seconds_and_disconnect(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    with LutronSimulator(rate=50, seed=1) as sim:
        code, rows, _ = run(
            capsys, "device", "read", "--port", sim.path, "--protocol", "lutron", "--seconds", "0.5"
        )
        assert code == 0 and rows  # how many arrive in 0.5 s depends on the machine's load: not judged
        # Unplug once the reader has printed its first readings, not after a fixed delay: on a busy
        # machine a timer could fire before the port was even opened (then it is "no port", exit 2).
        real_open = drivers.open_driver

        def open_then_unplug_after_first_batch(*args: object, **kwargs: object) -> object:
            drv = real_open(*args, **kwargs)  # type: ignore[arg-type]
            real_read = drv.read_samples

            def read_samples(timeout: float = 0.1) -> list:  # type: ignore[type-arg]
                batch = real_read(timeout=timeout)
                if batch and sim.plugged:
                    sim.unplug()
                return batch

            drv.read_samples = read_samples  # type: ignore[method-assign]
            return drv

        # cmd_read imports open_driver from the drivers module when it runs (the help needs no pyserial).
        monkeypatch.setattr(drivers, "open_driver", open_then_unplug_after_first_batch)
        code, rows, err = run(
            capsys, "device", "read", "--port", sim.path, "--protocol", "lutron", "--seconds", "30"
        )
    assert code == 1 and rows and "device disconnected" in err


def test_list_and_probe(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "device", "list", "--json")
    assert code == 0
    with Mark10Simulator(seed=1) as sim:
        code, rows, _ = run(capsys, "device", "probe", "--port", sim.path)
    assert code == 0 and rows == [{"port": sim.path, "protocol": "mark10", "baud": 115200}]


SIMULATE = (
    "import argparse, sys\n"
    "from hiptrack.cli import simulate\n"
    "p = argparse.ArgumentParser(); s = p.add_subparsers(); simulate.register(s)\n"
    "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
)


@pytest.mark.parametrize("fault", [None, "unplug"])
def test_simulate_prints_the_path_first_and_stops_on_sigterm(fault: str | None, tmp_path: Path) -> None:
    argv = [
        sys.executable,
        "-c",
        SIMULATE,
        "simulate",
        "--protocol",
        "lutron",
        "--rate",
        "50",
        "--interval",
        "1",
    ]
    if fault:
        argv += ["--fault", fault, "--fault-every", "0.5", "--replug-after", "0.3"]
    # A private temp folder: the unplug fault keeps its stable link in a scratch folder there,
    # which must go when the simulator stops (it used to stay behind after every run).
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(private_tmp)})
    try:
        assert proc.stdout is not None
        path = proc.stdout.readline().strip()
        assert os.path.exists(path)
        port = serial.Serial(path, timeout=0.5)
        data = port.read(64)
        port.close()
        assert b"\x0241" in data
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert sorted(p.name for p in private_tmp.iterdir()) == []


def test_simulate_rejects_a_bad_unit(capsys: pytest.CaptureFixture[str]) -> None:
    args = parse("simulate", "--protocol", "imada", "--unit", "ozf")
    assert args.func(args) == 2
    assert "an Imada gauge shows N, kgf or lbf" in capsys.readouterr().err
