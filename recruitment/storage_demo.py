"""The two private files shared by all demo dossiers (a CV and a signature)."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from portal.storage import private_storage

DEMO_CV_NAME = "dossiers/demo/cv-demonstration.pdf"
DEMO_SIGNATURE_NAME = "consentements/demo/signature-demonstration.png"
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _signature_png():
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(10, 70), (80, 20), (150, 80), (290, 30)], fill=(0, 0, 0, 255), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def ensure_demo_files():

    storage = private_storage()
    if not storage.exists(DEMO_CV_NAME):
        storage.save(DEMO_CV_NAME, ContentFile(DEMO_PDF))
    if not storage.exists(DEMO_SIGNATURE_NAME):
        storage.save(DEMO_SIGNATURE_NAME, ContentFile(_signature_png()))
