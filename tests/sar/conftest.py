import pytest
from django.urls import reverse

from tests.portal.factories import PASSWORD
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
def other_recruiter(db):
    return company_with_recruiters(1)[1][0]


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def pool_url():
    return reverse("sar_pool:index")
