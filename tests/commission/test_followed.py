"""'Avis de la commission': the adviser's list of their dossiers presented to the commission."""

import pytest
from django.urls import reverse

from portal.accounts.roles import Role
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.recruitment.factories import partner_with_adviser

from .factories import AnalysisFactory, TrainingPlanFactory, eligible_candidate
from .helpers import assert_denied

pytestmark = pytest.mark.django_db
URL = reverse("commission:dossiers")


@pytest.fixture
def adviser_with_dossiers():
    organisation, adviser = partner_with_adviser()
    own = AnalysisFactory(candidate=eligible_candidate(organisation=organisation, last_name="Mienne"), completed=True)
    TrainingPlanFactory(candidate=own.candidate)
    AnalysisFactory(candidate=eligible_candidate(last_name="Autrepartenaire"))
    return adviser


def test_adviser_lists_only_own_dossiers(client, adviser_with_dossiers):
    client.force_login(adviser_with_dossiers)
    body = client.get(URL).content.decode()
    assert "MIENNE" in body and "AUTREPARTENAIRE" not in body
    assert "À définir" in body
    assert "MIENNE" not in client.get(URL, {"q": "autre"}).content.decode()


def test_company_recruiter_is_refused(client, adviser_with_dossiers):
    client.force_login(UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=OrganisationFactory(company=True)))
    assert_denied(client.get(URL))


def test_query_count_is_constant(client, adviser_with_dossiers, django_assert_max_num_queries):
    client.force_login(adviser_with_dossiers)
    client.get(URL)
    with django_assert_max_num_queries(40) as small:
        client.get(URL)
    for _ in range(10):
        AnalysisFactory(candidate=eligible_candidate(organisation=adviser_with_dossiers.organisation))
    with django_assert_max_num_queries(len(small.captured_queries) + 1):
        client.get(URL)
