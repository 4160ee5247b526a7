"""The one matching rule of the uniqueness check (manual, "Vérification de l'unicité du dossier").

Two dossiers may be one person when their France Travail identifiers match, or, unless both carry
an identifier, when their last name + first name + city match (accents, case and punctuation
ignored: see `recruitment.rules`). Applied by `Candidate.objects.possible_duplicates()`, which
`Candidate.clean()` and the "Vérifier l'unicité" button both call.
"""

from django.db.models import Q

from . import rules


def identity_keys(*, france_travail_id="", last_name="", first_name="", city=""):
    """(identifier key, identity key) of an identity, as stored on the dossier."""
    return rules.identifier_key(france_travail_id), rules.identity_key(last_name, first_name, city)


def match_filter(identifier_key, identity_key):
    """The filter on stored keys selecting the dossiers that may be this identity (None: nothing to match)."""
    if not identifier_key and not identity_key:
        return None
    query = Q()
    if identifier_key:
        query |= Q(identifier_key=identifier_key)
    if identity_key:
        # With an identifier on both sides, the identifier alone decides.
        query |= Q(identity_key=identity_key) & (Q(identifier_key="") if identifier_key else Q())
    return query
