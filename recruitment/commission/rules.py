"""Business rules of the commission as small pure functions (tested without the database where possible)."""

from itertools import groupby

from ..enums import COMMISSION_STATUSES
from .enums import (
    SCALES,
    STATUS_CLASSIFIED,
    STATUS_DISMISSED,
    STATUS_UNDETERMINED,
    ActionState,
    Classification,
    PlanState,
)

ELIGIBLE_STATUS_CODES = {code for code, _label in COMMISSION_STATUSES}
ELIGIBLE_STATUS_LABELS = [label for _code, label in COMMISSION_STATUSES]


def attach_refusal(*, status_code, status_label, has_consent, already_attached=False):
    """Why a dossier may not be attached to a session (French, shown to the pilot), or None."""
    if already_attached:
        return "Ce dossier est déjà rattaché à cette session."
    if not has_consent:
        return (
            "Le consentement du candidat n'est pas recueilli : le dossier ne peut pas être examiné par la commission."
        )
    if status_code not in ELIGIBLE_STATUS_CODES and status_label not in ELIGIBLE_STATUS_LABELS:
        return (
            f"Statut « {status_label} » : seuls les dossiers « Dossier complet à étudier » ou "
            "« Dossier à ré-étudier » peuvent être présentés à la commission."
        )
    return None


def classification_error(classification, dismissal_reason):
    """The error of a classification choice (French), or None."""
    if classification not in Classification.values:
        return "Choisissez une classification."
    if classification == Classification.DISMISSED and not dismissal_reason:
        return "La raison de la classification « Sans suite » est obligatoire."
    return None


def status_for_classification(classification):
    """The dossier status (code, label) that follows a classification."""
    if classification == Classification.UNDETERMINED:
        return STATUS_UNDETERMINED
    if classification == Classification.DISMISSED:
        return STATUS_DISMISSED
    return STATUS_CLASSIFIED


def missing_for_completion(analysis):
    """What still prevents an analysis from being marked complete (French messages; empty: complete)."""
    missing = [f"l'avis du volet « {title} »" for field, title, _q, _c in SCALES if getattr(analysis, field) is None]
    if not analysis.proposed_classification:
        missing.append("la classification proposée")
    elif analysis.proposed_classification == Classification.DISMISSED and not analysis.dismissal_reason_id:
        missing.append("la raison de la classification « Sans suite »")
    return missing


def plan_state(action_states):
    """Overall state of a PIADC from the states of its actions."""
    states = list(action_states)
    if not states:
        return PlanState.EMPTY
    live = [s for s in states if s != ActionState.ABANDONED]
    if not live:
        return PlanState.ABANDONED
    if all(s == ActionState.DONE for s in live):
        return PlanState.DONE
    if all(s == ActionState.PLANNED for s in live):
        return PlanState.PLANNED
    return PlanState.IN_PROGRESS


def group_by(items, key):
    """[(group, [items])] keeping the input order (items must already be sorted by the group)."""
    return [(group, list(members)) for group, members in groupby(items, key=key)]
