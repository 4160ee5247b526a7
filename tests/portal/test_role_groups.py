"""A role is found by its stable key, not by its group's name: an administrator may rename role groups."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from membership.services import approve_account_request
from portal.accounts.groups import groups_of
from portal.accounts.roles import Role
from tests.membership.factories import AccountRequestFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed_groups():
    for group in Group.objects.filter(role_key__isnull=False):
        group.name = f"{group.name} (renommé)"
        group.save()


def test_every_role_has_its_group():
    assert {g.role_key.role for g in Group.objects.filter(role_key__isnull=False)} == set(Role.values)


def test_setup_roles_after_a_rename_creates_no_second_group(renamed_groups):
    before = Group.objects.count()
    call_command("setup_roles", verbosity=0)
    assert Group.objects.count() == before
    assert groups_of(Role.EMPLOYMENT_ADVISER).get().permissions.filter(codename="view_candidate").exists()


def test_an_approved_colleague_joins_the_renamed_group(renamed_groups):
    request = AccountRequestFactory(role=Role.COMPANY_RECRUITER.value)
    user = approve_account_request(request, by=UserFactory(administrator=True))
    assert list(user.groups.all()) == list(groups_of(Role.COMPANY_RECRUITER))
    assert user.has_perm("sar.search_pool")
