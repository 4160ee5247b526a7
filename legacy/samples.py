"""Fictitious sample exports of the old portal (`seed_demo --export-legacy <folder>`), to try the import.

Every name, e-mail and phone number is invented (`exemple.test` addresses, identifiers ending in "Z", which the
demo never draws). A few rows break a rule on purpose so that the report shows refusals: an unknown category,
a missing name, an unknown role, an organisation that was refused, an e-mail already used, a possible duplicate,
an unknown channel, a missing city, a missing document, a classification without consent.

Written: csv/ and xlsx/ (the same three tables in each format), documents/ and documents.zip.
"""

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from PIL import Image, ImageDraw

from .columns import DOSSIERS, MEMBERS, ORGANISATIONS
from .sample_data import DOSSIER_ROWS, MEMBER_ROWS, ORGANISATION_ROWS

TABLES = [
    ("organismes", ORGANISATIONS, ORGANISATION_ROWS),
    ("membres", MEMBERS, MEMBER_ROWS),
    ("dossiers", DOSSIERS, DOSSIER_ROWS),
]
SIGNATURES = {"SIGNATURE-PRIGENT-Gaetan.png"}


def document_names():
    names = set()
    for row in DOSSIER_ROWS:
        for key in ("cv", "other_documents", "internal_documents", "consent_file"):
            if row.get(key):
                names.update(part.strip() for part in row[key].split(";"))
    names.discard("CV-1-LE-MOIGN-Ewen.pdf")  # the missing document
    return sorted(names)


def export_samples(folder, stdout=None):
    """Write the sample files under `folder`; returns the paths written."""
    folder = Path(folder)
    written = []
    for sub in ("csv", "xlsx", "documents"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name, entity, rows in TABLES:
        headers = [column.label for column in entity.columns]
        records = [[row.get(column.key, "") for column in entity.columns] for row in rows]
        written.append(_write_csv(folder / "csv" / f"{name}.csv", headers, records))
        written.append(_write_xlsx(folder / "xlsx" / f"{name}.xlsx", name, headers, records))
    with zipfile.ZipFile(folder / "documents.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name in document_names():
            content = signature_png() if name in SIGNATURES else fictitious_pdf(name)
            (folder / "documents" / name).write_bytes(content)
            archive.writestr(name, content)
            written.append(folder / "documents" / name)
    written.append(folder / "documents.zip")
    if stdout is not None:
        stdout.write(f"Fichiers d'exemple de l'ancien portail écrits dans {folder} ({len(written)} fichiers).")
    return written


def _write_csv(path, headers, records):
    """UTF-8 with BOM and ";": as a French spreadsheet writes it."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(headers)
        writer.writerows(records)
    return path


def _write_xlsx(path, title, headers, records):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for record in records:
        sheet.append(record)
    workbook.save(path)
    return path


def fictitious_pdf(name):
    text = f"Document fictif de démonstration : {name}".encode("latin-1", "replace")
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        b"4 0 obj<</Length " + str(len(stream)).encode() + b">>stream\n" + stream + b"\nendstream endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def signature_png():
    """A drawn signature on a transparent background, as the signature pad records it."""
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(20, 70), (90, 30), (160, 75), (280, 25)], fill=(20, 20, 80, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
