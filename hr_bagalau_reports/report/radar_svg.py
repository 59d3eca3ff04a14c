"""The radar chart ("паутинка") of the 360 result forms (seed 004 Appendices
7-8) as inline SVG, drawn on the server so that wkhtmltopdf prints it
without JavaScript.

Plain Python, no Odoo import: tests/test_radar_svg.py runs it with pytest.
One axis per competency, numbered like the rows of the form's table; the
first axis points up, the others follow clockwise; a score of ``max_value``
lies on the outer ring, 0 in the centre.
"""

import math
from html import escape

#: The look of each series: the respondents' average solid, the
#: self-assessment dashed (it stands beside the result, not in it).
SERIES_STYLES = (
    {"stroke": "#1f4e79", "fill": "#1f4e79", "fill-opacity": "0.25", "stroke-width": "2"},
    {"stroke": "#c55a11", "fill": "none", "stroke-width": "1.5", "stroke-dasharray": "5,3"},
)


def _number(value):
    """A coordinate as SVG text: two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def radar_points(values, max_value, radius, center):
    """The polygon's vertices ``[(x, y), ...]`` for ``values``, one per axis.

    A value is clamped to ``0..max_value``; a missing one (``None``) lies in
    the centre. The first axis points up, the others clockwise.
    """
    if max_value <= 0:
        raise ValueError("max_value must be positive")
    count = len(values)
    cx, cy = center
    points = []
    for index, value in enumerate(values):
        share = min(max(float(value or 0), 0.0), float(max_value)) / max_value
        angle = -math.pi / 2 + 2 * math.pi * index / count
        points.append((cx + radius * share * math.cos(angle), cy + radius * share * math.sin(angle)))
    return points


def _points_attr(points):
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def _style_attrs(style):
    return " ".join(f'{name}="{escape(value)}"' for name, value in style.items())


def radar_svg(labels, series, max_value=5, size=300, title=""):
    """The SVG markup (a string) of a radar chart.

    ``labels``: the text at the end of each axis (the competencies' numbers);
    ``series``: lists of values, one per label, drawn in order with
    :data:`SERIES_STYLES` (a series whose values are all missing is left
    out); ``max_value``: the score of the outer ring, with one ring per
    whole point. Fewer than three axes make no polygon: an empty string.
    """
    count = len(labels)
    if count < 3:
        return ""
    for values in series:
        if len(values) != count:
            raise ValueError("every series needs one value per label")
    margin = 22
    radius = size / 2 - margin
    center = (size / 2, size / 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="o_bagalau_radar" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}">'
    ]
    if title:
        parts.append(f"<title>{escape(title)}</title>")
    # One ring per point of the scale, the axes, and the axes' numbers.
    rings = max(int(max_value), 1)
    for ring in range(1, rings + 1):
        ring_points = radar_points([ring * max_value / rings] * count, max_value, radius, center)
        parts.append(f'<polygon class="o_bagalau_radar_ring" points="{_points_attr(ring_points)}" '
                     'fill="none" stroke="#bbbbbb" stroke-width="0.5"/>')
    ends = radar_points([max_value] * count, max_value, radius, center)
    label_ends = radar_points([max_value] * count, max_value, radius + 12, center)
    for (x, y), (lx, ly), label in zip(ends, label_ends, labels, strict=True):
        parts.append(f'<line x1="{_number(center[0])}" y1="{_number(center[1])}" x2="{_number(x)}" '
                     f'y2="{_number(y)}" stroke="#999999" stroke-width="0.5"/>')
        parts.append(f'<text x="{_number(lx)}" y="{_number(ly + 4)}" text-anchor="middle" font-size="11" '
                     f'font-family="DejaVu Sans, Arial, sans-serif">{escape(str(label))}</text>')
    # The scale along the first axis.
    for ring in range(1, rings + 1):
        y = center[1] - radius * ring / rings
        parts.append(f'<text x="{_number(center[0] + 3)}" y="{_number(y - 2)}" font-size="8" fill="#777777" '
                     f'font-family="DejaVu Sans, Arial, sans-serif">{_number(ring * max_value / rings)}</text>')
    for index, values in enumerate(series):
        if all(value is None for value in values):
            continue
        style = SERIES_STYLES[index % len(SERIES_STYLES)]
        points = radar_points(values, max_value, radius, center)
        parts.append(f'<polygon class="o_bagalau_radar_series" points="{_points_attr(points)}" '
                     f"{_style_attrs(style)}/>")
    parts.append("</svg>")
    return "".join(parts)
