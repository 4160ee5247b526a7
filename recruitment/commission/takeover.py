"""The commission takes over the trainees proposed by a company outside the pool (DESIGN 3.3).

Until then the dossier belongs to the company (recruitment.sar.perms.proposed_trainees_for); taking it
over hands it to an employment partner and its contact point, and the company loses it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log as log_action

from recruitment.sar.models import ProposedTrainee

from . import rules

TAKE_OVER_ACTION = "commission.take_over"


class AlreadyTakenOver(Exception):
    def __init__(self, proposal):
        super().__init__(f"{proposal} a déjà été pris en charge.")
        self.proposal = proposal


def proposals():
    return ProposedTrainee.objects.select_related(
        "candidate",
        "candidate__employment_area",
        "candidate__organisation",
        "candidate__organisation_contact",
        "company",
        "proposed_by",
        "training_need",
    )


def take_over(proposal_pk, *, organisation, contact, comment, user):
    """Hand the proposed trainee's dossier to `organisation` and its `contact`, once; logged in its history."""
    error = rules.contact_error(organisation, contact)
    if error:
        raise ValidationError({"organisation_contact": error})
    with transaction.atomic():
        # Locked: two members of the commission cannot take the same dossier over twice.
        proposal = proposals().select_for_update(of=("self",)).get(pk=proposal_pk)
        if proposal.taken_over_at:
            raise AlreadyTakenOver(proposal)
        candidate = proposal.candidate
        old_organisation, old_contact = candidate.organisation, candidate.organisation_contact
        candidate.organisation = organisation
        candidate.organisation_contact = contact
        candidate.save(update_fields=["organisation", "organisation_contact"])
        proposal.taken_over_at = timezone.now()
        proposal.save(update_fields=["taken_over_at"])
        log_action(
            candidate,
            TAKE_OVER_ACTION,
            user=user,
            data={
                "company": str(proposal.company),
                "changes": [
                    {"field": "Organisme", "old": str(old_organisation), "new": str(organisation)},
                    {"field": "Point de contact", "old": str(old_contact), "new": str(contact)},
                ],
                "comment": comment,
            },
        )
    return proposal


def format_take_over(log_entry):
    """The history line of a take-over: who (the entry's user), when (its timestamp), old → new."""
    data = log_entry.data or {}
    changes = " ; ".join(f"{c['field']} : {c['old'] or '—'} → {c['new'] or '—'}" for c in data.get("changes", []))
    message = f"Prise en charge par la commission du dossier proposé par {data.get('company') or 'une entreprise'}"
    if changes:
        message += f" — {changes}"
    if data.get("comment"):
        message += f" — Commentaire : {data['comment']}"
    return message
