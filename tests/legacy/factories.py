"""The import's test material: an administrator (by role, not superuser), the sample exports, a run."""

from legacy.documents import DocumentSource
from legacy.samples import export_samples
from legacy.services import run_import, table_files
from portal.accounts.roles import Role
from tests.portal.factories import UserFactory
from tests.recruitment.factories import terms


def administrator(**kwargs):
    return UserFactory(roles=[Role.ADMINISTRATOR], **kwargs)


def samples(folder):
    """The sample exports (`seed_demo --export-legacy`) written in `folder`, and the conditions of use that a
    consent is given on (published by the administrators before they import)."""
    terms()
    export_samples(folder)
    return folder


def import_samples(folder, user, *, fmt="csv", documents="documents", dry_run=False):
    return run_import(
        table_files([folder / fmt]),
        user=user,
        documents=DocumentSource.from_path(folder / documents),
        dry_run=dry_run,
    )
