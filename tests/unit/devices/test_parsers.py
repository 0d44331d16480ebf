"""Parsers against every example byte string in devices.md, fed whole and byte by byte."""

from __future__ import annotations

import math

import pytest

from hiptrack.devices.protocols import (
    ImadaParser,
    LineParser,
    LutronParser,
    Mark10Parser,
    Parser,
    Reading,
    ShimpoParser,
)

KGF = 9.80665
LBF = 4.4482216152605


def synced(parser: Parser) -> Parser:
    parser.reset(synced=True)
    return parser


def values(readings: list[Reading]) -> list[float | None]:
    return [None if r.overload else round(r.value_n, 9) for r in readings]


def feed_bytewise(parser: Parser, data: bytes) -> list[Reading]:
    out: list[Reading] = []
    for i in range(len(data)):
        out.extend(parser.feed(data[i : i + 1]))
    return out


# ---- Mark-10 ------------------------------------------------------------------------------------

MARK10_CASES = [
    (b"-18.78 lbF\r\n", [round(-18.78 * LBF, 9)]),
    (b"4.285 N\r\n", [4.285]),
    (b"12.34\r\n", [12.34]),  # NUM format: the configured unit (N)
    (b"-18.78 lbFin\r\n", []),  # torque: not a force
    (b"1.5 kN\r\n", [1500.0]),
    (b"250 mN\r\n", [0.25]),
    (b"-3.25 ozF\r\n", [round(-3.25 * LBF / 16, 9)]),
    (b"120 gF\r\n", [round(0.120 * KGF, 9)]),
    (b"5.5 kgF\r\n", [round(5.5 * KGF, 9)]),
    (b"7.5 N\r", []),  # no LF yet: incomplete
    (b"+7.5 N\r\n", []),  # Mark-10 never prints "+"
    (b"OVER\r\n", [None]),
]


@pytest.mark.parametrize(("data", "expected"), MARK10_CASES)
def test_mark10_examples(data: bytes, expected: list[float | None]) -> None:
    assert values(synced(Mark10Parser()).feed(data)) == expected
    assert values(feed_bytewise(synced(Mark10Parser()), data)) == expected


def test_mark10_error_replies_are_not_readings() -> None:
    parser = synced(Mark10Parser())
    assert parser.feed(b"*10\r\n*21\r\n") == []
    assert [(r.kind, r.text) for r in parser.take_replies()] == [("error", "*10"), ("error", "*21")]


def test_mark10_num_unit_and_identification_text() -> None:
    parser = synced(Mark10Parser(num_unit="lbF"))
    assert values(parser.feed(b"2\r\n")) == [round(2 * LBF, 9)]
    parser.text_mode = True  # RS replies are digits: they must stay text
    assert parser.feed(b"3141592\r\n") == []
    assert parser.take_replies()[-1].text == "3141592"


def test_mark10_drops_the_partial_first_line_of_a_stream() -> None:
    parser = Mark10Parser()  # unsynced: opened mid-stream
    assert values(parser.feed(b"8.78 lbF\r\n-1.5 N\r\n")) == [-1.5]


# ---- Imada --------------------------------------------------------------------------------------

IMADA_CASES = [
    (b"+123.4NTO\r", [123.4]),
    (b"-12.34KPO\r", [round(-12.34 * KGF, 9)]),
    (b"+500.1NTE\r", [None]),  # judgement E: overload
    (b"+12.34OTH\r", [round(12.34 * LBF, 9)]),
    (b"+12.4NTO\r", []),  # 3 digits: a dropped byte, not a frame
    (b"123.4NTO\r", []),  # no sign
    (b"+123.4XTO\r", []),  # unknown unit letter
]


@pytest.mark.parametrize(("data", "expected"), IMADA_CASES)
def test_imada_examples(data: bytes, expected: list[float | None]) -> None:
    assert values(ImadaParser().feed(data)) == expected
    assert values(feed_bytewise(ImadaParser(), data)) == expected


def test_imada_replies_and_startup_line() -> None:
    parser = ImadaParser()
    assert values(parser.feed(b"Gauge Started.\rR\rE\rE12340567\r+001.0NTO\r")) == [1.0]
    assert [(r.kind, r.text) for r in parser.take_replies()] == [
        ("info", "Gauge Started."),
        ("ack", "R"),
        ("error", "E"),
        ("info", "E12340567"),
    ]


# ---- Shimpo -------------------------------------------------------------------------------------

SHIMPO_CASES = [
    (b"-123.45 kgf.cm\r", []),  # torque
    (b"0 N\r", [0.0]),
    (b"0.01 N\r", [0.01]),
    (b"-12.5 lbf\r", [round(-12.5 * LBF, 9)]),
    (b" -0.0045 N\r", [-0.0045]),  # leading space seen in a driver comment
    (b"1.5 N.m\r", []),
    (b"OVER\r", [None]),
]


@pytest.mark.parametrize(("data", "expected"), SHIMPO_CASES)
def test_shimpo_examples(data: bytes, expected: list[float | None]) -> None:
    assert values(synced(ShimpoParser()).feed(data)) == expected
    assert values(feed_bytewise(synced(ShimpoParser()), data)) == expected


def test_shimpo_acks_without_terminator_inside_a_stream() -> None:
    parser = synced(ShimpoParser())
    assert values(parser.feed(b"1.00 N\rR\x062.00 N\rRP\x033.00 N\r")) == [1.0, 2.0, 3.0]
    assert [r.text for r in parser.take_replies()] == ["R\x06", "RP\x03"]
    parser.feed(b"R")  # an ack split across reads, with no line after it
    parser.feed(b"\x06")
    assert [r.kind for r in parser.take_replies()] == ["ack"]


# ---- Lutron -------------------------------------------------------------------------------------

LUTRON_CASES = [
    (b"\x0241591200001234\r", [-12.34]),  # the devices.md example: -12.34 N
    (b"\x0241590100000125\r", [12.5]),
    (b"\x0241550300001500\r", [round(1.5 * KGF, 9)]),
    (b"\x0241560000000002\r", [round(2 * LBF, 9)]),
    (b"\x0241591200001234", []),  # no CR yet
    (b"\x024159120001234\r", []),  # 7 digits: a dropped byte
    (b"\x0241601200001234\r", []),  # unit code 60 does not exist
]


@pytest.mark.parametrize(("data", "expected"), LUTRON_CASES)
def test_lutron_examples(data: bytes, expected: list[float | None]) -> None:
    assert values(LutronParser().feed(data)) == expected
    assert values(feed_bytewise(LutronParser(), data)) == expected


def test_lutron_resyncs_on_stx_after_a_partial_frame_and_garbage() -> None:
    frame = b"\x0241591200001234\r"
    parser = LutronParser()
    got = parser.feed(frame[7:] + b"\xff\xfe" + frame + frame[:5])
    got += parser.feed(frame[5:] + b"\x02\x02junk" + frame)
    assert values(got) == [-12.34, -12.34, -12.34]


# ---- line devices -------------------------------------------------------------------------------


def test_line_hx711_sketch_output() -> None:
    parser = synced(LineParser())
    data = b"HX711 scale demo\r\nReadings:\r\nReading: 1.2 lbs\r\n12.34\r\nHX711 reading: 123456\r\n"
    assert values(parser.feed(data)) == [round(1.2 * LBF, 9), 12.34]
    assert parser.rejected == 0  # banners are ignored, not errors


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b"5 N\r\n", 5.0),
        (b"1 kgf\n", KGF),
        (b"1 kg\r", KGF),
        (b"500 g\r\n", 0.5 * KGF),
        (b"-2.5 lbf\r\n", -2.5 * LBF),
        (b"+3.25\r\n", 3.25),
    ],
)
def test_line_units_and_terminators(line: bytes, expected: float) -> None:
    assert values(synced(LineParser()).feed(line)) == [round(expected, 9)]


def test_line_rejects_unknown_units_and_custom_pattern() -> None:
    parser = synced(LineParser())
    assert parser.feed(b"5 furlongs\r\n") == [] and parser.rejected == 1
    custom = synced(LineParser(pattern=r"L (?P<value>-?\d+) (?P<unit>\w+)?.*", default_unit="kgf"))
    assert values(custom.feed(b"L 1234 -5\n")) == [round(1234 * KGF, 9)]


def test_line_scale_for_raw_counts() -> None:
    parser = synced(LineParser(pattern=r"HX711 reading: (?P<value>-?\d+)", ignore=None, scale=0.001))
    assert values(parser.feed(b"HX711 reading: 123456\r\n")) == [123.456]


def test_line_pattern_needs_value_group() -> None:
    with pytest.raises(ValueError, match="value"):
        LineParser(pattern=r"(\d+)")


def test_overload_reading_is_nan() -> None:
    (reading,) = ImadaParser().feed(b"+500.1NTE\r")
    assert reading.overload and math.isnan(reading.value_n)
