"""The main window: the patient list on the left, the selected patient's pages on the right."""

from __future__ import annotations

import base64
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QItemSelection, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hiptrack import APP_DISPLAY_NAME, __version__, paths
from hiptrack import settings as S
from hiptrack.domain.patient_rules import PatientFields, PatientRow
from hiptrack.gui.patient_list import PatientIndex, PatientListModel
from hiptrack.gui.visit_guard import confirm_leave
from hiptrack.reports.translation import error_text, label

# The window is painted before the storage layer, the device stack and the pages are imported
# (about 0.9 s on the project machine, six times a bare window): `MainWindow(None, ...)` builds the
# frame, `attach_database` builds the rest once the database is open (gui/application.py). So this
# module imports only Qt and plain-data modules at the top; what needs SQLAlchemy, numpy or the
# report builder is imported where it is first used.
if TYPE_CHECKING:
    from hiptrack.acquisition.session import DeviceSession
    from hiptrack.gui.exercise_page import ExercisePage
    from hiptrack.gui.overview_page import OverviewPage
    from hiptrack.gui.patient_banner import PatientBanner
    from hiptrack.gui.patient_list_loader import PatientListLoader
    from hiptrack.gui.progress_page import ProgressPage
    from hiptrack.gui.strength_page import StrengthPage
    from hiptrack.gui.welcome import WelcomePanel
    from hiptrack.storage.database import Database

log = logging.getLogger(__name__)


class PatientPage(Protocol):
    """A page in the patient workspace (overview, strength testing, exercises, progress)."""

    def set_patient(self, patient_id: int | None) -> None: ...


class MainWindow(QMainWindow):
    patient_selected = Signal(int)
    clinic_settings_changed = Signal(dict)
    patients_loaded = Signal()  # the patient list (re)arrived from a background load
    pages_built = Signal()  # build_pages finished: the whole window is ready

    # Built by attach_database, once the database is open (the frame is on screen before).
    db: Database
    list_loader: PatientListLoader
    overview: OverviewPage
    session: DeviceSession
    strength: StrengthPage
    exercises: ExercisePage
    progress: ProgressPage
    banner: PatientBanner
    welcome: WelcomePanel

    def __init__(self, db: Database | None, workstation: S.WorkstationSettings, parent: QWidget | None = None,
                 load_patients_in_background: bool = False) -> None:
        """With `db`, the whole window. Without, the frame the app paints first: the patient list
        (empty, its search box already taking keys), a line saying the database is being opened and
        the window's saved size; `attach_database` adds the rest.

        `load_patients_in_background`: the app's start-up, where the window is painted before the
        list is read (gui/patient_list_loader.py); without it the list is there on return."""
        super().__init__(parent)
        self.workstation = workstation
        self.attached = False
        self.setWindowTitle(APP_DISPLAY_NAME)
        # The defaults until the clinic's own are read (nothing is shown that depends on them before).
        self.clinic_settings: dict[str, Any] = {s.key: s.default for s in S.clinic_settings()}
        self._welcome_left = False  # the clinician went on from the welcome (gauge, simulator)
        self._simulator_folder: tempfile.TemporaryDirectory[str] | None = None
        self.pages: list[PatientPage] = []
        self.current_patient_id: int | None = None
        self._build_patient_list()
        self.opening = QLabel(self.tr("Opening the database…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setObjectName("hint")
        self.right = QStackedWidget()
        self.right.addWidget(self.opening)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.patient_pane)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)
        self.db_label = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.restore_window_state()
        if db is not None:
            self.attach_database(db, load_patients_in_background)
        else:
            self.search.setFocus()  # a name typed while the database opens filters the list on arrival

    def _build_patient_list(self) -> None:
        """The left pane. Its buttons wait for the database; the search box takes keys at once and
        filters the list when it arrives."""
        self.model = PatientListModel()
        self._patients_listed = False  # the list has been read at least once (else "empty" means "not yet")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name or chart number  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self._open_single_match)
        self._applied_filter = ""
        self.show_archived = QCheckBox(self.tr("Show &archived"))
        self.show_archived.toggled.connect(lambda _checked: self.reload_patients())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_patient())
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.new_button = QPushButton(self.tr("New patient  (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_patient)
        for waiting in (self.show_archived, self.new_button):
            waiting.setEnabled(False)

        self.patient_pane = QWidget()
        left_layout = QVBoxLayout(self.patient_pane)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.show_archived)
        row.addStretch(1)
        row.addWidget(self.count_label)
        left_layout.addLayout(row)
        left_layout.addWidget(self.new_button)

    def attach_database(self, db: Database, load_patients_in_background: bool = False) -> None:
        """All at once: the open database, the pages, then the patient list (read on a worker thread
        with `load_patients_in_background`, else before this returns)."""
        self.use_database(db)
        if load_patients_in_background:
            self.reload_patients_in_background()
            self.build_pages()
        else:
            self.build_pages()
            self.reload_patients()

    def use_database(self, db: Database) -> None:
        """The first half of attaching: the window names the database and can read its patient list
        (the app starts the read here, so the list arrives while the pages are built)."""
        from hiptrack.gui.patient_list_loader import PatientListLoader

        self.db = db
        self.setWindowTitle(f"{APP_DISPLAY_NAME} — {label(db.description)}")
        self.db_label.setText(label(db.description))
        self.opening.setText(self.tr("Preparing the patient pages…"))
        self.clinic_settings.update(self._load_clinic_settings())
        self.list_loader = PatientListLoader(db, self.model, _read_patient_list, self)
        self.list_loader.arrived.connect(self._on_patients_arrived)
        self.list_loader.failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))

    def build_pages(self) -> None:
        """The second half: pages, banner, welcome, device bar and menus on the database in use."""
        from hiptrack.acquisition.session import DeviceSession
        from hiptrack.gui.device_bar import status_text
        from hiptrack.gui.exercise_page import ExercisePage
        from hiptrack.gui.overview_page import OverviewPage
        from hiptrack.gui.patient_banner import PatientBanner
        from hiptrack.gui.progress_page import ProgressPage
        from hiptrack.gui.strength_page import StrengthPage
        from hiptrack.gui.welcome import WelcomePanel

        db = self.db
        self.tabs = QTabWidget()
        self.overview = OverviewPage(db)
        self.overview.patient_changed.connect(lambda _pid: self.reload_patients())
        self.add_page(self.tr("&Overview"), self.overview)
        self.session = DeviceSession(self, clinic=self.clinic_settings)
        self.strength = StrengthPage(db, self.session, self.workstation, self.clinic_settings)
        self.strength.visit_changed.connect(lambda _pid: self.overview.refresh_when_shown.request())
        self.add_page(self.tr("&Strength testing"), self.strength)
        self.exercises = ExercisePage(db)
        self.add_page(self.tr("E&xercises"), self.exercises)
        self.progress = ProgressPage(db)
        self.progress.report_written.connect(
            lambda path: self.statusBar().showMessage(self.tr("Report saved: {file}").format(file=path), 8000))
        self.add_page(self.tr("&Progress"), self.progress)
        # A visit or a program change alters what the progress charts show.
        self.strength.visit_changed.connect(lambda _pid: self.progress.refresh_when_shown.request())
        self.exercises.program_changed.connect(lambda _pid: self.progress.refresh_when_shown.request())

        # Whose record every page shows, above all of them (gui/patient_banner.py).
        self.banner = PatientBanner()
        workspace = QWidget()
        workspace_layout = QVBoxLayout(workspace)
        workspace_layout.setContentsMargins(0, 0, 0, 0)
        workspace_layout.addWidget(self.banner)
        workspace_layout.addWidget(self.tabs, 1)

        # An empty database opens on the welcome (gui/welcome.py) instead of four empty pages.
        self.welcome = WelcomePanel()
        self.welcome.add_patient_chosen.connect(self.new_patient)
        self.welcome.clinic_settings_chosen.connect(self.edit_settings)
        self.welcome.gauge_chosen.connect(lambda: self._leave_welcome(self.strength))
        self.welcome.simulator_chosen.connect(self.connect_simulator)
        self.workspace: QWidget = workspace
        self.right.addWidget(self.welcome)
        self.right.addWidget(workspace)

        self.device_label = QLabel(status_text(self.session.status))
        self.device_label.setObjectName("deviceState")
        self.session.status_changed.connect(lambda status: self.device_label.setText(status_text(status)))
        self.statusBar().addPermanentWidget(self.device_label)

        self._build_menus()
        self.attached = True
        for waiting in (self.show_archived, self.new_button):
            waiting.setEnabled(True)
        if self._patients_listed:  # the list arrived while the pages were built
            self._show_welcome_if_empty()
        else:
            self.right.setCurrentWidget(self.workspace)  # the welcome only once the list is known to be empty
        # Other workstations may add patients to a shared database; pick them up quietly, off the
        # GUI thread (at 100,000 patients a reload takes about a second).
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(60_000)
        self._refresh_timer.timeout.connect(self.reload_patients_in_background)
        self._refresh_timer.start()
        self.pages_built.emit()

    # --- structure ---
    def add_page(self, title: str, page: Any) -> None:
        self.pages.append(page)
        self.tabs.addTab(page, title)

    def _build_menus(self) -> None:
        from hiptrack.gui.dialogs.audit_dialog import open_audit_viewer
        from hiptrack.gui.dialogs.clinicians_dialog import CliniciansDialog

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.action_new = self._action(file_menu, self.tr("&New patient…"), QKeySequence.StandardKey.New, self.new_patient)
        self.action_edit = self._action(file_menu, self.tr("&Edit patient…"), "Ctrl+E", self.edit_patient)
        self.action_archive = self._action(file_menu, self.tr("&Archive or restore patient"), "Ctrl+Shift+A",
                                           self.toggle_archive)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Find patient"), QKeySequence.StandardKey.Find, self.focus_search)
        self._action(file_menu, self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.reload_patients)
        file_menu.addSeparator()
        # Shown to admins only (hiptrack.gui.sign_in.apply_role); storage refuses the others anyway.
        self.admin_actions = [
            self._action(file_menu, self.tr("Clinic &settings…"), "Ctrl+,", self.edit_settings),
            self._action(file_menu, self.tr("Test &batteries…"), None, self.edit_batteries),
            self._action(file_menu, self.tr("&Measurement error…"), None, self.edit_reliability),
            self._action(file_menu, self.tr("A&udit trail…"), None, lambda: open_audit_viewer(self.db, self)),
        ]
        # Everyone may set their own PIN there; admins manage accounts.
        self._action(file_menu, self.tr("C&linicians and PINs…"), None, lambda: CliniciansDialog(self.db, self).exec())
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        # Window-wide keys (they work whichever page or widget has the focus); the pages' own
        # shortcuts for these keys are switched off so that no key is ambiguous.
        patient_menu = menu.addMenu(self.tr("Visi&t"))
        self._action(patient_menu, self.tr("Start a &visit"), "Ctrl+T", self.start_visit_anywhere)
        self._action(patient_menu, self.tr("&Patient view"), "F11", self.progress.open_patient_view)
        self.strength.shortcuts["Ctrl+T"].setEnabled(False)
        self.progress.patient_view_shortcut.setEnabled(False)
        db_menu = menu.addMenu(self.tr("&Database"))
        self.admin_actions.append(self._action(db_menu, self.tr("&Back up now"), None, self.backup_now))
        self._action(db_menu, self.tr("&Information"), None, self.show_database_info)
        help_menu = menu.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About hiptrack"), None, self.show_about)

    def _action(self, menu: Any, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # --- patients ---
    def reload_patients(self) -> None:
        """Read the list now, on the GUI thread (after an edit, the new row must be there at once)."""
        from hiptrack.storage.errors import StorageError

        if not self.attached:
            return
        self.list_loader.supersede()
        try:
            rows = _read_patient_list(self.db, self.show_archived.isChecked())
        except StorageError as exc:
            self.statusBar().showMessage(error_text(exc), 10_000)
            return
        self._show_patients(self.model.build_index(rows))

    def reload_patients_in_background(self) -> None:
        if not self._patients_listed:
            self.count_label.setText(self.tr("Loading patients…"))
        self.list_loader.start(self.show_archived.isChecked())

    def _on_patients_arrived(self, index: PatientIndex) -> None:
        self._show_patients(index)
        self.patients_loaded.emit()

    def _show_patients(self, index: PatientIndex) -> None:
        keep = self.current_patient_id
        self._patients_listed = True
        self.model.set_index(index)
        self._update_count()
        self._show_welcome_if_empty()
        if keep is not None:
            self._reconcile_selection()

    def _show_welcome_if_empty(self) -> None:
        if not self.attached:
            return  # build_pages decides, once the welcome exists
        welcome = (self._patients_listed and self.model.total == 0 and not self.show_archived.isChecked()
                   and not self._welcome_left)
        if welcome:
            self.welcome.show_progress(str(self.clinic_settings.get(S.CLINIC_NAME.key) or ""), self.session.connected)
        self.right.setCurrentWidget(self.welcome if welcome else self.workspace)

    def _leave_welcome(self, page: QWidget) -> None:
        self._welcome_left = True
        self.tabs.setCurrentWidget(page)
        self.right.setCurrentWidget(self.workspace)

    def connect_simulator(self) -> None:
        """The welcome's 'try the simulated gauge': a simulated Mark-10 on this computer."""
        from hiptrack.gui.application import attach_demo_simulator

        if self.session.simulator is None:
            self._simulator_folder = tempfile.TemporaryDirectory(prefix="hiptrack-simulator-")
            attach_demo_simulator(self, Path(self._simulator_folder.name))
            self.strength.set_patient(self.current_patient_id)  # shows the "simulated push" button
        self._leave_welcome(self.strength)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(self._count_text(shown, total))

    def _count_text(self, shown: int, total: int) -> str:
        """'3 of 12 patients' while a search hides some, else '12 patients' ('1 patient')."""
        if shown == total:
            return self.tr("1 patient") if total == 1 else self.tr("{total} patients").format(total=total)
        if total == 1:
            return self.tr("{shown} of 1 patient").format(shown=shown)
        return self.tr("{shown} of {total} patients").format(shown=shown, total=total)

    def _on_search_changed(self, text: str) -> None:
        previous, self._applied_filter = self._applied_filter, text
        self.model.set_filter(text)
        self._update_count()
        if not self._reconcile_selection():
            # The clinician chose to stay with the battery in progress: show its patient again.
            self._applied_filter = previous
            with QSignalBlocker(self.search):
                self.search.setText(previous)
            self.model.set_filter(previous)
            self._update_count()
            self._reconcile_selection()

    def _reconcile_selection(self) -> bool:
        """Keep the list and the pages on one patient after the rows changed (filter, reload).

        The current patient stays selected while listed. Once hidden, the only match becomes current,
        or else no patient: a page never shows someone the list does not. False when the clinician
        declined to leave a battery in progress."""
        current = self.current_patient_id
        if current is None:
            return True
        row = self.model.row_of(current)
        if row is not None:
            self.table.selectRow(row)
            return True
        only = self.model.row_at(0) if self.model.rowCount() == 1 else None
        if not self._may_leave_patient(self.tr("Change patient")):
            return False
        # The clinician has answered: the selection handler must not ask the same question again.
        with QSignalBlocker(self.table.selectionModel()):
            if only is not None:
                self.table.selectRow(0)
            else:
                self.table.clearSelection()
        self.table.viewport().update()
        self._set_current(only.id if only is not None else None)
        return True

    def _open_single_match(self) -> None:
        """Enter in the search box: open the only match; with several, go to the list to choose."""
        if self.model.rowCount() == 1:
            self.table.selectRow(0)
            self.tabs.currentWidget().setFocus()
        elif self.model.rowCount() > 1:
            self.table.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select_patient(self, patient_id: int) -> bool:
        row = self.model.row_of(patient_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        patient = self.model.row_at(rows[0].row()) if rows else None
        patient_id = patient.id if patient else None
        if patient_id == self.current_patient_id:
            return
        if not self._may_leave_patient(self.tr("Change patient")):
            self._reselect_current()
            return
        self._set_current(patient_id)

    def _set_current(self, patient_id: int | None) -> None:
        """The one place the current patient changes: banner and every page follow it."""
        self.current_patient_id = patient_id
        self.banner.load(self.db, patient_id)
        for page in self.pages:
            page.set_patient(patient_id)
        if patient_id is not None:
            from hiptrack.storage.audit import record_patient_opened

            record_patient_opened(self.db, patient_id)
            log.info("patient id=%s opened", patient_id)
            self.patient_selected.emit(patient_id)

    def _reselect_current(self) -> None:
        row = None if self.current_patient_id is None else self.model.row_of(self.current_patient_id)
        with QSignalBlocker(self.table.selectionModel()):
            if row is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(row)
        self.table.viewport().update()

    def _may_leave_patient(self, action: str) -> bool:
        """Ask before leaving a battery in progress (gui/visit_guard.py); True when nothing is open."""
        progress = self.strength.battery_in_progress()
        name = self.banner.fields.last_name if self.banner.fields is not None else self.tr("this patient")
        return confirm_leave(self, name, progress, action)

    def start_visit_anywhere(self) -> None:
        """Ctrl+T from any page: go to strength testing and start (or offer to resume) a visit."""
        if self.current_patient_id is None:
            self.statusBar().showMessage(self.tr("Select a patient first (Ctrl+F to search)"), 5000)
            return
        self.tabs.setCurrentWidget(self.strength)
        self.strength.start_new_visit()

    def new_patient(self) -> None:
        from hiptrack.gui.dialogs.patient_dialog import PatientDialog
        from hiptrack.storage.patients import create_patient

        created: list[int] = []

        def save(fields: PatientFields, mass: float | None) -> None:
            with self.db.session() as s:
                created.append(create_patient(s, fields, body_mass_kg=mass))

        dialog = PatientDialog(save, parent=self)
        if dialog.exec() and created:
            log.info("patient id=%s created", created[0])
            self.search.clear()
            self.reload_patients()
            self.select_patient(created[0])

    def edit_patient(self) -> None:
        from hiptrack.gui.dialogs.patient_dialog import PatientDialog
        from hiptrack.storage.errors import StorageError
        from hiptrack.storage.patients import patient_details, record_body_mass, update_patient

        patient_id = self.current_patient_id
        if patient_id is None:
            return
        try:
            with self.db.session() as s:
                details = patient_details(s, patient_id)
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Edit patient"), error_text(exc))
            return

        def save(fields: PatientFields, mass: float | None) -> None:
            import datetime as dt

            with self.db.session() as s:
                update_patient(s, patient_id, fields, expected_version=details.version)
                if mass is not None:
                    record_body_mass(s, patient_id, mass, dt.date.today())

        dialog = PatientDialog(save, details.fields, parent=self, mass_label=self.tr("New body mass today (kg)"))
        if dialog.exec():
            log.info("patient id=%s edited", patient_id)
            self.reload_patients()
            self._set_current(patient_id)

    def toggle_archive(self) -> None:
        from hiptrack.storage.errors import StorageError
        from hiptrack.storage.patients import set_archived

        patient_id = self.current_patient_id
        if patient_id is None:
            return
        row = self.model.row_at(self.model.row_of(patient_id) or 0)
        archiving = not (row and row.archived)
        title = self.tr("Archive patient") if archiving else self.tr("Restore patient")
        text = (
            self.tr("Archive this patient? Their records are kept and can be shown again with 'Show archived'.")
            if archiving else self.tr("Restore this patient to the active list?")
        )
        if QMessageBox.question(self, title, text) != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as s:
                set_archived(s, patient_id, archiving)
        except StorageError as exc:
            QMessageBox.critical(self, title, error_text(exc))
            return
        log.info("patient id=%s %s", patient_id, "archived" if archiving else "restored")
        if archiving and not self.show_archived.isChecked():
            self._set_current(None)
        self.reload_patients()

    # --- settings ---
    def _load_clinic_settings(self) -> dict[str, Any]:
        from hiptrack.storage.errors import StorageError
        from hiptrack.storage.settings_store import load_clinic_settings

        try:
            with self.db.session() as s:
                return load_clinic_settings(s)
        except StorageError:
            return {s.key: s.default for s in S.clinic_settings()}

    def edit_settings(self) -> None:
        from hiptrack.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.clinic_settings, parent=self)
        if dialog.exec():
            self._save_clinic_settings(dialog.values(), self.tr("Clinic settings"))

    def edit_batteries(self) -> None:
        from hiptrack.gui.dialogs.battery_dialog import BatteriesDialog

        dialog = BatteriesDialog(list(self.clinic_settings.get(S.CUSTOM_BATTERIES.key, [])), parent=self)
        if dialog.exec():
            self._save_clinic_settings({S.CUSTOM_BATTERIES.key: dialog.definitions}, self.tr("Test batteries"))

    def edit_reliability(self) -> None:
        from hiptrack.gui.dialogs.reliability_dialog import ReliabilityDialog

        dialog = ReliabilityDialog(list(self.clinic_settings.get(S.CLINIC_RELIABILITY.key, [])), parent=self)
        if dialog.exec():
            self._save_clinic_settings({S.CLINIC_RELIABILITY.key: dialog.entries}, self.tr("Measurement error"))

    def _save_clinic_settings(self, values: dict[str, Any], title: str) -> None:
        """Store clinic settings, reload them into the dict every page holds, and redraw the pages."""
        from hiptrack.storage.errors import StorageError
        from hiptrack.storage.settings_store import save_clinic_setting

        try:
            with self.db.session() as s:
                for key, value in values.items():
                    save_clinic_setting(s, S.BY_KEY[key], value)
        except (StorageError, ValueError) as exc:
            QMessageBox.critical(self, title, error_text(exc))
            return
        self.clinic_settings.clear()
        self.clinic_settings.update(self._load_clinic_settings())
        self.clinic_settings_changed.emit(dict(self.clinic_settings))
        self._show_welcome_if_empty()
        for page in self.pages:
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self.statusBar().showMessage(self.tr("{what} saved").format(what=title), 5000)

    # --- database ---
    def backup_now(self) -> None:
        from hiptrack.storage.errors import StorageError
        from hiptrack.storage.migrate import backup_sqlite

        if not self.db.is_sqlite:
            QMessageBox.information(
                self, self.tr("Back up"), self.tr("This clinic uses a PostgreSQL server. Its backups are made on the "
                                                  "server (for example with pg_dump); ask your administrator."),
            )
            return
        try:
            out = backup_sqlite(self.db, "manual")
        except StorageError as exc:
            QMessageBox.critical(self, self.tr("Back up"), error_text(exc))
            return
        QMessageBox.information(self, self.tr("Back up"), self.tr("Backup written to:\n{file}").format(file=out))

    def show_database_info(self) -> None:
        from hiptrack.storage.backups import backup_location

        QMessageBox.information(
            self, self.tr("Database"),
            self.tr("{database}\n\nBackups: {backups}\nLogs: {logs}").format(
                database=label(self.db.description), backups=backup_location(self.db), logs=paths.log_dir()),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About hiptrack"),
            self.tr("hiptrack {version}\nHip strength testing and rehabilitation tracking for physiotherapy "
                    "clinics.").format(version=__version__),
        )

    # --- window state ---
    def restore_window_state(self) -> None:
        geometry = self.workstation.get(S.WINDOW_GEOMETRY)
        state = self.workstation.get(S.WINDOW_STATE)
        restored = False
        if geometry:
            restored = self.restoreGeometry(QByteArray(base64.b64decode(geometry)))
        if state:
            self.splitter.restoreState(QByteArray(base64.b64decode(state)))
        if not restored:
            self.resize(1200, 760)
            self.splitter.setSizes([360, 840])

    def save_window_state(self) -> None:
        self.workstation.set(S.WINDOW_GEOMETRY, base64.b64encode(bytes(self.saveGeometry().data())).decode())
        self.workstation.set(S.WINDOW_STATE, base64.b64encode(bytes(self.splitter.saveState().data())).decode())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # closed while the database was being opened: nothing to keep yet
            loader = getattr(self, "list_loader", None)
            if loader is not None:
                loader.supersede()
                loader.wait()
            super().closeEvent(event)
            return
        if not self._may_leave_patient(self.tr("Close hiptrack")):
            event.ignore()
            return
        self.save_window_state()
        self.session.shutdown()
        self.list_loader.supersede()
        self.list_loader.wait()  # the database is closed after the window: let a read finish first
        if self._simulator_folder is not None:
            self._simulator_folder.cleanup()
        super().closeEvent(event)


def _read_patient_list(db: Database, include_archived: bool) -> list[PatientRow]:
    """The patient list in its own session (called on the GUI thread or the loader's worker)."""
    from hiptrack.storage.patients import list_patients

    with db.session() as s:
        return list_patients(s, include_archived=include_archived)
