"""Reading the old portal's exports: CSV (the standard `csv` module) and XLSX (openpyxl), never parsed by hand.

A `Table` is one file: its entity (recognised from its headers), its rows as {column key: text} with their line
number as a spreadsheet shows it (the header is line 1), and what is wrong with the file as a whole.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from openpyxl import load_workbook

from .columns import entity_of

CSV_DELIMITERS = ";,\t"
MAX_ROWS = 20_000


@dataclass
class Table:
    name: str
    entity: object = None
    rows: list = field(default_factory=list)  # [(line, {key: text})]
    problems: list = field(default_factory=list)  # French messages about the whole file
    ignored_columns: list = field(default_factory=list)


def read_table(name, content):
    """The Table of one file (`content`: its bytes); `.problems` says why nothing of it can be imported."""
    table = Table(name=name)
    try:
        records = _xlsx_records(content) if name.lower().endswith(".xlsx") else _csv_records(content)
    except (ValueError, KeyError, OSError, csv.Error, UnicodeError) as error:
        table.problems.append(f"Fichier illisible ({type(error).__name__}) : enregistrez-le au format CSV ou XLSX.")
        return table
    if not records:
        table.problems.append("Le fichier est vide.")
        return table
    headers, *lines = records
    table.entity = entity_of(headers)
    if table.entity is None:
        table.problems.append(
            "Type de fichier non reconnu : il faut une colonne « Raison sociale » (organismes), "
            "« Nom d'utilisateur » (membres) ou « Statut du dossier » (dossiers)."
        )
        return table
    columns = [table.entity.match(header) for header in headers]
    table.ignored_columns = [str(h) for h, column in zip(headers, columns, strict=True) if h and column is None]
    present = {column.key for column in columns if column}
    missing = [column.label for column in table.entity.columns if column.required and column.key not in present]
    if missing:
        table.problems.append(
            "Colonnes obligatoires absentes : " + ", ".join(f"« {label} »" for label in missing) + "."
        )
        return table
    if len(lines) > MAX_ROWS:
        table.problems.append(f"Le fichier compte plus de {MAX_ROWS} lignes : découpez-le.")
        return table
    for number, values in enumerate(lines, start=2):
        row = {}
        for column, value in zip(columns, values, strict=False):
            if column is not None:
                row[column.key] = as_text(value)
        if any(row.values()):
            table.rows.append((number, row))
    return table


def as_text(value):
    """A cell as text: dates as dd/mm/yyyy, whole numbers without ".0", None as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).replace("\r\n", "\n").split(" ")).strip()


def _csv_records(content):
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";"
    return _trimmed(list(csv.reader(io.StringIO(text, newline=""), dialect)))


def _decode(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeError("encoding")


def _xlsx_records(content):
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        records = []
        for values in sheet.iter_rows(values_only=True):
            records.append(list(values))
            if len(records) > MAX_ROWS + 1:
                break
        return _trimmed(records)
    finally:
        workbook.close()


def _trimmed(records):
    """Records without the blank ones at the end (blank lines in between keep the line numbers)."""
    while records and not any(value not in (None, "") for value in records[-1]):
        records.pop()
    return records


def parse_date(text):
    """dd/mm/yyyy (or yyyy-mm-dd) -> date; None when empty; ValueError when not a date."""
    text = (text or "").strip()
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


YES = {"oui", "o", "yes", "vrai", "1", "x"}
NO = {"non", "n", "no", "faux", "0", ""}


def parse_yes_no(text):
    """Oui/Non -> True/False; ValueError otherwise (an empty cell is "Non")."""
    value = (text or "").strip().casefold()
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValueError(text)
