"""The board's statistics and the candidate's synthesis as charts (the geometry is portal.charts').

Every number drawn is read from the rows of `statistics.statistics` and `statistics.period_statistics`,
never counted again; each chart comes with the table saying the same figures in words and numbers
(the accessible alternative), and the exports write those same rows (`export_tables`).
"""

from portal import charts

from .enums import Classification
from .statistics import COLUMNS

# The funnel: each figure counted among the dossiers of the previous one (see statistics.py).
CHAIN = ("received", "examined", "classified", "published", "recruited")
LABELS = dict(COLUMNS)
CLASSES = [(choice.value, choice.label) for choice in Classification]
SCALE_MAXIMUM = 6


def _table(caption, headings, rows):
    """{"caption", "headings", "rows": [{"label", "cells": [{"key", "value"}], "share" (optional), "total"}]}."""
    return {"caption": caption, "headings": headings, "rows": rows}


def _cells(values, keys):
    return [{"key": key, "value": values[key]} for key in keys]


def funnel_chart(rows):
    total = rows[-1]["values"]
    geometry = charts.funnel([(key, LABELS[key], total[key]) for key in CHAIN])
    table_rows = [
        {"label": step["label"], "cells": [{"key": step["key"], "value": step["value"]}], "share": step["share"]}
        for step in geometry["rows"]
    ]
    summary = ", ".join(f"{step['label']} {step['value']}" for step in geometry["rows"])
    return {
        "id": "funnel",
        "kind": "funnel",
        "title": "Du dossier reçu au recrutement",
        "description": f"Entonnoir de la période : {summary}.",
        "geometry": geometry,
        "table": _table(
            "Du dossier reçu au recrutement (total de la période)", ["Étape", "Dossiers", "Part des reçus"], table_rows
        ),
    }


def classes_chart(rows):
    total = rows[-1]["values"]
    geometry = charts.bars([(key, label, total[key]) for key, label in CLASSES])
    table_rows = [
        {
            "label": bar["label"],
            "cells": [{"key": bar["key"], "value": bar["value"]}],
            "share": charts.percent(bar["value"], total["classified"]),
        }
        for bar in geometry["rows"]
    ]
    table_rows.append(
        {"label": "Total", "cells": [{"key": "classified", "value": total["classified"]}], "share": "", "total": True}
    )
    summary = ", ".join(f"{bar['label']} {bar['value']}" for bar in geometry["rows"])
    return {
        "id": "classes",
        "kind": "bars",
        "title": "Dossiers classés, par classe",
        "description": f"Dossiers classés dans la période, par classe : {summary}.",
        "geometry": geometry,
        "table": _table(
            "Dossiers classés par classe (total de la période)", ["Classe", "Dossiers", "Part des classés"], table_rows
        ),
    }


def territories_chart(rows):
    """One block per territory that received a dossier in the period; the others are named in a note
    (their zeros are in the table by territory)."""
    series = [(key, LABELS[key]) for key in CHAIN]
    drawn = [row for row in rows[:-1] if any(row["values"][key] for key in CHAIN)]
    empty = [row["label"] for row in rows[:-1] if row not in drawn]
    geometry = charts.grouped_bars([(row["label"], row["values"]) for row in drawn], series)
    summary = " ; ".join(
        f"{block['label']} : " + ", ".join(f"{bar['label']} {bar['value']}" for bar in block["rows"])
        for block in geometry["blocks"]
    )
    return {
        "id": "territories",
        "kind": "grouped",
        "title": "Par territoire",
        "description": f"Dossiers par territoire : {summary or 'aucun'}.",
        "geometry": geometry,
        "note": f"Aucun dossier dans la période : {', '.join(empty)}." if empty else "",
        "table": None,  # the table by territory, with every figure, follows the chart
    }


def periods_chart(periods):
    geometry = charts.lines(
        [period["short"] for period in periods],
        [(key, LABELS[key], [period["values"][key] for period in periods]) for key in CHAIN],
    )
    table_rows = [
        {"label": period["label"], "cells": _cells(period["values"], [key for key, _label in COLUMNS])}
        for period in periods
    ]
    return {
        "id": "periods",
        "kind": "lines",
        "title": "Par période",
        "description": (
            f"Évolution sur {len(periods)} période(s) de : {', '.join(LABELS[key] for key in CHAIN)} ; "
            "les valeurs sont dans le tableau qui suit."
        ),
        "geometry": geometry,
        "table": _table(
            "Dossiers par période (chaque période comptée comme si elle avait été choisie seule)",
            ["Période", *[label for _key, label in COLUMNS]],
            table_rows,
        ),
    }


def board_charts(rows, periods):
    """The charts of the statistics screen, in their order: funnel, classes, territories, periods."""
    charts_ = [funnel_chart(rows), classes_chart(rows), territories_chart(rows)]
    if periods:
        charts_.append(periods_chart(periods))
    return charts_


def export_tables(rows, periods):
    """[(sheet title, headings, value rows)]: the table by territory, then by period, for CSV and XLSX."""
    labels = [label for _key, label in COLUMNS]
    return [
        (
            "Par territoire",
            ["Territoire", *labels],
            [[row["label"], *[row["values"][key] for key, _l in COLUMNS]] for row in rows],
        ),
        (
            "Par période",
            ["Période", "Du", "Au", *labels],
            [
                [period["label"], period["start"], period["end"], *[period["values"][key] for key, _l in COLUMNS]]
                for period in periods
            ],
        ),
    ]


def synthesis_radar(scales):
    """The five scales of the synthesis (`synthesis.scales_of`) as a radar, or None when none is given."""
    if not any(scale["value"] for scale in scales):
        return None
    axes = [
        (
            scale["field"],
            f"{scale['title']} ({scale['value']}/{SCALE_MAXIMUM})" if scale["value"] else f"{scale['title']} (—)",
            scale["value"],
        )
        for scale in scales
    ]
    geometry = charts.radar(axes, SCALE_MAXIMUM)
    summary = ", ".join(
        f"{scale['title']} {scale['value']} sur {SCALE_MAXIMUM}"
        if scale["value"]
        else f"{scale['title']} non renseigné"
        for scale in scales
    )
    return {**geometry, "title": "Synthèse de l'évaluation en radar", "description": f"{summary}."}
