"""`hiptrack device read` writes exactly what json.dumps would, without calling it per reading."""

from __future__ import annotations

import json
import math

import pytest

from hiptrack.cli.device import format_sample
from hiptrack.devices.samples import Sample

SAMPLES = [
    Sample(10.0, 123.45, signed_n=123.45),
    Sample(10.00004, 0.0, signed_n=-0.0),
    Sample(11.5, 1e-7, signed_n=-1e-7),
    Sample(12.25, 4448.2216152605, signed_n=-4448.2216152605),
    Sample(13.0, 1e21, signed_n=1e21),
    Sample(1e6, 0.30000000000000004, signed_n=0.1 + 0.2),
    Sample(14.0, math.nan, overload=True, signed_n=math.nan),
    Sample(15.0, math.nan, signed_n=math.nan, invalid=True),
]


def _reference(sample: Sample, t0: float) -> str:
    t = round(sample.t - t0, 4)
    if sample.overload:
        return json.dumps({"t": t, "force_n": None, "overload": True})
    if sample.invalid:
        return json.dumps({"t": t, "force_n": None, "overload": False, "invalid": True})
    return json.dumps({"t": t, "force_n": round(sample.force_n, 6), "signed_n": round(sample.signed_n, 6),
                       "overload": False}, allow_nan=False)


@pytest.mark.parametrize("sample", SAMPLES)
def test_each_line_is_what_json_dumps_writes_and_parses_back(sample: Sample) -> None:
    line = format_sample(sample, 10.0)
    assert line == _reference(sample, 10.0)
    assert json.loads(line)["t"] == round(sample.t - 10.0, 4)


def test_a_non_finite_force_in_a_valid_sample_is_refused_not_printed() -> None:
    with pytest.raises(ValueError):
        format_sample(Sample(1.0, math.inf, signed_n=math.inf), 0.0)
