"""The JSON views of the summary's small frozen results share their values instead of copying them.

`dataclasses.asdict` deep-copies every value, and a deep copy of a Phrase rebuilds it from its
template: a summary of 60 visits made about 700 such views, 150 ms of a patient switch (issue 13).
The values are immutable (numbers, strings, Phrases), so sharing them changes nothing a reader sees.
"""

from __future__ import annotations

from dataclasses import asdict

from hiptrack.domain.norms import NormResult
from hiptrack.domain.reliability import ChangeAssessment
from hiptrack.domain.stats import TrialStats
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase


def test_norm_view_shares_its_phrase_and_equals_asdict() -> None:
    result = NormResult.no_reference(QT_TRANSLATE_NOOP("Labels", "age unknown"))
    view = result.to_json_dict()
    assert view["reason"] is result.reason
    assert view == asdict(result)


def test_change_view_shares_its_phrases_and_equals_asdict() -> None:
    source = Phrase("{source} ({note})", source="Thorborg 2010", note="HHD, 9 athletes")
    change = ChangeAssessment(delta=12.5, mdc=10.0, beyond_mdc=True, unit="Nm", previous=100.0, current=112.5,
                              source=source, reason=None, basis=Phrase("{a}; {b}", a="x", b="y"))
    view = change.to_json_dict()
    assert view["source"] is source and view["basis"] is change.basis
    assert view == asdict(change)
    assert list(view) == list(asdict(change))  # same keys in the same order (the JSON export keeps it)


def test_trial_stats_view_equals_asdict() -> None:
    stats = TrialStats(n=3, max=210.0, mean=200.0, sd=10.0, cv_pct=5.0)
    assert stats.to_json_dict() == asdict(stats)
    assert list(stats.to_json_dict()) == list(asdict(stats))
