"""The adviser's dossier screen shows the commission's opinion, read-only."""

import datetime

import pytest

from recruitment.enums import Classification

from .factories import CandidateFactory, partner_with_adviser
from .helpers import url

pytestmark = pytest.mark.django_db


def test_adviser_sees_the_classification_in_the_dossier(client):
    organisation, adviser = partner_with_adviser()
    candidate = CandidateFactory(
        organisation=organisation,
        with_consent=True,
        classification=Classification.EMPLOYABLE,
        classified_on=datetime.date(2026, 10, 2),
    )
    client.force_login(adviser)
    content = client.get(url("edit", candidate.pk)).content.decode()
    assert "Avis de la commission" in content
    assert "<strong>Employable</strong> depuis le 02/10/2026" in content


def test_unclassified_dossier_says_so(client):
    organisation, adviser = partner_with_adviser()
    candidate = CandidateFactory(organisation=organisation)
    client.force_login(adviser)
    content = client.get(url("edit", candidate.pk)).content.decode()
    assert "présenté à aucune session de la commission" in content
