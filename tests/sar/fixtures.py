"""Fixtures shared by the tests of the recruitment support (tests/sar) and of the saved searches
(tests/alerts): a company with two recruiters, and a logged-in client. Each conftest imports them."""

import pytest

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


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client
