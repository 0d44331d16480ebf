"""Where a clinician is in a test battery: which trial comes next, redo, extra trials for a high CV.

Pure logic, so that the trial screen, the resume-after-crash path and the tests share one model.
A step is done when it has an accepted trial; a rejected trial leaves the step open (redo). When
a side of a muscle has finished its planned trials and their CV exceeds the clinic's limit,
`cv_prompt` says so and the clinician may add one more trial (clinical.md §4: "offer a 4th trial
when CV > 15%").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from hiptrack.domain.asymmetry import SIDE_WORDS, Side
from hiptrack.domain.positions import Method, Muscle, PlannedTrial
from hiptrack.domain.stats import trial_stats
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP, Phrase

MAX_EXTRA_TRIALS_PER_SIDE = 2
# A trial awaiting the clinician's decision is stored as not counted, so a crash during the review,
# or another workstation's summary, never counts a trial nobody accepted (issue 17).
PENDING_REASON = "awaiting the clinician's decision (not counted)"


class TrialDecision(Protocol):
    """What `awaiting_decision` reads: a stored Trial row or its plain copy (storage.visits.TrialState).
    Read-only properties, so SQLAlchemy's Mapped attributes satisfy it as well as frozen dataclasses."""

    @property
    def accepted(self) -> bool: ...

    @property
    def reject_reason(self) -> str | None: ...


def awaiting_decision(trial: TrialDecision) -> bool:
    """Saved but neither accepted nor rejected yet: stored as not counted with PENDING_REASON."""
    return not trial.accepted and trial.reject_reason == PENDING_REASON


@dataclass(frozen=True)
class CvPrompt:
    muscle: Muscle
    side: Side
    cv_pct: float
    limit_pct: float

    @property
    def message(self) -> str:
        """A Phrase: shown with label(), it is translated whole."""
        return Phrase(QT_TRANSLATE_NOOP("Labels", "The {side} {muscle} trials vary by CV {cv:.1f} %, above the {limit:g} % "
                                                  "limit. Record another trial?"),
                      side=SIDE_WORDS[self.side.value], muscle=MUSCLE_WORDS.get(self.muscle.value, self.muscle.value),
                      cv=self.cv_pct, limit=self.limit_pct)


# Muscle names inside a sentence (lower case), marked for translation.
MUSCLE_WORDS = {"gluteus_medius": QT_TRANSLATE_NOOP("Labels", "gluteus medius"),
                "gluteus_maximus": QT_TRANSLATE_NOOP("Labels", "gluteus maximus")}


@dataclass
class BatteryRun:
    plan: list[PlannedTrial]
    cv_limit_pct: float = 15.0
    accepted: dict[tuple[Muscle, Side], list[float]] = field(default_factory=dict)
    extra: dict[tuple[Muscle, Side], int] = field(default_factory=dict)
    index: int = 0

    @classmethod
    def start(cls, plan: Sequence[PlannedTrial], cv_limit_pct: float = 15.0) -> BatteryRun:
        return cls(list(plan), cv_limit_pct)

    @classmethod
    def resume(cls, plan: Sequence[PlannedTrial], accepted: Iterable[tuple[Muscle, Side, float]],
               cv_limit_pct: float = 15.0) -> BatteryRun:
        """Rebuild the position from the trials already accepted at this visit (after a crash)."""
        run = cls(list(plan), cv_limit_pct)
        for muscle, side, force in accepted:
            run.accepted.setdefault((muscle, side), []).append(force)
        for (muscle, side), forces in run.accepted.items():
            planned = sum(1 for p in run.plan if (p.muscle, p.side) == (muscle, side))
            if len(forces) > planned:  # extra trials were added before the crash
                last = max(i for i, p in enumerate(run.plan) if (p.muscle, p.side) == (muscle, side))
                template = run.plan[last]
                for n in range(planned + 1, len(forces) + 1):
                    run.plan.insert(last + n - planned, _numbered(template, n))
                run.extra[(muscle, side)] = len(forces) - planned
        run.index = run._first_open()
        return run

    @property
    def current(self) -> PlannedTrial | None:
        return self.plan[self.index] if self.index < len(self.plan) else None

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def progress(self) -> tuple[int, int]:
        return min(self.index, len(self.plan)), len(self.plan)

    def record_accepted(self, force_n: float) -> CvPrompt | None:
        step = self.current
        if step is None:
            raise ValueError("the battery is already complete")
        forces = self.accepted.setdefault((step.muscle, step.side), [])
        forces.append(force_n)
        self.index = self._first_open()
        return self._cv_prompt(step.muscle, step.side)

    def record_rejected(self) -> None:
        """A rejected trial: the same step is tried again."""

    def add_extra_trial(self, muscle: Muscle, side: Side) -> bool:
        """Insert one more trial for this side, to be done next. False when the cap is reached."""
        key = (muscle, side)
        if self.extra.get(key, 0) >= MAX_EXTRA_TRIALS_PER_SIDE:
            return False
        indices = [i for i, p in enumerate(self.plan) if (p.muscle, p.side) == key]
        template = self.plan[indices[-1]]
        self.plan.insert(self.index, _numbered(template, len(indices) + 1))
        self.extra[key] = self.extra.get(key, 0) + 1
        return True

    def skip_current(self) -> None:
        """Leave this trial out (e.g. pain): remove it from the plan."""
        if self.current is not None:
            del self.plan[self.index]
            self.index = self._first_open()

    def _first_open(self) -> int:
        done: dict[tuple[Muscle, Side], int] = {}
        for i, step in enumerate(self.plan):
            key = (step.muscle, step.side)
            done[key] = done.get(key, 0) + 1
            if len(self.accepted.get(key, [])) < done[key]:
                return i
        return len(self.plan)

    def _cv_prompt(self, muscle: Muscle, side: Side) -> CvPrompt | None:
        key = (muscle, side)
        planned = sum(1 for p in self.plan if (p.muscle, p.side) == key)
        forces = self.accepted.get(key, [])
        if len(forces) < max(planned, 2) or self.extra.get(key, 0) >= MAX_EXTRA_TRIALS_PER_SIDE:
            return None
        cv = trial_stats(forces).cv_pct
        if cv is None or cv <= self.cv_limit_pct:
            return None
        return CvPrompt(muscle, side, cv, self.cv_limit_pct)


def _numbered(template: PlannedTrial, number: int) -> PlannedTrial:
    return PlannedTrial(template.muscle, template.position, template.side, number, template.method)


__all__ = ["PENDING_REASON", "BatteryRun", "CvPrompt", "Method", "TrialDecision", "awaiting_decision"]
