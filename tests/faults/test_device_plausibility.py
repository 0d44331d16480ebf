"""Implausible gauge values over a pty: never a force, counted, and a trial they hit is interrupted.

Each case is a failure seen in the fault-injection run of issue 16: a `99999999 N` line mid-trial
stored as the peak, `1500 N` (a lost decimal point) from a gauge that cannot measure it, a
400-digit number printed as `Infinity` by `device read`, dropped bytes turning 300.0 N into 3000 N.
"""

from __future__ import annotations

import argparse
import json
import math
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceReader, DeviceState
from hiptrack.acquisition.segmenter import TrialCapture
from hiptrack.acquisition.session import DeviceSession
from hiptrack.cli import device
from hiptrack.devices.drivers import open_driver
from hiptrack.devices.plausibility import mark10_capacity_n
from hiptrack.devices.simulators import ForceProfile, LutronSimulator, Mark10Simulator, VirtualClock
from hiptrack.domain.units import NEWTONS_PER_LBF
from tests.faults.device_rig import into_a_trial_plateau, read_until, wait_until

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Mark10Simulator]:
    # An M5-100 is a 100 lbF (445 N) gauge; the simulated one says so when asked (RM).
    with Mark10Simulator(ForceProfile(capacity_n=500.0, noise_n=0.2), link=tmp_path / "gauge", seed=3,
                         model="M5-100") as simulator:
        yield simulator


def test_an_absurd_line_mid_trial_interrupts_the_trial_instead_of_becoming_its_peak(
    qtbot, sim: Mark10Simulator  # type: ignore[no-untyped-def]
) -> None:
    reader = DeviceReader(DeviceConfig("mark10", sim.path, rate_hz=50))
    statuses: list[str] = []
    reader.status_changed.connect(lambda s: statuses.append(s.message))
    try:
        into_a_trial_plateau(qtbot, reader, sim, duration_s=3.0)
        with qtbot.waitSignal(reader.trial_captured, timeout=10_000) as captured:
            sim.send_raw(b"99999999 N\r\n")
        capture: TrialCapture = captured.args[0]
        assert not capture.complete and "implausible" in capture.reason
        assert 150.0 < capture.peak_n < 250.0  # the part recorded before it is kept, as forces
        assert not np.isnan(capture.forces_n).any()
        # Counted and reported where the clinician sees the device state.
        qtbot.waitUntil(lambda: any("1 implausible reading ignored" in m for m in statuses), timeout=10_000)
    finally:
        reader.stop()
        reader.wait(5000)


def test_a_lost_decimal_point_beyond_the_identified_capacity_is_invalid(sim: Mark10Simulator) -> None:
    with open_driver("mark10", sim.path) as drv:
        info = drv.identify()
        assert info.capacity_n == pytest.approx(100 * NEWTONS_PER_LBF)
        sim.send_raw(b"\r\n150.0 N\r\n1500 N\r\n-1500 N\r\n480.0 N\r\n")
        samples = read_until(drv, lambda got: len(got) >= 4)
    assert [s.invalid for s in samples] == [False, True, True, False]
    assert samples[0].force_n == 150.0 and samples[3].force_n == 480.0  # within 110 % of 445 N
    assert all(math.isnan(s.force_n) and math.isnan(s.signed_n) and not s.overload for s in samples[1:3])
    assert drv.invalid_total == 2


def test_device_read_prints_valid_json_for_a_400_digit_number(
    sim: Mark10Simulator, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser(prog="hiptrack")
    device.register(parser.add_subparsers())
    args = parser.parse_args(
        ["device", "read", "--port", sim.path, "--protocol", "mark10", "--rate", "50", "--count", "20"]
    )

    def corrupt_once_streaming() -> None:
        wait_until(lambda: sim.stream_rate == 50)
        sim.send_raw(b"9" * 400 + b" N\r\n")

    helper = threading.Thread(target=corrupt_once_streaming, daemon=True)
    helper.start()
    code = args.func(args)
    helper.join(timeout=10)
    out, err = capsys.readouterr()
    assert code == 0, err

    def no_constants(name: str) -> None:
        raise AssertionError(f"not JSON: {name}")

    rows = [json.loads(line, parse_constant=no_constants) for line in out.splitlines()]
    assert len(rows) == 20
    assert {"t": rows[1]["t"], "force_n": None, "overload": False, "invalid": True} in rows
    assert all(r["force_n"] is None or 0 <= r["force_n"] <= 500 for r in rows)


def test_dropped_bytes_never_yield_a_reading_beyond_the_gauge_capacity(tmp_path: Path) -> None:
    # Virtual time and a fixed seed: the same bytes are dropped on every run, whatever the load.
    clock = VirtualClock()
    profile = ForceProfile(capacity_n=500.0, noise_n=0.2)
    with (Mark10Simulator(profile, seed=11, clock=clock, drop_rate=0.1, model="M5-100") as sim,
          open_driver("mark10", sim.path, silence_s=1000.0) as drv):
        drv.identify()
        drv.start_stream(125)
        wait_until(lambda: sim.stream_rate == 125)
        sim.start_trial(peak_n=300.0, kind="make", duration_s=2.0, rise_s=0.3)
        sim.inject("drop", 2.0)
        clock.advance(2.0)
        wait_until(lambda: len(sim.sent) >= 250)
        sim.send_raw(b"\r\n77.7 N\r\n")  # after the drops: marks the end of the stream
        samples = read_until(drv, lambda got: any(s.force_n == 77.7 for s in got))
    assert sim.bytes_dropped > 0
    valid = [s.force_n for s in samples if not (s.invalid or s.overload)]
    assert valid and max(valid) <= drv.limit_n < 500.0
    # "300.0 N" minus its decimal point is "3000 N": seen, counted, never a force.
    assert drv.invalid_total >= 1 and sum(s.invalid for s in samples) == drv.invalid_total


@pytest.mark.parametrize(
    ("model", "lbf"),
    [("M5-100", 100.0), ("M7-500", 500.0), ("M5-012", 0.12), ("M5-05", 0.5), ("M3i-20", 20.0)],
)
def test_mark10_capacity_from_the_model_name(model: str, lbf: float) -> None:
    assert mark10_capacity_n(model) == pytest.approx(lbf * NEWTONS_PER_LBF)


@pytest.mark.parametrize("model", [None, "", "MR01-100 sensor", "Mark-10", "M5-0"])
def test_no_capacity_when_the_model_does_not_state_one(model: str | None) -> None:
    assert mark10_capacity_n(model) is None


def test_the_clinic_limit_applies_to_a_gauge_that_does_not_state_its_capacity(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A Lutron streams 16-byte frames and answers nothing: only the clinic's limit can say 350 N is
    # beyond what this clinic's gauge measures.
    with LutronSimulator(ForceProfile(capacity_n=1000.0, noise_n=0.2), link=tmp_path / "gauge", seed=2,
                         rate=50.0) as sim:
        session = DeviceSession(clinic={S.GAUGE_LIMIT_N.key: 300.0})
        try:
            with qtbot.waitSignal(session.status_changed, timeout=10_000,
                                  check_params_cb=lambda s: s.state is DeviceState.STREAMING):
                session.connect_device(DeviceConfig("lutron", sim.path))
            assert session.config is not None and session.config.options["capacity_n"] == 300.0
            with qtbot.waitSignal(session.trial_captured, timeout=15_000) as captured:
                sim.start_trial(peak_n=350.0, kind="make", duration_s=2.0, rise_s=0.5)
        finally:
            session.shutdown()
    capture: TrialCapture = captured.args[0]
    assert not capture.complete and "implausible" in capture.reason and capture.peak_n <= 300.0
