"""Recompute the stored comparison keys after `rules.normalize` learnt the ligatures (œ -> oe, æ -> ae).

Before, "Cœur" was stored as "c ur": "coeur" did not find it and a twin typed "COEUR" was not detected. Only the
rows whose name, city or identifier holds a ligature change: the dossiers' `search_name`, `identity_key`,
`identifier_key` and the remembered cities' `key` (a city whose new key another city already has is dropped: it
only fed the autocomplete, which now offers the other spelling). Data only: the reverse recomputes the same rows
with the previous rule (the ligature as a separator).
"""

import re
import unicodedata

from django.db import migrations
from django.db.models import Q

from recruitment import rules

LIGATURES = ("œ", "Œ", "æ", "Æ")
BATCH = 2000


def _previous_normalize(text):
    """`rules.normalize` before this migration (a ligature read as punctuation)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _with_ligature(*fields):
    query = Q()
    for field in fields:
        for letter in LIGATURES:
            query |= Q(**{f"{field}__contains": letter})
    return query


def _keys(normalize, candidate):
    identifier = candidate.france_travail_id if candidate.has_france_travail_id else ""
    parts = [normalize(candidate.last_name), normalize(candidate.first_name), normalize(candidate.city)]
    return {
        "search_name": normalize(f"{candidate.last_name or ''} {candidate.first_name or ''}")[:255],
        "identity_key": "|".join(parts) if all(parts) else "",
        "identifier_key": re.sub(r"[^0-9a-z]", "", normalize(identifier)),
    }


def recompute(normalize):
    def run(apps, schema_editor):
        Candidate = apps.get_model("recruitment", "Candidate")
        City = apps.get_model("recruitment", "City")
        fields = ["search_name", "identity_key", "identifier_key"]
        rows = Candidate.objects.filter(_with_ligature("last_name", "first_name", "city", "france_travail_id"))
        changed = []
        for candidate in rows.only(
            "pk", "last_name", "first_name", "city", "france_travail_id", "has_france_travail_id", *fields
        ).iterator(chunk_size=BATCH):
            for name, value in _keys(normalize, candidate).items():
                setattr(candidate, name, value)
            changed.append(candidate)
        Candidate.objects.bulk_update(changed, fields, batch_size=BATCH)
        for city in City.objects.filter(_with_ligature("name")).order_by("pk"):
            key = normalize(" ".join(city.name.split()))
            if City.objects.filter(key=key).exclude(pk=city.pk).exists():
                city.delete()
            elif key != city.key:
                city.key = key
                city.save(update_fields=["key"])

    return run


class Migration(migrations.Migration):
    dependencies = [("recruitment", "0009_fill_search_name")]

    operations = [migrations.RunPython(recompute(rules.normalize), recompute(_previous_normalize), elidable=True)]
