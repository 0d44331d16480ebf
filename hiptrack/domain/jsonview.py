"""A frozen result's fields as a dict, its values shared rather than copied.

`dataclasses.asdict` deep-copies every value; for a Phrase that means formatting its template
again. The summary builds hundreds of these views per patient (norms, changes, trial statistics),
which made `asdict` the largest single cost of a patient switch on the Progress page (issue 13).
Use this only for dataclasses whose values are immutable scalars (numbers, strings, Phrases).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


def field_values(result: Any) -> dict[str, Any]:
    """{field name: value} in declaration order, as `asdict` gives for flat dataclasses."""
    return {f.name: getattr(result, f.name) for f in fields(result)}
