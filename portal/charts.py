"""Charts drawn on the server as SVG: pure functions turning series into the geometry a template draws.

No JavaScript and no library. Each function takes plain series and returns a plain dict that one of
the templates `templates/charts/*.html` draws inside an `<svg viewBox=…>` (which scales to its
container, so a chart fits a phone). Coordinates are returned as SVG-ready strings ("12.5"): the
French localisation of the templates would otherwise write "12,5". Values stay the numbers given,
so a test can compare what is drawn with the table beside it.

    bars([("a", "Reçus", 12), ("b", "Examinés", 9)])       # horizontal bars, labels above
    funnel([("a", "Reçus", 12), ("b", "Examinés", 9)])     # centred bars with each step's share
    grouped_bars([("Alsace", {"a": 3})], [("a", "Reçus")])  # one block of bars per group
    lines(["janv.", "févr."], [("a", "Reçus", [3, 4])])     # one line per series
    radar([("a", "Compétences", 4), ("b", "Projet", None)], maximum=6)
"""

import math

# Colours with at least 3:1 contrast on white (WCAG non-text contrast); a series also differs by its
# marker and dash pattern, so colour is never the only difference.
PALETTE = ("#1d5c8f", "#b54708", "#027a48", "#6941c6", "#b42318", "#475467")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "circle")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "4 2", "1 2")

# Bars are drawn with their label above them (not beside), so that a chart 400 units wide stays
# readable once scaled down to a phone's width.
WIDTH = 400
VALUE_WIDTH = 64  # room for the value written after the longest bar
ROW = 38  # a label line and its bar
BAR = 14
LABEL_Y = 12  # baseline of the label, from the top of its row
BAR_Y = 17  # top of the bar, from the top of its row


def num(value):
    """A coordinate as SVG writes it: at most one decimal, a dot, no "-0"."""
    value = round(float(value), 1)
    if value == 0:
        return "0"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def percent(part, whole):
    """ "75 %" (rounded; with a narrow no-break space, the French way); "—" when the whole is 0."""
    if not whole:
        return "—"
    return f"{round(100 * (part or 0) / whole)}\u202f%"


def nice_step(value):
    """The smallest whole 1, 2 or 5 × 10ⁿ at least `value` (at least 1): the step of an axis of counts."""
    if not value or value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= value)


def _scale(values, length):
    largest = max([v for v in values if v] or [1])
    return length / largest


def _bar_row(top, key, label, value, scale, colour, *, x=0):
    length = (value or 0) * scale
    return {
        "key": key,
        "label": label,
        "value": value,
        "text_y": num(top + LABEL_Y),
        "bar_x": num(x),
        "bar_y": num(top + BAR_Y),
        "bar_width": num(length),
        "bar_height": num(BAR),
        "value_x": num(x + length + 5),
        "value_y": num(top + BAR_Y + BAR - 2),
        "colour": colour,
        "length": length,
    }


def bars(items, *, width=WIDTH, colour=PALETTE[0]):
    """Horizontal bars, one row per (key, label, value): the label above, the value after the bar;
    the largest value fills the width (less room for its value)."""
    scale = _scale([value for _key, _label, value in items], width - VALUE_WIDTH)
    rows = [_bar_row(index * ROW, key, label, value, scale, colour) for index, (key, label, value) in enumerate(items)]
    height = max(len(items), 1) * ROW
    return {"view_box": f"0 0 {width} {height}", "width": width, "height": height, "rows": rows}


def funnel(items, *, width=WIDTH):
    """Steps of a funnel: bars centred on one axis, each titled with its value and its share of the first
    step, and a trapezoid joining each step to the next (its `link` polygon, None for the last one)."""
    centre = width / 2
    first = items[0][2] if items else 0
    scale = _scale([value for _key, _label, value in items], width)
    rows = []
    for index, (key, label, value) in enumerate(items):
        half = (value or 0) * scale / 2
        row = _bar_row(index * ROW, key, label, value, scale, PALETTE[0], x=centre - half)
        row.update(share=percent(value, first), half=half, top=index * ROW + BAR_Y)
        rows.append(row)
    for row, following in zip(rows, [*rows[1:], None], strict=True):
        row["link"] = None
        if following is not None:
            bottom, next_top = row["top"] + BAR, following["top"]
            corners = (
                (centre - row["half"], bottom),
                (centre + row["half"], bottom),
                (centre + following["half"], next_top),
                (centre - following["half"], next_top),
            )
            row["link"] = " ".join(f"{num(x)},{num(y)}" for x, y in corners)
    height = max(len(items), 1) * ROW
    return {"view_box": f"0 0 {width} {height}", "width": width, "height": height, "centre": num(centre), "rows": rows}


GROUP_HEADING = 26


def grouped_bars(groups, series, *, width=WIDTH):
    """One block per (group label, {series key: value}): a heading, then one labelled bar per series,
    on one scale for every block (so blocks compare)."""
    values_ = [values.get(key) for _label, values in groups for key, _l in series]
    scale = _scale(values_, width - VALUE_WIDTH)
    blocks, y = [], 0
    for group_label, values in groups:
        block = {"label": group_label, "text_y": num(y + GROUP_HEADING - 8), "rows": []}
        y += GROUP_HEADING
        for index, (key, label) in enumerate(series):
            colour = PALETTE[index % len(PALETTE)]
            block["rows"].append(_bar_row(y, key, label, values.get(key), scale, colour))
            y += ROW
        blocks.append(block)
    height = max(y, ROW)
    return {"view_box": f"0 0 {width} {height}", "width": width, "height": height, "blocks": blocks}


def marker_path(kind, x, y, size=4.5):
    """The `d` of a small marker centred on (x, y)."""
    s = size
    if kind == "square":
        corners = ((x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s))
    elif kind == "triangle":
        corners = ((x, y - s * 1.2), (x + s * 1.1, y + s * 0.9), (x - s * 1.1, y + s * 0.9))
    elif kind == "diamond":
        corners = ((x, y - s * 1.3), (x + s * 1.1, y), (x, y + s * 1.3), (x - s * 1.1, y))
    elif kind == "cross":
        t = s * 0.45
        return (
            f"M{num(x - s)},{num(y - t)}H{num(x - t)}V{num(y - s)}H{num(x + t)}V{num(y - t)}H{num(x + s)}"
            f"V{num(y + t)}H{num(x + t)}V{num(y + s)}H{num(x - t)}V{num(y + t)}H{num(x - s)}Z"
        )
    else:  # circle, as two arcs
        return f"M{num(x - s)},{num(y)}a{num(s)},{num(s)} 0 1,0 {num(2 * s)},0a{num(s)},{num(s)} 0 1,0 {num(-2 * s)},0Z"
    return "M" + "L".join(f"{num(cx)},{num(cy)}" for cx, cy in corners) + "Z"


def lines(categories, series, *, width=WIDTH, height=240, max_labels=5):
    """One line per (key, label, values) over the categories (x axis, in order), from 0 to a round top
    with whole ticks (these are counts).

    Each point keeps its value and category (for its tooltip and for the tests); at most
    `max_labels` categories are written under the axis (every one keeps its point)."""
    left, right, top, bottom = 34, 26, 10, 28
    plot_width, plot_height = width - left - right, height - top - bottom
    highest = max([v for _key, _label, values in series for v in values if v] or [0])
    step = nice_step(highest / 4)
    maximum = step * max(1, math.ceil(highest / step))
    count = len(categories)

    def x_of(index):
        return left + (plot_width / 2 if count == 1 else index * plot_width / (count - 1))

    def y_of(value):
        return top + plot_height - (value or 0) * plot_height / maximum

    y_ticks = [
        {"y": num(y_of(tick)), "label": str(tick), "text_y": num(y_of(tick) + 4)}
        for tick in range(0, maximum + 1, step)
    ]
    every = max(1, math.ceil(count / max_labels))
    x_labels = [{"x": num(x_of(index)), "label": label} for index, label in enumerate(categories) if index % every == 0]
    drawn = []
    for index, (key, label, values) in enumerate(series):
        kind = MARKERS[index % len(MARKERS)]
        points = [(x_of(i), y_of(value)) for i, value in enumerate(values)]
        drawn.append(
            {
                "key": key,
                "label": label,
                "colour": PALETTE[index % len(PALETTE)],
                "dash": DASHES[index % len(DASHES)],
                "marker": kind,
                "swatch": marker_path(kind, 14, 7),
                "points": " ".join(f"{num(x)},{num(y)}" for x, y in points),
                "marks": [
                    {"value": value, "category": category, "d": marker_path(kind, x, y)}
                    for (x, y), value, category in zip(points, values, categories, strict=True)
                ],
            }
        )
    return {
        "view_box": f"0 0 {width} {height}",
        "width": width,
        "height": height,
        "left": num(left),
        "right": num(width - right),
        "tick_x": num(left - 5),
        "axis_y": num(top + plot_height),
        "label_y": num(top + plot_height + 18),
        "y_ticks": y_ticks,
        "x_labels": x_labels,
        "series": drawn,
    }


def wrap(text, width=15):
    """A label cut into lines of about `width` characters, at spaces."""
    lines_, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines_.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines_, current] if current else lines_


def radar_point(index, count, value, maximum, *, centre=(0.0, 0.0), radius=1.0):
    """(x, y) of `value` on axis `index` of `count`, the first axis pointing up, clockwise; 0 (or None)
    is the centre, `maximum` the outer ring."""
    angle = 2 * math.pi * index / count
    r = radius * max(0, min(value or 0, maximum)) / maximum
    return centre[0] + r * math.sin(angle), centre[1] - r * math.cos(angle)


def _label_shift(lines_count, anchor, *, above):
    """Where a radar label's first line goes, from the end of its axis: straight up or down, the block
    sits beyond the ring; on a side, it is centred on the axis' end (lines 15 apart)."""
    if anchor != "middle":
        return -(lines_count - 1) * 15 / 2 + 4
    return -(lines_count - 1) * 15 - 2 if above else 12


def radar(axes, maximum, *, radius=100, margin=(112, 48)):
    """A radar of (key, label, value) axes scored 0..maximum (None: not given, drawn at the centre).

    Returns the rings (one per level), the spokes, the candidate's shape, one dot per axis and the
    axis labels, placed outside the outer ring (cut into lines)."""
    count = len(axes)
    side, vertical = margin
    cx, cy = side + radius, vertical + radius
    width, height = 2 * (side + radius), 2 * (vertical + radius)

    def point(index, value, r=radius):
        return radar_point(index, count, value, maximum, centre=(cx, cy), radius=r)

    def polygon(points):
        return " ".join(f"{num(x)},{num(y)}" for x, y in points)

    rings = [
        {"level": level, "points": polygon(point(i, level) for i in range(count))} for level in range(1, maximum + 1)
    ]
    spokes, dots, labels = [], [], []
    for index, (key, label, value) in enumerate(axes):
        x2, y2 = point(index, maximum)
        spokes.append({"x2": num(x2), "y2": num(y2)})
        x, y = point(index, value)
        dots.append({"key": key, "label": label, "value": value, "x": num(x), "y": num(y), "missing": value is None})
        lx, ly = point(index, maximum, radius + 14)
        anchor = "middle" if abs(lx - cx) < 1 else ("start" if lx > cx else "end")
        text = wrap(label, 12)
        shift = _label_shift(len(text), anchor, above=ly < cy)
        labels.append(
            {
                "x": num(lx),
                "anchor": anchor,
                "lines": [{"text": line, "y": num(ly + shift + i * 15)} for i, line in enumerate(text)],
                "value": value,
            }
        )
    return {
        "view_box": f"0 0 {num(width)} {num(height)}",
        "width": width,
        "height": height,
        "cx": num(cx),
        "cy": num(cy),
        "maximum": maximum,
        "rings": rings,
        "spokes": spokes,
        "shape": polygon((float(d["x"]), float(d["y"])) for d in dots),
        "dots": dots,
        "labels": labels,
    }
