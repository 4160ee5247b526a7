"""Fill the dossiers' search column (`rules.search_text`) and, on PostgreSQL, index it for contains-search.

The trigram index (pg_trgm, GIN) serves `search_name LIKE '%word%'` (`CandidateQuerySet.name_contains`);
SQLite has no such index and reads the column itself.
"""

from django.db import migrations

from recruitment import rules

BATCH = 2000
TRIGRAM_INDEX = "recruitment_cand_search_trgm"


def fill_search_name(apps, schema_editor):
    Candidate = apps.get_model("recruitment", "Candidate")
    last_pk = 0
    while True:
        rows = list(
            Candidate.objects.filter(pk__gt=last_pk).order_by("pk").values_list("pk", "last_name", "first_name")[:BATCH]
        )
        if not rows:
            return
        Candidate.objects.bulk_update(
            [Candidate(pk=pk, search_name=rules.search_text(last, first)[:255]) for pk, last, first in rows],
            ["search_name"],
        )
        last_pk = rows[-1][0]


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON recruitment_candidate USING gin (search_name gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other apps may use it, and it holds no data.
    schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("recruitment", "0008_dossier_search")]

    operations = [
        migrations.RunPython(fill_search_name, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
