"""Run an import: the tables in the order organisations → members → dossiers, each row in its own savepoint.

A dry run does everything inside one transaction that is rolled back at the end (so a member may refer to an
organisation of the same files, and two rows of one file are checked against each other), and writes no file.
A real run keeps each accepted row: a refused row changes nothing, the others are kept.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from portal.organisations.models import Organisation
from recruitment import choices as reference_choices

from . import perms
from .columns import DOSSIERS, ENTITIES, MEMBERS, ORGANISATIONS
from .documents import DocumentSource
from .dossiers import import_dossier
from .lookups import Refusal
from .organisations import import_member, import_organisation
from .reading import read_table
from .report import Outcome, Report

IMPORTERS = {
    ORGANISATIONS.key: import_organisation,
    MEMBERS.key: import_member,
    DOSSIERS.key: import_dossier,
}
TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass
class Context:
    user: object
    dry_run: bool
    documents: DocumentSource
    today: object


def table_files(paths):
    """{name: bytes} of the CSV/XLSX files named, or found in the folders named (sorted)."""
    files = {}
    for path in map(Path, paths):
        candidates = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in candidates:
            if file.suffix.lower() in TABLE_SUFFIXES:
                files[file.name] = file.read_bytes()
    return files


def run_import(files, *, user, documents=None, dry_run=False):
    """Import `files` ({name: bytes}) as `user`, who must hold the import permission; returns the Report."""
    if not perms.may_import(user):
        raise PermissionDenied("Seuls les administrateurs importent les données de l'ancien portail.")
    report = Report(dry_run=dry_run)
    tables = [read_table(name, content) for name, content in files.items()]
    for table in tables:
        for problem in table.problems:
            report.problems.append(f"{table.name} : {problem} Aucune ligne de ce fichier n'est importée.")
        if table.ignored_columns:
            names = ", ".join(f"« {name} »" for name in table.ignored_columns)
            report.problems.append(f"{table.name} : colonnes non reprises (inconnues du portail) : {names}.")
    context = Context(
        user=user, dry_run=dry_run, documents=documents or DocumentSource.empty(), today=timezone.localdate()
    )
    ordered = [t for entity in ENTITIES for t in tables if t.entity is entity and not t.problems]
    with transaction.atomic():
        for table in ordered:
            _import_table(table, context, report)
        if dry_run:
            transaction.set_rollback(True)
    if dry_run:  # the dossier form cached the organisations it read inside the rolled-back transaction
        reference_choices.forget(Organisation)
    return report


def _import_table(table, context, report):
    importer = IMPORTERS[table.entity.key]
    for line, values in table.rows:
        subject = _subject(table.entity, values)
        try:
            with transaction.atomic():
                outcome, subject, changes = importer(values, context)
        except Refusal as refusal:
            report.add(table.entity, table.name, line, subject, Outcome.REFUSED, refusal.reasons)
        else:
            report.add(table.entity, table.name, line, subject, outcome, changes)


def _subject(entity, values):
    """How the report names a row before it is read (a refused row keeps this name)."""
    if entity is ORGANISATIONS:
        return values.get("name", "")
    if entity is MEMBERS:
        return values.get("username", "")
    return f"{(values.get('last_name') or '').upper()} {values.get('first_name') or ''}".strip()
