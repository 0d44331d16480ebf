"""What a gauge can plausibly report: readings beyond it are corrupt data, never a force.

A text protocol has no checksum, so a corrupted line still parses: `99999999 N` from a noisy
cable, `1966 N` from `196.6 N` that lost its decimal point, a 400-digit number that is infinite as a
float. The only defence at the device boundary is a limit on what the gauge can measure:
1. the capacity the gauge states in its identification (a Mark-10 model name carries it), plus
   the 10 % a Mark-10 still displays before it shows OVER (devices.md §1.4);
2. else the limit the clinic or the command line sets;
3. else the protocol's default, 5,000 N: no hand-held dynamometer measures more, and no hip
   muscle of a patient produces anything near it.
"""

from __future__ import annotations

import math
import re

from hiptrack.domain.units import NEWTONS_PER_LBF

DEFAULT_LIMIT_N = 5000.0
# A Mark-10 displays readings up to 110 % of its capacity, then OVER (devices.md §1.4, [DFG-RS5 §7]).
DISPLAY_MARGIN = 1.1

# Mark-10 force gauge and sensor models name their capacity in lbF after the dash: M5-100 is
# 100 lbF, M7-500 is 500 lbF. A leading 0 is a decimal point: M5-012 is 0.12 lbF, M5-05 is 0.5 lbF.
_MARK10_MODEL = re.compile(r"M[3-7]i?-(\d{1,4})(?![\d.])")


def mark10_capacity_n(model: str | None) -> float | None:
    """Rated capacity in newtons from a Mark-10 model name (`RM` reply), None when it says none."""
    if not model:
        return None
    m = _MARK10_MODEL.search(model)
    if m is None:
        return None
    digits = m.group(1)
    lbf = int(digits) / 10 ** (len(digits) - 1) if digits.startswith("0") else float(int(digits))
    return lbf * NEWTONS_PER_LBF if lbf > 0 else None


def is_plausible(value_n: float, limit_n: float) -> bool:
    """A finite reading within the limit (either direction: a gauge measures push and pull)."""
    return math.isfinite(value_n) and abs(value_n) <= limit_n
