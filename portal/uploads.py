"""The one validation path of every upload of the site: content detected from the bytes, never trusted by name.

`validate_upload(uploaded, kind)` reads at most the kind's size limit, detects the real format from the bytes
(office archives from their zip central directory, without decompressing; images with Pillow, under a pixel
limit, before any decoding), checks that it agrees with the file's extension, and returns a `CheckedUpload`
whose `.file` holds the checked bytes (re-encoded, metadata dropped, for photos and logos).
"""

import enum
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

import filetype
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.base import ContentFile
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename
from PIL import Image, ImageOps, UnidentifiedImageError

KB = 1024
MB = 1024 * KB

MAX_PIXELS = 40_000_000  # below Pillow's decompression-bomb threshold (89 Mpx): an A4 page scanned at 600 dpi
REENCODED_MAX_PIXELS = 16_000_000  # decoded to be re-encoded: at most 64 MB in RGBA
ZIP_MAX_MEMBERS = 2_000
ZIP_MAX_DIRECTORY_SIZE = 1 * MB  # the central directory zipfile would parse (~50 bytes per member at least)
ZIP_MAX_TOTAL_SIZE = 100 * MB  # declared uncompressed size of all members
ZIP_MAX_RATIO = 100  # compression ratio above which a member is a bomb...
ZIP_RATIO_MIN_SIZE = 1 * MB  # ...when it inflates to more than this
ODF_MIMETYPE_MAX_READ = 100
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class Format:
    extension: str  # canonical extension of the stored file
    label: str  # shown in French messages
    content_type: str
    aliases: tuple = ()


FORMATS = {
    f.extension: f
    for f in (
        Format("pdf", "PDF", "application/pdf"),
        Format("doc", "DOC", "application/msword"),
        Format("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Format("xls", "XLS", "application/vnd.ms-excel"),
        Format("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        Format("ppt", "PPT", "application/vnd.ms-powerpoint"),
        Format("pptx", "PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        Format("odt", "ODT", "application/vnd.oasis.opendocument.text"),
        Format("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet"),
        Format("odp", "ODP", "application/vnd.oasis.opendocument.presentation"),
        Format("rtf", "RTF", "application/rtf"),
        Format("txt", "TXT", "text/plain"),
        Format("csv", "CSV", "text/csv"),
        Format("png", "PNG", "image/png"),
        Format("jpg", "JPEG", "image/jpeg", aliases=("jpeg", "jpe")),
        Format("gif", "GIF", "image/gif"),
        Format("webp", "WebP", "image/webp"),
    )
}
EXTENSIONS = {alias: f.extension for f in FORMATS.values() for alias in (f.extension, *f.aliases)}
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}  # extension -> Pillow format
TEXT_FORMATS = {"txt", "csv"}
ODF_MIMETYPES = {FORMATS[ext].content_type.encode(): ext for ext in ("odt", "ods", "odp")}
OOXML_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_STREAMS = (  # first stream found decides: a Word file may embed a workbook, not the reverse
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("Book".encode("utf-16-le"), "xls"),
)

OFFICE = ("doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf")
IMAGES = ("png", "jpg", "gif", "webp")


class UploadKind(enum.Enum):
    """What an upload is for: its accepted formats, size limit and whether images are re-encoded."""

    CV = "cv"
    DOCUMENT = "document"
    SCAN = "scan"
    PHOTO = "photo"
    LOGO = "logo"
    IMAGE = "image"  # an editor's image in the Wagtail library (renditions are made from it)
    ATTACHMENT = "attachment"  # an editor's document in the Wagtail library (news attachments)
    TABLE = "table"  # an administrator's export of the old portal (legacy import)

    @property
    def formats(self):
        return _SPECS[self][0]

    @property
    def max_bytes(self):
        return _SPECS[self][1]

    @property
    def reencoded(self):
        return _SPECS[self][2]

    @property
    def max_pixels(self):
        return REENCODED_MAX_PIXELS if self.reencoded else MAX_PIXELS

    @property
    def formats_label(self):
        labels = [FORMATS[ext].label for ext in self.formats]
        return f"{', '.join(labels[:-1])} ou {labels[-1]}"

    @property
    def max_size_label(self):
        return f"{self.max_bytes // MB} Mo" if self.max_bytes >= MB else f"{self.max_bytes // KB} Ko"


_SPECS = {  # formats (in the order shown), max bytes, re-encoded
    UploadKind.CV: (("pdf", "doc", "docx", "odt", "rtf", "txt"), 5 * MB, False),
    UploadKind.DOCUMENT: (("pdf", "jpg", "png", *OFFICE), 10 * MB, False),
    UploadKind.SCAN: (("pdf", "jpg", "png"), 10 * MB, False),
    UploadKind.PHOTO: (IMAGES, 2 * MB, True),
    UploadKind.LOGO: (IMAGES, 200 * KB, True),
    UploadKind.IMAGE: (IMAGES, 5 * MB, False),
    UploadKind.ATTACHMENT: (
        ("pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "png", "jpg"),
        10 * MB,
        False,
    ),
    UploadKind.TABLE: (("csv", "xlsx"), 10 * MB, False),
}


@dataclass
class CheckedUpload:
    file: ContentFile  # the checked bytes (re-encoded for photos and logos), named `name`
    name: str  # safe file name, with the extension of the real format
    content_type: str
    extension: str  # canonical, without dot: "pdf", "jpg", "docx"...


def validate_upload(uploaded, kind):
    """Return a CheckedUpload for `uploaded` used as `kind`, or raise a French ValidationError (with a code)."""
    kind = UploadKind(kind)
    declared = _declared_extension(getattr(uploaded, "name", "") or "")
    if declared == "svg":
        raise ValidationError("Les images SVG ne sont pas acceptées.", code="svg")
    if declared not in kind.formats:
        raise ValidationError(
            "Format non accepté. Formats acceptés : %(formats)s.",
            params={"formats": kind.formats_label},
            code="extension",
        )
    size = getattr(uploaded, "size", None)
    if size is not None and size > kind.max_bytes:
        raise _too_large(kind)
    content = _read_bounded(uploaded, kind)
    if not content:
        raise ValidationError("Le fichier est vide.", code="empty")
    real = detect_format(content)
    if real == "svg":
        raise ValidationError("Les images SVG ne sont pas acceptées.", code="svg")
    if real is None:
        raise ValidationError(
            "Le contenu de ce fichier ne correspond à aucun format accepté. Formats acceptés : %(formats)s.",
            params={"formats": kind.formats_label},
            code="content",
        )
    if real == "text" and declared in TEXT_FORMATS:
        real = declared
    if real != declared:
        raise ValidationError(
            "Ce fichier est en réalité au format %(real)s, alors que son extension indique %(declared)s. "
            "Formats acceptés : %(formats)s.",
            params={"real": _label(real), "declared": FORMATS[declared].label, "formats": kind.formats_label},
            code="mismatch",
        )
    if real in IMAGE_FORMATS:
        content, real = _check_image(content, real, kind)
    stem = _safe_stem(uploaded.name, default=kind.value)
    name = f"{stem}.{real}"
    return CheckedUpload(
        file=ContentFile(content, name=name), name=name, content_type=FORMATS[real].content_type, extension=real
    )


@deconstructible(path="portal.uploads.UploadValidator")
class UploadValidator:
    """Field validator: `validators=[UploadValidator("document")]`; a file already stored is not re-checked."""

    def __init__(self, kind):
        self.kind = UploadKind(kind).value
        self._constructor_args = ((self.kind,), {})  # migrations get the short value, even from the enum member

    def __call__(self, value):
        if getattr(value, "_committed", False):  # a stored FieldFile, checked when it was uploaded
            return
        validate_upload(value, self.kind)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.kind == self.kind

    def __hash__(self):
        return hash(self.kind)


def detect_format(content):
    """The canonical extension of `content` from its bytes, "text", "svg", a foreign label, or None."""
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"{\\rtf"):
        return "rtf"
    if content.startswith(OLE_MAGIC):
        return next((ext for stream, ext in OLE_STREAMS if stream in content), None)
    if content.startswith(b"PK\x03\x04"):
        return _zip_format(content)
    guess = filetype.guess(content[:8192])
    if guess is not None:
        extension = EXTENSIONS.get(guess.extension)
        return extension if extension in IMAGE_FORMATS else guess.extension.upper()
    if _looks_like_svg(content):
        return "svg"
    if _is_text(content):
        return "text"
    return None


def _zip_format(content):
    """docx/xlsx/pptx/odt/ods/odp from the central directory, refusing bombs before inflating anything."""
    _check_directory_size(content)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()  # the central directory only
            _check_archive(members, len(content))
            names = {member.filename for member in members}
            for part, extension in OOXML_MAIN_PARTS.items():
                if part in names:
                    return extension
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    return ODF_MIMETYPES.get(member.read(ODF_MIMETYPE_MAX_READ).strip())
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, EOFError, ValueError, zlib.error):
        return None  # NotImplementedError (an unknown compression) is a RuntimeError
    return None


def _check_directory_size(content):
    """Refuse, from the end-of-archive record, a central directory too large to parse (a bomb of tiny members)."""
    end = content.rfind(b"PK\x05\x06", max(0, len(content) - 65_557))
    if end < 0 or len(content) < end + 22:
        return  # not a zip: zipfile will say so
    entries, directory_size = struct.unpack("<HI", content[end + 10 : end + 16])
    if entries > ZIP_MAX_MEMBERS or directory_size > ZIP_MAX_DIRECTORY_SIZE:  # ZIP64 markers (0xFFFF...) too
        raise _bomb()


def _bomb():
    return ValidationError(
        "Ce document bureautique est refusé : son contenu décompressé serait anormalement volumineux.", code="archive"
    )


def _check_archive(members, archive_size):
    bomb = _bomb()
    if len(members) > ZIP_MAX_MEMBERS:
        raise bomb
    if sum(m.file_size for m in members) > ZIP_MAX_TOTAL_SIZE:
        raise bomb
    if sum(m.compress_size for m in members) > archive_size:  # overlapping members
        raise bomb
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError("Les documents protégés par un mot de passe ne sont pas acceptés.", code="encrypted")
        if member.file_size > ZIP_RATIO_MIN_SIZE and member.file_size > ZIP_MAX_RATIO * member.compress_size:
            raise bomb


def _check_image(content, extension, kind):
    """Open with Pillow (headers only), refuse too many pixels before decoding, verify, re-encode if asked."""
    unreadable = ValidationError("L'image est illisible ou endommagée.", code="image")
    try:
        with Image.open(io.BytesIO(content), formats=[IMAGE_FORMATS[extension]]) as image:
            width, height = image.size
            if width * height > kind.max_pixels:
                raise _too_many_pixels(kind, width, height)
            image.verify()
        if not kind.reencoded:
            return content, extension
        with Image.open(io.BytesIO(content), formats=[IMAGE_FORMATS[extension]]) as image:
            return _reencode(image, extension)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:  # over 89 Mpx, as errors
        raise _too_many_pixels(kind) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, zlib.error) as exc:
        raise unreadable from exc


def _reencode(image, extension):
    """A fresh file from the decoded first frame: no EXIF, no comments, no trailing data."""
    image.seek(0)
    image.load()
    image = ImageOps.exif_transpose(image)  # keep photos upright once EXIF is gone
    image.info = {key: image.info[key] for key in ("transparency", "icc_profile") if key in image.info}
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    output = io.BytesIO()
    if extension in ("png", "gif") or (extension == "webp" and has_alpha):
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            image = image.convert("RGBA" if has_alpha else "RGB")
        params = {"transparency": image.info["transparency"]} if "transparency" in image.info else {}
        image.save(output, format="PNG", optimize=True, **params)
        return output.getvalue(), "png"
    if image.mode != "RGB":
        image = image.convert("RGB")
    image.save(output, format="JPEG", quality=88, optimize=True)
    return output.getvalue(), "jpg"


def _read_bounded(uploaded, kind):
    """At most max_bytes + 1 bytes from the start: the declared size is not proof."""
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    content = uploaded.read(kind.max_bytes + 1)
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    if len(content) > kind.max_bytes:
        raise _too_large(kind)
    return content


def _too_large(kind):
    return ValidationError(
        "Le fichier dépasse la taille maximale de %(max)s.", params={"max": kind.max_size_label}, code="too_large"
    )


def _too_many_pixels(kind, width=None, height=None):
    limit = {"max": kind.max_pixels // 1_000_000}
    if width is None:
        return ValidationError("L'image est trop grande : %(max)s mégapixels au maximum.", params=limit, code="pixels")
    return ValidationError(
        "L'image est trop grande (%(width)s × %(height)s pixels) : %(max)s mégapixels au maximum.",
        params={"width": _number(width), "height": _number(height), **limit},
        code="pixels",
    )


def _number(value):
    return f"{value:,}".replace(",", "\u202f")  # French thousands separator


def _declared_extension(name):
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    extension = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    return "svg" if extension in ("svg", "svgz") else EXTENSIONS.get(extension, extension)


def _label(real):
    if real == "text":
        return "texte brut"
    return FORMATS[real].label if real in FORMATS else real


def _looks_like_svg(content):
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return (
        head.startswith(b"<?xml") or head.startswith(b"<svg") or head.startswith(b"<!doctype svg")
    ) and b"<svg" in head


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


def _safe_stem(name, *, default):
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    try:
        return get_valid_filename(stem)[:MAX_NAME_LENGTH]
    except SuspiciousFileOperation:  # names like ".." or only punctuation
        return default
