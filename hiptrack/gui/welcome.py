"""The first-run welcome: what an empty database opens on, instead of four empty pages.

Three steps, each one click away: add the first patient, set the clinic's name (it heads every
report), and connect a gauge, with the simulated one for trying the app before a gauge arrives.
A step already done says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    add_patient_chosen = Signal()
    clinic_settings_chosen = Signal()
    gauge_chosen = Signal()
    simulator_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never widen the window: the page stack takes the largest minimum of its pages, and the
        # remembered splitter position must survive a start on an empty database.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        title = QLabel(self.tr("Welcome to hiptrack"))
        title.setObjectName("patientTitle")
        intro = QLabel(self.tr("This database has no patients yet. Three steps get a clinic going; each can be "
                               "changed later from the File menu."))
        intro.setWordWrap(True)
        self.add_patient = QPushButton(self.tr("Add the first patient…"))
        self.add_patient.clicked.connect(self.add_patient_chosen)
        self.clinic = QPushButton(self.tr("Set the clinic's name…"))
        self.clinic.clicked.connect(self.clinic_settings_chosen)
        self.gauge = QPushButton(self.tr("Connect a gauge"))
        self.gauge.clicked.connect(self.gauge_chosen)
        self.simulator = QPushButton(self.tr("Try the simulated gauge"))
        self.simulator.setToolTip(self.tr("A simulated Mark-10 on this computer: press P on the strength page for a push"))
        self.simulator.clicked.connect(self.simulator_chosen)
        self.clinic_state = QLabel()
        self.gauge_state = QLabel()
        steps = QGridLayout()
        rows = (
            (self.tr("1. Patients are listed on the left; search them with Ctrl+F."), self.add_patient, None),
            (self.tr("2. The clinic's name heads every report and handout."), self.clinic, self.clinic_state),
            (self.tr("3. Plug the gauge in (USB or RS-232) and connect it on Strength testing."), self.gauge, self.gauge_state),
        )
        for row, (text, button, state) in enumerate(rows):
            label = QLabel(text)
            label.setWordWrap(True)
            steps.addWidget(label, row, 0)
            steps.addWidget(button, row, 1)
            if state is not None:
                steps.addWidget(state, row, 2)
        steps.addWidget(self.simulator, len(rows), 1)
        steps.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(steps)
        layout.addStretch(1)

    def show_progress(self, clinic_name: str, gauge_connected: bool) -> None:
        """Mark the steps already done (✓ and words, never colour alone)."""
        self.clinic_state.setText(f"✓ {clinic_name}" if clinic_name.strip() else self.tr("not set yet"))
        self.gauge_state.setText(self.tr("✓ connected") if gauge_connected else self.tr("not connected"))
