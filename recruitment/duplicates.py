"""Uniqueness check of a new dossier (pure functions + one lookup across all organisations).

Rule (manual, "Vérification de l'unicité du dossier"): match on the France Travail identifier
when given, else on last name + first name + city, ignoring accents, case and punctuation.
"""

import re
import unicodedata


def normalize(text):
    """'  Émile-Zoé ' -> 'emile zoe': no accents, case-folded, punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def identifier_key(france_travail_id):
    """The comparable form of a France Travail identifier ('' when none)."""
    return re.sub(r"[^0-9a-z]", "", normalize(france_travail_id))


def identity_key(last_name, first_name, city):
    """The comparable form of name + first name + city ('' when one of them is missing)."""
    parts = [normalize(last_name), normalize(first_name), normalize(city)]
    return "|".join(parts) if all(parts) else ""


def is_possible_duplicate(new, existing):
    """True when two identities (dicts with france_travail_id, last_name, first_name, city) may be one person.

    With an identifier on both sides, the identifier decides; otherwise name + first name + city.
    """
    new_id, old_id = identifier_key(new.get("france_travail_id")), identifier_key(existing.get("france_travail_id"))
    if new_id and old_id:
        return new_id == old_id
    key = identity_key(new.get("last_name"), new.get("first_name"), new.get("city"))
    return bool(key) and key == identity_key(
        existing.get("last_name"), existing.get("first_name"), existing.get("city")
    )


def find_duplicates(*, france_travail_id="", last_name="", first_name="", city="", exclude_pk=None):
    """Names ("NOM Prénom") of the dossiers of ANY organisation that may be the same person.

    Returns names only: the caller must not learn which organisation follows them.
    """
    from django.db.models import Q

    from .models import Candidate

    id_key = identifier_key(france_travail_id)
    name_key = identity_key(last_name, first_name, city)
    if not id_key and not name_key:
        return []
    query = Q()
    if id_key:
        query |= Q(identifier_key=id_key)
    if name_key:
        # Without an identifier on both sides, name + first name + city decides.
        query |= Q(identity_key=name_key) & (Q(identifier_key="") if id_key else Q())
    candidates = Candidate.objects.filter(query, anonymised_at__isnull=True)
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    return [f"{last} {first}" for last, first in candidates.values_list("last_name", "first_name")[:20]]
