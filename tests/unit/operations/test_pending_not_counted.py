"""A trial awaiting the clinician's decision is never counted (issue 17): not by another
workstation's summary, and not after a crash during the review; accepting it counts it."""

from __future__ import annotations

from sqlalchemy import select

from hiptrack.operations.recording import PENDING_REASON
from hiptrack.storage.database import Database
from hiptrack.storage.models import Trial
from hiptrack.storage.results import patient_summary
from tests.unit.operations.test_recording import MARK10, capture, new_visit, recorder


def test_a_pending_trial_counts_only_once_accepted(db: Database) -> None:
    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)
    recorded = rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    assert recorded is not None and rec.pending == recorded
    with db.session() as s:  # what another room, or the app restarted after a crash, would read now
        trial = s.scalars(select(Trial)).one()
        assert not trial.accepted and trial.reject_reason == PENDING_REASON
        assert patient_summary(s, pid).visits == []
    after_crash = recorder(db, pid, vid)
    assert after_crash.run.progress[0] == 0  # the undecided trial is not taken as done
    rec.accept_pending()
    with db.session() as s:
        trial = s.scalars(select(Trial)).one()
        assert trial.accepted and trial.reject_reason is None
        row = patient_summary(s, pid).visits[-1].muscles[0]
        assert row.left_n is not None and abs(row.left_n - 210.0) < 1.0


def test_one_predicate_tells_a_trial_awaiting_a_decision_on_rows_and_plain_data(db: Database) -> None:
    """The same question, asked of an ORM row (overlays) and of visit_state's plain copy (screens, resuming)."""
    from hiptrack.domain.battery_run import awaiting_decision
    from hiptrack.storage.visits import visit_state

    pid, vid = new_visit(db)
    rec = recorder(db, pid, vid)

    def asked() -> tuple[bool, bool]:
        with db.session() as s:
            row = s.scalars(select(Trial).order_by(Trial.id.desc())).first()
            plain = max((tr for t in visit_state(s, vid).tests for tr in t.trials), key=lambda tr: tr.id)
            assert row is not None
            return awaiting_decision(row), awaiting_decision(plain)

    rec.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    assert asked() == (True, True)
    rec.accept_pending()
    assert asked() == (False, False)
    rec.record_capture(capture(205.0), lever_arm_m=0.4, device=MARK10)
    rec.reject_pending("patient shifted on the plinth")
    assert asked() == (False, False)


def test_resuming_reads_the_visit_once(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The accepted trials and the ones left pending come from one read of the visit, so they agree
    (and a resumed battery of many trials is not loaded twice)."""
    from hiptrack.operations import recording

    pid, vid = new_visit(db)
    first = recorder(db, pid, vid)
    first.record_capture(capture(210.0), lever_arm_m=0.4, device=MARK10)
    first.accept_pending()
    first.record_capture(capture(205.0), lever_arm_m=0.4, device=MARK10)  # left pending: the app stops
    reads: list[int] = []
    real = recording.visit_state

    def counted(session, visit_id: int):  # type: ignore[no-untyped-def]
        reads.append(visit_id)
        return real(session, visit_id)

    monkeypatch.setattr(recording, "visit_state", counted)
    resumed = recorder(db, pid, vid)
    assert reads == [vid]
    assert resumed.run.progress[0] == 1 and resumed.pending is not None and resumed.pending.resumed
