"""The port box never preselects a port that is not a gauge; "n/a" is said in words (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiptrack import settings as S
from hiptrack.acquisition.session import DeviceSession
from hiptrack.devices.ports import PortInfo
from hiptrack.gui.device_bar import DeviceBar

BUILT_IN = PortInfo("/dev/ttyS0", "n/a", "n/a")
MODEM = PortInfo("/dev/ttyACM0", "USB Modem", "USB VID:PID=1234:5678")
GAUGE = PortInfo("/dev/ttyUSB0", "FT232R USB UART", "USB VID:PID=0403:6001", known_device="Mark-10 Series 5 (USB)",
                 protocol="mark10")


def bar_with(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ports: list[PortInfo]) -> DeviceBar:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("hiptrack.devices.ports.list_ports", lambda: list(ports))
    bar = DeviceBar(DeviceSession(), S.WorkstationSettings(tmp_path / "ws.json"))
    qtbot.addWidget(bar)
    return bar


def test_no_gauge_among_the_ports_means_no_port_chosen(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bar = bar_with(qtbot, monkeypatch, tmp_path, [BUILT_IN, MODEM])
    assert bar.selected_port() == ""
    assert bar.port.count() == 2
    assert "n/a" not in bar.port.itemText(0)
    assert "no description from the system" in bar.port.itemText(0)
    bar.toggle_connection()
    assert "Choose the serial port" in bar.state_label.text()


def test_a_recognised_gauge_is_preselected_even_when_listed_after_others(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bar = bar_with(qtbot, monkeypatch, tmp_path, [BUILT_IN, MODEM, GAUGE])
    assert bar.selected_port() == "/dev/ttyUSB0"
    bar.refresh_ports()  # "Find ports" keeps the choice
    assert bar.selected_port() == "/dev/ttyUSB0"
