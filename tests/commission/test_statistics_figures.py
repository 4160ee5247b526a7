"""The board's figures agree with one another: each one counts among the dossiers of the previous one
(received ⊇ examined ⊇ classified = Σ classes ⊇ published ⊇ recruited), and the screen defines them."""

import datetime

import pytest
from django.urls import reverse

from recruitment.commission.enums import AnalysisState, Classification
from recruitment.commission.statistics import DEFINITIONS, statistics
from tests.commission.factories import AnalysisFactory, SessionFactory, eligible_candidate, pilot
from tests.sar.test_statistics import recruited

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2026, 6, 1)
PERIOD = (datetime.date(2026, 5, 1), datetime.date(2026, 7, 31))


def classify(analysis, classification, on=JUNE):
    candidate = analysis.candidate
    candidate.classification, candidate.classified_on = classification, on
    candidate.save()
    return analysis


@pytest.fixture
def june_session():
    session = SessionFactory(date=JUNE)
    AnalysisFactory(session=session)  # attached, interview not done: received only
    AnalysisFactory(session=session, completed=True)  # examined, not classified yet
    classify(AnalysisFactory(session=session, completed=True), Classification.DISMISSED)
    classify(AnalysisFactory(session=session, completed=True), Classification.UNDETERMINED)
    published = classify(AnalysisFactory(session=session, completed=True), Classification.EMPLOYABLE)
    classify(AnalysisFactory(session=session, completed=True), Classification.ADAPTABLE)
    without_consent = classify(
        AnalysisFactory(session=session, completed=True, candidate=eligible_candidate(with_consent=False)),
        Classification.EMPLOYABLE,
    )
    # Classified long before, by an earlier session outside the period: not this period's work.
    old = AnalysisFactory(session=SessionFactory(date=datetime.date(2025, 1, 10)), completed=True)
    classify(old, Classification.EMPLOYABLE, on=datetime.date(2025, 1, 12))
    recruited(datetime.date(2026, 7, 2), candidate=published.candidate)
    recruited(datetime.date(2026, 7, 3), candidate=old.candidate)  # recruited, but not examined in the period
    return session, without_consent


def total(start=None, end=None):
    return statistics(start, end)[-1]["values"]


def test_each_figure_counts_among_the_previous_one(june_session):
    values = total(*PERIOD)
    assert values["received"] == 7
    assert values["examined"] == 6
    classes = [values[choice.value] for choice in Classification]
    assert values["classified"] == sum(classes) == 5
    assert values["employable"] == 2 and values["adaptable"] == 1
    assert values["published"] == 2  # the Employable without consent is not in the pool
    assert values["recruited"] == 1
    chain = [values[key] for key in ("received", "examined", "classified", "published", "recruited")]
    assert chain == sorted(chain, reverse=True)


def test_without_bounds_the_figures_still_agree(june_session):
    values = total()
    chain = [values[key] for key in ("received", "examined", "classified", "published", "recruited")]
    assert chain == sorted(chain, reverse=True)
    assert values["classified"] == sum(values[choice.value] for choice in Classification)


def test_a_draft_analysis_is_received_not_examined():
    AnalysisFactory(session=SessionFactory(date=JUNE), state=AnalysisState.DRAFT)
    values = total(*PERIOD)
    assert (values["received"], values["examined"]) == (1, 0)


def test_rows_add_up_to_the_total(june_session):
    rows = statistics(*PERIOD)
    for key in ("received", "examined", "classified", "published", "recruited"):
        assert sum(row["values"][key] for row in rows[:-1]) == rows[-1]["values"][key]


def test_the_screen_defines_every_figure(client, june_session):
    client.force_login(pilot())
    html = client.get(reverse("commission:statistics"), {"start": "2026-05-01", "end": "2026-07-31"}).content.decode()
    assert "Définition des chiffres" in html
    for label, _definition in DEFINITIONS:
        assert label in html
    assert "Parmi les dossiers reçus" in html


def test_one_query_per_figure_whatever_the_territories(django_assert_max_num_queries, june_session):
    with django_assert_max_num_queries(1 + 10):  # territories, then one grouped query per figure
        statistics(*PERIOD)
