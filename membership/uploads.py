"""Upload checks by content: a real raster image (Pillow), never SVG, under a size limit."""

import filetype
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

IMAGE_MIME_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
LOGO_MAX_BYTES = 200 * 1024
PHOTO_MAX_BYTES = 2 * 1024 * 1024
NOT_AN_IMAGE = "Ce fichier n'est pas une image valide (formats acceptés : PNG, JPEG, GIF, WebP)."


def validate_image_upload(upload, max_bytes):
    """Raise a French ValidationError unless `upload` is a real image no bigger than `max_bytes`."""
    if upload.size > max_bytes:
        raise ValidationError(
            "Le fichier est trop volumineux (%(size)s Ko) : %(max)s Ko au maximum.",
            params={"size": round(upload.size / 1024), "max": max_bytes // 1024},
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in IMAGE_MIME_TYPES:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    finally:
        upload.seek(0)
    return upload
