"""The debriefing lists what this session left undecided, re-examined dossiers included."""

import datetime

import pytest
from django.urls import reverse

from recruitment.commission import rules, services
from recruitment.commission.enums import Classification

from .factories import AnalysisFactory, SessionFactory, eligible_candidate, pilot, restudy

pytestmark = pytest.mark.django_db

EARLIER = datetime.date(2025, 6, 12)


class TestSessionClassification:
    def test_a_restudied_dossier_counts_with_this_sessions_proposal(self):
        status = ("dossier-a-re-etudier", "Dossier à ré-étudier")
        assert rules.session_classification("a_determiner", "employable", status) == "a_determiner"

    def test_an_interviewed_dossier_is_still_undecided(self):
        status = ("entretien-realise", "Entretien réalisé")
        assert rules.session_classification("sans_suite", "adaptable", status) == "sans_suite"

    def test_a_decided_dossier_counts_with_its_final_classification(self):
        status = ("classe", "Classé")
        assert rules.session_classification("a_determiner", "employable", status) == "employable"

    def test_without_a_classification_the_proposal_counts(self):
        assert rules.session_classification("sans_suite", None, ("classe", "Classé")) == "sans_suite"
        assert rules.session_classification("", None, ("classe", "Classé")) == ""


@pytest.fixture
def session():
    return SessionFactory(pilot=pilot())


def restudied(classification=Classification.EMPLOYABLE):
    """A dossier classified by an earlier session and sent back for re-examination."""
    return eligible_candidate(status=restudy(), classification=classification, classified_on=EARLIER)


def test_a_reexamined_dossier_proposed_undetermined_is_listed(client, session):
    analysis = AnalysisFactory(session=session, candidate=restudied(), completed=True, undetermined=True)
    assert services.debriefing_analyses(session) == [analysis]
    client.force_login(session.pilot)
    response = client.get(reverse("commission:debriefing", args=[session.pk]))
    assert response.context["current"] == analysis
    # The form starts from this session's proposal, not the earlier class.
    assert response.context["form"].initial["classification"] == Classification.UNDETERMINED


def test_a_reexamined_dossier_proposed_employable_is_not_listed(session):
    AnalysisFactory(session=session, candidate=restudied(Classification.DISMISSED), completed=True)
    assert services.debriefing_analyses(session) == []


def test_once_classified_at_the_debriefing_the_reexamined_dossier_leaves_the_list(session):
    analysis = AnalysisFactory(session=session, candidate=restudied(), completed=True, undetermined=True)
    services.classify(
        analysis,
        classification=Classification.ADAPTABLE,
        dismissal_reason=None,
        classified_on=session.date,
        user=session.pilot,
    )
    assert services.debriefing_analyses(session) == []
