"""Photo and logo go through portal.uploads: what it refuses is refused next to the field, nothing typed lost."""

import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from PIL import Image
from wagtail.images import get_image_model

from membership.models import MembershipApplication
from membership.tokens import make_token
from portal.accounts.models import User
from portal.accounts.roles import Role
from portal.uploads import UploadKind, validate_upload
from tests.portal.factories import OrganisationFactory, UserFactory

from .factories import MembershipApplicationFactory, image_bytes
from .test_application import part1_data, part2_data

pytestmark = pytest.mark.django_db

SVG = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"


def gif_bytes():
    buffer = io.BytesIO()
    Image.new("P", (40, 40), 3).save(buffer, "GIF")
    return buffer.getvalue()


SUSPECT_FILES = [
    pytest.param(SVG, "image.svg", id="svg"),
    pytest.param(SVG, "image.png", id="svg-named-png"),
    pytest.param(image_bytes(), "image.jpg", id="png-named-jpg"),
    pytest.param(gif_bytes(), "image.jpg", id="gif-named-jpg"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "tronque.png", id="truncated-png"),
    pytest.param(b"ceci n'est pas une image" * 10, "texte.png", id="text-named-png"),
]


def verdict(content, name, kind):
    """The messages portal.uploads gives for this file, or None when it accepts it."""
    try:
        validate_upload(SimpleUploadedFile(name, content), kind)
    except ValidationError as error:
        return error.messages
    return None


def field_errors(content, field):
    match = re.search(rf'<div class="form-field__errors" id="id_{field}_error">(.*?)</div>', content, re.S)
    return match.group(1) if match else ""


class TestPhotoOfPart1:
    @pytest.mark.parametrize(("content", "name"), SUSPECT_FILES)
    def test_refused_next_to_the_field_and_the_typed_values_kept(self, client, content, name):
        expected = verdict(content, name, UploadKind.PHOTO)
        photo = SimpleUploadedFile(name, content, content_type="image/jpeg")
        response = client.post(reverse("membership:apply"), part1_data(photo=photo))
        if expected is None:  # accepted by the uploads helper: the account is created
            assert response.status_code == 302
            return
        assert response.status_code == 200
        page = response.content.decode()
        errors = field_errors(page, "photo")
        assert all(escape(message) in errors for message in expected)
        assert 'value="Directrice des ressources humaines"' in page
        assert 'value="alice.durand"' in page
        assert not User.objects.filter(username="alice.durand").exists()

    def test_the_re_encoded_photo_is_stored(self, client):
        original = image_bytes(size=(120, 120))
        checked = validate_upload(SimpleUploadedFile("visage.png", original), UploadKind.PHOTO)
        photo = SimpleUploadedFile("visage.png", original, content_type="image/png")
        assert client.post(reverse("membership:apply"), part1_data(photo=photo)).status_code == 302
        user = User.objects.get(username="alice.durand")
        checked.file.seek(0)
        assert user.photo.read() == checked.file.read()


class TestLogoOfPart2:
    @pytest.fixture
    def application(self):
        return MembershipApplicationFactory(draft=True)

    def post(self, client, application, **data):
        return client.post(reverse("membership:organisation", args=[make_token(application)]), part2_data(**data))

    @pytest.mark.parametrize(("content", "name"), SUSPECT_FILES)
    def test_refused_next_to_the_field_and_the_draft_kept(self, client, application, content, name):
        expected = verdict(content, name, UploadKind.LOGO)
        response = self.post(client, application, logo=SimpleUploadedFile(name, content, content_type="image/png"))
        application.refresh_from_db()
        if expected is None:
            assert response.status_code == 302
            assert application.draft_logo
            return
        assert response.status_code == 200
        page = response.content.decode()
        errors = field_errors(page, "logo")
        assert all(escape(message) in errors for message in expected)
        assert 'value="https://www.numerique-et-compagnie.test"' in page
        assert application.draft_data["website"] == ["https://www.numerique-et-compagnie.test"]
        assert not application.draft_logo

    def test_too_big_is_refused(self, client, application):
        big = image_bytes(size=(400, 400), noise=True)
        assert len(big) > UploadKind.LOGO.max_bytes
        response = self.post(client, application, logo=SimpleUploadedFile("logo.png", big))
        assert response.status_code == 200
        assert field_errors(response.content.decode(), "logo")
        application.refresh_from_db()
        assert not application.draft_logo

    def test_a_refused_logo_saved_as_draft_is_reported(self, client, application):
        self.post(client, application, action="draft", logo=SimpleUploadedFile("logo.svg", SVG))
        page = client.get(reverse("membership:organisation", args=[make_token(application)])).content.decode()
        assert "Logo non enregistré" in page
        assert MembershipApplication.objects.get(pk=application.pk).draft_data["name"] == ["Numérique & Compagnie"]

    def test_the_re_encoded_logo_is_stored(self, client, application):
        original = image_bytes()
        checked = validate_upload(SimpleUploadedFile("logo.png", original), UploadKind.LOGO)
        self.post(client, application, logo=SimpleUploadedFile("logo.png", original, content_type="image/png"))
        application.refresh_from_db()
        checked.file.seek(0)
        with application.draft_logo.open("rb") as stored:
            assert stored.read() == checked.file.read()


class TestLogoOfTheReferentsSheet:
    """The referent's logo screen: the upload tab of the logo chooser on their organisation's sheet."""

    URL = reverse("wagtailimages_chooser:create")

    @pytest.fixture
    def referent(self, client):
        company = OrganisationFactory(company=True)
        user = UserFactory(organisation=company, roles=[Role.ORGANISATION_REFERENT])
        client.force_login(user)
        return user

    @pytest.mark.parametrize(("content", "name"), SUSPECT_FILES)
    def test_refused_next_to_the_field_and_the_title_kept(self, client, referent, content, name):
        expected = verdict(content, name, UploadKind.IMAGE)  # the image library's check
        response = client.post(
            self.URL,
            {
                "image-chooser-upload-title": "Logo de mon organisme",
                "image-chooser-upload-file": SimpleUploadedFile(name, content, content_type="image/png"),
            },
        )
        assert response.status_code == 200
        answer = json.loads(response.content)
        if expected is None:
            assert answer["step"] == "chosen"
            return
        assert answer["step"] == "reshow_creation_form"
        html = answer["htmlFragment"]
        # the file field's wrapper: its label, input, error, then its help text
        field = re.search(r'(?s)for="id_image-chooser-upload-file".*?id="id_image-chooser-upload-file-helptext"', html)
        assert 'class="error-message"' in field.group(0)
        assert 'value="Logo de mon organisme"' in html
        assert not get_image_model().objects.filter(title="Logo de mon organisme").exists()
