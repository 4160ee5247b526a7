"""Wagtail's image and document forms for editors, checked by the site's one upload path (portal.uploads).

Wired by WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE; the single and multiple upload views
of Wagtail both build their forms on these bases.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import UploadKind, validate_upload


def _checked_file(form, kind):
    uploaded = form.cleaned_data.get("file")
    if uploaded and "file" in form.changed_data:
        validate_upload(uploaded, kind)  # the original is kept: Wagtail reads its metadata and makes renditions
    return uploaded


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail's field reads the pixel size before clean_file runs, and answers 500 on a broken image.
            wagtail_to_python = self.fields["file"].to_python

            def to_python(data):
                if data and hasattr(data, "read"):
                    validate_upload(data, UploadKind.IMAGE)
                    data.seek(0)
                return wagtail_to_python(data)

            self.fields["file"].to_python = to_python

    def clean_file(self):
        return _checked_file(self, UploadKind.IMAGE)


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return _checked_file(self, UploadKind.ATTACHMENT)
