"""The contact form of a company's page: delivery, uploads, anti-abuse, errors in French."""

import pytest

from portal.mail.models import OutgoingEmail
from tests.directory.factories import (
    PDF_BYTES,
    PNG_BYTES,
    OrganisationFactory,
    UserFactory,
    company_with_hr,
    doc_bytes,
    docx_bytes,
    odt_bytes,
    upload,
)

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille.candidate@exemple.test",
        "phone": "06 12 34 56 78",
        "subject": "Candidature spontanée",
        "message": "Bonjour, je souhaite rejoindre votre équipe.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def company():
    return company_with_hr(name="Société Exemple")


def url(org):
    return f"/annuaire/{org.slug}/"


class TestHappyPath:
    def test_message_and_acknowledgement_are_queued_and_delivered_with_the_cv(self, client, company, mailoutbox):
        data = form_data(cv=upload("mon-cv.pdf", PDF_BYTES, "application/pdf"))
        response = client.post(url(company), data)
        assert response.status_code == 302
        assert response["Location"] == f"{url(company)}?envoye=1#contact"

        queued = OutgoingEmail.objects.order_by("pk")
        assert queued.count() == 2
        assert len(mailoutbox) == 2
        message, acknowledgement = mailoutbox
        assert message.to == ["rh.personne@entreprise.test"]
        assert message.reply_to == ["camille.candidate@exemple.test"]
        assert "Candidature spontanée" in message.subject
        assert "je souhaite rejoindre votre équipe" in message.body
        assert "06 12 34 56 78" in message.body
        assert [(name, content) for name, content, _ in message.attachments] == [("mon-cv.pdf", PDF_BYTES)]
        assert message.attachments[0][2] == "application/pdf"

        assert acknowledgement.to == ["camille.candidate@exemple.test"]
        assert "Société Exemple" in acknowledgement.subject
        assert "rh.personne@entreprise.test" not in acknowledgement.body
        assert not acknowledgement.attachments

        page = client.get(response["Location"]).content.decode()
        assert "Votre message a bien été envoyé" in page

    def test_referent_receives_it_when_no_hr_contact(self, client, mailoutbox):
        org = company_with_hr()
        org.hr_contact = None
        org.save()
        assert client.post(url(org), form_data()).status_code == 302
        assert mailoutbox[0].to == ["referent.personne@entreprise.test"]
        assert mailoutbox[0].attachments == []

    @pytest.mark.parametrize(
        "name, content, mimetype",
        [
            ("cv.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("cv.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
            ("cv.rtf", b"{\\rtf1\\ansi Bonjour}", "application/rtf"),
            ("cv.doc", doc_bytes(), "application/msword"),
            ("cv.txt", "Expérience : développeuse".encode(), "text/plain"),
        ],
    )
    def test_accepted_formats(self, client, company, mailoutbox, name, content, mimetype):
        assert client.post(url(company), form_data(cv=upload(name, content))).status_code == 302
        ((sent_name, sent_content, sent_mimetype),) = mailoutbox[0].attachments
        if isinstance(sent_content, str):  # Django decodes text attachments
            sent_content = sent_content.encode()
        assert (sent_name, sent_content, sent_mimetype) == (name, content, mimetype)


class TestBadInput:
    def assert_refused(self, response, field, message, mailoutbox):
        assert response.status_code == 200
        form = response.context["form"]
        assert message in " ".join(form.errors[field])
        html = response.content.decode()
        assert message.replace("'", "&#x27;") in html
        # What the visitor typed is still there.
        assert 'value="Camille Martin"' in html
        assert "je souhaite rejoindre votre équipe" in html
        assert mailoutbox == []
        assert not OutgoingEmail.objects.exists()

    def test_oversized_file(self, client, company, mailoutbox):
        big = PDF_BYTES + b"0" * (5 * 1024 * 1024)
        response = client.post(url(company), form_data(cv=upload("cv.pdf", big)))
        self.assert_refused(response, "cv", "Le fichier dépasse la taille maximale de 5 Mo.", mailoutbox)

    def test_png_named_cv_pdf_is_refused(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(cv=upload("cv.pdf", PNG_BYTES, "application/pdf")))
        self.assert_refused(
            response,
            "cv",
            "Ce fichier est en réalité au format PNG, alors que son extension indique PDF.",
            mailoutbox,
        )

    def test_text_disguised_as_docx(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(cv=upload("cv.docx", b"just text")))
        self.assert_refused(response, "cv", "alors que son extension indique DOCX", mailoutbox)

    def test_unaccepted_extension(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(cv=upload("cv.exe", b"MZ\x90\x00")))
        self.assert_refused(response, "cv", "Format non accepté", mailoutbox)

    def test_consent_is_required(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(consent=None))
        self.assert_refused(response, "consent", "Vous devez accepter le traitement de vos données", mailoutbox)

    def test_invalid_email_and_phone(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(email="pas-une-adresse", phone="abc"))
        errors = response.context["form"].errors
        assert "Saisissez une adresse e-mail valide." in errors["email"]
        assert "Saisissez un numéro de téléphone valide" in errors["phone"][0]
        assert mailoutbox == []

    def test_missing_fields_in_french(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(subject="", message=""))
        assert response.context["form"].errors["subject"] == ["Champ requis."]
        assert mailoutbox == []


class TestAntiAbuse:
    def test_honeypot_sends_nothing(self, client, company, mailoutbox):
        response = client.post(url(company), form_data(website="http://spam.example"))
        assert response.status_code == 302  # the robot is told nothing
        assert mailoutbox == []
        assert not OutgoingEmail.objects.exists()

    def test_csrf_is_required(self, company, mailoutbox):
        from django.test import Client

        response = Client(enforce_csrf_checks=True).post(url(company), form_data())
        assert response.status_code == 403
        assert mailoutbox == []

    def test_rate_limit_per_ip(self, client, company, mailoutbox):
        other = company_with_hr(hr_email="rh2@autre.test", referent_email="ref2@autre.test")
        for i in range(5):
            target = company if i % 2 else other
            assert client.post(url(target), form_data()).status_code == 302
        response = client.post(url(company), form_data())
        assert response.status_code == 429
        html = response.content.decode()
        assert "Vous avez envoyé trop de messages en peu de temps" in html
        assert 'value="Camille Martin"' in html
        assert len(mailoutbox) == 10
        # Another visitor is not blocked.
        assert client.post(url(company), form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302

    def test_rate_limit_per_target(self, client, company, mailoutbox, settings):
        settings.NEGE_RATE_LIMITS = {"contact-target": "3/h"}
        for i in range(3):
            assert client.post(url(company), form_data(), REMOTE_ADDR=f"10.0.1.{i}").status_code == 302
        response = client.post(url(company), form_data(), REMOTE_ADDR="10.0.1.99")
        assert response.status_code == 429
        assert "Cette entreprise a reçu beaucoup de messages" in response.content.decode()
        other = company_with_hr(hr_email="rh3@autre.test", referent_email="ref3@autre.test")
        assert client.post(url(other), form_data(), REMOTE_ADDR="10.0.1.99").status_code == 302


class TestWhoCanBeContacted:
    def test_no_form_for_non_companies(self, client, mailoutbox):
        partner = OrganisationFactory(employment_partner=True, referent=UserFactory())
        html = client.get(url(partner)).content.decode()
        assert "contact-form" not in html
        assert client.post(url(partner), form_data()).status_code == 404
        assert mailoutbox == []

    def test_company_without_recipient_has_no_form(self, client, mailoutbox):
        org = OrganisationFactory(company=True)
        html = client.get(url(org)).content.decode()
        assert "n'a pas encore désigné de contact" in html
        assert client.post(url(org), form_data()).status_code == 404
