"""Every public page within its budget of 12 warm queries (issue: speed), with realistic content around it."""

import pytest
from django.urls import reverse

from membership.content import install_pages
from tests.directory.factories import OrganisationFactory, company_with_hr, department, directory_page
from tests.news.factories import NewsPageFactory, news_index
from tests.portal.page_factories import ContentPageFactory, add_footer_link, add_menu_item, home_page

pytestmark = pytest.mark.django_db

BUDGET = 12


@pytest.fixture
def site():
    directory = directory_page()
    install_pages(home_page())
    about = ContentPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous")
    add_menu_item("Qui sommes-nous", page=about)
    add_menu_item("Annuaire", page=directory)
    add_menu_item("Actualités", page=news_index())
    add_footer_link("Mentions légales", url="/mentions-legales/")
    items = [NewsPageFactory() for _ in range(12)]
    company = company_with_hr(name="Agence Numérique Élan")
    company.establishment_departments.set([department("67")])
    for _ in range(30):
        OrganisationFactory().establishment_departments.set([department("57")])
    return {"about": about, "news": items[0], "company": company}


def public_urls(site):
    return [
        "/",
        site["about"].url,
        "/actualites/",
        "/actualites/?categorie=vie-de-l-association",
        site["news"].url,
        "/annuaire/",
        "/annuaire/?etablissement=67&q=numerique",
        f"/annuaire/{site['company'].slug}/",
        "/adherer/",
        "/adherer/cotisation/",
        reverse("membership:apply"),
        "/api/v2/pages/",
        "/sitemap.xml",
    ]


def test_every_public_page_within_the_query_budget(client, site, django_assert_max_num_queries):
    for url in public_urls(site):
        assert client.get(url).status_code == 200, url  # warm: caches of navigation, facets, renditions
        with django_assert_max_num_queries(BUDGET, info=url):
            assert client.get(url).status_code == 200
