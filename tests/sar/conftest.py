import pytest
from django.urls import reverse

from tests.sar.factories import company_with_recruiters
from tests.sar.fixtures import colleague, company_a, login, recruiter  # noqa: F401 (shared with tests/alerts)


@pytest.fixture
def other_recruiter(db):
    return company_with_recruiters(1)[1][0]


@pytest.fixture
def pool_url():
    return reverse("sar_pool:index")
