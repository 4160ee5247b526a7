import pytest

from portal.accounts.roles import Role
from tests.portal.factories import UserFactory
from tests.recruitment.factories import area
from tests.sar.factories import company_with_recruiters
from tests.sar.fixtures import colleague, company_a, recruiter  # noqa: F401 (shared with tests/sar)


@pytest.fixture
def company_b(db):
    company, recruiters = company_with_recruiters(1)
    return company, recruiters[0]


@pytest.fixture
def alsace(db):
    return area("Alsace / Bas-Rhin")


@pytest.fixture
def lorraine(db):
    return area("Lorraine / Moselle")


@pytest.fixture
def adviser(db):
    return UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
