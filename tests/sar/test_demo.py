import io

import pytest

from portal.accounts.roles import Role
from recruitment.sar import demo
from recruitment.sar.models import FollowUpSheet
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.sar.factories import PoolCandidateFactory

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_scoped():
    company_a, company_b = OrganisationFactory(company=True), OrganisationFactory(company=True)
    for username, company in (("recruteur.a", company_a), ("recruteur.a2", company_a), ("recruteur.b", company_b)):
        UserFactory(username=username, roles=[Role.COMPANY_RECRUITER], organisation=company)
    PoolCandidateFactory.create_batch(12)
    demo.seed(io.StringIO())
    count = FollowUpSheet.objects.count()
    assert count == 10
    demo.seed(io.StringIO())
    assert FollowUpSheet.objects.count() == count
    assert FollowUpSheet.objects.filter(company=company_b).count() == 3
    assert FollowUpSheet.objects.filter(created_by__username="recruteur.a2").overdue().exists()


def test_seed_without_users_or_pool():
    out = io.StringIO()
    demo.seed(out)
    assert FollowUpSheet.objects.count() == 0
