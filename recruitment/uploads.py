"""Checks of uploaded files by content (never by name), and their suggested names."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from .enums import MAX_UPLOAD_BYTES

DOCUMENT_MIME_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/rtf",
}
SCAN_MIME_TYPES = {"application/pdf", "image/jpeg", "image/png"}


def sniff(uploaded):
    """The MIME type guessed from the file's first bytes (None when unknown)."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def check_upload(uploaded, allowed=DOCUMENT_MIME_TYPES, max_bytes=MAX_UPLOAD_BYTES):
    """Raise ValidationError unless the file is small enough and really of an allowed type."""
    if uploaded is None:
        return
    if uploaded.size > max_bytes:
        raise ValidationError(f"Le fichier dépasse la taille maximale de {max_bytes // (1024 * 1024)} Mo.")
    mime = sniff(uploaded)
    if mime not in allowed:
        raise ValidationError(
            "Type de fichier refusé : seuls les PDF, images (JPEG, PNG) et documents bureautiques sont acceptés."
            if allowed is DOCUMENT_MIME_TYPES
            else "Type de fichier refusé : seuls les PDF, JPEG et PNG sont acceptés."
        )
    if mime.startswith("image/"):
        from PIL import Image

        try:
            uploaded.seek(0)
            Image.open(uploaded).verify()
        except Exception as exc:
            raise ValidationError("L'image est illisible.") from exc
        finally:
            uploaded.seek(0)


def validate_document(uploaded):
    check_upload(uploaded, DOCUMENT_MIME_TYPES)


def validate_scan(uploaded):
    check_upload(uploaded, SCAN_MIME_TYPES)


def suggested_name(doc_type, number, last_name, first_name, identifier, extension):
    """`TYPE-N-NOM-Prénom-Identifiant.ext`, the naming the manual recommends (safe characters only)."""
    parts = [doc_type, str(number), slugify(last_name).upper(), slugify(first_name).capitalize()]
    if identifier:
        parts.append(slugify(identifier).upper())
    name = "-".join(p for p in parts if p)
    return f"{name}.{extension.lower().lstrip('.')}" if extension else name
