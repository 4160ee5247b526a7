"""Consent (signature pad or scanned form) and the dossier's private documents."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recruitment.enums import ConsentMethod
from recruitment.forms import PROJECT_FIELDS
from recruitment.models import Candidate, CandidateDocument, Consent, InternalDocument

from .factories import PDF_BYTES, CandidateFactory, png_bytes, signature_data_url, terms
from .helpers import dossier_data, url


@pytest.mark.django_db
class TestConsentBySignature:
    def test_drawn_signature_is_stored_as_png_with_its_proof(self, client, adviser):
        data = dossier_data(adviser, consent_method="signature", consent_signature=signature_data_url())
        response = client.post(url("add"), data)
        assert response.status_code == 302
        consent = Candidate.objects.get().consent
        assert consent.method == ConsentMethod.SIGNATURE
        assert consent.collected_by == adviser
        assert consent.terms.version == "1.0"
        with consent.file.open("rb") as handle:
            assert handle.read(8) == b"\x89PNG\r\n\x1a\n"

    def test_blank_or_forged_signature_refused(self, client, adviser):
        for forged in (signature_data_url(drawn=False), "data:image/png;base64,AAAA", "javascript:alert(1)"):
            data = dossier_data(adviser, consent_method="signature", consent_signature=forged)
            response = client.post(url("add"), data)
            assert "consent_signature" in response.context["form"].errors, forged
        assert not Candidate.objects.exists()


@pytest.mark.django_db
class TestConsentByScan:
    def test_scanned_pdf_attached(self, client, adviser):
        scan = SimpleUploadedFile("consentement.pdf", PDF_BYTES, content_type="application/pdf")
        response = client.post(url("add"), dossier_data(adviser, consent_method="scan", consent_scan=scan))
        assert response.status_code == 302
        assert Candidate.objects.get().consent.method == ConsentMethod.SCAN

    def test_fake_pdf_refused_by_content(self, client, adviser):
        scan = SimpleUploadedFile("consentement.pdf", b"<html><script>x</script></html>")
        response = client.post(url("add"), dossier_data(adviser, consent_method="scan", consent_scan=scan))
        assert "consent_scan" in response.context["form"].errors

    def test_png_named_pdf_refused_as_a_scan(self, client, adviser):
        scan = SimpleUploadedFile("consentement.pdf", png_bytes(), content_type="application/pdf")
        response = client.post(url("add"), dossier_data(adviser, consent_method="scan", consent_scan=scan))
        assert "en réalité au format" in " ".join(response.context["form"].errors["consent_scan"])
        assert not Candidate.objects.exists()

    def test_scan_required_when_chosen(self, client, adviser):
        response = client.post(url("add"), dossier_data(adviser, consent_method="scan"))
        assert "consent_scan" in response.context["form"].errors


@pytest.mark.django_db
class TestProfessionalProjectNeedsConsent:
    def test_hidden_without_consent(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        response = client.get(url("edit", candidate.pk))
        form = response.context["form"]
        assert not set(PROJECT_FIELDS) & set(form.fields)
        assert "Projet professionnel" not in response.content.decode()
        assert "Consentement non recueilli" in response.content.decode()

    def test_shown_once_consent_recorded(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_consent=True)
        response = client.get(url("edit", candidate.pk))
        assert set(PROJECT_FIELDS) <= set(response.context["form"].fields)
        assert "Projet professionnel" in response.content.decode()
        assert "consent_method" not in response.context["form"].fields

    def test_posted_project_fields_ignored_without_consent(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        client.post(url("edit", candidate.pk), dossier_data(adviser, wishes="Devenir développeuse"))
        candidate.refresh_from_db()
        assert candidate.wishes == ""


@pytest.mark.django_db
class TestDocuments:
    def upload(self, client, adviser, files, internal=()):
        return client.post(url("add"), dossier_data(adviser, documents=files, internal=internal))

    def test_cv_stored_privately_with_suggested_name_and_downloaded_as_attachment(self, client, adviser):
        cv = SimpleUploadedFile("mon cv.pdf", PDF_BYTES, content_type="application/pdf")
        photo = SimpleUploadedFile("diplome.png", png_bytes(), content_type="image/png")
        test = SimpleUploadedFile("test.pdf", PDF_BYTES, content_type="application/pdf")
        response = self.upload(
            client,
            adviser,
            [{"doc_type": "CV", "file": cv, "title": ""}, {"doc_type": "DP", "file": photo, "title": ""}],
            internal=[{"doc_type": "TC", "file": test, "title": ""}],
        )
        assert response.status_code == 302
        candidate = Candidate.objects.get()
        assert [d.title for d in candidate.candidate_documents.all()] == ["CV-1-DURAND-Zoe.pdf", "DP-1-DURAND-Zoe.png"]
        assert InternalDocument.objects.get().title == "TC-1-DURAND-Zoe.pdf"
        doc = CandidateDocument.objects.get(doc_type="CV")
        download = client.get(reverse("recruitment:document", args=[candidate.pk, "candidat", doc.pk]))
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith("attachment")
        assert "CV-1-DURAND-Zoe.pdf" in download["Content-Disposition"]
        assert download["X-Content-Type-Options"] == "nosniff"
        assert b"".join(download.streaming_content) == PDF_BYTES
        # The edit form links to the checked view, never to a storage URL.
        page = client.get(url("edit", candidate.pk)).content.decode()
        assert reverse("recruitment:document", args=[candidate.pk, "candidat", doc.pk]) in page
        assert "/media/dossiers/" not in page

    def test_wrong_kind_of_document_is_404(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_cv=True)
        doc = candidate.candidate_documents.get()
        assert client.get(reverse("recruitment:document", args=[candidate.pk, "interne", doc.pk])).status_code == 404

    @pytest.mark.parametrize(
        "name,content",
        [
            ("cv.pdf", b"MZ\x90\x00 not a pdf at all"),
            ("cv.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
            ("cv.html", b"<html><body>hi</body></html>"),
        ],
    )
    def test_content_checked_not_the_name(self, client, adviser, name, content):
        bad = SimpleUploadedFile(name, content)
        response = self.upload(client, adviser, [{"doc_type": "CV", "file": bad, "title": ""}])
        assert response.status_code == 200
        assert not Candidate.objects.exists()

    def test_png_named_pdf_refused_with_the_message_next_to_the_field(self, client, adviser):
        disguised = SimpleUploadedFile("cv.pdf", png_bytes(), content_type="application/pdf")
        response = self.upload(client, adviser, [{"doc_type": "CV", "file": disguised, "title": ""}])
        assert response.status_code == 200
        document_form = response.context["form"].formsets["candidate_documents"].forms[0]
        message = " ".join(document_form.errors["file"])
        assert "en réalité au format" in message and "PDF" in message
        assert message in response.content.decode().replace("&#x27;", "'")
        assert not Candidate.objects.exists()

    def test_size_limit(self, client, adviser):
        big = SimpleUploadedFile("cv.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
        response = self.upload(client, adviser, [{"doc_type": "CV", "file": big, "title": ""}])
        assert response.status_code == 200
        assert not CandidateDocument.objects.exists()

    def test_removed_document(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser, with_cv=True)
        doc = candidate.candidate_documents.get()
        data = dossier_data(
            adviser,
            last_name=candidate.last_name,
            first_name=candidate.first_name,
            city=candidate.city,
            documents=[{"id": str(doc.pk), "doc_type": "CV", "title": doc.title, "DELETE": "1"}],
        )
        assert client.post(url("edit", candidate.pk), data).status_code == 302
        assert not CandidateDocument.objects.exists()


@pytest.mark.django_db
class TestConsentFlag:
    """`Candidate.has_consent` mirrors the consent: the pool, read from a partial index, relies on it."""

    def test_recording_a_consent_sets_it_even_on_a_copy_loaded_before(self, client, adviser):
        candidate = CandidateFactory(organisation=adviser.organisation, organisation_contact=adviser)
        stale = Candidate.objects.get(pk=candidate.pk)
        assert not stale.has_consent
        Consent.objects.create(
            candidate=candidate, method=ConsentMethod.SIGNATURE, file="consentements/x.png", terms=terms()
        )
        assert candidate.has_consent
        stale.city = "Metz"
        stale.save()
        assert Candidate.objects.get(pk=candidate.pk).has_consent

    def test_removing_the_consent_clears_it(self):
        candidate = CandidateFactory(with_consent=True)
        assert Candidate.objects.get(pk=candidate.pk).has_consent
        Consent.objects.filter(candidate=candidate).delete()
        assert not Candidate.objects.get(pk=candidate.pk).has_consent

    def test_consent_from_the_dossier_form(self, client, adviser):
        data = dossier_data(adviser, consent_method="signature", consent_signature=signature_data_url())
        client.post(url("add"), data)
        assert Candidate.objects.get().has_consent
