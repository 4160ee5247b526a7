"""Every public page within its budget of 12 warm queries (issue: speed), with realistic content around it."""

import pytest
from django.urls import reverse

from directory import facets
from membership.content import install_pages
from portal.organisations.enums import MembershipState
from portal.organisations.models import Organisation
from tests.directory.factories import OrganisationFactory, company_with_hr, department, directory_page, logo
from tests.news.factories import NewsPageFactory, news_index
from tests.portal.page_factories import ContentPageFactory, add_footer_link, add_menu_item, home_page, site_settings

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


def departments_counted(client, url="/annuaire/"):
    """{département code: count} of the directory's "établissement" facet."""
    facets = {name: options for name, _, options in client.get(url).context["facets"]}
    return {value: count for value, _, count, _ in facets["etablissement"]}


DIRECTORY_URLS = [
    "/annuaire/",
    "/annuaire/?page=2",
    "/annuaire/?etablissement=57",
    "/annuaire/?q=numerique&categorie=company&etablissement=67",
]


def test_the_directory_stays_within_budget_at_a_thousand_organisations(client, site, django_assert_max_num_queries):
    """About as many organisations as bakerydemo (the fixture), then 1 000 more: the same budget."""
    site["company"].logo = logo()  # a card with its logo: the image and its rendition
    site["company"].save()
    for url in DIRECTORY_URLS:
        client.get(url)
        with django_assert_max_num_queries(BUDGET, info=f"fixture: {url}"):
            assert client.get(url).status_code == 200
    category = site["company"].category
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Entreprise {i:04d}",
            slug=f"entreprise-{i:04d}",
            category=category,
            city="Metz",
            membership_state=MembershipState.ACCEPTED,
        )
        for i in range(1000)
    )
    through = Organisation.establishment_departments.through
    moselle = department("57")
    through.objects.bulk_create(through(organisation=o, department=moselle) for o in organisations)
    facets.renew_version()  # bulk_create sends no signal (the screens and imports save one by one)
    for url in DIRECTORY_URLS:
        client.get(url)
        with django_assert_max_num_queries(BUDGET, info=f"1 000 more: {url}"):
            assert client.get(url).status_code == 200
    assert departments_counted(client)["57"] == 1030


def test_the_cached_facet_counts_follow_an_edited_organisation(client, site):
    before = departments_counted(client)
    assert before["67"] == 1
    moved = Organisation.objects.accepted().exclude(pk=site["company"].pk).first()
    moved.establishment_departments.add(department("67"))  # an m2m change: no save of the organisation
    assert departments_counted(client)["67"] == 2
    moved.membership_state = MembershipState.SUSPENDED
    moved.save()
    assert departments_counted(client)["67"] == 1
    assert departments_counted(client)["57"] == before["57"] - 1


def test_the_cached_navigation_follows_a_renamed_page(client, site):
    assert "Qui sommes-nous" in client.get("/").content.decode()
    about = site["about"]
    about.title = "L'association"
    about.save_revision().publish()
    menu = site_settings().menu_items.get(page=about)
    menu.label = "L'association"
    menu.save()
    html = client.get("/").content.decode()
    assert "L&#x27;association" in html and "Qui sommes-nous" not in html
