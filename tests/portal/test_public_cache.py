"""The anonymous page cache (portal/public_cache.py): hits without queries, and never stale, never personal."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from membership.content import install_pages
from portal import public_cache
from portal.organisations.enums import MembershipState
from tests.directory.factories import OrganisationFactory, company_with_hr, directory_page
from tests.news.factories import NewsPageFactory, news_index
from tests.portal.factories import UserFactory
from tests.portal.page_factories import ContentPageFactory, add_menu_item, home_page

pytestmark = pytest.mark.django_db

STATE = public_cache.HEADER


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.NEGE_PUBLIC_CACHE = True


@pytest.fixture
def site():
    directory = directory_page()
    install_pages(home_page())
    about = ContentPageFactory(title="Qui sommes-nous", slug="qui-sommes-nous")
    add_menu_item("Annuaire", page=directory)
    company = company_with_hr(name="Agence Numérique Élan")
    other = OrganisationFactory(name="Atelier Lorrain du Code")
    return {"about": about, "news": NewsPageFactory(title="Première actualité"), "company": company, "other": other}


def urls(site):
    return [
        "/",
        site["about"].url,
        "/actualites/",
        site["news"].url,
        "/annuaire/",
        "/annuaire/?q=numerique",
        f"/annuaire/{site['company'].slug}/",
        f"/annuaire/{site['other'].slug}/",
    ]


def test_a_second_anonymous_visit_is_a_hit_without_queries(site, django_assert_num_queries):
    for url in urls(site):
        first = Client().get(url)
        assert first.status_code == 200 and first[STATE] == "miss", url
        with django_assert_num_queries(0, info=url):
            second = Client().get(url)
        assert second.status_code == 200 and second[STATE] == "hit", url
        assert "Cookie" in second["Vary"]
        assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
        assert "unsafe-inline" not in second["Content-Security-Policy"]
        assert second["X-Frame-Options"] == first["X-Frame-Options"]


def test_the_query_string_and_the_host_are_part_of_the_key(site):
    Client().get("/annuaire/")
    assert Client().get("/annuaire/?q=atelier")[STATE] == "miss"
    assert "Atelier Lorrain" in Client().get("/annuaire/?q=atelier").content.decode()
    assert "Agence Numérique" not in Client().get("/annuaire/?q=atelier").content.decode()


def test_publishing_a_page_shows_it_at_the_next_request(site):
    assert "Nouvelle actualité" not in Client().get("/actualites/").content.decode()
    assert Client().get("/actualites/")[STATE] == "hit"
    NewsPageFactory(title="Nouvelle actualité")
    response = Client().get("/actualites/")
    assert response[STATE] == "miss" and "Nouvelle actualité" in response.content.decode()


def test_unpublishing_a_page_removes_it(site):
    url = site["news"].url
    Client().get(url)
    assert Client().get(url)[STATE] == "hit"
    site["news"].unpublish()
    assert Client().get(url).status_code == 404
    assert "Première actualité" not in Client().get("/actualites/").content.decode()


def test_editing_an_organisation_shows_in_the_directory(site):
    assert "Atelier Lorrain du Code" in Client().get("/annuaire/").content.decode()
    assert Client().get("/annuaire/")[STATE] == "hit"
    other = site["other"]
    other.name = "Atelier Mosellan du Code"
    other.save()
    html = Client().get("/annuaire/").content.decode()
    assert "Atelier Mosellan du Code" in html and "Atelier Lorrain du Code" not in html
    other.membership_state = MembershipState.SUSPENDED
    other.save()
    assert "Atelier Mosellan" not in Client().get("/annuaire/").content.decode()
    assert Client().get(f"/annuaire/{other.slug}/").status_code == 404


def test_a_menu_change_shows_on_every_page(site):
    Client().get(site["about"].url)
    add_menu_item("Nous rejoindre", url="/adherer/")
    assert "Nous rejoindre" in Client().get(site["about"].url).content.decode()


def test_a_logged_in_user_never_gets_a_cached_copy(site):
    url = site["about"].url
    client = Client()
    client.force_login(UserFactory(is_superuser=True))
    Client().get(url)
    assert Client().get(url)[STATE] == "hit"
    response = client.get(url)
    assert STATE not in response and response.context is not None  # rendered for this user
    assert Client().get(url)[STATE] == "hit"  # and the user's page was not stored


def test_any_cookie_but_the_csrf_one_bypasses_the_cache(site):
    url = site["about"].url
    Client().get(url)
    client = Client()
    client.cookies["sessionid"] = "an-old-session"
    assert STATE not in client.get(url)
    client = Client()
    client.cookies["csrftoken"] = "x" * 32
    assert client.get(url)[STATE] == "hit"


def test_the_contact_form_gets_a_fresh_csrf_token_per_visitor(site):
    url = f"/annuaire/{site['company'].slug}/"
    first = Client(enforce_csrf_checks=True)
    assert first.get(url)[STATE] == "miss"
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens = []
    for visitor in visitors:
        response = visitor.get(url)
        assert response[STATE] == "hit" and "private" in response["Cache-Control"]
        html = response.content.decode()
        assert public_cache.CSRF_PLACEHOLDER not in html
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1))
        assert visitor.cookies["csrftoken"].value
    assert tokens[0] != tokens[1]
    # The cached page's token works for its visitor: the form is accepted (here refused as incomplete, not 403).
    response = visitors[0].post(url, {"csrfmiddlewaretoken": tokens[0], "name": "Camille"})
    assert response.status_code == 200 and STATE not in response
    assert visitors[1].post(url, {"csrfmiddlewaretoken": tokens[0] + "x"}).status_code == 403


def test_no_personal_data_in_a_cached_page(site):
    url = f"/annuaire/{site['company'].slug}/"
    Client().get(url)
    entry = next(value for key, value in _entries() if value["content"] and "Agence Numérique Élan" in value["content"])
    assert "rh.personne@entreprise.test" not in entry["content"]
    assert "referent.personne@entreprise.test" not in entry["content"]
    assert public_cache.CSRF_PLACEHOLDER in entry["content"]


def _entries():
    from django.core.cache import cache

    version = public_cache.current_version()
    prefix = f"nege:public-cache:page:{version}:"
    store = getattr(cache, "_cache", None)
    if not isinstance(store, dict):  # Redis: ask for the keys
        client = cache._cache.get_client()
        keys = [key.decode().split(":", 2)[-1] for key in client.keys("*public-cache:page*")]
        return [(key, cache.get(key)) for key in keys if key.startswith(prefix)]
    return [(key.split(":", 2)[-1], cache.get(key.split(":", 2)[-1])) for key in list(store) if prefix in key]


def test_a_restricted_page_is_never_stored(site):
    about = site["about"]
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    first = Client().get(about.url)
    assert STATE not in first
    assert STATE not in Client().get(about.url)


def test_a_draft_is_never_shown_and_its_publication_is(site):
    draft = ContentPageFactory(title="Brouillon", slug="brouillon", draft=True)
    assert Client().get("/brouillon/").status_code == 404
    draft.save_revision().publish()
    assert Client().get("/brouillon/").status_code == 200


def test_extranet_only_news_never_reaches_the_public(site):
    internal = NewsPageFactory(title="Actualité interne", internal=True)
    assert Client().get(internal.url).status_code == 404
    assert "Actualité interne" not in Client().get("/actualites/").content.decode()


def test_bookkeeping_saves_leave_the_cache_alone(site):
    url = site["about"].url
    user = UserFactory()
    Client().get(url)
    user.save(update_fields=["last_login"])  # a login
    assert Client().get(url)[STATE] == "hit"


def test_the_cache_can_be_turned_off(site, settings):
    settings.NEGE_PUBLIC_CACHE = False
    assert STATE not in Client().get("/")
    assert news_index().live


def test_the_api_listing_is_cached_and_follows_a_publication(site):
    assert Client().get("/api/v2/pages/")[STATE] == "miss"
    response = Client().get("/api/v2/pages/")
    assert response[STATE] == "hit"
    titles = [item["title"] for item in response.json()["items"]]
    assert "Première actualité" in titles
    NewsPageFactory(title="Actualité publiée ensuite")
    NewsPageFactory(title="Actualité interne", internal=True)
    response = Client().get("/api/v2/pages/?limit=50")
    titles = [item["title"] for item in response.json()["items"]]
    assert "Actualité publiée ensuite" in titles and "Actualité interne" not in titles
    detail = Client().get(f"/api/v2/pages/{site['news'].pk}/")
    assert detail.json()["title"] == "Première actualité"
    site["news"].title = "Titre corrigé"
    site["news"].save_revision().publish()
    assert Client().get(f"/api/v2/pages/{site['news'].pk}/").json()["title"] == "Titre corrigé"


def test_the_api_throttle_still_applies_to_cached_answers(site, settings):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "anon": "2/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        assert [Client().get("/api/v2/pages/").status_code for _ in range(3)] == [200, 200, 429]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
