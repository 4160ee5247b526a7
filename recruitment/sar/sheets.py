"""Creating and saving follow-up sheets: rules, uniqueness, history, non-response alert."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log as log_action

from portal.history import log_changes, snapshot
from recruitment.models import SarResult

from . import notifications
from .enums import QUICK_ACTION_RESULTS
from .models import FollowUpSheet

CREATE_ACTION = "sar.create"
CHANGE_ACTION = "sar.change"
TRACKED_FIELDS = [
    "result",
    "status",
    "due_on",
    "actions",
    "rejection_causes",
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
    sheet.clean()
    try:
        with transaction.atomic():
            sheet.save()
    except IntegrityError:
        existing = FollowUpSheet.objects.filter(company_id=user.organisation_id, candidate=candidate).first()
        if existing is None:
            raise
        return existing, False
    log_action(sheet, CREATE_ACTION, user=user, data={"result": result.name})
    return sheet, True


def save_sheet(sheet, *, user, rejection_causes=None, now=None):
    """Apply the rules to a validated sheet, save it, log the changes in its history, send the
    non-response alert when it was just ticked."""
    stored = FollowUpSheet.objects.select_related("result", "status", "contract_type", "recruitment_state").get(
        pk=sheet.pk
    )
    before = snapshot(stored, TRACKED_FIELDS)
    sheet.apply_rules(previous=stored.rule_inputs(), now=now)
    if not sheet.no_response:
        # Unticked: a later ticking sends a new alert.
        sheet.no_response_alerted_at = None
    with transaction.atomic():
        sheet.save()
        if rejection_causes is not None:
            sheet.rejection_causes.set(rejection_causes if sheet.result.requires_rejection_causes else [])
        log_changes(sheet, before, user=user, action=CHANGE_ACTION, fields=TRACKED_FIELDS)
        if sheet.no_response:
            notifications.alert_non_response_once(sheet, now=now or timezone.now())
    sheet.refresh_from_db(fields=["no_response_alerted_at"])
    return sheet
