"""The advisory recruiter's analysis: saved half-way as a draft, completed once every opinion is given."""

import pytest
from django.urls import reverse

from recruitment.commission import rules
from recruitment.commission.enums import AnalysisState, Classification
from recruitment.commission.models import Analysis

from .factories import AnalysisFactory, SessionFactory, eligible_candidate, recruiter
from .helpers import FULL_OPINIONS, analysis_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned():
    the_recruiter = recruiter()
    session = SessionFactory(recruiters=[the_recruiter])
    analysis = AnalysisFactory(session=session, candidate=eligible_candidate())
    return the_recruiter, analysis


def test_form_renders_the_skill_picker_and_the_scales(client, assigned):
    the_recruiter, analysis = assigned
    client.force_login(the_recruiter)
    body = client.get(reverse("commission:analysis", args=[analysis.pk])).content.decode()
    assert body.count("data-skill-item") > 300
    assert "Maîtrise d&#x27;ensemble, expert dans un domaine" in body
    assert "Poursuite ou évolution professionnelle dans le secteur" in body
    assert "APRE1" in body or "Préparation aux entretiens" in body


def test_saved_half_way_as_a_draft(client, assigned):
    the_recruiter, analysis = assigned
    client.force_login(the_recruiter)
    data = analysis_data(competence_opinion="3", draft="1")
    response = client.post(reverse("commission:analysis", args=[analysis.pk]), data)
    assert response.status_code == 302
    analysis.refresh_from_db()
    assert analysis.state == AnalysisState.DRAFT
    assert analysis.competence_opinion == 3 and analysis.behaviour_opinion is None
    assert analysis.recruiter == the_recruiter
    assert sorted(analysis.skills.values_list("level", flat=True)) == ["debutant", "experimente"]
    assert analysis.mobilities.count() == 1 and analysis.accepts_move is True
    analysis.candidate.refresh_from_db()
    assert analysis.candidate.wishes == "Développement web"
    # Reopened, the picker shows what was saved.
    body = client.get(reverse("commission:analysis", args=[analysis.pk])).content.decode()
    assert '<option value="experimente" selected>' in body


def test_completing_with_missing_opinions_keeps_the_draft(client, assigned):
    the_recruiter, analysis = assigned
    client.force_login(the_recruiter)
    data = analysis_data(competence_opinion="3", complete="1")
    response = client.post(reverse("commission:analysis", args=[analysis.pk]), data, follow=True)
    analysis.refresh_from_db()
    assert analysis.state == AnalysisState.DRAFT
    assert "il manque" in response.content.decode()


def test_completed_analysis_moves_the_dossier(client, assigned):
    the_recruiter, analysis = assigned
    client.force_login(the_recruiter)
    data = analysis_data(**FULL_OPINIONS, proposed_classification="employable", complete="1")
    client.post(reverse("commission:analysis", args=[analysis.pk]), data)
    analysis.refresh_from_db()
    assert analysis.state == AnalysisState.COMPLETED and analysis.completed_at
    assert analysis.candidate.status.code == "entretien-realise"
    # The recruiter proposes; only the pilot classifies.
    assert analysis.candidate.classification is None


def test_dismissal_proposal_requires_a_reason(client, assigned):
    the_recruiter, analysis = assigned
    client.force_login(the_recruiter)
    data = analysis_data(**FULL_OPINIONS, proposed_classification="sans_suite", complete="1")
    response = client.post(reverse("commission:analysis", args=[analysis.pk]), data)
    assert response.status_code == 200
    assert "raison de la classification « Sans suite » est obligatoire" in response.content.decode()
    assert Analysis.objects.get(pk=analysis.pk).state == AnalysisState.DRAFT


class TestMissingForCompletion:
    def test_all_missing(self):
        missing = rules.missing_for_completion(Analysis())
        assert len(missing) == 6

    def test_complete(self):
        analysis = Analysis(**{k: int(v) for k, v in FULL_OPINIONS.items()})
        analysis.proposed_classification = Classification.ADAPTABLE
        assert rules.missing_for_completion(analysis) == []

    def test_dismissed_needs_reason(self):
        analysis = Analysis(**{k: int(v) for k, v in FULL_OPINIONS.items()})
        analysis.proposed_classification = Classification.DISMISSED
        assert rules.missing_for_completion(analysis) == ["la raison de la classification « Sans suite »"]
