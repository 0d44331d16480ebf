"""Choosing and connecting the dynamometer, and showing plainly what state it is in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from hiptrack import settings as S
from hiptrack.acquisition.reader import DeviceConfig, DeviceState, DeviceStatus
from hiptrack.acquisition.session import DeviceSession
from hiptrack.domain.translatable import QT_TRANSLATE_NOOP
from hiptrack.reports.translation import label, translate

# Product names stay as they are; the one with words is marked here and translated where shown.
PROTOCOL_TITLES = {
    "mark10": "Mark-10 / Omega / Checkline",  # i18n: product names
    "imada": "Imada DS2 / DST / DSV",  # i18n: product names
    "shimpo": "Shimpo FG-7000",  # i18n: a product name
    "lutron": "Lutron / RS-Pro",  # i18n: product names
    "line": QT_TRANSLATE_NOOP("DeviceBar", "Arduino / HX711 (one number per line)"),
}
BAUDS = (0, 9600, 19200, 38400, 57600, 115200, 256000)

# Word, symbol and colour for each state: never colour alone (colour-blind readers).
STATE_LOOK: dict[DeviceState, tuple[str, str]] = {
    DeviceState.STREAMING: ("●", "#1b7f3b"),
    DeviceState.CONNECTING: ("◌", "#555555"),
    DeviceState.SILENT: ("▲", "#9a6700"),
    DeviceState.DISCONNECTED: ("■", "#b42318"),
    DeviceState.STOPPED: ("○", "#555555"),
}


def status_text(status: DeviceStatus) -> str:
    symbol, _colour = STATE_LOOK[status.state]
    model = f" ({status.info.model})" if status.info and status.info.model else ""
    # The message comes from the acquisition layer; label() translates it once that layer marks it.
    return f"{symbol} {label(status.message)}{model}"


class DeviceBar(QWidget):
    def __init__(self, session: DeviceSession, workstation: S.WorkstationSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.workstation = workstation
        self.protocol = QComboBox()
        # Long protocol titles must not set the page's minimum width; the list still shows them whole.
        self.protocol.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.protocol.setMinimumContentsLength(14)
        for name, title in PROTOCOL_TITLES.items():
            self.protocol.addItem(translate("DeviceBar", title), name)
        self.protocol.setCurrentIndex(max(0, self.protocol.findData(workstation.get(S.LAST_PROTOCOL))))
        self.port = QComboBox()
        self.port.setEditable(True)
        self.port.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.port.setMinimumContentsLength(14)
        self.port.setToolTip(self.tr("Serial port, e.g. /dev/ttyUSB0 or COM3"))
        self.baud = QComboBox()
        self.baud.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.baud.setMinimumContentsLength(8)
        for baud in BAUDS:
            self.baud.addItem(self.tr("default baud") if baud == 0 else self.tr("{baud} baud").format(baud=baud), baud)
        refresh = QPushButton(self.tr("Find ports"))
        refresh.clicked.connect(self.refresh_ports)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.clicked.connect(self.toggle_connection)
        self.state_label = QLabel()
        self.state_label.setObjectName("deviceState")
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label.setWordWrap(True)
        # Two short rows rather than one long one, so the page fits a 1280-pixel laptop screen.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Dynamometer:")), 0, 0)
        layout.addWidget(self.protocol, 0, 1)
        layout.addWidget(self.port, 0, 2)
        layout.addWidget(self.baud, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(refresh)
        buttons.addWidget(self.connect_button)
        layout.addLayout(buttons, 1, 2)
        layout.addWidget(self.state_label, 2, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        session.status_changed.connect(self.show_status)
        self.refresh_ports()
        last = workstation.get(S.LAST_PORT)
        if last:
            self.port.setCurrentText(last)
        self.show_status(session.status)

    def refresh_ports(self) -> None:
        from hiptrack.devices.ports import list_ports

        current = self.port.currentText()
        self.port.clear()
        ports = list_ports()
        for info in ports:
            self.port.addItem(f"{info.device} — {info.summary}", info.device)
        gauges = [info.device for info in ports if info.known_device]
        if self.session.config is not None:
            self.port.setCurrentText(self.session.config.port)
        elif current:
            self.port.setCurrentText(current)
        elif gauges:
            self.port.setCurrentIndex(self.port.findData(gauges[0]))
        else:
            # Never a guess: connecting to a modem or a built-in port fails in ways that look like
            # a broken gauge. The clinician picks the port, or types it.
            self.port.setCurrentIndex(-1)
            self.port.setEditText("")
        editor = self.port.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("choose the gauge's port") if ports else self.tr("no serial ports found"))

    def selected_port(self) -> str:
        index = self.port.findText(self.port.currentText())
        data = self.port.itemData(index) if index >= 0 else None
        return str(data or self.port.currentText()).strip()

    def toggle_connection(self) -> None:
        if self.session.connected:
            self.session.disconnect_device()
            return
        port = self.selected_port()
        if not port:
            self.state_label.setText(self.tr("■ Choose the serial port the dynamometer is plugged into."))
            return
        protocol = str(self.protocol.currentData())
        baud = int(self.baud.currentData()) or None
        self.workstation.set(S.LAST_PORT, port)
        self.workstation.set(S.LAST_PROTOCOL, protocol)
        self.session.connect_device(DeviceConfig(protocol, port, baud, rate_hz=50.0))

    def show_status(self, status: DeviceStatus) -> None:
        _symbol, colour = STATE_LOOK[status.state]
        self.state_label.setText(status_text(status))
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        connected = self.session.connected
        self.connect_button.setText(self.tr("Disconnect") if connected else self.tr("Connect"))
        for widget in (self.protocol, self.port, self.baud):
            widget.setEnabled(not connected)
        if self.session.config is not None and connected:
            self.port.setCurrentText(self.session.config.port)
            self.protocol.setCurrentIndex(max(0, self.protocol.findData(self.session.config.protocol)))
