"""Shared fixtures of the dossier tests."""

import pytest

from .factories import partner_with_adviser, terms


@pytest.fixture
def adviser(client):
    """A logged-in employment adviser, with the conditions of use published (consent can be recorded)."""
    _org, user = partner_with_adviser()
    client.force_login(user)
    terms()
    return user
