"""The radar chart of the printed 360 results (hr_bagalau_reports/report/radar_svg.py),
without Odoo: the polygon's vertices follow the scores."""

import math
import re
import runpy
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
RADAR = runpy.run_path(str(PROJECT_DIR / "hr_bagalau_reports" / "report" / "radar_svg.py"))
radar_points = RADAR["radar_points"]
radar_svg = RADAR["radar_svg"]
SVG = "{http://www.w3.org/2000/svg}"


def _polygons(markup, css_class):
    root = ET.fromstring(markup)  # noqa: S314 - the SVG this project draws
    return [[tuple(map(float, pair.split(","))) for pair in polygon.get("points").split()]
            for polygon in root.iter(f"{SVG}polygon") if polygon.get("class") == css_class]


def test_first_axis_points_up_and_the_others_follow_clockwise():
    points = radar_points([5, 5, 5, 5], 5, 100, (150, 150))
    expected = [(150, 50), (250, 150), (150, 250), (50, 150)]
    for (x, y), (ex, ey) in zip(points, expected, strict=True):
        assert x == pytest.approx(ex)
        assert y == pytest.approx(ey)


def test_a_score_lies_on_its_share_of_the_radius():
    (x, y), = radar_points([2.5], 5, 100, (0, 0))
    assert math.hypot(x, y) == pytest.approx(50)


def test_scores_outside_the_scale_are_clamped_and_missing_ones_lie_in_the_centre():
    high, missing, low = radar_points([7, None, -1], 5, 100, (10, 10))
    assert math.hypot(high[0] - 10, high[1] - 10) == pytest.approx(100)
    assert missing == pytest.approx((10, 10))
    assert low == pytest.approx((10, 10))


def test_the_svg_holds_one_polygon_per_series_with_one_vertex_per_competency():
    averages = [4.33, 3.5, 5, 2.67, 4, 3, 2, 3.67]
    markup = radar_svg([str(number) for number in range(1, 9)], [averages, [5] * 8], max_value=5, size=300)
    series = _polygons(markup, "o_bagalau_radar_series")
    assert len(series) == 2
    assert [len(polygon) for polygon in series] == [8, 8]
    # The average's vertices lie at score / 5 of the radius (300 / 2 - 22 = 128).
    for (x, y), score in zip(series[0], averages, strict=True):
        assert math.hypot(x - 150, y - 150) == pytest.approx(128 * score / 5, abs=0.01)
    # Five rings, one per point, and the axes' numbers.
    assert len(_polygons(markup, "o_bagalau_radar_ring")) == 5
    texts = ET.fromstring(markup).iter(f"{SVG}text")  # noqa: S314 - the SVG this project draws
    assert [text.text for text in texts][:8] == [str(n) for n in range(1, 9)]


def test_a_series_without_any_value_is_left_out():
    markup = radar_svg(["1", "2", "3"], [[3, 4, 5], [None, None, None]])
    assert len(_polygons(markup, "o_bagalau_radar_series")) == 1


def test_labels_are_escaped_and_too_few_axes_draw_nothing():
    markup = radar_svg(["<b>", "2", "3"], [[1, 2, 3]], title="A & B")
    assert "&lt;b&gt;" in markup and "<b>" not in markup
    assert re.search(r"<title>A &amp; B</title>", markup)
    assert radar_svg(["1", "2"], [[1, 2]]) == ""
    with pytest.raises(ValueError):
        radar_svg(["1", "2", "3"], [[1, 2]])
    with pytest.raises(ValueError):
        radar_points([1], 0, 10, (0, 0))
