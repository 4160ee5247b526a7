"""The site's one upload path: real formats accepted, disguised files and bombs refused fast and lean.

Every file is generated here; nothing binary is committed.
"""

import io
import random
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from portal.upload_forms import DocumentForm, ImageForm
from portal.uploads import OLE_MAGIC, UploadKind, UploadValidator, validate_upload

GIB = 1 << 30
MB = 1 << 20
DOCX_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_TYPE = "application/vnd.oasis.opendocument.text"


# -- generated files ------------------------------------------------------------------------------


def pdf():
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def rtf():
    return b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Candidature}"


def ole(stream_name):
    """An OLE compound file header followed by a directory entry naming the main stream."""
    return OLE_MAGIC + bytes(504) + stream_name.encode("utf-16-le") + bytes(64)


def office_zip(members, *, mimetype=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def ooxml(main_part):
    return office_zip({"[Content_Types].xml": "<Types/>", main_part: "<document/>"})


def odf(subtype):
    return office_zip(
        {"content.xml": "<office:document-content/>", "META-INF/manifest.xml": "<manifest/>"},
        mimetype=f"application/vnd.oasis.opendocument.{subtype}",
    )


def image(fmt, size=(40, 30), mode="RGB", **params):
    buffer = io.BytesIO()
    Image.new(mode, size, "red" if mode != "RGBA" else (255, 0, 0, 128)).save(buffer, format=fmt, **params)
    return buffer.getvalue()


def png_of_zeros(width, height):
    """A 1-bit grayscale PNG written by hand, row by row: tiny on disk, any pixel count once decoded."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    compressor = zlib.compressobj(9)
    row = bytes(1 + (width + 7) // 8)  # filter byte, then the packed pixels
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def zip_with_zeros(member_name, size, *, members=None, mimetype_first=False):
    """A genuine zip whose `member_name` inflates to `size` zero bytes, written from a stream in chunks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (members or {}).items():
            archive.writestr(name, data)
        with archive.open(member_name, "w") as member:
            chunk = bytes(MB)
            for _ in range(size // MB):
                member.write(chunk)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def refused(name, content, kind):
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content), kind)
    return caught.value


def refused_fast_and_lean(name, content, kind):
    """Refuse `content`, asserting under one second and under 50 MB of extra Python memory."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        started = time.perf_counter()
        error = refused(name, content, kind)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()
    assert elapsed < 1, f"refused in {elapsed:.2f} s"
    assert peak < 50 * MB, f"peak {peak / MB:.1f} MB"
    return error


@pytest.fixture(scope="module")
def odt_bomb():
    """A 1 MB ODT whose `mimetype` member inflates to 1 GiB."""
    return zip_with_zeros("mimetype", GIB, members={"content.xml": "<office:document-content/>"})


@pytest.fixture(scope="module")
def docx_bomb():
    """A 1 MB DOCX carrying a 1 GiB member."""
    return zip_with_zeros("word/media/image1.bin", GIB, members={"word/document.xml": "<document/>"})


# -- genuine formats ------------------------------------------------------------------------------

GENUINE = {
    "pdf": (pdf, "application/pdf"),
    "rtf": (rtf, "application/rtf"),
    "doc": (lambda: ole("WordDocument"), "application/msword"),
    "xls": (lambda: ole("Workbook"), "application/vnd.ms-excel"),
    "ppt": (lambda: ole("PowerPoint Document"), "application/vnd.ms-powerpoint"),
    "docx": (lambda: ooxml("word/document.xml"), DOCX_TYPES),
    "xlsx": (lambda: ooxml("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        lambda: ooxml("ppt/presentation.xml"),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": (lambda: odf("text"), ODT_TYPE),
    "ods": (lambda: odf("spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (lambda: odf("presentation"), "application/vnd.oasis.opendocument.presentation"),
    "txt": (lambda: "Lettre de motivation, été 2026".encode(), "text/plain"),
    "png": (lambda: image("PNG"), "image/png"),
    "jpg": (lambda: image("JPEG"), "image/jpeg"),
    "gif": (lambda: image("GIF"), "image/gif"),
    "webp": (lambda: image("WEBP"), "image/webp"),
}
ACCEPTED = {
    UploadKind.CV: ["pdf", "doc", "docx", "odt", "rtf", "txt"],
    UploadKind.DOCUMENT: ["pdf", "jpg", "png", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf"],
    UploadKind.SCAN: ["pdf", "jpg", "png"],
    UploadKind.PHOTO: ["png", "jpg", "gif", "webp"],
    UploadKind.LOGO: ["png", "jpg", "gif", "webp"],
}


class TestGenuineFiles:
    @pytest.mark.parametrize(
        ("kind", "extension"), [(kind, ext) for kind, extensions in ACCEPTED.items() for ext in extensions]
    )
    def test_each_kind_accepts_its_formats(self, kind, extension):
        make, content_type = GENUINE[extension]
        checked = validate_upload(upload(f"Pièce jointe.{extension}", make()), kind)
        if kind.reencoded and extension in ("gif", "webp"):  # re-encoded to a lossless or a photo format
            assert checked.extension in ("png", "jpg")
        else:
            assert (checked.extension, checked.content_type) == (extension, content_type)
            assert checked.name == f"Pièce_jointe.{extension}"
        assert checked.file.name == checked.name

    @pytest.mark.parametrize(
        ("kind", "extension"),
        [(kind, ext) for kind, extensions in ACCEPTED.items() for ext in GENUINE if ext not in extensions],
    )
    def test_each_kind_refuses_the_other_formats(self, kind, extension):
        make, _ = GENUINE[extension]
        error = refused(f"fichier.{extension}", make(), kind)
        assert error.code == "extension"
        assert kind.formats_label in error.messages[0]

    def test_the_jpeg_extension_is_accepted_and_normalised(self):
        checked = validate_upload(upload("scan.JPEG", image("JPEG")), UploadKind.SCAN)
        assert (checked.name, checked.content_type) == ("scan.jpg", "image/jpeg")

    def test_a_dossier_document_image_is_stored_as_uploaded(self):
        content = image("JPEG", exif=_exif())
        assert validate_upload(upload("piece.jpg", content), "document").file.read() == content

    def test_labels_and_limits(self):
        assert UploadKind.CV.formats_label == "PDF, DOC, DOCX, ODT, RTF ou TXT"
        assert UploadKind.SCAN.formats_label == "PDF, JPEG ou PNG"
        assert [kind.max_bytes for kind in ACCEPTED] == [5 * MB, 10 * MB, 10 * MB, 2 * MB, 200 * 1024]


# -- disguised files ------------------------------------------------------------------------------


class TestDisguisedFiles:
    @pytest.mark.parametrize("kind", [UploadKind.DOCUMENT, UploadKind.SCAN])
    def test_a_png_named_pdf_is_refused(self, kind):
        error = refused("cv.pdf", image("PNG"), kind)
        assert error.code == "mismatch"
        assert "au format PNG" in error.messages[0]
        assert "indique PDF" in error.messages[0]

    def test_a_docx_named_odt_is_refused(self):
        assert refused("cv.odt", GENUINE["docx"][0](), UploadKind.CV).code == "mismatch"

    def test_an_executable_named_pdf_is_refused(self):
        error = refused("cv.pdf", b"MZ\x90\x00" + bytes(200), UploadKind.CV)
        assert (error.code, "au format EXE" in error.messages[0]) == ("mismatch", True)

    def test_a_zip_without_office_parts_is_refused(self):
        assert refused("cv.docx", office_zip({"readme.txt": "hello"}), UploadKind.CV).code == "content"

    def test_an_odt_with_another_mimetype_is_refused(self):
        content = office_zip({"content.xml": "<x/>"}, mimetype="application/epub+zip")
        assert refused("cv.odt", content, UploadKind.CV).code == "content"

    def test_an_unknown_ole_file_is_refused(self):
        assert refused("cv.doc", ole("SummaryInformation"), UploadKind.CV).code == "content"

    def test_a_broken_image_is_refused(self):
        content = image("PNG")[:60]
        assert refused("photo.png", content, UploadKind.PHOTO).code == "image"

    def test_a_png_with_a_corrupted_chunk_is_refused_as_a_scan(self):
        content = bytearray(image("PNG"))
        content[45] ^= 0xFF  # inside IDAT: its CRC no longer matches
        assert refused("scan.png", bytes(content), UploadKind.SCAN).code == "image"


class TestSvg:
    SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    @pytest.mark.parametrize("kind", list(UploadKind))
    def test_svg_by_name_is_refused(self, kind):
        assert refused("logo.svg", self.SVG, kind).code == "svg"

    @pytest.mark.parametrize(("name", "kind"), [("logo.png", UploadKind.LOGO), ("cv.txt", UploadKind.CV)])
    def test_svg_under_another_name_is_refused(self, name, kind):
        assert refused(name, self.SVG, kind).code == "svg"


class TestText:
    def test_cp1252_text_is_accepted_as_a_cv(self):
        checked = validate_upload(upload("lettre.txt", "Expérience : hôtellerie".encode("cp1252")), UploadKind.CV)
        assert (checked.extension, checked.content_type) == ("txt", "text/plain")

    @pytest.mark.parametrize("kind", [UploadKind.DOCUMENT, UploadKind.SCAN, UploadKind.PHOTO, UploadKind.LOGO])
    def test_text_is_refused_for_the_other_kinds(self, kind):
        assert refused("lettre.txt", b"Bonjour", kind).code == "extension"

    def test_text_with_nul_bytes_is_refused(self):
        assert refused("lettre.txt", b"Bon\x00jour", UploadKind.CV).code == "content"

    def test_text_named_pdf_is_refused(self):
        error = refused("cv.pdf", b"Bonjour", UploadKind.CV)
        assert (error.code, "texte brut" in error.messages[0]) == ("mismatch", True)


# -- sizes ----------------------------------------------------------------------------------------


class TestSizes:
    def test_the_limit_itself_is_accepted(self):
        assert validate_upload(upload("cv.txt", b"a" * (5 * MB)), UploadKind.CV).extension == "txt"

    def test_one_byte_over_the_declared_size_is_refused(self):
        error = refused("cv.txt", b"a" * (5 * MB + 1), UploadKind.CV)
        assert (error.code, error.messages) == ("too_large", ["Le fichier dépasse la taille maximale de 5 Mo."])

    def test_the_real_bytes_count_not_the_declared_size(self):
        content = io.BytesIO(b"a" * (200 * 1024 + 1))
        lying = InMemoryUploadedFile(content, "logo", "logo.png", "image/png", size=10, charset=None)
        with pytest.raises(ValidationError) as caught:
            validate_upload(lying, UploadKind.LOGO)
        assert caught.value.messages == ["Le fichier dépasse la taille maximale de 200 Ko."]

    def test_an_empty_file_is_refused(self):
        assert refused("cv.pdf", b"", UploadKind.CV).code == "empty"


# -- zip bombs ------------------------------------------------------------------------------------


class TestZipBombs:
    @pytest.mark.parametrize(("name", "kind"), [("cv.odt", UploadKind.CV), ("dossier.odt", UploadKind.DOCUMENT)])
    def test_an_odt_whose_mimetype_inflates_to_1_gib_is_refused(self, odt_bomb, name, kind):
        assert len(odt_bomb) < 2 * MB
        assert refused_fast_and_lean(name, odt_bomb, kind).code == "archive"

    @pytest.mark.parametrize(("name", "kind"), [("cv.docx", UploadKind.CV), ("dossier.docx", UploadKind.DOCUMENT)])
    def test_a_docx_with_a_1_gib_member_is_refused(self, docx_bomb, name, kind):
        assert refused_fast_and_lean(name, docx_bomb, kind).code == "archive"

    def test_a_member_at_the_ratio_limit_is_accepted(self):
        content = _docx_with_member(bytes(MB))  # 1 MB, not over the size above which ratios count
        assert validate_upload(upload("a.docx", content), UploadKind.DOCUMENT).extension == "docx"

    def test_a_member_just_over_1_mb_compressing_too_well_is_refused(self):
        content = _docx_with_member(bytes(MB + 1))
        assert refused("a.docx", content, UploadKind.DOCUMENT).code == "archive"

    def test_a_large_member_that_does_not_compress_is_accepted(self):
        content = _docx_with_member(random.Random(13).randbytes(3 * MB))
        assert validate_upload(upload("a.docx", content), UploadKind.DOCUMENT).extension == "docx"

    def test_a_ratio_of_100_is_accepted_101_refused(self):
        data = random.Random(13).randbytes(20_000)
        with zipfile.ZipFile(io.BytesIO(_docx_with_member(data))) as archive:
            size = archive.getinfo("word/media/big.bin").compress_size
        at_limit = _docx_with_member(data, declared_size=100 * size)
        over = _docx_with_member(data, declared_size=100 * size + 1)
        assert validate_upload(upload("a.docx", at_limit), UploadKind.DOCUMENT).extension == "docx"
        assert refused("a.docx", over, UploadKind.DOCUMENT).code == "archive"

    def test_declared_sizes_of_100_mb_in_total_are_accepted_one_byte_more_refused(self):
        media = {f"word/media/{n}.bin": "" for n in range(100)}  # 1 MB each: under the size where ratios count
        content = office_zip({"word/document.xml": "", **media})
        at_limit = declare_sizes(content, dict.fromkeys(media, MB))
        over = declare_sizes(content, {**dict.fromkeys(media, MB), "word/document.xml": 1})
        assert validate_upload(upload("a.docx", at_limit), UploadKind.DOCUMENT).extension == "docx"
        assert refused("a.docx", over, UploadKind.DOCUMENT).code == "archive"

    def test_2000_members_are_accepted_2001_refused(self):
        names = {f"word/media/{n}.xml": "" for n in range(1999)}
        accepted = office_zip({"word/document.xml": "<d/>", **names})
        refused_zip = office_zip({"word/document.xml": "<d/>", "extra.xml": "", **names})
        assert validate_upload(upload("a.docx", accepted), UploadKind.DOCUMENT).extension == "docx"
        assert refused("a.docx", refused_zip, UploadKind.DOCUMENT).code == "archive"

    def test_a_bomb_of_tiny_members_is_refused_before_parsing_them(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr("word/document.xml", "<d/>")
            for n in range(110_000):  # ~9.5 MB: parsed by zipfile, 7 s and 57 MB
                archive.writestr(zipfile.ZipInfo(f"{n}"), b"")
        assert refused_fast_and_lean("a.docx", buffer.getvalue(), UploadKind.DOCUMENT).code == "archive"

    def test_an_encrypted_member_is_refused(self):
        content = office_zip({"word/document.xml": "<d/>", "word/secret.xml": "x" * 20})
        encrypted = patch_central_directory(content, {"word/secret.xml": (8, struct.pack("<H", 0x1))})
        assert refused("a.docx", encrypted, UploadKind.CV).code == "encrypted"


def _docx_with_member(data, *, declared_size=None):
    content = office_zip({"word/document.xml": "<d/>", "word/media/big.bin": data})
    return content if declared_size is None else declare_sizes(content, {"word/media/big.bin": declared_size})


def declare_sizes(content, sizes):
    """Rewrite the uncompressed sizes the central directory declares for some members (nothing is inflated)."""
    return patch_central_directory(content, {name: (24, struct.pack("<I", size)) for name, size in sizes.items()})


def patch_central_directory(content, patches):
    """Overwrite bytes at an offset of some members' central directory headers: {name: (offset, bytes)}."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        position = archive.start_dir
    patched = bytearray(content)
    while patched[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack("<HHH", patched[position + 28 : position + 34])
        name = patched[position + 46 : position + 46 + name_length].decode()
        if name in patches:
            offset, data = patches[name]
            patched[position + offset : position + offset + len(data)] = data
        position += 46 + name_length + extra_length + comment_length
    return bytes(patched)


# -- pixel bombs and images -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pixel_bomb():
    content = png_of_zeros(12_000, 12_000)  # 144 megapixels
    assert len(content) < 100 * 1024
    return content


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Pillow warns over 89 Mpx
class TestPixelBombs:
    @pytest.mark.parametrize("kind", [UploadKind.DOCUMENT, UploadKind.SCAN, UploadKind.PHOTO, UploadKind.LOGO])
    def test_a_144_megapixel_png_is_refused(self, pixel_bomb, kind):
        error = refused_fast_and_lean("photo.png", pixel_bomb, kind)
        assert error.code == "pixels"
        assert "12\u202f000 × 12\u202f000 pixels" in error.messages[0]

    def test_40_megapixels_are_accepted_one_more_refused(self):
        assert validate_upload(upload("scan.png", png_of_zeros(8_000, 5_000)), UploadKind.SCAN).extension == "png"
        assert refused("scan.png", png_of_zeros(754_717, 53), UploadKind.SCAN).code == "pixels"  # 40 000 001 px

    def test_a_photo_to_re_encode_is_limited_to_16_megapixels(self):
        assert validate_upload(upload("moi.png", png_of_zeros(4_000, 4_000)), UploadKind.PHOTO).extension == "png"
        error = refused("moi.png", png_of_zeros(16_000_001, 1), UploadKind.PHOTO)
        assert error.messages == [
            "L'image est trop grande (16\u202f000\u202f001 × 1 pixels) : 16 mégapixels au maximum."
        ]


class TestReencodedImages:
    def test_a_photo_loses_its_exif(self):
        checked = validate_upload(upload("moi.jpg", image("JPEG", exif=_exif())), UploadKind.PHOTO)
        with Image.open(checked.file) as reencoded:
            assert reencoded.format == "JPEG"
            assert not reencoded.getexif()
            assert "exif" not in reencoded.info

    def test_a_png_logo_stays_png_with_its_transparency(self):
        checked = validate_upload(upload("logo.png", image("PNG", mode="RGBA")), UploadKind.LOGO)
        with Image.open(checked.file) as reencoded:
            assert (reencoded.format, reencoded.mode, checked.content_type) == ("PNG", "RGBA", "image/png")
            assert reencoded.getpixel((0, 0))[3] == 128

    def test_trailing_data_is_not_kept(self):
        content = image("PNG") + b"<?php system($_GET['c']); ?>"
        assert b"<?php" not in validate_upload(upload("logo.png", content), UploadKind.LOGO).file.read()

    def test_a_gif_logo_becomes_a_png(self):
        checked = validate_upload(upload("logo.gif", image("GIF")), UploadKind.LOGO)
        assert (checked.name, checked.content_type) == ("logo.png", "image/png")


def _exif():
    exif = Image.Exif()
    exif[0x010F] = "Appareil"  # Make
    exif[0x8825] = {2: (48.0, 35.0, 0.0)}  # GPS latitude
    return exif


# -- names ----------------------------------------------------------------------------------------


class TestNames:
    @pytest.mark.parametrize(
        ("name", "safe"),
        [
            ("../../etc/passwd.pdf", "passwd.pdf"),
            ("C:\\Users\\léa\\mon CV (2).PDF", "mon_CV_2.pdf"),
            ("..pdf", "cv.pdf"),
            (f"{'x' * 300}.pdf", f"{'x' * 100}.pdf"),
        ],
    )
    def test_names_are_made_safe(self, name, safe):
        assert validate_upload(upload(name, pdf()), UploadKind.CV).name == safe


# -- field validator and Wagtail editor uploads ---------------------------------------------------


class TestUploadValidator:
    def test_it_deconstructs_for_migrations_and_compares_equal(self):
        validator = UploadValidator("document")
        assert validator.deconstruct() == ("portal.uploads.UploadValidator", ("document",), {})
        assert validator == UploadValidator(UploadKind.DOCUMENT)
        assert UploadValidator(UploadKind.DOCUMENT).deconstruct() == validator.deconstruct()
        assert validator != UploadValidator("scan")

    def test_a_stored_file_is_not_checked_again_a_new_one_is(self):
        stored = FieldFile(None, FileField(name="scan"), "consentements/ancien.pdf")
        UploadValidator("scan")(stored)  # would fail on reading the missing file if it were checked
        new = FieldFile(None, FileField(name="scan"), None)
        new.file, new.name, new._committed = upload("scan.pdf", image("PNG")), "scan.pdf", False
        with pytest.raises(ValidationError):
            UploadValidator("scan")(new)

    def test_an_unknown_kind_is_a_programming_error(self):
        with pytest.raises(ValueError):
            UploadValidator("video")

    def test_a_form_field_shows_the_message(self):
        class Form(forms.Form):
            scan = forms.FileField(validators=[UploadValidator("scan")])

        form = Form(files={"scan": upload("consentement.pdf", image("PNG"))})
        assert not form.is_valid()
        assert "au format PNG" in form.errors["scan"][0]
        assert Form(files={"scan": upload("consentement.pdf", pdf())}).is_valid()


@pytest.mark.django_db
class TestWagtailEditorUploads:
    def test_the_form_bases_are_wired(self):
        assert issubclass(get_image_form(get_image_model()), ImageForm)
        assert issubclass(get_document_form(get_document_model()), DocumentForm)

    def test_an_image_over_the_pixel_limit_is_refused(self):
        # 60 Mpx: under Wagtail's own limit (128 Mpx), over the site's.
        form = get_image_form(get_image_model())(
            data={"title": "Bannière"}, files={"file": upload("banniere.png", png_of_zeros(10_000, 6_000))}
        )
        assert not form.is_valid()
        assert "mégapixels au maximum" in form.errors["file"][0]

    def test_a_genuine_image_is_accepted(self):
        form = get_image_form(get_image_model())(
            data={"title": "Logo"}, files={"file": upload("logo.png", image("PNG"))}
        )
        assert form.is_valid(), form.errors

    @pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
    def test_a_document_pixel_bomb_or_disguised_file_is_refused(self, pixel_bomb):
        DocumentFormClass = get_document_form(get_document_model())
        bomb = DocumentFormClass(data={"title": "Plan"}, files={"file": upload("plan.png", pixel_bomb)})
        disguised = DocumentFormClass(data={"title": "Compte rendu"}, files={"file": upload("cr.pdf", image("PNG"))})
        assert not bomb.is_valid() and not disguised.is_valid()
        assert "mégapixels" in bomb.errors["file"][0]
        assert "au format PNG" in disguised.errors["file"][0]
