"""Factories of the directory: organisations as the directory shows them, uploaded files."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.organisations.enums import CategoryCode
from portal.organisations.models import Activity, CompanyType, Department, OrganisationCategory
from tests.portal.factories import OrganisationFactory, UserFactory

__all__ = [
    "OrganisationFactory",
    "UserFactory",
    "company_with_hr",
    "logo",
    "upload",
    "doc_bytes",
    "docx_bytes",
    "odt_bytes",
]


def category(code):
    return OrganisationCategory.objects.get(code=code)


def department(code):
    return Department.objects.get(code=code)


def activity(index=0):
    return Activity.objects.order_by("order", "name")[index]


def company_type(index=1):
    return CompanyType.objects.order_by("order", "name")[index]


def company_with_hr(**kwargs):
    """An accepted company whose HR contact receives the directory's messages."""
    hr = UserFactory(email=kwargs.pop("hr_email", None) or "rh.personne@entreprise.test")
    referent = UserFactory(email=kwargs.pop("referent_email", None) or "referent.personne@entreprise.test")
    org = OrganisationFactory(company=True, hr_contact=hr, referent=referent, **kwargs)
    hr.organisation = referent.organisation = org
    hr.save()
    referent.save()
    return org


def logo(name="logo.png", size=(400, 300)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (11, 94, 168)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=name, file=SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
    )


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def doc_bytes():
    """The start of a Word 97-2003 file: an OLE compound file holding a "WordDocument" stream."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le") + b"\x00" * 64


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


COMPANY = CategoryCode.COMPANY


def directory_page():
    """The directory page of migration directory.0002, rebuilt when a transactional test flushed it."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from directory.models import DirectoryPage
    from portal.pages.models import HomePage

    page = DirectoryPage.objects.live().first()
    if page:
        return page
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first() or root.add_child(
        instance=HomePage(title="Numéric'Emploi Grand Est", slug="accueil")
    )
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home.add_child(instance=DirectoryPage(title="Annuaire des partenaires", slug="annuaire"))
