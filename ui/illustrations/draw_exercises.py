"""Draws the line illustrations of the article's five home exercises into ui/illustrations/*.svg.

The SVGs are the shipped files; this script is how they were made, so a change of pose or style
is one edit here and a re-run (`python3 ui/illustrations/draw_exercises.py`), not five hand edits.
Each drawing has two panels, 1 = starting position and 2 = end position; the moving limb is drawn
in the accent colour, with its starting place dashed behind it and an arrow for the movement.
Captions are left to the documents and screens (they are translated there, an SVG is not).
Plain SVG 1.1 with no text, filters or CSS, so Qt's SVG Tiny renderer draws it the same everywhere.
"""

from __future__ import annotations

import math
from pathlib import Path

Point = tuple[float, float]
PANEL_W, PANEL_H, FLOOR = 320, 220, 196
INK, FAR, ACCENT, GHOST, GROUND = "#1a1a1a", "#9a9a9a", "#1f6fb2", "#9fc1e0", "#6b6b6b"


def _line(points: list[Point], colour: str, width: float, dashed: bool = False) -> str:
    d = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash = ' stroke-dasharray="6,6"' if dashed else ""
    return (f'<polyline points="{d}" fill="none" stroke="{colour}" stroke-width="{width}" '
            f'stroke-linecap="round" stroke-linejoin="round"{dash}/>')


def _head(centre: Point, colour: str = INK) -> str:
    return f'<circle cx="{centre[0]:.1f}" cy="{centre[1]:.1f}" r="13" fill="#ffffff" stroke="{colour}" stroke-width="5"/>'


def _arrow(start: Point, control: Point, end: Point) -> str:
    """A curved arrow from start to end with a filled head pointing along the curve's last tangent."""
    angle = math.atan2(end[1] - control[1], end[0] - control[0])
    left = (end[0] - 11 * math.cos(angle - 0.45), end[1] - 11 * math.sin(angle - 0.45))
    right = (end[0] - 11 * math.cos(angle + 0.45), end[1] - 11 * math.sin(angle + 0.45))
    return (f'<path d="M{start[0]:.1f},{start[1]:.1f} Q{control[0]:.1f},{control[1]:.1f} {end[0]:.1f},{end[1]:.1f}" '
            f'fill="none" stroke="{ACCENT}" stroke-width="3"/>'
            f'<polygon points="{end[0]:.1f},{end[1]:.1f} {left[0]:.1f},{left[1]:.1f} {right[0]:.1f},{right[1]:.1f}" '
            f'fill="{ACCENT}"/>')


def _badge(n: int) -> str:
    """The panel number as a drawn numeral-free marker: n filled dots (1 = start, 2 = end)."""
    return "".join(f'<circle cx="{16 + 14 * i}" cy="16" r="5" fill="{ACCENT}"/>' for i in range(n))


def _floor() -> str:
    return f'<line x1="8" y1="{FLOOR + 5}" x2="{PANEL_W - 8}" y2="{FLOOR + 5}" stroke="{GROUND}" stroke-width="2"/>'


def _panel(index: int, body: str) -> str:
    x = index * (PANEL_W + 20)
    return (f'<g transform="translate({x},0)"><rect x="0.5" y="0.5" width="{PANEL_W - 1}" height="{PANEL_H - 1}" '
            f'rx="10" fill="#ffffff" stroke="#d0d7de"/>{_floor()}{_badge(index + 1)}{body}</g>')


def _svg(title: str, start: str, end: str) -> str:
    width = 2 * PANEL_W + 20
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{PANEL_H}" '
            f'viewBox="0 0 {width} {PANEL_H}">\n<title>{title}</title>\n'
            f'{_panel(0, start)}\n{_panel(1, end)}\n</svg>\n')


# --- the five exercises ------------------------------------------------------------------------
# Side-lying figures are seen from the front, head on the left; the others from the side.


def _side_lying_trunk() -> str:
    # Head resting on the lower arm, trunk along the floor to the pelvis at (190, 170).
    return (_line([(36, 188), (62, 190), (92, 186)], FAR, 8) + _head((52, 166)) +
            _line([(68, 172), (190, 172)], INK, 12) + _line([(96, 174), (120, 190)], INK, 7))


def clamshell() -> str:
    # Hips bent to 45 degrees bring the knees forward (down and right in this three-quarter view);
    # the feet stay together behind, so opening the top knee reads as a shell opening upwards.
    hip, foot = (190, 168), (214, 190)
    bottom_knee, top_knee_start, top_knee_end = (280, 190), (282, 170), (258, 104)
    legs = _line([hip, bottom_knee, foot], FAR, 9)
    start = _side_lying_trunk() + legs + _line([hip, top_knee_start, foot], INK, 9)
    end = (_side_lying_trunk() + legs + _line([hip, top_knee_start, foot], GHOST, 6, dashed=True) +
           _line([hip, top_knee_end, foot], ACCENT, 9) + _arrow((298, 166), (306, 118), (276, 96)))
    return _svg("Clamshell", start, end)


def sidelying_hip_abduction() -> str:
    hip = (190, 172)
    bottom = _line([hip, (236, 192), (196, 194)], FAR, 9)
    straight_start = [hip, (252, 172), (300, 172)]
    rad = math.radians(30)
    straight_end = [hip, (hip[0] + 62 * math.cos(rad), hip[1] - 62 * math.sin(rad)),
                    (hip[0] + 110 * math.cos(rad), hip[1] - 110 * math.sin(rad))]
    start = _side_lying_trunk() + bottom + _line(straight_start, INK, 9)
    end = (_side_lying_trunk() + bottom + _line(straight_start, GHOST, 6, dashed=True) +
           _line(straight_end, ACCENT, 9) + _arrow((306, 160), (314, 132), (296, 104)))
    return _svg("Side-lying hip abduction", start, end)


def _all_fours(far_leg: list[Point]) -> str:
    # Hands under shoulders (100, 120), knees under hips (220, 120); back flat.
    shoulder, hip = (100, 118), (220, 118)
    return (_line([shoulder, (102, 160), (104, FLOOR)], FAR, 8) + _line(far_leg, FAR, 9) +
            _line([shoulder, hip], INK, 12) + _head((72, 104)) +
            _line([shoulder, (98, 158), (96, FLOOR)], INK, 8))


def quadruped_hip_extension() -> str:
    hip = (220, 118)
    far_leg = [hip, (222, FLOOR - 2), (282, FLOOR - 2)]
    near_start = [hip, (224, FLOOR - 4), (286, FLOOR - 4)]
    near_end = [hip, (286, 108), (288, 50)]
    start = _all_fours(far_leg) + _line(near_start, INK, 9)
    end = (_all_fours(far_leg) + _line(near_start, GHOST, 6, dashed=True) + _line(near_end, ACCENT, 9) +
           _arrow((300, 176), (318, 132), (300, 58)))
    return _svg("Quadruped hip extension with the knee bent", start, end)


def cook_hip_lift() -> str:
    shoulder = (70, 186)
    # The held knee is pulled to the chest; hands round the shin.
    def held(hip: Point) -> str:
        knee = (hip[0] - 18, hip[1] - 52)
        return (_line([hip, knee, (knee[0] + 36, knee[1] + 6)], FAR, 9) +
                _line([shoulder, (112, knee[1] + 22), (knee[0] + 4, knee[1] + 6)], INK, 7))
    hip_start, hip_end = (170, 186), (176, 136)
    foot = (262, FLOOR - 2)
    knee_start, knee_end = (224, 134), (232, 112)
    start = (_head((44, 180)) + _line([shoulder, hip_start], INK, 12) + held(hip_start) +
             _line([hip_start, knee_start, foot, (282, FLOOR - 8)], INK, 9))
    end = (_head((44, 180)) + _line([shoulder, hip_start], GHOST, 6, dashed=True) +
           _line([shoulder, hip_end], ACCENT, 12) + held(hip_end) +
           _line([hip_end, knee_end, foot, (282, FLOOR - 8)], ACCENT, 9) + _arrow((204, 192), (214, 168), (204, 144)))
    return _svg("Cook hip lift", start, end)


def lateral_step_down() -> str:
    # Seen from the front: the step on the left, the free leg hangs beside it.
    step = f'<rect x="40" y="150" width="128" height="{FLOOR + 5 - 150}" fill="#eef2f6" stroke="{GROUND}" stroke-width="2"/>'

    def figure(drop: float, colour: str, dashed: bool = False) -> str:
        pelvis_l, pelvis_r = (150, 78 + drop), (184, 78 + drop)
        neck = (167, 22 + drop)
        # Seen from the front a bending knee comes towards the viewer, so the stance leg only shortens.
        stance = [pelvis_l, (150, 114 + drop * 0.5), (150, 148)]
        free = [pelvis_r, (190, 116 + drop), (192, 150 + drop * 1.35)]  # hangs beside the step
        width = 6 if dashed else 9
        return (_line([pelvis_l, pelvis_r], colour, width, dashed) + _line(stance, colour, width, dashed) +
                _line(free, colour, width, dashed) + _line([neck, ((pelvis_l[0] + pelvis_r[0]) / 2, pelvis_l[1])],
                                                            colour, 12 if not dashed else 6, dashed) +
                _line([(150, 34 + drop), (140, 60 + drop), (150, 76 + drop)], colour, 6, dashed) +
                _line([(184, 34 + drop), (194, 60 + drop), (184, 76 + drop)], colour, 6, dashed))

    start = step + figure(0, INK) + _head((167, 10 + 14))
    end = (step + figure(0, GHOST, dashed=True) + figure(34, ACCENT) + _head((167, 24 + 34), ACCENT) +
           _arrow((236, 40), (246, 80), (232, 112)))
    return _svg("Lateral step down", start, end)


DRAWINGS = {
    "clamshell": clamshell,
    "sidelying_hip_abduction": sidelying_hip_abduction,
    "quadruped_hip_extension_knee_flexed": quadruped_hip_extension,
    "cook_hip_lift": cook_hip_lift,
    "lateral_step_down": lateral_step_down,
}


def main() -> None:
    here = Path(__file__).resolve().parent
    for code, draw in DRAWINGS.items():
        (here / f"{code}.svg").write_text(draw(), encoding="utf-8")
        print(f"wrote ui/illustrations/{code}.svg")


if __name__ == "__main__":
    main()
