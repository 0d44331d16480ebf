"""A norm's "no reference" reason can be shown without its lead and still be translated whole."""

from __future__ import annotations

from hiptrack.domain.norms import NormResult, bare_reason
from hiptrack.domain.translatable import Phrase


def test_bare_reason_keeps_the_marked_inner_reason() -> None:
    reason = NormResult.no_reference("age unknown").reason
    assert reason == "no reference: age unknown"
    assert bare_reason(reason) == "age unknown"
    nested = NormResult.no_reference(Phrase("{norm} is defined for female and male only", norm="Ramskov 2014")).reason
    inner = bare_reason(nested)
    assert inner == "Ramskov 2014 is defined for female and male only" and isinstance(inner, Phrase)
    assert bare_reason("no reference: stored as plain text") == "stored as plain text" and bare_reason(None) == ""
