"""Asking before a battery in progress is left: changing patient, closing the window or quitting.

Leaving loses nothing (every trial is already saved and the visit can be resumed), but a stray
click on another patient mid-battery used to close the trial screen without a word.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from hiptrack.reports.translation import translate


def leave_question(patient_name: str, accepted: int, planned: int) -> str:
    """'Leave Dubois's visit? 7 of 12 trials are recorded; you can resume it later.'"""
    return translate("VisitGuard", "Leave {name}'s visit? {accepted} of {planned} trials are recorded; you can "
                     "resume it later. Until it is finished, its results are shown as unfinished and not "
                     "compared with other visits.").format(name=patient_name, accepted=accepted, planned=planned)


def confirm_leave(parent: QWidget, patient_name: str, progress: tuple[int, int] | None, action: str) -> bool:
    """True when there is no battery in progress, or the clinician agrees to leave it.

    `action` names what leaving is for ("Change patient", "Close hiptrack") and titles the box."""
    if progress is None:
        return True
    accepted, planned = progress
    answer = QMessageBox.question(
        parent, action, leave_question(patient_name, accepted, planned),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
