"""The recruitment support module's part of a candidate's data protection: the sheets of the companies that
followed them in the right-of-access export; the erasure of the sheets' comments and history (companies,
statuses, results and dates stay for the statistics)."""

from django.utils import timezone

from recruitment.privacy import Section
from recruitment.scrub import scrub_object_history

from .models import FollowUpSheet, ProposedTrainee


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def sheet_sections(candidate):
    sheets = (
        FollowUpSheet.objects.filter(candidate=candidate)
        .select_related("company", "created_by", "status", "result", "contract_type", "recruitment_state")
        .order_by("created_at", "pk")
    )
    rows = [
        [
            str(sheet.company),
            str(sheet.created_by or ""),
            timezone.localtime(sheet.created_at).strftime("%d/%m/%Y"),
            str(sheet.status),
            str(sheet.result),
            sheet.get_actions_display(),
            "Oui" if sheet.no_response else "Non",
            sheet.comment,
            _date(sheet.recruited_on),
            str(sheet.contract_type or ""),
            str(sheet.recruitment_state or ""),
        ]
        for sheet in sheets
    ]
    columns = ["Entreprise", "Recruteur", "Créée le", "Statut", "Résultat", "Actions", "Non réponse"]
    columns += ["Commentaires", "Date de recrutement", "Contrat", "État"]
    found = [Section("Fiches de suivi des entreprises", columns=columns, rows=rows)]
    proposal = ProposedTrainee.objects.filter(candidate=candidate).select_related("company").first()
    if proposal is not None:
        found.append(
            Section(
                "Proposition par une entreprise",
                [
                    ("Entreprise", str(proposal.company)),
                    ("Proposé le", _date(timezone.localdate(proposal.proposed_at))),
                ],
            )
        )
    return found


def erase_sheet_data(candidate):
    sheets = FollowUpSheet.objects.filter(candidate=candidate)
    ids = list(sheets.values_list("pk", flat=True))
    sheets.update(comment="")
    scrub_object_history(FollowUpSheet, ids)
