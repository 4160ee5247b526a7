"""Business rules of a follow-up sheet (DESIGN.md 3.3), as pure functions.

`result` is a SarResult-like object (status, days_before_update, requires_rejection_causes,
requires_recruitment); `state` a RecruitmentState-like object (sets_status, ends_follow_up) or None;
`contract` a ContractType-like object (requires_end_date) or None.
"""

from datetime import datetime, timedelta


def _day(moment):
    return moment.date() if isinstance(moment, datetime) else moment


def sheet_status(result, state=None):
    """The status a result gives; for a recruitment, the recruitment state may impose another."""
    if result.requires_recruitment and state is not None and state.sets_status is not None:
        return state.sets_status
    return result.status


def days_before_update(result, state=None):
    """Days before a mandatory update, or None when the status has no due date."""
    if result.requires_recruitment and state is not None and state.ends_follow_up:
        return None
    return result.days_before_update


def due_date(result, state, changed_on):
    """Due date = day of the change + the status's delay (None: no due date)."""
    days = days_before_update(result, state)
    return None if days is None else _day(changed_on) + timedelta(days=days)


def due_date_must_be_recomputed(
    *, old_result_id, new_result_id, old_status_id, new_status_id, old_actions, new_actions
):
    """The due date moves when the result (or the status it gives) changes, or when the actions change."""
    if old_result_id != new_result_id or old_status_id != new_status_id:
        return True
    return set(old_actions or ()) != set(new_actions or ())


def sheet_errors(*, result, rejection_causes, recruited_on, contract, contract_end_date, state):
    """Validation of sections 3 and 4 for a chosen result: {field name: French message}."""
    errors = {}
    if result.requires_rejection_causes and not rejection_causes:
        errors["rejection_causes"] = "Indiquez la ou les causes de rejet du candidat (profil jugé non employable)."
    if result.requires_recruitment:
        if not recruited_on:
            errors["recruited_on"] = "La date de recrutement est obligatoire pour le résultat « Recrutement »."
        if contract is None:
            errors["contract_type"] = "Le type de contrat est obligatoire pour le résultat « Recrutement »."
        elif contract.requires_end_date and not contract_end_date:
            errors["contract_end_date"] = (
                "La date de fin de contrat est obligatoire pour un CDD ou un contrat en alternance."
            )
        if state is None:
            errors["recruitment_state"] = "L'état du recrutement est obligatoire pour le résultat « Recrutement »."
    if contract_end_date and recruited_on and not contract_end_is_valid(recruited_on, contract_end_date):
        errors["contract_end_date"] = "La date de fin de contrat ne peut pas précéder la date de recrutement."
    return errors


def contract_end_is_valid(recruited_on, contract_end_date):
    """A contract may end on the day it starts (a one-day CDD), never before.

    The manual asks for "la date de début du contrat" and "la date de fin de contrat pour les CDD ou
    contrat en alternance": an end date is the contract's last day, so a one-day contract has equal dates.
    """
    return contract_end_date >= recruited_on


# The due date is the last day to update a sheet: it is overdue from the next day on ("échéance
# dépassée", "délai au-delà duquel la fiche doit être obligatoirement mise à jour"). The queryset, the
# property, the pool lock and the reminders all go through these two bounds.


def latest_overdue_due_date(today):
    """Sheets due on this day or before are overdue on `today` (due today: still on time)."""
    return today - timedelta(days=1)


def latest_reminded_due_date(today, horizon_days):
    """Sheets due on this day or before get a reminder on `today`: overdue, or due within the horizon."""
    return today + timedelta(days=horizon_days)


def is_overdue(due_on, today):
    return due_on is not None and due_on <= latest_overdue_due_date(today)


def is_due_soon(due_on, today, horizon_days):
    """Overdue, or due within the next `horizon_days` days."""
    return due_on is not None and due_on <= latest_reminded_due_date(today, horizon_days)


def study_title(civility_label, last_name, first_name, employment_area, city):
    """'Madame DUPONT (Élise) – Alsace / Bas-Rhin / Strasbourg': the header of "Etudier" (DESIGN 3.3)."""
    place = " / ".join(str(part) for part in (employment_area, city) if part)
    return (
        f"{civility_label} {last_name} ({first_name}) – {place}"
        if place
        else f"{civility_label} {last_name} ({first_name})"
    )


def sheet_title(civility_label, last_name, first_name, employment_area):
    """'Monsieur DUPONT Alain-Alsace / Bas-Rhin' (the manual's title of a sheet)."""
    return f"{civility_label} {last_name} {first_name}-{employment_area}"
