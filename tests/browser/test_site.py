"""The public site and the extranet shell in a real browser: accessibility (axe-core), CSP, login."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from portal.accounts.roles import Role
from tests.portal.factories import PASSWORD, UserFactory
from tests.portal.page_factories import ContentPageFactory, ImageFactory, add_footer_link, add_menu_item, home_page

from .conftest import assert_no_serious_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def body(target):
    return [
        ("heading", "Nos missions"),
        ("paragraph", RichText('<p>Rapprocher <a href="/">entreprises</a> et candidats.</p>')),
        ("image", {"image": ImageFactory(), "alt_text": "Des candidats en atelier", "decorative": False}),
        (
            "call_to_action",
            {
                "title": "Devenir adhérent",
                "text": "Rejoignez-nous.",
                "page": target,
                "url": "",
                "button_label": "Adhérer",
            },
        ),
        ("quote", {"quote": "Le numérique, un job !", "author": "Le Président"}),
    ]


@pytest.fixture
def site_content():
    """A home page and a content page with every (offline) block, a menu and a footer."""
    about = ContentPageFactory(title="L'association", slug="association", intro="Qui sommes-nous ?")
    about.body = body(home_page())
    about.save_revision().publish()
    home = home_page()
    home.body = body(about)
    home.save_revision().publish()
    add_menu_item("L'association", page=about)
    add_menu_item("Annuaire", url="/annuaire/")
    add_footer_link("Plan du site", url="/sitemap.xml")
    return about


class TestPublicSite:
    def test_home_page_is_accessible_styled_and_keyboard_friendly(self, page, site_content):
        response = page.goto("/")
        assert response.status == 200
        assert page.locator("html").get_attribute("lang") == "fr"
        # The stylesheet is served by the live server and applied.
        header_bg = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
        assert header_bg == "rgb(11, 94, 168)"
        assert page.locator("img[alt='Des candidats en atelier']").evaluate("img => img.naturalWidth") > 0
        assert_no_serious_axe_violations(page)
        # The skip link is off-screen until the keyboard reaches it, then leads to the content.
        skip = page.get_by_role("link", name="Aller au contenu")
        assert skip.bounding_box()["y"] < 0
        page.keyboard.press("Tab")
        assert skip.evaluate("el => el === document.activeElement")
        assert skip.bounding_box()["y"] >= 0
        page.keyboard.press("Enter")
        assert page.url.endswith("#contenu")

    def test_content_and_not_found_pages_are_accessible(self, page, site_content):
        assert page.goto("/association/").status == 200
        expect(page.locator("h1")).to_have_text("L'association")
        expect(page.get_by_role("navigation", name="Fil d'Ariane")).to_be_visible()
        assert_no_serious_axe_violations(page)
        assert page.goto("/nulle-part/").status == 404
        expect(page.locator("h1")).to_have_text("Page introuvable")
        assert_no_serious_axe_violations(page)

    def test_menu_collapses_on_small_screens(self, page, site_content):
        page.set_viewport_size({"width": 375, "height": 740})
        page.goto("/")
        toggle = page.get_by_role("button", name="Menu")
        menu_link = page.get_by_role("link", name="Annuaire")
        assert toggle.is_visible() and not menu_link.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        expect(menu_link).to_be_visible()
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false" and not menu_link.is_visible()

    def test_pages_respect_the_strict_csp(self, strict_page, site_content):
        for path in ("/", "/association/", "/nulle-part/"):
            strict_page.goto(path)
        # nege.js ran (it unhides the menu button), so the external script was allowed.
        assert strict_page.evaluate("() => document.documentElement.classList.contains('js')")
        assert strict_page.csp_violations == []


class TestExtranet:
    def test_login_page_is_accessible(self, page):
        assert page.goto("/extranet/login/").status == 200
        expect(page.locator("h1")).to_have_text("Extranet Numéric'Emploi Grand Est")
        assert_no_serious_axe_violations(page)

    def test_real_login_reaches_the_dashboard(self, page):
        UserFactory(username="referent.test", roles=[Role.EMPLOYMENT_ADVISER])
        page.goto("/extranet/")
        assert "/extranet/login/" in page.url
        page.locator("#id_username").fill("referent.test")
        page.locator("#id_password").fill(PASSWORD)
        page.get_by_role("button", name="S'identifier").click()
        page.wait_for_url("**/extranet/")
        expect(page.get_by_role("heading", name="Vos raccourcis")).to_be_visible()
        expect(page.get_by_role("link", name="Mon compte").first).to_be_visible()
        assert_no_serious_axe_violations(page)
