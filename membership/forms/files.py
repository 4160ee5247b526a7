"""Uploads of the membership forms go through `portal.uploads`, the site's one validation path."""

from portal.uploads import validate_upload


def checked_upload(upload, kind):
    """The file `portal.uploads` accepts (images re-encoded, safe name), or its French ValidationError."""
    return validate_upload(upload, kind).file
