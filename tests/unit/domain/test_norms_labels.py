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


def test_a_domain_error_keeps_its_phrase_when_it_becomes_a_row_note() -> None:
    import datetime as dt

    from hiptrack.domain.norms import age_on
    from hiptrack.domain.summary import _attempt

    notes: list[str] = []
    assert _attempt(notes, lambda: age_on(dt.date(2000, 5, 1), dt.date(1999, 1, 2))) is None
    assert notes == ["Test date 1999-01-02 is before the date of birth 2000-05-01"]
    assert isinstance(notes[0], Phrase) and notes[0].template == "Test date {test} is before the date of birth {birth}"



def test_a_method_mismatch_names_the_norms_methods_as_one_text_of_words() -> None:
    from dataclasses import replace

    from hiptrack.domain.norms import _mismatch, load_default_norm_tables

    norm = replace(load_default_norm_tables().ramskov[0], contraction="isometric",
                   methods=frozenset({"static", "break"}))
    reason = _mismatch(norm, norm.device, next(iter(norm.positions)), "make", 40.0)
    assert isinstance(reason, Phrase) and reason.endswith("was measured with a break/static test, not make")
    methods = reason.values["methods"]
    assert isinstance(methods, Phrase) and list(methods.values.values()) == ["break", "static"]
