"""Public pages on a phone (390 px): nothing widens the page, and the directory's results come first."""

import pytest
from playwright.sync_api import expect

from news.setup import ensure_news_index
from portal.organisations.models import CompanyType, OrganisationCategory
from tests.directory.factories import OrganisationFactory, directory_page

from .test_membership import membership_site  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_the_fee_grid_fits_a_phone(page, membership_site):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto("/adherer/cotisation/")
    expect(page.locator(".fee-table").first).to_be_visible()
    assert page_width(page) <= PHONE["width"]
    # Each fee keeps its column's name, now that the header row is out of sight.
    labels = (
        page.locator(".fee-table tbody tr")
        .first.locator("td")
        .evaluate_all("cells => cells.map(cell => getComputedStyle(cell, '::before').content)")
    )
    assert labels == ['"Standard"', '"Organisme affilié"']


def test_the_news_filters_fit_a_phone(page):
    ensure_news_index()
    page.set_viewport_size(PHONE)
    page.goto("/actualites/")
    expect(page.get_by_label("Catégorie", exact=True)).to_be_visible()
    assert page_width(page) <= PHONE["width"]


def test_the_directory_shows_its_results_on_the_first_screen_of_a_phone(page):
    directory_page()
    for category in OrganisationCategory.objects.all():
        for company_type in CompanyType.objects.all()[:4]:
            OrganisationFactory(category=category, company_type=company_type)
    page.set_viewport_size(PHONE)
    page.goto("/annuaire/")
    first_result = page.locator(".org-card").first
    assert first_result.bounding_box()["y"] < PHONE["height"]
    assert page_width(page) <= PHONE["width"]
    # The filters are one tap away, and they still work.
    page.locator(".directory-filters__toggle").click()
    page.locator("summary", has_text="Catégorie").scroll_into_view_if_needed()
    expect(page.locator(".facet__options input").first).to_be_visible()


def test_the_directory_filters_stay_open_on_a_desktop(page):
    directory_page()
    OrganisationFactory()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/annuaire/")
    expect(page.locator(".facet__options input").first).to_be_visible()
    expect(page.locator(".directory-filters__toggle")).to_be_hidden()
