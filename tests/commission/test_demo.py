"""The demo seed: sessions over the existing demo dossiers, idempotent, tolerant of missing users."""

import io

import pytest

from portal.accounts.roles import Role
from recruitment.commission import demo
from recruitment.commission.models import Analysis, EmployabilityProfile, Session
from tests.portal.factories import UserFactory
from tests.recruitment.factories import partner_with_adviser

from .factories import eligible_candidate

pytestmark = pytest.mark.django_db


def test_nothing_without_demo_users():
    out = io.StringIO()
    demo.seed(out)
    assert Session.objects.count() == 0 and "ignoré" in out.getvalue()


def test_sessions_over_demo_dossiers_and_idempotent():
    organisation, adviser = partner_with_adviser()
    adviser.username = "referent.a"
    adviser.save()
    UserFactory(username="pilote", roles=[Role.SESSION_PILOT])
    UserFactory(username="conseil", roles=[Role.ADVISORY_RECRUITER])
    for _ in range(6):
        eligible_candidate(organisation=organisation, organisation_contact=adviser)
    demo.seed(io.StringIO())
    assert Session.objects.count() == 2
    assert Analysis.objects.count() == 6
    assert Analysis.objects.filter(state="completed").count() == 4
    assert EmployabilityProfile.objects.count() == 4  # what the pool search reads
    assert Analysis.objects.filter(state="draft", candidate__status__code="convoque-commission").count() == 2
    demo.seed(io.StringIO())
    assert Session.objects.count() == 2 and Analysis.objects.count() == 6
