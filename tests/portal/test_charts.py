"""The SVG geometry of portal.charts on hand-computed examples: what is drawn is the value given."""

import math

import pytest

from portal import charts


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0"), (-0.01, "0"), (12, "12"), (12.0, "12"), (12.25, "12.2"), (3.96, "4"), (-1.5, "-1.5")]
)
def test_coordinates_are_written_with_a_dot(value, text):
    assert charts.num(value) == text


@pytest.mark.parametrize(
    ("value", "step"), [(None, 1), (0, 1), (1, 1), (1.5, 2), (2.5, 5), (6, 10), (11, 20), (26, 50)]
)
def test_axis_steps_are_whole_and_round(value, step):
    assert charts.nice_step(value) == step


def test_shares_are_french_and_never_divide_by_zero():
    assert charts.percent(3, 4) == "75\u202f%"
    assert charts.percent(0, 0) == "—"


def test_the_largest_bar_fills_the_area_and_the_others_are_in_proportion():
    drawn = charts.bars([("a", "A", 10), ("b", "B", 5), ("c", "C", 0)], width=400)
    widths = [float(bar["bar_width"]) for bar in drawn["rows"]]
    assert widths == [336, 168, 0]  # 400 less the room for the value
    assert [bar["value"] for bar in drawn["rows"]] == [10, 5, 0]
    assert drawn["view_box"] == "0 0 400 114"  # three rows of 38
    # The label above its bar, the value just after its end.
    first = drawn["rows"][0]
    assert (first["text_y"], first["bar_y"], first["value_x"]) == ("12", "17", "341")


def test_nothing_to_draw_draws_empty_bars():
    drawn = charts.bars([("a", "A", 0), ("b", "B", None)])
    assert [bar["bar_width"] for bar in drawn["rows"]] == ["0", "0"]


def test_funnel_steps_are_centred_with_their_share_of_the_first():
    drawn = charts.funnel([("r", "Reçus", 8), ("e", "Examinés", 4), ("x", "Recrutés", 0)], width=400)
    first, second, last = drawn["rows"]
    assert (first["bar_x"], first["bar_width"]) == ("0", "400")
    assert (second["bar_x"], second["bar_width"]) == ("100", "200")  # centred on 200
    assert (last["bar_x"], last["bar_width"]) == ("200", "0")
    assert [step["share"] for step in drawn["rows"]] == ["100\u202f%", "50\u202f%", "0\u202f%"]
    assert second["link"] and last["link"] is None
    # The link joins the bottom of a step (17 + 14) to the top of the next one (38 + 17).
    assert first["link"] == "0,31 400,31 300,55 100,55"


def test_grouped_bars_share_one_scale():
    drawn = charts.grouped_bars(
        [("Alsace", {"a": 4, "b": 2}), ("Lorraine", {"a": 8, "b": 0})], [("a", "A"), ("b", "B")]
    )
    widths = [[float(bar["bar_width"]) for bar in block["rows"]] for block in drawn["blocks"]]
    assert widths == [[168, 84], [336, 0]]
    assert drawn["height"] == 2 * (26 + 2 * 38)  # a heading and two bars per block


def test_lines_put_zero_on_the_axis_and_the_top_value_at_the_top():
    drawn = charts.lines(["janv.", "févr.", "mars"], [("a", "A", [0, 5, 10])], width=400, height=240)
    (line,) = drawn["series"]
    # plot from x 34 to 374, from y 212 (0) up to 10 (the top, 10)
    assert line["points"] == "34,212 204,111 374,10"
    assert [mark["value"] for mark in line["marks"]] == [0, 5, 10]
    assert [tick["label"] for tick in drawn["y_ticks"]] == ["0", "5", "10"]


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [
        (0, ["0", "1"]),
        (1, ["0", "1"]),
        (3, ["0", "1", "2", "3"]),
        (6, ["0", "2", "4", "6"]),
        (13, ["0", "5", "10", "15"]),
    ],
)
def test_ticks_are_whole_counts(highest, ticks):
    drawn = charts.lines(["a", "b"], [("a", "A", [0, highest])])
    assert [tick["label"] for tick in drawn["y_ticks"]] == ticks


def test_lines_write_at_most_so_many_categories_but_keep_every_point():
    categories = [f"m{i}" for i in range(24)]
    drawn = charts.lines(categories, [("a", "A", list(range(24)))], max_labels=5)
    assert [label["label"] for label in drawn["x_labels"]] == ["m0", "m5", "m10", "m15", "m20"]
    assert len(drawn["series"][0]["marks"]) == 24


def test_a_single_period_is_drawn_in_the_middle():
    drawn = charts.lines(["2026"], [("a", "A", [3])], width=400)
    assert drawn["series"][0]["points"].split(",")[0] == "204"


class TestRadar:
    def test_first_axis_points_up_and_axes_turn_clockwise(self):
        assert charts.radar_point(0, 5, 6, 6) == pytest.approx((0, -1))
        x, y = charts.radar_point(1, 5, 6, 6)
        assert (x, y) == pytest.approx((math.sin(math.radians(72)), -math.cos(math.radians(72))))
        assert x > 0

    @pytest.mark.parametrize("value", [0, None])
    def test_zero_or_nothing_is_the_centre(self, value):
        assert charts.radar_point(3, 5, value, 6, centre=(10, 20), radius=50) == (10, 20)

    def test_the_maximum_is_on_the_outer_ring_and_beyond_is_clipped(self):
        outer = charts.radar_point(2, 5, 6, 6, centre=(0, 0), radius=100)
        assert math.dist(outer, (0, 0)) == pytest.approx(100)
        assert charts.radar_point(2, 5, 9, 6, radius=100) == outer

    def test_hand_computed_shape(self):
        drawn = charts.radar([("a", "A", 6), ("b", "B", 3), ("c", "C", 0), ("d", "D", None), ("e", "E", 6)], 6)
        # centre (112 + 100, 48 + 100) = (212, 148), radius 100
        assert (drawn["cx"], drawn["cy"]) == ("212", "148")
        points = [(dot["x"], dot["y"]) for dot in drawn["dots"]]
        assert points == [
            ("212", "48"),  # 6: the top of the outer ring
            ("259.6", "132.5"),  # 3 at 72°: 212 + 50 sin 72°, 148 - 50 cos 72°
            ("212", "148"),  # 0: the centre
            ("212", "148"),  # not given: the centre
            ("116.9", "117.1"),  # 6 at 288°: 212 - 100 sin 72°, 148 - 100 cos 72°
        ]
        assert [dot["missing"] for dot in drawn["dots"]] == [False, False, False, True, False]
        assert drawn["shape"] == " ".join(f"{x},{y}" for x, y in points)
        assert len(drawn["rings"]) == 6 and drawn["rings"][-1]["points"].split()[0] == "212,48"

    def test_labels_sit_outside_the_ring_and_fit_the_view_box(self):
        drawn = charts.radar([(str(i), "Comportement et mobilité (5/6)", 5) for i in range(5)], 6)
        for label in drawn["labels"]:
            for line in label["lines"]:
                assert 0 < float(line["y"]) < drawn["height"]
            assert 0 <= float(label["x"]) <= drawn["width"]
        assert [line["text"] for line in drawn["labels"][0]["lines"]] == ["Comportement", "et mobilité", "(5/6)"]
        # The top label ends above the ring (y 48).
        assert float(drawn["labels"][0]["lines"][-1]["y"]) < 48
