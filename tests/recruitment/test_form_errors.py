"""A form error loses nothing but files: the drawn signature comes back, the page says which files to choose again."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from recruitment.models import Candidate
from recruitment.widgets import FILES_LOST, MAX_SIGNATURE_BYTES, SignaturePadWidget

from .factories import PDF_BYTES, signature_data_url
from .helpers import dossier_data, url


def hidden_value(html):
    """The value attribute of the pad's hidden input ("" when absent)."""
    tag = html[html.index("<input") :].split(">", 1)[0]
    return tag.split('value="', 1)[1].split('"', 1)[0] if 'value="' in tag else ""


class TestSignaturePadRendering:
    def test_a_png_data_url_is_rendered_back(self):
        signature = signature_data_url()
        assert hidden_value(SignaturePadWidget().render("consent_signature", signature)) == signature

    @pytest.mark.parametrize(
        "value",
        [
            None,
            "",
            '"><script>alert(1)</script>',
            'data:image/png;base64,iVBORw0KGgo="><script>alert(1)</script>',
            "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
            "javascript:alert(1)",
            "data:image/png;base64,R0lGODlhAQABAAAAACw=",  # a GIF in a PNG's clothes
        ],
    )
    def test_anything_else_is_dropped(self, value):
        html = SignaturePadWidget().render("consent_signature", value)
        assert hidden_value(html) == ""
        assert "<script" not in html

    def test_size_is_bounded(self):
        signature = signature_data_url()
        too_big = signature + "A" * (MAX_SIGNATURE_BYTES * 4 // 3 + 64 - len(signature) + 4)
        assert hidden_value(SignaturePadWidget().render("consent_signature", too_big)) == ""


@pytest.mark.django_db
class TestAfterAFormError:
    def test_signature_and_values_come_back_then_the_fixed_form_records_the_consent(self, client, adviser):
        signature = signature_data_url()
        data = dossier_data(adviser, channel="", consent_method="signature", consent_signature=signature)
        response = client.post(url("add"), data)
        assert response.status_code == 200 and "channel" in response.context["form"].errors
        page = response.content.decode()
        assert f'value="{signature}"' in page
        assert not Candidate.objects.exists()

        fixed = dossier_data(adviser, consent_method="signature", consent_signature=signature)
        assert client.post(url("add"), fixed).status_code == 302
        assert Candidate.objects.get().has_consent

    def test_the_page_says_chosen_files_must_be_chosen_again(self, client, adviser):
        cv = SimpleUploadedFile("cv.pdf", PDF_BYTES, content_type="application/pdf")
        scan = SimpleUploadedFile("consentement.pdf", PDF_BYTES, content_type="application/pdf")
        data = dossier_data(
            adviser,
            channel="",
            consent_method="scan",
            consent_scan=scan,
            documents=[{"doc_type": "CV", "file": cv, "title": ""}],
        )
        page = client.post(url("add"), data).content.decode()
        assert page.count(FILES_LOST) == 2

    def test_no_notice_when_no_file_was_chosen(self, client, adviser):
        page = client.post(url("add"), dossier_data(adviser, channel="")).content.decode()
        assert FILES_LOST not in page
