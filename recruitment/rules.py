"""Business rules of the candidate dossiers as small pure functions (no database, no models imported).

- identity comparison (uniqueness of a dossier): `normalize`, `identifier_key`, `identity_key`,
  `duplicate_error` (the matching itself: `recruitment.duplicates`);
- the consent gate: `has_consent`, `require_consent` (and `Candidate.objects.with_consent()` for
  querysets, on the `has_consent` mirror kept by `recruitment.models.consent`);
- the statuses that hand a dossier to the commission: `hands_to_commission`;
- the inactivity review: `review_threshold`, `needs_review` (and `Candidate.objects.inactive()`);
- the recommended name of a dossier document: `suggested_name`;
- the name search (accents and case ignored): `search_text` (stored on the dossier), `search_words` (typed).
"""

import calendar
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from .enums import COMMISSION_EMAIL, COMMISSION_STATUSES, INACTIVITY_REVIEW_MONTHS

# --- Uniqueness -------------------------------------------------------------------------------
# Manual, "Vérification de l'unicité du dossier": match on the France Travail identifier when given,
# else on last name + first name + city, ignoring accents, case and punctuation.


#: Letters Unicode does not decompose into a base letter and an accent: spelled out as the French write them
#: without the ligature ("Cœur" is found by "coeur", "Lætitia" by "laetitia"), never dropped as punctuation.
#: Changing this table changes stored keys: recompute them in a data migration (see 0010).
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def normalize(text):
    """'  Émile-Zoé ' -> 'emile zoe', 'Cœur' -> 'coeur': no accents, case-folded, ligatures spelled out,
    punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(LIGATURES)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def search_text(last_name, first_name):
    """The dossier's stored search column: 'ÉLISE-Marie Noël' -> 'elise marie noel' (see `normalize`)."""
    return normalize(f"{last_name or ''} {first_name or ''}")


def search_words(typed):
    """The words a name search must all find in `search_text`, normalised the same way ('' finds everything)."""
    return normalize(typed).split()


def identifier_key(france_travail_id):
    """The comparable form of a France Travail identifier ('' when none)."""
    return re.sub(r"[^0-9a-z]", "", normalize(france_travail_id))


def identity_key(last_name, first_name, city):
    """The comparable form of name + first name + city ('' when one of them is missing)."""
    parts = [normalize(last_name), normalize(first_name), normalize(city)]
    return "|".join(parts) if all(parts) else ""


def duplicate_error(names):
    """The refusal of a dossier that may already exist: names only, never which organisation follows them."""
    return ValidationError(
        "Un dossier existe peut-être déjà pour ce candidat : %(names)s. Ne poursuivez pas la création : "
        "écrivez à la commission (%(email)s) qui décidera quel partenaire Emploi suit ce dossier.",
        params={"names": ", ".join(names), "email": COMMISSION_EMAIL},
        code="duplicate",
    )


# --- Consent gate -----------------------------------------------------------------------------

CONSENT_REQUIRED_MESSAGE = (
    "Le consentement du candidat n'est pas recueilli : sans lui, le dossier ne peut pas être transmis ni examiné "
    "par la commission, ni figurer dans le vivier."
)


def has_consent(candidate):
    """The consent gate: the dossier's consent is recorded (read from the `has_consent` mirror)."""
    return bool(candidate.has_consent)


def require_consent(candidate):
    """Raise the French ValidationError when the dossier's consent is not recorded."""
    if not has_consent(candidate):
        raise ValidationError(CONSENT_REQUIRED_MESSAGE, code="consent_required")


# --- Statuses ---------------------------------------------------------------------------------

# Compared on their code (set by `load_reference`), never on their label: an administrator may
# rename a status in the reference list.
COMMISSION_STATUS_CODES = frozenset(code for code, _label in COMMISSION_STATUSES)


def hands_to_commission(status_code):
    """True for the statuses that present a dossier to the commission (they require consent)."""
    return status_code in COMMISSION_STATUS_CODES


STATUS_RESERVED_TO_COMMISSION = "Ce statut est réservé à la commission."


def status_refusal(status, *, previous_status_id, may_set_any_status):
    """Why this user may not give the dossier `status` (None when allowed): an adviser sets only the statuses
    marked `adviser_may_set`, but keeps a commission status the dossier already has."""
    if status is None or may_set_any_status or status.adviser_may_set or status.pk == previous_status_id:
        return None
    return STATUS_RESERVED_TO_COMMISSION


# --- Inactivity review ------------------------------------------------------------------------


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (the month's last day when that day is missing)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def review_threshold(now):
    """Dossiers not updated since this moment (24 months ago) are to be reviewed (and possibly anonymised)."""
    return months_before(now, INACTIVITY_REVIEW_MONTHS)


def needs_review(updated_at, now):
    """Without activity for 24 months: to be reviewed by an administrator (exactly 24 months counts)."""
    return updated_at <= review_threshold(now)


# --- Documents --------------------------------------------------------------------------------


def suggested_name(doc_type, number, last_name, first_name, identifier, extension):
    """`TYPE-N-NOM-Prénom-Identifiant.ext`, the naming the manual recommends (safe characters only)."""
    parts = [doc_type, str(number), slugify(last_name).upper(), slugify(first_name).capitalize()]
    if identifier:
        parts.append(slugify(identifier).upper())
    name = "-".join(p for p in parts if p)
    return f"{name}.{extension.lower().lstrip('.')}" if extension else name
