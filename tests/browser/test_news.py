"""An editor publishes news in the extranet (real browser); the public site shows only public items."""

import pytest
from playwright.sync_api import expect

from news.digest import send_news_digests
from news.models import NewsPage
from news.setup import ensure_news_index
from portal.accounts.roles import Role
from tests.portal.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor():
    return UserFactory(username="redactrice", roles=[Role.EDITOR])


def login(page, username):
    page.goto("/extranet/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    page.wait_for_url("**/extranet/")


def publish_news(page, index, *, title, lead, internal=False):
    page.goto(f"/extranet/pages/add/news/newspage/{index.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_category").select_option(label="Vie de l'association")
    page.locator("#id_lead").fill(lead)
    if internal:
        page.locator("#id_extranet_only").check()
    # "Publier" sits in the footer's dropdown of actions.
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/extranet/pages/{index.pk}/")


def test_editor_publishes_news_that_only_public_visitors_see_when_public(page, browser, live_server, editor):
    index = ensure_news_index()
    follower = UserFactory(roles=[Role.EMPLOYMENT_ADVISER], email="abonnee@exemple.test")
    from news.models import NewsCategory

    follower.news_categories.set([NewsCategory.objects.get(slug="vie-de-l-association")])

    login(page, "redactrice")
    publish_news(page, index, title="Assemblée générale 2026", lead="Tous les adhérents sont invités.")
    publish_news(page, index, title="Dates internes des sessions", lead="Réservé à l'extranet.", internal=True)

    public = NewsPage.objects.get(title="Assemblée générale 2026")
    internal = NewsPage.objects.get(title="Dates internes des sessions")
    assert public.live and internal.live and internal.extranet_only
    assert public.owner == editor

    # An anonymous visitor, in a fresh browser context.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    visitor = context.new_page()
    visitor.goto("/actualites/")
    expect(visitor.get_by_role("link", name="Assemblée générale 2026")).to_be_visible()
    assert visitor.get_by_text("Dates internes des sessions").count() == 0
    visitor.get_by_role("link", name="Assemblée générale 2026").click()
    visitor.wait_for_url(f"**{public.url}")
    expect(visitor.get_by_role("heading", name="Assemblée générale 2026")).to_be_visible()
    assert visitor.goto(internal.url).status == 404
    context.close()

    # The extranet user sees both in "Informations".
    page.goto("/extranet/informations/")
    expect(page.get_by_role("link", name="Dates internes des sessions")).to_be_visible()
    expect(page.get_by_role("link", name="Assemblée générale 2026")).to_be_visible()

    # Both reach the follower in the next digest.
    assert send_news_digests() == 1


def test_user_chooses_news_categories_in_their_profile(page, editor):
    login(page, "redactrice")
    page.goto("/extranet/account/")
    page.get_by_role("tab", name="Notifications").click()
    page.get_by_label("Evénement public").check()
    page.get_by_label("Processus & Documentation").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_label("Evénement public")).to_be_checked()
    assert set(editor.news_categories.values_list("slug", flat=True)) == {
        "evenement-public",
        "processus-et-documentation",
    }


def test_news_pages_respect_the_csp_and_accessibility(strict_page, page):
    from tests.browser.conftest import assert_no_serious_axe_violations
    from tests.news.factories import NewsPageFactory

    ensure_news_index()
    item = NewsPageFactory(title="Journée portes ouvertes", lead="Venez découvrir nos métiers.")
    NewsPageFactory(title="Deuxième actualité")
    for url in ("/actualites/", item.url, "/actualites/?categorie=vie-de-l-association&q=journee"):
        assert strict_page.goto(url).status == 200
    assert strict_page.csp_violations == []
    for url in ("/actualites/", item.url):
        page.goto(url)
        assert_no_serious_axe_violations(page)
