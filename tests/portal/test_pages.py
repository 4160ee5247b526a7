"""Public site skeleton: home and content pages, StreamField blocks, navigation, errors, sitemap."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import GroupApprovalTask, Site, Workflow, WorkflowTask
from wagtail.rich_text import RichText

from portal.accounts.roles import Role
from portal.pages.navigation import CACHE_KEY

from .factories import UserFactory
from .page_factories import (
    ContentPageFactory,
    ImageFactory,
    add_footer_link,
    add_menu_item,
    home_page,
    site_settings,
)

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=nege-demo"
QUERY_BUDGET = 15


@pytest.fixture
def embed():
    """A cached oEmbed answer, so rendering never reaches the network."""
    return Embed.objects.create(
        url=VIDEO_URL,
        max_width=800,
        hash=get_embed_hash(VIDEO_URL, 800),
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/nege-demo" title="Présentation NEGE"></iframe>',
        title="Présentation NEGE",
    )


def full_body(target_page):
    """One block of each type, as editors compose pages."""
    image = ImageFactory(title="Photo d'un atelier")
    return [
        ("heading", "Nos missions"),
        ("paragraph", RichText("<p>Rapprocher <b>entreprises</b> et candidats.</p>")),
        ("image", {"image": image, "alt_text": "Des candidats en atelier", "decorative": False}),
        (
            "call_to_action",
            {
                "title": "Devenir adhérent",
                "text": "Rejoignez le réseau.",
                "page": target_page,
                "url": "",
                "button_label": "Adhérer",
            },
        ),
        ("quote", {"quote": "Le numérique, un job !", "author": "Le Président"}),
        ("embed", VIDEO_URL),
    ]


def publish_body(page, body):
    page.body = body
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def assert_no_inline_script_or_style(html):
    # The public CSP forbids inline code: every script has a src (or is a JSON data block),
    # no style element or attribute.
    assert not re.search(r"<script(?![^>]*\b(src=|type=\"application/json\"))[^>]*>", html), "inline <script> found"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html), "style attribute found"


class TestSkeleton:
    def test_home_page_has_french_accessible_skeleton(self, client):
        html = client.get("/").content.decode()
        assert '<html lang="fr">' in html
        assert '<a class="skip-link" href="#contenu">Aller au contenu</a>' in html
        assert '<main id="contenu"' in html
        assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
        assert 'aria-label="Navigation principale"' in html
        assert "<h1>Numéric&#x27;Emploi Grand Est</h1>" in html
        assert "<title>Numéric'Emploi Grand Est – le numérique, un job !</title>" in html
        assert '<link rel="stylesheet" href="/static/css/nege.css">' in html
        assert_no_inline_script_or_style(html)

    def test_editors_get_the_wagtail_userbar_within_the_csp(self, client):
        client.force_login(UserFactory(roles=[Role.EDITOR]))
        html = client.get("/").content.decode()
        assert "<wagtail-userbar" in html
        assert_no_inline_script_or_style(html)

    def test_menu_and_footer_come_from_site_settings(self, client):
        about = ContentPageFactory(title="Qui sommes-nous ?", slug="qui-sommes-nous")
        draft = ContentPageFactory(title="Brouillon", slug="brouillon", draft=True)
        legal = ContentPageFactory(title="Mentions légales", slug="mentions-legales")
        add_menu_item("L'association", page=about)
        add_menu_item("Pas encore publiée", page=draft)
        add_menu_item("Annuaire", url="/annuaire/")
        add_footer_link("Plan du site", url="/sitemap.xml")
        settings = site_settings()
        settings.footer_text = "Association de droit local"
        settings.contact_email = "contact@numeric-emploi.example"
        settings.legal_notice_page = legal
        settings.save()

        html = client.get(about.url).content.decode()

        nav = html.split('aria-label="Navigation principale"')[1].split("</nav>")[0]
        assert re.findall(r">([^<]+)</a>", nav) == ["L&#x27;association", "Annuaire", "Extranet"]
        assert '<a href="/qui-sommes-nous/" aria-current="page">' in nav
        assert "Pas encore publiée" not in html  # a draft is never linked
        assert '<a href="/sitemap.xml">Plan du site</a>' in html
        assert '<a href="/mentions-legales/">Mentions légales</a>' in html
        assert "Association de droit local" in html
        assert 'href="mailto:contact@numeric-emploi.example"' in html

    def test_legal_notice_is_not_printed_twice(self, client):
        legal = ContentPageFactory(title="Mentions légales", slug="mentions-legales")
        add_footer_link("Mentions légales", page=legal)
        settings = site_settings()
        settings.legal_notice_page = legal
        settings.save()

        html = client.get("/").content.decode()

        assert html.count('<a href="/mentions-legales/">Mentions légales</a>') == 1

    def test_menu_marks_the_current_section(self, client):
        section = ContentPageFactory(title="L'association", slug="association")
        ContentPageFactory(parent=section, slug="missions")
        add_menu_item("L'association", page=section)
        add_menu_item("Accueil", url="/")
        nav = client.get("/association/missions/").content.decode().split('aria-label="Navigation principale"')[1]
        assert '<a href="/association/" class="is-active">L&#x27;association</a>' in nav
        assert '<a href="/">Accueil</a>' in nav  # the home link is not a section of every page
        assert 'aria-current="page"' not in nav.split("</nav>")[0]

    def test_navigation_cache_is_refreshed_when_settings_or_pages_change(self, client):
        page = ContentPageFactory(title="Adhérer", slug="adherer")
        add_menu_item("Adhérer", page=page)
        assert "Adhérer</a>" in client.get("/").content.decode()

        add_menu_item("Actualités", url="/actualites/")
        assert "Actualités</a>" in client.get("/").content.decode()

        page.unpublish()
        assert ">Adhérer</a>" not in client.get("/").content.decode()

    def test_navigation_is_cached_between_requests(self, client):
        add_menu_item("Annuaire", url="/annuaire/")
        client.get("/")
        assert cache.get(CACHE_KEY)
        settings = site_settings()
        # Simulate an out-of-band change (no signal): the cached menu is still served.
        type(settings).objects.filter(pk=settings.pk).update(footer_text="Changé")
        assert "Changé" not in client.get("/").content.decode()


class TestHomePage:
    def test_renders_every_block(self, client, embed):
        target = ContentPageFactory(title="Adhésion", slug="adhesion")
        publish_body(home_page(), full_body(target))
        html = client.get("/").content.decode()
        assert "<h2>Nos missions</h2>" in html
        assert "<b>entreprises</b>" in html
        assert 'alt="Des candidats en atelier"' in html
        assert '<a class="button" href="/adhesion/">Adhérer</a>' in html
        assert "Le numérique, un job !" in html and "— Le Président" in html
        assert 'src="https://www.youtube-nocookie.com/embed/nege-demo"' in html
        assert_no_inline_script_or_style(html)

    def test_warm_render_stays_within_query_budget(self, client, embed, django_assert_max_num_queries):
        target = ContentPageFactory(slug="adhesion")
        add_menu_item("Adhésion", page=target)
        add_menu_item("Annuaire", url="/annuaire/")
        add_footer_link("Mentions", page=target)
        publish_body(home_page(), full_body(target))
        assert client.get("/").status_code == 200  # warm: renditions, navigation, site root paths
        with django_assert_max_num_queries(QUERY_BUDGET):
            response = client.get("/")
        assert response.status_code == 200


class TestContentPage:
    def test_renders_title_intro_breadcrumb_and_blocks(self, client, embed):
        parent = ContentPageFactory(title="L'association", slug="association")
        page = ContentPageFactory(parent=parent, title="Nos missions", slug="missions", intro="Ce que nous faisons.")
        publish_body(page, full_body(parent))
        html = client.get("/association/missions/").content.decode()
        assert "<h1>Nos missions</h1>" in html
        assert '<p class="lead">Ce que nous faisons.</p>' in html
        crumbs = html.split('aria-label="Fil d\'Ariane"')[1].split("</nav>")[0]
        assert '<a href="/">' in crumbs and '<a href="/association/">L&#x27;association</a>' in crumbs
        assert '<li aria-current="page">Nos missions</li>' in crumbs
        assert re.search(r'<img [^>]*srcset="[^"]*480w[^"]*800w[^"]*1200w', html)
        assert_no_inline_script_or_style(html)

    def test_decorative_image_has_empty_alt(self, client):
        page = ContentPageFactory(slug="deco")
        image = ImageFactory(title="Motif")
        publish_body(page, [("image", {"image": image, "alt_text": "", "decorative": True})])
        html = client.get("/deco/").content.decode()
        assert re.search(r'<img [^>]*alt=""', html)

    def test_warm_render_stays_within_query_budget(self, client, embed, django_assert_max_num_queries):
        parent = ContentPageFactory(slug="association")
        page = ContentPageFactory(parent=parent, slug="missions")
        add_menu_item("Association", page=parent)
        publish_body(page, full_body(parent))
        assert client.get("/association/missions/").status_code == 200
        with django_assert_max_num_queries(QUERY_BUDGET):
            response = client.get("/association/missions/")
        assert response.status_code == 200

    def test_draft_page_is_not_public(self, client):
        ContentPageFactory(slug="en-preparation", draft=True)
        assert client.get("/en-preparation/").status_code == 404


class TestErrorPages:
    def test_404_is_french_and_uses_the_site_skeleton(self, client):
        response = client.get("/cette-page-n-existe-pas/")
        assert response.status_code == 404
        html = response.content.decode()
        assert "<h1>Page introuvable</h1>" in html
        assert '<html lang="fr">' in html and 'class="skip-link"' in html
        assert_no_inline_script_or_style(html)

    def test_500_is_french_and_self_contained(self):
        response = server_error(RequestFactory().get("/"))
        assert response.status_code == 500
        html = response.content.decode()
        assert '<html lang="fr">' in html
        assert "<h1>Une erreur est survenue</h1>" in html
        assert_no_inline_script_or_style(html)


class TestSitemapAndRobots:
    def test_sitemap_lists_live_pages_only(self, client):
        ContentPageFactory(slug="publiee")
        ContentPageFactory(slug="brouillon", draft=True)
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        xml = response.content.decode()
        root = Site.objects.get(is_default_site=True).root_url
        assert f"<loc>{root}/</loc>" in xml
        assert f"<loc>{root}/publiee/</loc>" in xml
        assert "brouillon" not in xml

    def test_robots_keeps_crawlers_out_of_the_extranet(self, client):
        response = client.get("/robots.txt")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/plain")
        text = response.content.decode()
        assert "Disallow: /extranet/" in text
        assert "Sitemap: http://testserver/sitemap.xml" in text


class TestFrenchDefaultsAndSiteAddress:
    """Wagtail seeds English names and a localhost site: the data migration makes them French and real."""

    migration = import_module("portal.pages.migrations.0004_french_default_names")

    @pytest.fixture
    def wagtail_seed(self):
        Group.objects.filter(name__in=["Modérateurs", "Éditeurs"]).delete()
        Workflow.objects.filter(name="Relecture par les modérateurs").delete()
        GroupApprovalTask.objects.filter(name="Validation par les modérateurs").delete()
        moderators = Group.objects.get_or_create(name="Moderators")[0]
        Group.objects.get_or_create(name="Editors")
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
        return workflow

    def test_names_become_french_and_back(self, settings, wagtail_seed):
        settings.BASE_URL = "https://www.numeric-emploi.org"
        self.migration.forwards(apps, None)
        assert set(
            Group.objects.filter(name__in=["Modérateurs", "Éditeurs", "Moderators", "Editors"]).values_list(
                "name", flat=True
            )
        ) == {"Modérateurs", "Éditeurs"}
        wagtail_seed.refresh_from_db()
        assert wagtail_seed.name == "Relecture par les modérateurs"
        assert wagtail_seed.tasks.get().name == "Validation par les modérateurs"
        self.migration.backwards(apps, None)
        wagtail_seed.refresh_from_db()
        assert wagtail_seed.name == "Moderators approval" and Group.objects.filter(name="Moderators").exists()
        assert Site.objects.get(is_default_site=True).root_url == "http://localhost"

    def test_news_editor_offers_the_french_workflow(self, client, settings, wagtail_seed):
        self.migration.forwards(apps, None)
        wagtail_seed.workflow_pages.create(page=home_page())
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
        page = client.get(f"/extranet/pages/{home_page().pk}/edit/").content.decode()
        assert "Relecture par les modérateurs" in page and "Moderators approval" not in page

    @pytest.mark.parametrize(
        ("base_url", "root"),
        [
            ("https://www.numeric-emploi.org", "https://www.numeric-emploi.org"),
            ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ],
    )
    def test_api_html_url_uses_the_base_url(self, client, settings, wagtail_seed, base_url, root):
        settings.BASE_URL = base_url
        self.migration.forwards(apps, None)
        cache.clear()  # Wagtail caches the site root paths
        meta = client.get(f"/api/v2/pages/{home_page().pk}/").json()["meta"]
        assert meta["html_url"] == f"{root}/"
