"""The public two-part application: account, organisation, draft, preview, sending, duplicates, uploads."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from membership.enums import ApplicationState
from membership.models import MembershipApplication
from membership.rules import HEADCOUNT_REQUIRED
from membership.services import DUPLICATE_EMAIL, DUPLICATE_ORGANISATION, DUPLICATE_USERNAME
from membership.tokens import make_token, read_token
from news.models import NewsCategory
from portal.accounts.models import User
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import Activity, CompanyType, Department, Organisation, OrganisationCategory
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import MembershipApplicationFactory, image_bytes

pytestmark = pytest.mark.django_db
PASSWORD = "Un-mot-de-passe-solide-42"


def part1_data(**overrides):
    data = {
        "email": "Alice.Durand@Exemple.test",
        "username": "alice.durand",
        "civility": "Mme",
        "last_name": "Durand",
        "first_name": "Alice",
        "function": "Directrice des ressources humaines",
        "mobile_phone": "06 01 02 03 04",
        "workplace_name": "Siège",
        "workplace_city": "Strasbourg",
        "news_categories": [NewsCategory.objects.get(slug="vie-de-l-association").pk],
        "consent": "on",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def part2_data(**overrides):
    data = {
        "name": "Numérique & Compagnie",
        "category": OrganisationCategory.objects.get(code=CategoryCode.COMPANY).pk,
        "head_office_department": Department.objects.get(code="67").pk,
        "head_office_city": "Strasbourg",
        "presentation": "<p>Nous <strong>recrutons</strong>.</p><script>alert(1)</script>",
        "website": "https://www.numerique-et-compagnie.test",
        "company_type": CompanyType.objects.get(name="PME : 10-250 personnes").pk,
        "activities": [Activity.objects.get(name="ESN - Agence Web").pk],
        "establishment_departments": [Department.objects.get(code="67").pk, Department.objects.get(code="57").pk],
        "intervention_departments": [Department.objects.get(code="51").pk],
        "affiliation": "",
        "hr_contact": "referent",
        "headcount_alsace": "6",
        "headcount_champagne_ardenne": "3",
        "headcount_lorraine": "2",
        "sector": "digital",
        "engagement_delegation": "on",
        "engagement_statutes": "on",
        "action": "preview",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def logo(content=None, name="logo.png"):
    return SimpleUploadedFile(name, content if content is not None else image_bytes(), content_type="image/png")


def submit_part1(client, **overrides):
    return client.post(reverse("membership:apply"), part1_data(**overrides))


def organisation_url(application):
    return reverse("membership:organisation", args=[make_token(application)])


class TestPart1:
    def test_creates_an_inactive_account_and_mails_the_link_to_part_2(self, client, mailoutbox):
        response = submit_part1(client)
        user = User.objects.get(username="alice.durand")
        application = MembershipApplication.objects.get(applicant=user)
        assert response.status_code == 302
        assert response.url.startswith("/adherer/demande/organisme/")
        assert not user.is_active
        assert user.email == "alice.durand@exemple.test"
        assert user.last_name == "DURAND"
        assert user.conditions_accepted_at is not None
        assert list(user.news_categories.values_list("slug", flat=True)) == ["vie-de-l-association"]
        assert application.state == ApplicationState.DRAFT
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == ["alice.durand@exemple.test"]
        # The e-mailed link leads to the same application (its signature's timestamp may differ by a second).
        assert response.url.split(":")[0] in mailoutbox[0].body

    def test_page_shows_the_seed_labels(self, client):
        content = client.get(reverse("membership:apply")).content.decode()
        for label in [
            "Adresse de courriel",
            "Nom d&#x27;utilisateur",
            "Civilité",
            "Téléphone mobile",
            "Lieu de travail habituel",
            "Code Postal",
            "mentions légales",
            "Evénement public",
        ]:
            assert label in content

    def test_consent_links_to_the_legal_notice(self, client):
        from tests.portal.page_factories import ContentPageFactory, site_settings

        legal = ContentPageFactory(title="Mentions légales", slug="mentions-legales")
        settings_ = site_settings()
        settings_.legal_notice_page = legal
        settings_.save()
        content = client.get(reverse("membership:apply")).content.decode()
        assert 'href="/mentions-legales/" target="_blank" rel="noopener">mentions légales</a>' in content

    def test_consent_is_mandatory(self, client):
        response = submit_part1(client, consent=None)
        assert response.status_code == 200
        assert "Vous devez accepter les conditions d&#x27;utilisation" in response.content.decode()
        assert not User.objects.filter(username="alice.durand").exists()

    def test_typed_values_are_kept_on_a_validation_error(self, client):
        response = submit_part1(client, password2="autre-chose-123456")
        content = response.content.decode()
        assert "Les deux mots de passe ne correspondent pas." in content
        assert 'value="Directrice des ressources humaines"' in content

    def test_django_password_validators_apply(self, client):
        response = submit_part1(client, password1="court", password2="court")
        assert response.status_code == 200
        assert "trop court" in response.content.decode()

    def test_username_characters_are_checked(self, client):
        response = submit_part1(client, username="alice#durand")
        assert "Le nom d&#x27;utilisateur ne peut contenir que" in response.content.decode()

    def test_a_valid_photo_is_kept_across_a_validation_error(self, client):
        photo = SimpleUploadedFile("visage.png", image_bytes(size=(120, 120)), content_type="image/png")
        response = submit_part1(client, photo=photo, password2="autre-chose-123456")
        content = response.content.decode()
        assert "Photo déjà envoyée" in content
        token = re.search(r'name="photo_token" value="([^"]+)"', content).group(1)
        assert submit_part1(client, photo_token=token).status_code == 302
        user = User.objects.get(username="alice.durand")
        assert user.photo and user.photo.width == 120

    def test_a_forged_photo_token_is_ignored(self, client):
        assert submit_part1(client, photo_token="membership/tmp/autre.png").status_code == 302
        assert not User.objects.get(username="alice.durand").photo

    def test_repeated_submissions_are_rate_limited(self, client):
        for n in range(20):
            submit_part1(client, consent=None, username=f"essai{n}")
        response = submit_part1(client)
        assert response.status_code == 429
        assert "Trop de demandes" in response.content.decode()
        assert not User.objects.filter(username="alice.durand").exists()


class TestDuplicates:
    def test_email_already_used_any_case(self, client):
        UserFactory(email="alice.durand@exemple.test")
        response = submit_part1(client)
        assert DUPLICATE_EMAIL in response.content.decode()
        assert not User.objects.filter(username="alice.durand").exists()

    def test_email_of_a_started_application_resends_its_link(self, client, mailoutbox):
        application = MembershipApplicationFactory(draft=True, applicant__email="alice.durand@exemple.test")
        response = submit_part1(client, username="autre.nom")
        assert DUPLICATE_EMAIL in response.content.decode()
        assert len(mailoutbox) == 1
        token = re.search(r"/adherer/demande/organisme/([^/\s]+)/", mailoutbox[0].body).group(1)
        assert read_token(token) == (application.pk, application.applicant_id)

    def test_username_already_used_any_case(self, client):
        UserFactory(username="Alice.Durand")
        response = submit_part1(client)
        assert escape(DUPLICATE_USERNAME) in response.content.decode()

    @pytest.mark.parametrize("state", [MembershipState.ACCEPTED, MembershipState.PENDING])
    def test_organisation_already_member_or_pending_case_and_accent_insensitive(self, client, state):
        OrganisationFactory(name="NUMERIQUE & compagnie", membership_state=state)
        application = MembershipApplicationFactory(draft=True)
        response = client.post(organisation_url(application), part2_data(logo=logo()))
        assert response.status_code == 200
        assert escape(DUPLICATE_ORGANISATION) in response.content.decode()

    def test_a_refused_organisation_does_not_block_a_new_application(self, client):
        OrganisationFactory(name="Numérique & Compagnie", refused=True)
        application = MembershipApplicationFactory(draft=True)
        response = client.post(organisation_url(application), part2_data(logo=logo()))
        assert response.status_code == 302


class TestPart2:
    @pytest.fixture
    def application(self, client):
        submit_part1(client)
        return MembershipApplication.objects.get(applicant__username="alice.durand")

    def test_full_flow_sends_the_application_to_the_president_and_a_copy(
        self, client, application, president_email, mailoutbox
    ):
        token = make_token(application)  # a signed token carries a timestamp: reuse the same one
        response = client.post(reverse("membership:organisation", args=[token]), part2_data(logo=logo()))
        assert response.status_code == 302
        assert response.url == reverse("membership:preview", args=[token])

        preview = client.get(response.url).content.decode()
        assert "Numérique &amp; Compagnie" in preview
        assert "384\u00a0€" in preview  # 6 + 3 + 2 = 11 employees, digital sector, standard column
        assert not Organisation.objects.filter(name="Numérique & Compagnie").exists()  # nothing sent yet

        response = client.post(reverse("membership:preview", args=[token]))
        assert response.status_code == 302
        assert response.url == reverse("membership:sent")

        application.refresh_from_db()
        organisation = application.organisation
        assert application.state == ApplicationState.PENDING
        assert application.expected_fee == 384
        assert organisation.membership_state == MembershipState.PENDING
        assert organisation.referent == application.applicant
        assert organisation.hr_contact == application.applicant
        assert organisation.headcount == 11
        assert organisation.logo is not None and organisation.logo.width == 300
        assert organisation.presentation == "<p>Nous <strong>recrutons</strong>.</p>"
        assert organisation.city == "Strasbourg"  # the directory page shows the town
        assert sorted(organisation.establishment_departments.values_list("code", flat=True)) == ["57", "67"]
        assert not Organisation.objects.accepted().filter(pk=organisation.pk).exists()
        application.applicant.refresh_from_db()
        assert application.applicant.organisation == organisation
        assert not application.applicant.is_active

        to_president, copy = mailoutbox[1], mailoutbox[2]
        assert to_president.to == [president_email]
        assert to_president.reply_to == ["alice.durand@exemple.test"]
        assert "Numérique & Compagnie" in to_president.subject
        for expected in ["alice.durand", "Adhésion pour l'Alsace : 6", "ESN - Agence Web", "384", "/extranet/"]:
            assert expected in to_president.body
        assert copy.to == ["alice.durand@exemple.test"]
        assert "Numérique & Compagnie" in copy.body

    def test_affiliated_startup_with_the_syntec_pack_expects_no_fee(self, client, application, president_email):
        body = OrganisationFactory(professional_body=True, name="Syntec Numérique Grand Est")
        data = part2_data(
            logo=logo(),
            company_type=CompanyType.objects.get(name="StartUp").pk,
            affiliation=body.pk,
            syntec_pack="on",
        )
        preview_url = client.post(organisation_url(application), data).url
        assert "Gratuit" in client.get(preview_url).content.decode()
        client.post(preview_url)
        application.refresh_from_db()
        assert application.expected_fee == 0
        assert application.organisation.is_startup
        assert application.organisation.affiliation == body

    def test_inactive_applicant_cannot_log_in(self, client, application):
        client.logout()
        client.post(reverse("wagtailadmin_login"), {"username": "alice.durand", "password": PASSWORD})
        assert "_auth_user_id" not in client.session

    def test_invalid_post_keeps_everything_typed_as_a_draft(self, client, application):
        response = client.post(organisation_url(application), part2_data(name="", logo=logo()))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Champ requis." in content
        assert 'value="https://www.numerique-et-compagnie.test"' in content
        application.refresh_from_db()
        assert application.draft_data["website"] == ["https://www.numerique-et-compagnie.test"]
        assert application.draft_logo  # the valid logo is kept: no need to send it again
        response = client.post(organisation_url(application), part2_data())
        assert response.status_code == 302

    def test_draft_is_resumed_from_the_signed_link(self, client, application, mailoutbox):
        client.post(organisation_url(application), part2_data(action="draft", headcount_lorraine="7"))
        link = re.search(r"https?://\S+/adherer/demande/organisme/\S+/", mailoutbox[0].body).group(0)
        client.logout()
        content = client.get(link.split("://", 1)[1].split("/", 1)[1].join(["/", ""])).content.decode()
        assert 'value="Numérique &amp; Compagnie"' in content
        assert 'name="headcount_lorraine" value="7"' in content

    def test_a_forged_link_is_refused(self, client, application):
        url = organisation_url(application)
        assert client.get(url[:-3] + "xx/").status_code == 404

    def test_autosave_keeps_what_is_typed_when_the_tab_is_closed(self, client, application):
        response = client.post(
            reverse("membership:autosave", args=[make_token(application)]), {"name": "Brouillon SA", "city": "x"}
        )
        assert response.status_code == 204
        application.refresh_from_db()
        assert application.draft_data == {"name": ["Brouillon SA"]}
        assert application.organisation_name == "Brouillon SA"

    def test_at_least_one_territory_above_zero(self, client, application):
        data = part2_data(headcount_alsace="0", headcount_champagne_ardenne="0", headcount_lorraine="0", logo=logo())
        response = client.post(organisation_url(application), data)
        assert HEADCOUNT_REQUIRED in response.content.decode()

    def test_negative_headcount_is_refused_in_french(self, client, application):
        response = client.post(organisation_url(application), part2_data(headcount_alsace="-3", logo=logo()))
        assert "Assurez-vous que cette valeur est supérieure ou égale à 0." in response.content.decode()

    def test_engagement_clauses_are_mandatory(self, client, application):
        response = client.post(organisation_url(application), part2_data(engagement_statutes=None, logo=logo()))
        assert "Cette clause d&#x27;engagement est obligatoire." in response.content.decode()

    def test_head_office_city_is_mandatory(self, client, application):
        response = client.post(organisation_url(application), part2_data(head_office_city="", logo=logo()))
        assert "head_office_city" in response.context["form"].errors

    def test_logo_is_mandatory(self, client, application):
        response = client.post(organisation_url(application), part2_data())
        assert "Le logo est obligatoire." in response.content.decode()

    def test_a_sent_application_can_no_longer_be_changed(self, client, application, president_email):
        client.post(organisation_url(application), part2_data(logo=logo()))
        client.post(reverse("membership:preview", args=[make_token(application)]))
        assert client.get(organisation_url(application)).status_code == 410
        assert client.post(reverse("membership:preview", args=[make_token(application)])).status_code == 410
        assert MembershipApplication.objects.get(pk=application.pk).state == ApplicationState.PENDING

    def test_preview_of_an_incomplete_draft_goes_back_to_the_form(self, client, application):
        token = make_token(application)
        response = client.get(reverse("membership:preview", args=[token]))
        assert response.status_code == 302
        assert response.url == reverse("membership:organisation", args=[token])
