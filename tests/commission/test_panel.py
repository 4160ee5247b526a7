"""The read-only commission panel offered to the dossier screen."""

import pytest
from django.test import RequestFactory

from recruitment.commission.panels import CommissionPanel
from recruitment.models import Candidate

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
