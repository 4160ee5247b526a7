"""The samples imported into the demo database: the same counts, and the demo's own records untouched."""

import pytest
from django.core.management import call_command

from legacy.columns import ENTITIES
from legacy.sample_data import EXPECTED
from portal.accounts.models import User
from portal.organisations.models import Organisation
from recruitment.models import Candidate

from .factories import administrator, import_samples, samples

pytestmark = pytest.mark.django_db


def test_the_samples_into_the_demo_database(tmp_path):
    call_command("seed_demo", candidates=40, force=True, verbosity=0)
    demo = {
        "dossiers": dict(Candidate.objects.values_list("pk", "updated_at")),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
    }
    folder = samples(tmp_path / "ancien-portail")
    admin = User.objects.get(username="admin")
    report = import_samples(folder, admin, fmt="xlsx", documents="documents.zip")
    assert {entity.key: report.counts(entity) for entity in ENTITIES} == EXPECTED
    assert Organisation.objects.count() == demo["organisations"] + 5
    assert User.objects.count() == demo["users"] + 4
    assert Candidate.objects.count() == len(demo["dossiers"]) + 6
    untouched = Candidate.objects.filter(pk__in=demo["dossiers"])
    assert dict(untouched.values_list("pk", "updated_at")) == demo["dossiers"]

    again = import_samples(folder, administrator(), fmt="csv")
    assert again.changes == 0
    assert Candidate.objects.count() == len(demo["dossiers"]) + 6
