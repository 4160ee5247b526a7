"""Creating and saving follow-up sheets: rules, uniqueness, history, non-response alert."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log as log_action

from recruitment.models import SarResult

from . import notifications
from .enums import QUICK_ACTION_RESULTS
from .models import FollowUpSheet

TRACKED_FIELDS = [
    "result",
    "status",
    "due_on",
    "actions",
    "no_response",
    "comment",
    "recruited_on",
    "contract_type",
    "contract_end_date",
    "recruitment_state",
]


def create_from_quick_action(*, user, candidate, quick_action, now=None):
    """Create the company's sheet with the quick action's preset result.

    Returns (sheet, created). A concurrent or repeated click finds the existing sheet
    (the database's unique constraint on company + candidate decides).
    """
    result = SarResult.objects.select_related("status").get(code=QUICK_ACTION_RESULTS[quick_action])
    sheet = FollowUpSheet(company_id=user.organisation_id, candidate=candidate, created_by=user, result=result)
    sheet.apply_rules(now=now)
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError:
        existing = FollowUpSheet.objects.filter(company_id=user.organisation_id, candidate=candidate).first()
        if existing is None:
            raise
        return existing, False
    log_action(sheet, "sar.create", user=user, data={"result": result.name})
    return sheet, True


def _display(sheet, name):
    if name == "actions":
        return sheet.get_actions_display()
    value = getattr(sheet, name)
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def describe(sheet):
    return {name: _display(sheet, name) for name in TRACKED_FIELDS}


def save_sheet(sheet, *, user, previous, before, rejection_causes=None, now=None):
    """Apply the rules, save, log the changes, send the non-response alert when it was just ticked."""
    sheet.apply_rules(previous=previous, now=now)
    if not sheet.no_response:
        # Unticked: a later ticking sends a new alert.
        sheet.no_response_alerted_at = None
    with transaction.atomic():
        sheet.save()
        if rejection_causes is not None:
            sheet.rejection_causes.set(rejection_causes if sheet.result.requires_rejection_causes else [])
        after = describe(sheet)
        changes = [
            {"field": str(FollowUpSheet._meta.get_field(name).verbose_name), "old": before[name], "new": after[name]}
            for name in TRACKED_FIELDS
            if before[name] != after[name]
        ]
        if changes:
            log_action(sheet, "sar.change", user=user, data={"changes": changes})
        if sheet.no_response:
            notifications.alert_non_response_once(sheet, now=now or timezone.now())
    sheet.refresh_from_db(fields=["no_response_alerted_at"])
    return sheet
