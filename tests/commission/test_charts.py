"""The board's charts say the figures of the statistics chain: what is drawn = the table beside it = the
CSV = the XLSX = `statistics()`; the breakdown by period is `statistics()` of each period; the exports
are closed to whoever may not see the statistics; the synthesis radar draws the five opinions."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from portal.accounts.roles import Role
from recruitment.commission.charts import CHAIN, synthesis_radar
from recruitment.commission.enums import AnalysisState, Classification
from recruitment.commission.statistics import (
    COLUMNS,
    FIGURES,
    choose_period,
    period_statistics,
    periods_between,
    statistics,
)
from recruitment.commission.synthesis import scales_of, synthesis_context
from tests.commission.factories import AnalysisFactory, SessionFactory, eligible_candidate, pilot, recruiter
from tests.commission.helpers import assert_denied
from tests.commission.test_statistics_figures import PERIOD, june_session  # noqa: F401 (fixture)
from tests.portal.factories import UserFactory
from tests.recruitment.factories import partner_with_adviser
from tests.sar.factories import PoolCandidateFactory, analysed, company_with_recruiters

pytestmark = pytest.mark.django_db

URL = "statistics"
QUERY = {"start": "2026-05-01", "end": "2026-07-31", "period": "month"}
KEYS = [key for key, _label in COLUMNS]


def screen(client, **query):
    response = client.get(reverse(f"commission:{URL}"), {**QUERY, **query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def drawn(soup, chart, selector="rect"):
    """{key: value} of the marks of one chart (its SVG's data-value attributes)."""
    svg = soup.select_one(f"svg[data-chart={chart}]")
    return {mark["data-key"]: int(mark["data-value"]) for mark in svg.select(f"{selector}[data-key]")}


def table(soup, chart):
    """[(row heading, {key: value})] of one chart's table."""
    rows = []
    for tr in soup.select_one(f"table[data-chart-table={chart}]").select("tbody tr"):
        rows.append(
            (tr.th.get_text(strip=True), {td["data-key"]: int(td["data-value"]) for td in tr.select("td[data-key]")})
        )
    return rows


def csv_rows(client, **query):
    response = client.get(reverse(f"commission:{URL}"), {**QUERY, "format": "csv", **query})
    reader = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    headings = next(reader)
    return headings, list(reader)


def xlsx_sheets(client):
    response = client.get(reverse(f"commission:{URL}"), {**QUERY, "format": "xlsx"})
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


@pytest.fixture
def board(client, june_session):  # noqa: F811 (the fixture imported above)
    client.force_login(pilot())
    return client


def test_funnel_and_classes_draw_the_total_row_as_table_csv_and_xlsx_say_it(board):
    total = statistics(*PERIOD)[-1]["values"]
    soup = screen(board)
    funnel = drawn(soup, "funnel")
    assert list(funnel) == list(CHAIN)
    assert (
        funnel
        == {key: total[key] for key in CHAIN}
        == {
            "received": 7,
            "examined": 6,
            "classified": 5,
            "published": 2,
            "recruited": 1,
        }
    )
    assert {key: value for _label, cells in table(soup, "funnel") for key, value in cells.items()} == funnel

    classes = drawn(soup, "classes")
    assert classes == {choice.value: total[choice.value] for choice in Classification}
    assert sum(classes.values()) == total["classified"]
    class_table = table(soup, "classes")
    assert {k: v for _label, cells in class_table[:-1] for k, v in cells.items()} == classes
    assert class_table[-1] == ("Total", {"classified": 5})

    # The same total row in the table by territory, the CSV and the XLSX.
    on_screen = dict(table(soup, "territories"))["Total"]
    headings, rows = csv_rows(board)
    csv_total = dict(zip(headings[1:], map(int, rows[-1][1:]), strict=True))
    sheet = xlsx_sheets(board)["Par territoire"]
    xlsx_total = dict(zip(sheet[0][1:], sheet[-1][1:], strict=True))
    labels = dict(COLUMNS)
    assert on_screen == total
    assert csv_total == xlsx_total == {labels[key]: value for key, value in total.items()}
    assert rows[-1][0] == sheet[-1][0] == "Total"
    assert {**funnel, **classes} == {key: csv_total[labels[key]] for key in [*CHAIN, *classes]}


def test_each_territory_block_is_its_row_of_the_table_csv_and_xlsx(board):
    rows = statistics(*PERIOD)
    soup = screen(board)
    svg = soup.select_one("svg[data-chart=territories]")
    blocks = {
        group["data-group"]: {rect["data-key"]: int(rect["data-value"]) for rect in group.select("rect")}
        for group in svg.select("g[data-group]")
    }
    screen_table = dict(table(soup, "territories"))
    headings, csv_body = csv_rows(board)
    by_csv = {line[0]: dict(zip(KEYS, map(int, line[1:]), strict=True)) for line in csv_body}
    sheet = xlsx_sheets(board)["Par territoire"]
    by_xlsx = {line[0]: dict(zip(KEYS, line[1:], strict=True)) for line in sheet[1:]}
    assert list(blocks) == ["Alsace"]  # where the fixture's dossiers are
    note = soup.select_one("#chart-territories .nege-chart__note").get_text()
    for row in rows:
        assert screen_table[row["label"]] == by_csv[row["label"]] == by_xlsx[row["label"]] == row["values"]
        if row.get("total"):
            continue
        if row["label"] in blocks:
            assert blocks[row["label"]] == {key: row["values"][key] for key in CHAIN}
        else:  # a territory without any dossier is named under the chart, its zeros are in the table
            assert row["label"] in note and not any(row["values"].values())


def test_each_period_is_the_statistics_of_that_period_alone_everywhere(board):
    soup = screen(board)
    svg = soup.select_one("svg[data-chart=periods]")
    points = {}
    for mark in svg.select("path[data-key]"):
        points.setdefault(mark["data-category"], {})[mark["data-key"]] = int(mark["data-value"])
    screen_rows = table(soup, "periods")
    headings, csv_body = csv_rows(board, tableau="periodes")
    sheet = xlsx_sheets(board)["Par période"]
    assert headings[:3] == ["Période", "Du", "Au"] and sheet[0] == headings
    months = [("mai 2026", "mai 2026"), ("juin 2026", "juin 2026"), ("juillet 2026", "juil. 2026")]
    assert [label for label, _cells in screen_rows] == [line[0] for line in csv_body] == [m for m, _s in months]
    bounds = [
        (datetime.date(2026, 5, 1), datetime.date(2026, 5, 31)),
        (datetime.date(2026, 6, 1), datetime.date(2026, 6, 30)),
    ]
    bounds.append((datetime.date(2026, 7, 1), datetime.date(2026, 7, 31)))
    for (label, short), (first, last), (_label, cells), line, xlsx_line in zip(
        months, bounds, screen_rows, csv_body, sheet[1:], strict=True
    ):
        alone = statistics(first, last)[-1]["values"]
        assert cells == alone
        assert line[1:3] == [first.strftime("%d/%m/%Y"), last.strftime("%d/%m/%Y")]
        assert dict(zip(KEYS, map(int, line[3:]), strict=True)) == alone
        assert xlsx_line[:3] == [
            label,
            datetime.datetime.combine(first, datetime.time()),
            datetime.datetime.combine(last, datetime.time()),
        ]
        assert dict(zip(KEYS, xlsx_line[3:], strict=True)) == alone
        assert points[short] == {key: alone[key] for key in CHAIN}
    # June holds the session: its chain, and July none of it (the recruitment of July 2 counts only
    # over a period that also holds the June session).
    assert points["juin 2026"] == {"received": 7, "examined": 6, "classified": 5, "published": 2, "recruited": 0}
    assert points["juil. 2026"] == dict.fromkeys(CHAIN, 0)


def test_the_breakdown_costs_one_query_per_figure_whatever_the_periods(django_assert_max_num_queries, june_session):  # noqa: F811
    periods = periods_between(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31), "month")
    assert len(periods) == 24
    with django_assert_max_num_queries(1 + len(FIGURES)):
        rows = period_statistics(periods)
    june = rows[17]
    assert june["label"] == "juin 2026" and june["values"]["received"] == 7
    assert june["values"] == statistics(june["start"], june["end"])[-1]["values"]


def test_periods_are_cut_at_the_bounds_and_named_in_french():
    months = periods_between(datetime.date(2026, 1, 15), datetime.date(2026, 3, 15), "month")
    assert [(first, last, label) for first, last, label, _short in months] == [
        (datetime.date(2026, 1, 15), datetime.date(2026, 1, 31), "janvier 2026"),
        (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28), "février 2026"),
        (datetime.date(2026, 3, 1), datetime.date(2026, 3, 15), "mars 2026"),
    ]
    quarters = periods_between(datetime.date(2025, 11, 1), datetime.date(2026, 4, 1), "quarter")
    assert [(label, short) for _f, _l, label, short in quarters] == [
        ("4e trimestre 2025", "T4 2025"),
        ("1er trimestre 2026", "T1 2026"),
        ("2e trimestre 2026", "T2 2026"),
    ]
    assert quarters[1][:2] == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert periods_between(datetime.date(2026, 12, 31), datetime.date(2026, 12, 31), "year")[0][2] == "2026"


@pytest.mark.parametrize(
    ("end", "period"),
    [
        (datetime.date(2026, 12, 31), "month"),
        (datetime.date(2027, 1, 1), "quarter"),
        (datetime.date(2031, 1, 1), "year"),
    ],
)
def test_the_automatic_cut_draws_at_most_24_periods(end, period):
    assert choose_period(datetime.date(2025, 1, 1), end) == period


def test_a_cut_too_fine_falls_back_to_the_automatic_one(client):
    SessionFactory(date=datetime.date(2020, 1, 10))
    client.force_login(pilot())
    soup = screen(client, start="2020-01-01", end="2026-12-31", period="month")
    assert "trop fin pour cette période" in soup.get_text()
    assert len(table(soup, "periods")) == 7  # 2020 … 2026 by year


def test_without_any_session_the_screen_says_so(client):
    client.force_login(pilot())
    soup = screen(client, start="", end="", period="")
    assert "Aucune session de la commission" in soup.get_text()
    assert drawn(soup, "funnel") == dict.fromkeys(CHAIN, 0)
    assert soup.select_one("svg[data-chart=periods]") is None


def test_every_chart_is_an_image_with_a_title_and_a_table(board):
    soup = screen(board)
    for svg in soup.select("svg[data-chart]"):
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.select_one(f"title#{title_id}").get_text(strip=True)
        assert svg.select_one(f"desc#{desc_id}").get_text(strip=True)
        assert soup.select_one(f"table[data-chart-table={svg['data-chart']}] caption").get_text(strip=True)


@pytest.mark.parametrize(
    "roles",
    [
        [Role.ADVISORY_RECRUITER],
        [Role.TRAINING_COMMISSION],
        [Role.EMPLOYMENT_ADVISER],
        [Role.EDITOR],
        [Role.COMPANY_RECRUITER],
    ],
)
def test_the_exports_are_closed_without_the_statistics_permission(client, roles):
    client.force_login(UserFactory(roles=roles))
    url = reverse(f"commission:{URL}")
    for query in ({"format": "csv"}, {"format": "csv", "tableau": "periodes"}, {"format": "xlsx"}, {}):
        assert_denied(client.get(url, query))


def test_the_president_downloads_the_workbook(client):
    client.force_login(UserFactory(roles=[Role.PRESIDENT]))
    response = client.get(reverse(f"commission:{URL}"), {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="statistiques-commission.xlsx"'


class TestRadar:
    def test_the_completed_analysis_is_drawn_on_hand_computed_points(self):
        analysis = AnalysisFactory(completed=True)  # opinions 4, 5, 6, 3, 6
        radar = synthesis_radar(scales_of(analysis))
        # centre (212, 148), radius 100 for 6; axes every 72° clockwise from the top
        assert [(dot["x"], dot["y"], dot["value"]) for dot in radar["dots"]] == [
            ("212", "81.3", 4),  # 148 - 100·4/6
            ("291.3", "122.2", 5),  # 212 + 83.33 sin 72°, 148 - 83.33 cos 72°
            ("270.8", "228.9", 6),  # 212 + 100 sin 144°, 148 - 100 cos 144°
            ("182.6", "188.5", 3),  # 212 + 50 sin 216°, 148 - 50 cos 216°
            ("116.9", "117.1", 6),  # 212 + 100 sin 288°, 148 - 100 cos 288°
        ]
        assert "Compétences 4 sur 6" in radar["description"]

    def test_boundaries_nothing_given_is_the_centre_and_six_the_outer_ring(self):
        analysis = AnalysisFactory(state=AnalysisState.DRAFT, competence_opinion=6)
        radar = synthesis_radar(scales_of(analysis))
        outer = radar["rings"][-1]["points"].split()
        assert f"{radar['dots'][0]['x']},{radar['dots'][0]['y']}" == outer[0] == "212,48"
        assert [(dot["x"], dot["y"], dot["missing"]) for dot in radar["dots"][1:]] == [("212", "148", True)] * 4
        assert "Projet professionnel non renseigné" in radar["description"]

    def test_no_opinion_at_all_draws_no_radar(self):
        assert synthesis_radar(scales_of(None)) is None
        assert synthesis_context(eligible_candidate(), audience="commission")["radar"] is None

    def test_the_commission_dossier_shows_the_radar_beside_the_grid(self, client):
        analysis = AnalysisFactory(completed=True, session=SessionFactory(recruiters=[recruiter()]))
        client.force_login(pilot())
        soup = BeautifulSoup(
            client.get(reverse("commission:dossier", args=[analysis.candidate_id])).content, "html.parser"
        )
        self.assert_radar_is_the_grid(soup)

    def test_the_recruiter_studies_the_radar(self, client):
        company, (user,) = company_with_recruiters(1)
        candidate = PoolCandidateFactory()
        analysed(candidate)
        client.force_login(user)
        soup = BeautifulSoup(client.get(reverse("sar_pool:study", args=[candidate.pk])).content, "html.parser")
        self.assert_radar_is_the_grid(soup)

    @staticmethod
    def assert_radar_is_the_grid(soup):
        svg = soup.select_one(".commission-synthesis__scales svg[data-chart=radar]")
        assert svg is not None and svg["role"] == "img"
        dots = {dot["data-key"]: int(dot["data-value"]) for dot in svg.select("circle[data-key]")}
        grid = {
            tr["data-scale"]: int(tr.select_one("td.is-selected")["data-step"])
            for tr in soup.select("table.commission-scale tr[data-scale]")
        }
        assert (
            dots
            == grid
            == {
                "competence_opinion": 4,
                "behaviour_opinion": 5,
                "experience_opinion": 6,
                "qualification_opinion": 3,
                "project_opinion": 6,
            }
        )


def test_an_adviser_sees_the_radar_of_their_dossier(client):
    organisation, adviser = partner_with_adviser()
    candidate = eligible_candidate(organisation=organisation, organisation_contact=adviser)
    AnalysisFactory(candidate=candidate, completed=True)
    client.force_login(adviser)
    html = client.get(reverse("commission:dossier", args=[candidate.pk])).content.decode()
    assert 'data-chart="radar"' in html
