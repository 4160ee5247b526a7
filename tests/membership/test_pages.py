"""The /adherer/ pages (content as page data), the fee grid table and the calculator; demo data."""

import io

import pytest
from django.utils.html import escape

from membership import demo
from membership.content import install_pages
from membership.enums import ApplicationState
from membership.models import FeeGridPage, MembershipApplication
from membership.rules import HEADCOUNT_REQUIRED
from portal.pages.models import ContentPage
from tests.portal.page_factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    index, _ = install_pages(home_page())
    return index


class TestPages:
    def test_install_is_idempotent_and_editable(self, pages):
        assert install_pages(home_page())[1] == 0
        assert pages.url == "/adherer/"
        slugs = [p.slug for p in pages.get_children()]
        assert slugs == ["pourquoi-adherer", "comment-adherer", "cotisation", "vie-de-l-association"]
        why = ContentPage.objects.get(slug="pourquoi-adherer")
        assert "combler le déficit de ressources compétentes" in str(why.body)

    def test_index_lists_the_pages_and_the_application_link(self, client, pages):
        content = client.get("/adherer/").content.decode()
        for title in [
            "Pourquoi adhérer",
            "Comment adhérer",
            "Combien coûte l&#x27;adhésion",
            "Participer à la vie de l&#x27;association",
        ]:
            assert title in content
        assert 'href="/adherer/demande/"' in content

    def test_content_pages_render(self, client, pages):
        assert "Assemblée générale" in client.get("/adherer/vie-de-l-association/").content.decode()
        assert "Soumettre sa demande" in client.get("/adherer/comment-adherer/").content.decode()


class TestFeeGridPage:
    def test_shows_both_grids_from_the_data(self, client, pages):
        content = client.get("/adherer/cotisation/").content.decode()
        assert "Grille de cotisation 2019" in content
        assert "Organismes du secteur numérique" in content
        assert "Organismes hors secteur numérique" in content
        assert "24\u00a0000\u00a0€" in content  # non-digital, over 1000, standard
        assert "Plus de 1000" in content
        assert "(3) Une startup est une entreprise" in content

    def test_calculator_gives_the_fee(self, client, pages):
        response = client.get(
            "/adherer/cotisation/",
            {
                "sector": "non_digital",
                "headcount_alsace": "30",
                "headcount_champagne_ardenne": "0",
                "headcount_lorraine": "40",
                "affiliated": "on",
            },
        )
        content = response.content.decode()
        assert 'data-testid="fee"' in content
        assert "1\u00a0152\u00a0€" in content  # 70 people, non-digital, affiliated

    def test_calculator_startup_with_pack_is_free(self, client, pages):
        content = client.get(
            "/adherer/cotisation/",
            {
                "sector": "digital",
                "headcount_alsace": "3",
                "headcount_champagne_ardenne": "0",
                "headcount_lorraine": "0",
                "affiliated": "on",
                "startup": "on",
                "syntec_pack": "on",
            },
        ).content.decode()
        assert '<p class="fee-result__amount">Gratuit</p>' in content

    def test_calculator_needs_a_headcount(self, client, pages):
        content = client.get(
            "/adherer/cotisation/",
            {
                "sector": "digital",
                "headcount_alsace": "0",
                "headcount_champagne_ardenne": "0",
                "headcount_lorraine": "0",
            },
        ).content.decode()
        assert escape(HEADCOUNT_REQUIRED) in content
        assert 'data-testid="fee"' not in content

    def test_only_one_fee_page(self, pages):
        assert not FeeGridPage.can_create_at(pages)


class TestInstallCommand:
    def test_creates_the_pages_once(self):
        from django.core.management import call_command

        out = io.StringIO()
        call_command("install_membership_pages", stdout=out)
        call_command("install_membership_pages", stdout=out)
        assert "5 page(s) créée(s)" in out.getvalue()
        assert "0 page(s) créée(s)" in out.getvalue()
        assert FeeGridPage.objects.live().count() == 1


class TestDemo:
    def test_seed_is_idempotent(self):
        out = io.StringIO()
        demo.seed(out)
        demo.seed(out)
        assert MembershipApplication.objects.filter(state=ApplicationState.PENDING).count() == 2
        assert MembershipApplication.objects.overdue().count() == 1
        assert MembershipApplication.objects.filter(state=ApplicationState.DRAFT).count() == 1
        assert MembershipApplication.objects.get(organisation_name="Codeurs de la Moselle (démo)").expected_fee == 672
