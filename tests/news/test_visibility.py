"""Public vs extranet-only news on every surface: list, page, search, sitemap, feeds, API, extranet."""

import pytest
from django.urls import reverse

from news.models import NewsPage
from portal.accounts.roles import Role
from tests.portal.factories import UserFactory

from .factories import NewsPageFactory, category

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Forum emploi numérique de Metz"
INTERNAL_TITLE = "Calendrier confidentiel des sessions"


@pytest.fixture
def public_item():
    return NewsPageFactory(title=PUBLIC_TITLE, slug="forum-metz", lead="Venez nombreux au forum.")


@pytest.fixture
def internal_item():
    return NewsPageFactory(
        internal=True, title=INTERNAL_TITLE, slug="calendrier-sessions", lead="Dates de publication des dossiers."
    )


@pytest.fixture
def items(public_item, internal_item):
    return public_item, internal_item


class TestAnonymousVisitor:
    def test_list_shows_only_public_items(self, client, items):
        response = client.get("/actualites/")
        assert response.status_code == 200
        assert PUBLIC_TITLE in response.text
        assert INTERNAL_TITLE not in response.text

    def test_category_and_year_filters_keep_internal_items_out(self, client, items):
        public, internal = items
        response = client.get(f"/actualites/?categorie={internal.category.slug}&annee={internal.date.year}")
        assert PUBLIC_TITLE in response.text
        assert INTERNAL_TITLE not in response.text

    def test_public_page_is_served(self, client, public_item):
        response = client.get(public_item.url)
        assert response.status_code == 200
        assert PUBLIC_TITLE in response.text

    def test_internal_page_does_not_exist(self, client, internal_item):
        response = client.get(internal_item.url)
        assert response.status_code == 404
        assert INTERNAL_TITLE not in response.text

    def test_search_never_finds_internal_items(self, client, items):
        assert INTERNAL_TITLE not in client.get("/actualites/", {"q": "calendrier confidentiel"}).text
        assert PUBLIC_TITLE in client.get("/actualites/", {"q": "forum Metz"}).text

    def test_related_news_exclude_internal_items(self, client, items):
        public, internal = items
        assert public.category_id == internal.category_id
        response = client.get(public.url)
        assert INTERNAL_TITLE not in response.text

    def test_sitemap_lists_only_public_items(self, client, items):
        public, internal = items
        response = client.get("/sitemap.xml")
        assert response.status_code == 200
        body = response.content.decode()
        assert "/actualites/forum-metz/" in body
        assert "calendrier-sessions" not in body

    @pytest.mark.parametrize(
        "url",
        [
            "/actualites/flux/rss/",
            "/actualites/flux/atom/",
            "/actualites/flux/vie-de-l-association/rss/",
            "/actualites/flux/vie-de-l-association/atom/",
        ],
    )
    def test_feeds_list_only_public_items(self, client, items, url):
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert PUBLIC_TITLE in body
        assert INTERNAL_TITLE not in body

    def test_category_feed_only_lists_its_category(self, client, public_item):
        other = NewsPageFactory(title="Atelier ADC", category=category("commission-adaptation-des-competences"))
        body = client.get("/actualites/flux/vie-de-l-association/rss/").content.decode()
        assert PUBLIC_TITLE in body
        assert other.title not in body

    def test_unknown_category_feed_is_404(self, client):
        assert client.get("/actualites/flux/inconnue/rss/").status_code == 404

    def test_api_listing_excludes_internal_items(self, client, items):
        public, internal = items
        for params in ({}, {"type": "news.NewsPage"}, {"search": "calendrier"}, {"child_of": public.get_parent().pk}):
            response = client.get("/api/v2/pages/", params)
            assert response.status_code == 200, params
            ids = {item["id"] for item in response.json()["items"]}
            assert internal.pk not in ids, params
        items = client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "lead,category,date"}).json()["items"]
        assert [(i["id"], i["category"], i["lead"]) for i in items] == [(public.pk, public.category.name, public.lead)]

    def test_api_detail_and_find_refuse_internal_items(self, client, items):
        public, internal = items
        assert client.get(f"/api/v2/pages/{public.pk}/").status_code == 200
        assert client.get(f"/api/v2/pages/{internal.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"html_path": internal.url}).status_code == 404
        assert client.get("/api/v2/pages/find/", {"id": internal.pk}).status_code == 404

    def test_extranet_informations_require_login(self, client, internal_item):
        response = client.get(reverse("news_informations:index"))
        assert response.status_code == 302
        assert "/extranet/login/" in response["Location"]
        assert client.get(reverse("news_informations:detail", args=[internal_item.pk])).status_code == 302


class TestExtranetUser:
    @pytest.fixture
    def user(self, client):
        user = UserFactory(roles=[Role.COMPANY_RECRUITER])
        client.force_login(user)
        return user

    def test_informations_list_internal_and_public_items(self, client, user, items, django_assert_max_num_queries):
        NewsPageFactory.create_batch(5)
        with django_assert_max_num_queries(25):
            response = client.get(reverse("news_informations:index"))
        assert response.status_code == 200
        assert INTERNAL_TITLE in response.text
        assert PUBLIC_TITLE in response.text

    def test_informations_filter_internal_only(self, client, user, items):
        response = client.get(reverse("news_informations:index"), {"internes": "1"})
        assert INTERNAL_TITLE in response.text
        assert PUBLIC_TITLE not in response.text

    def test_informations_detail_of_internal_item(self, client, user, internal_item):
        response = client.get(reverse("news_informations:detail", args=[internal_item.pk]))
        assert response.status_code == 200
        assert INTERNAL_TITLE in response.text

    def test_informations_detail_of_draft_is_404(self, client, user):
        draft = NewsPageFactory(draft=True)
        assert client.get(reverse("news_informations:detail", args=[draft.pk])).status_code == 404

    def test_dashboard_lists_the_latest_informations(self, client, user, items):
        response = client.get(reverse("wagtailadmin_home"))
        assert "Dernières informations" in response.text
        assert INTERNAL_TITLE in response.text

    def test_menu_shows_informations(self, client, user):
        response = client.get(reverse("wagtailadmin_home"))
        assert reverse("news_informations:index") in response.text

    def test_public_site_shows_internal_items_to_extranet_users(self, client, user, items):
        public, internal = items
        assert INTERNAL_TITLE in client.get("/actualites/").text
        assert client.get(internal.url).status_code == 200

    def test_feeds_stay_public_even_when_logged_in(self, client, user, items):
        assert INTERNAL_TITLE not in client.get("/actualites/flux/rss/").content.decode()


class TestUserWithoutExtranetAccess:
    """Logged in but without any role: no extranet access, so no internal news."""

    @pytest.fixture
    def user(self, client):
        user = UserFactory()
        client.force_login(user)
        return user

    def test_no_internal_item_on_the_public_site(self, client, user, items):
        public, internal = items
        assert INTERNAL_TITLE not in client.get("/actualites/").text
        assert client.get(internal.url).status_code == 404

    def test_no_informations_area(self, client, user, internal_item):
        response = client.get(reverse("news_informations:detail", args=[internal_item.pk]))
        assert response.status_code in (302, 403, 404)
        assert INTERNAL_TITLE not in response.content.decode()


class TestDraftsAndListing:
    def test_drafts_and_scheduled_items_are_not_listed(self, client):
        NewsPageFactory(draft=True, title="Brouillon secret")
        NewsPageFactory(scheduled=True, title="Publication programmée")
        text = client.get("/actualites/").text
        assert "Brouillon secret" not in text
        assert "Publication programmée" not in text

    def test_pagination_and_query_count(self, client, django_assert_max_num_queries):
        NewsPageFactory.create_batch(12)
        with django_assert_max_num_queries(20):
            first = client.get("/actualites/")
        assert "Page 1 sur 2" in first.text
        second = client.get("/actualites/", {"page": 2})
        assert second.status_code == 200
        assert second.text.count('class="news-card"') == 2

    def test_year_filter(self, client):
        old = NewsPageFactory(title="Assemblée générale 2024", date="2024-06-01")
        recent = NewsPageFactory(title="Assemblée générale récente")
        text = client.get("/actualites/", {"annee": 2024}).text
        assert old.title in text
        assert recent.title not in text

    def test_related_news_show_same_category_items(self, client):
        first = NewsPageFactory(title="Premier article")
        second = NewsPageFactory(title="Second article")
        other = NewsPageFactory(title="Autre catégorie", category=category("evenement-public"))
        text = client.get(first.url).text
        assert second.title in text
        assert other.title not in text


def test_news_index_is_created_under_the_home_page():
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.get()
    assert index.slug == "actualites"
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]


class TestAttachments:
    @pytest.fixture
    def document(self):
        from django.core.files.base import ContentFile
        from wagtail.documents.models import Document

        return Document.objects.create(
            title="Calendrier", file=ContentFile(b"%PDF-1.4 calendrier", name="calendrier.pdf")
        )

    def attach(self, item, document):
        from news.models import NewsAttachment

        item.attachments.add(NewsAttachment(document=document, label="Calendrier détaillé"))
        item.save_revision().publish()

    def test_documents_of_internal_items_are_not_served_to_the_public(self, client, internal_item, document):
        self.attach(internal_item, document)
        assert client.get(document.url).status_code == 404
        client.force_login(UserFactory(roles=[Role.EMPLOYMENT_ADVISER]))
        assert client.get(document.url).status_code == 200

    def test_documents_of_public_items_are_served_and_listed(self, client, public_item, document):
        self.attach(public_item, document)
        assert client.get(document.url).status_code == 200
        assert "Calendrier détaillé" in client.get(public_item.url).text


class TestRevisions:
    def test_a_draft_change_to_internal_keeps_the_live_item_public_until_published(self, client, public_item):
        public_item.extranet_only = True
        public_item.save_revision()  # draft only
        assert client.get(public_item.url).status_code == 200
        assert PUBLIC_TITLE in client.get("/actualites/flux/rss/").content.decode()
        NewsPage.objects.get(pk=public_item.pk).get_latest_revision().publish()
        assert client.get(public_item.url).status_code == 404
        assert PUBLIC_TITLE not in client.get("/actualites/flux/rss/").content.decode()
        assert PUBLIC_TITLE not in client.get("/sitemap.xml").content.decode()

    def test_editor_publishes_through_the_admin(self, client):
        from news.setup import ensure_news_index

        editor = UserFactory(roles=[Role.EDITOR])
        client.force_login(editor)
        index = ensure_news_index()
        response = client.post(
            f"/extranet/pages/add/news/newspage/{index.pk}/",
            {
                "title": "Nouvelle publiée",
                "slug": "nouvelle-publiee",
                "date": "2026-11-20",
                "category": category().pk,
                "lead": "Chapô.",
                "body-count": "0",
                "attachments-TOTAL_FORMS": "0",
                "attachments-INITIAL_FORMS": "0",
                "attachments-MIN_NUM_FORMS": "0",
                "attachments-MAX_NUM_FORMS": "1000",
                "action-publish": "action-publish",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        item = NewsPage.objects.get(slug="nouvelle-publiee")
        assert item.live and item.owner == editor
        assert item.revisions.count() == 1
