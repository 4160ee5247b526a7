"""The read-only commission panel offered to the dossier screen."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from recruitment.commission.panels import CommissionPanel
from recruitment.models import Candidate
from recruitment.panels import dossier_edit_handler

from .factories import AnalysisFactory, TrainingPlanFactory, pilot

pytestmark = pytest.mark.django_db


def test_panel_shows_sessions_classification_and_plan():
    analysis = AnalysisFactory(completed=True)
    candidate = analysis.candidate
    candidate.classification = "employable"
    candidate.classified_on = analysis.session.date
    candidate.save()
    TrainingPlanFactory(candidate=candidate)
    request = RequestFactory().get("/")
    request.user = pilot()
    panel = CommissionPanel(heading="Session de la commission").bind_to_model(Candidate)
    bound = panel.get_bound_panel(instance=candidate, request=request, form=None)
    html = bound.render_html()
    assert str(analysis.session).replace("'", "&#x27;") in html
    assert "Employable" in html and "À définir" in html
    assert f"/extranet/commission/dossiers/{candidate.pk}/" in html


def test_the_commission_registers_its_panel_on_the_dossier_screen():
    def panels(panel):
        yield panel
        for child in getattr(panel, "children", []):
            yield from panels(child)

    found = [p for p in panels(dossier_edit_handler()) if isinstance(p, CommissionPanel)]
    assert [p.heading for p in found] == ["Avis de la commission"]


def test_the_dossier_screen_shows_it(client):
    analysis = AnalysisFactory(completed=True)
    client.force_login(pilot())
    body = client.get(reverse("recruitment_dossiers:edit", args=[analysis.candidate_id])).content.decode()
    assert "Avis de la commission" in body
    assert f"/extranet/commission/dossiers/{analysis.candidate_id}/" in body
