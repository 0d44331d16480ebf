"""The overlay's data served from storage, on both engines (widgets issue no SQL, issue 17)."""

from __future__ import annotations

from sqlalchemy import select

from hiptrack.domain.overlay import COUNTED, NOT_COUNTED, PENDING
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial
from hiptrack.storage.overlays import visit_overlays
from tests.unit.operations.test_recording import MARK10, capture, new_visit, recorder


def test_a_sides_trials_come_with_their_status_aligned_or_listed(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    rec.record_capture(capture(200.0), lever_arm_m=0.4, device=MARK10)
    rec.accept_pending()  # left 1, counted
    rec.record_capture(capture(190.0), lever_arm_m=0.4, device=MARK10)
    rec.reject_pending("pain")  # right 1, rejected
    rec.record_manual(180.0, "N", lever_arm_m=0.4)  # right 1 again, typed in
    rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)  # left 2, left pending
    with db.session() as s:
        overlays = visit_overlays(s, vid)
    (key, sides), = overlays.items()
    assert key == ("gluteus_medius", "hip_abd_sidelying_short", "make")
    left = [(t.number, t.status, t.drawn) for t in sides["left"].trials]
    right = [(t.number, t.status, t.reason, t.missing) for t in sides["right"].trials]
    assert left == [(1, COUNTED, True), (2, PENDING, True)]
    assert right == [(1, NOT_COUNTED, "pain", None), (2, COUNTED, None, "no trace (typed in)")]
    drawn = sides["left"].trials[0]
    assert drawn.t_s is not None and drawn.t_s[0] < 0 < drawn.t_s[-1]  # t = 0 at onset, inside the trace


def test_a_damaged_trace_is_listed_not_raised(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    rec.record_capture(capture(200.0), lever_arm_m=0.4, device=MARK10)
    rec.accept_pending()
    with db.session() as s:
        trial = s.scalars(select(Trial)).one()
        trial.trace = trial.trace[:20]  # type: ignore[index]
    with db.session() as s:
        (sides,) = visit_overlays(s, vid).values()
    assert (sides["left"].trials[0].missing or "").startswith("trace unreadable")


def test_the_traces_are_read_as_plain_rows(db: Database) -> None:
    """Issue 13: a first view of the Strength page reads the latest visit's traces; as ORM objects
    (every figure of every trial, the test's relationships) that was a fifth of it. One query,
    no mapped object loaded."""
    from sqlalchemy import event

    from hiptrack.storage.models import StrengthTest

    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    rec.record_capture(capture(200.0), lever_arm_m=0.4, device=MARK10)
    rec.accept_pending()
    loaded: list[object] = []
    statements: list[str] = []

    def on_load(target: object, _context: object) -> None:
        loaded.append(target)

    def on_execute(*args: object) -> None:
        statements.append(str(args[2]))

    with db.session() as s:
        for mapped in (Trial, StrengthTest):
            event.listen(mapped, "load", on_load)
        event.listen(db.engine, "before_cursor_execute", on_execute)
        try:
            overlays = visit_overlays(s, vid)
        finally:
            for mapped in (Trial, StrengthTest):
                event.remove(mapped, "load", on_load)
            event.remove(db.engine, "before_cursor_execute", on_execute)
    assert loaded == [] and len(statements) == 1
    assert [t.number for t in overlays[("gluteus_medius", "hip_abd_sidelying_short", "make")]["left"].trials] == [1]
