import pytest

from portal.accounts.roles import Role
from tests.portal.factories import UserFactory
from tests.recruitment.factories import area
from tests.sar.factories import company_with_recruiters


@pytest.fixture
def company_a(db):
    company, recruiters = company_with_recruiters(2)
    return company, recruiters[0], recruiters[1]


@pytest.fixture
def recruiter(company_a):
    return company_a[1]


@pytest.fixture
def colleague(company_a):
    return company_a[2]


@pytest.fixture
def company_b(db):
    company, (recruiter,) = company_with_recruiters(1)
    return company, recruiter


@pytest.fixture
def alsace(db):
    return area("Alsace / Bas-Rhin")


@pytest.fixture
def lorraine(db):
    return area("Lorraine / Moselle")


@pytest.fixture
def adviser(db):
    return UserFactory(roles=[Role.EMPLOYMENT_ADVISER])
