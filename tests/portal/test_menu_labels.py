"""Sidebar labels fit the sidebar: top-level entries are cut past about 16 characters (a submenu's
arrow takes two more), submenu entries wrap past about 20."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from portal.accounts.roles import Role
from tests.portal.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

TOP_LEVEL = 16
TOP_LEVEL_WITH_SUBMENU = 14
SUBMENU = 21
BUSINESS_ROLES = [
    Role.PRESIDENT,
    Role.EMPLOYMENT_ADVISER,
    Role.SESSION_PILOT,
    Role.ADVISORY_RECRUITER,
    Role.TRAINING_COMMISSION,
    Role.COMPANY_RECRUITER,
    Role.ORGANISATION_REFERENT,
]


def menu(user):
    reverse("wagtailadmin_home")  # viewsets register their menu items with the admin URLs
    request = RequestFactory().get("/extranet/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        children = item.menu.menu_items_for_request(request) if isinstance(item, SubmenuMenuItem) else None
        yield item, children


@pytest.mark.parametrize("role", BUSINESS_ROLES, ids=lambda role: role.value)
def test_business_menus_fit_the_sidebar(role):
    user = UserFactory(roles=[role], organisation=OrganisationFactory(company=True, employment_partner=True))
    too_long = []
    for item, children in menu(user):
        limit = TOP_LEVEL if children is None else TOP_LEVEL_WITH_SUBMENU
        if len(str(item.label)) > limit:
            too_long.append(str(item.label))
        too_long += [str(child.label) for child in children or () if len(str(child.label)) > SUBMENU]
    assert not too_long


def test_administrator_top_level_fits():
    admin = UserFactory(is_superuser=True, is_staff=True)
    too_long = []
    for item, children in menu(admin):
        limit = TOP_LEVEL if children is None else TOP_LEVEL_WITH_SUBMENU
        if len(str(item.label)) > limit:
            too_long.append(str(item.label))
    assert not too_long
