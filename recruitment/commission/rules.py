"""Business rules of the commission as small pure functions (tested without the database where possible)."""

from itertools import groupby

from django.core.exceptions import ValidationError

from ..enums import COMMISSION_STATUSES, STATUS_COMPLETE, STATUS_RESTUDY
from ..rules import hands_to_commission, require_consent
from .enums import (
    SCALES,
    STATUS_CLASSIFIED,
    STATUS_DISMISSED,
    STATUS_INTERVIEWED,
    STATUS_UNDETERMINED,
    ActionState,
    Classification,
    PlanState,
)

ELIGIBLE_STATUS_LABELS = [label for _code, label in COMMISSION_STATUSES]
# Statuses of a dossier the commission has not decided on yet (a re-examined one keeps its earlier class).
AWAITING_DECISION = [STATUS_COMPLETE, STATUS_RESTUDY, STATUS_INTERVIEWED]


def consent_refusal(candidate):
    """The consent gate of the dossiers (recruitment core), as a message, or None."""
    try:
        require_consent(candidate)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def attach_refusal(candidate, *, already_attached=False):
    """Why a dossier may not be attached to a session / examined (French, shown to the pilot), or None."""
    if already_attached:
        return "Ce dossier est déjà rattaché à cette session."
    refusal = consent_refusal(candidate)
    if refusal:
        return refusal
    # The statuses that hand a dossier to the commission, on their code (recruitment core's rule).
    if not hands_to_commission(candidate.status.code):
        return (
            f"Statut « {candidate.status.name} » : seuls les dossiers « {ELIGIBLE_STATUS_LABELS[0]} » ou "
            f"« {ELIGIBLE_STATUS_LABELS[1]} » peuvent être présentés à la commission."
        )
    return None


def plan_refusal(candidate):
    """Why a PIADC may not be opened for this dossier (French), or None: it must be classified, with consent."""
    refusal = consent_refusal(candidate)
    if refusal:
        return refusal
    if not candidate.classification:
        return "Le dossier n'est pas encore classé par la commission : le PIADC s'ouvre après la classification."
    return None


def action_dates_error(start, end):
    """A training action cannot end before it starts (the same day is allowed)."""
    if start and end and end < start:
        return "La date de fin précède la date de début."
    return None


def recruiter_becomes_author(analysis_recruiter_id, user_id, session_recruiter_ids):
    """The first advisory recruiter of the session to save an analysis becomes its recruiter (not a pilot)."""
    return analysis_recruiter_id is None and user_id in session_recruiter_ids


def dismissal_reason_error(classification, dismissal_reason):
    """ "Sans suite" needs its reason (an analysis' proposal as well as the final classification)."""
    if classification == Classification.DISMISSED and not dismissal_reason:
        return "La raison de la classification « Sans suite » est obligatoire."
    return None


def classification_errors(classification, dismissal_reason):
    """The errors of a final classification, per field ({field: French message}); empty when valid."""
    if classification not in Classification.values:
        return {"classification": "Choisissez une classification."}
    error = dismissal_reason_error(classification, dismissal_reason)
    return {"dismissal_reason": error} if error else {}


def contact_error(organisation, contact):
    """The contact point of a dossier is a person of the organisation that follows it."""
    if organisation and contact and contact.organisation_id != organisation.pk:
        return f"Choisissez une personne de l'organisme sélectionné : {contact} n'appartient pas à {organisation}."
    return None


def status_for_classification(classification):
    """The dossier status (code, label) that follows a classification."""
    if classification == Classification.UNDETERMINED:
        return STATUS_UNDETERMINED
    if classification == Classification.DISMISSED:
        return STATUS_DISMISSED
    return STATUS_CLASSIFIED


def session_classification(proposed, classification, status):
    """The class a session gave a dossier: its final classification once decided, else the recruiter's proposal.

    `status` is the dossier's (code, label): while it awaits the commission's decision (e.g. "Dossier à
    ré-étudier"), the classification it still carries is an earlier session's, not this one's."""
    awaiting = any(status[0] == code or status[1] == label for code, label in AWAITING_DECISION)
    if classification and not awaiting:
        return classification
    return proposed or ""


def missing_for_completion(analysis):
    """What still prevents an analysis from being marked complete (French messages; empty: complete)."""
    missing = [f"l'avis du volet « {title} »" for field, title, _q, _c in SCALES if getattr(analysis, field) is None]
    if not analysis.proposed_classification:
        missing.append("la classification proposée")
    elif dismissal_reason_error(analysis.proposed_classification, analysis.dismissal_reason_id):
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
