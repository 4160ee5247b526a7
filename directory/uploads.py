"""The CV attached to a contact message: checked by content and size, not trusted by name."""

import io
import zipfile
from dataclasses import dataclass

import filetype
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils.text import get_valid_filename

MAX_CV_SIZE = 5 * 1024 * 1024
MIME_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "rtf": "application/rtf",
    "txt": "text/plain",
}
FORMATS_LABEL = "PDF, DOC, DOCX, ODT, RTF ou TXT"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class CheckedFile:
    filename: str
    content: bytes
    mimetype: str


def detect_kind(content):
    """The document kind of `content` among MIME_TYPES, from its bytes, or None."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"{\\rtf"):
        return "rtf"
    if content.startswith(OLE_MAGIC):
        return "doc"  # OLE compound file, as written by Word 97-2003
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    if filetype.guess(content) is None and _is_text(content):
        return "txt"
    return None


def _zip_kind(content):
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() == MIME_TYPES["odt"].encode():
                return "odt"
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError):
        return None
    return None


def _is_text(content):
    if b"\x00" in content:
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def check_cv(uploaded):
    """Return a CheckedFile, or raise ValidationError with a French message."""
    if uploaded.size > MAX_CV_SIZE:
        raise ValidationError("Le fichier dépasse la taille maximale de 5 Mo.", code="too_large")
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    if extension not in MIME_TYPES:
        raise ValidationError(f"Format non accepté. Formats acceptés : {FORMATS_LABEL}.", code="extension")
    content = uploaded.read()
    if len(content) > MAX_CV_SIZE:  # the declared size is not proof
        raise ValidationError("Le fichier dépasse la taille maximale de 5 Mo.", code="too_large")
    kind = detect_kind(content)
    if kind != extension:
        raise ValidationError(
            f"Le contenu du fichier ne correspond pas à un document {extension.upper()}. "
            f"Formats acceptés : {FORMATS_LABEL}.",
            code="content",
        )
    return CheckedFile(filename=_safe_name(uploaded.name, kind), content=content, mimetype=MIME_TYPES[kind])


def _safe_name(name, extension):
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    try:
        return get_valid_filename(base)[:100]
    except SuspiciousFileOperation:  # names like ".."
        return f"cv.{extension}"
