"""The retention rule, run every day: dossiers without activity for 24 months (`rules.needs_review`, through
`Candidate.objects.inactive()`) are flagged for review, and the administrators are told once per new batch
(a count and a link, never a name). An administrator then confirms each anonymisation (`recruitment.privacy`).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal.accounts.models import User
from portal.mail.queue import send_templated_email

from . import perms
from .models import Candidate


def administrators():
    """Active users who may anonymise dossiers, with an e-mail address."""
    return (
        User.objects.with_perm(perms.ANONYMISE, include_superusers=False)
        .filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


def flag_inactive_dossiers(now=None):
    """Flag the dossiers newly without activity for 24 months; e-mail the administrators when there are some.

    Idempotent: a dossier already flagged is not counted again, so a second run the same day sends nothing."""
    now = now or timezone.now()
    # A dossier flagged by an earlier run but active again since (a bulk update bypassing save()).
    Candidate.objects.filter(review_flagged_on__isnull=False).exclude(pk__in=Candidate.objects.inactive(now)).update(
        review_flagged_on=None
    )
    newly = Candidate.objects.inactive(now).filter(review_flagged_on__isnull=True, anonymised_at__isnull=True)
    count = newly.update(review_flagged_on=now)
    if count:
        notify_administrators(count, total=Candidate.objects.flagged_for_review().count())
    return count


def notify_administrators(count, *, total):
    recipients = list(administrators().values_list("email", flat=True).distinct())
    if not recipients:
        return None
    return send_templated_email(
        "recruitment/emails/review",
        {"count": count, "total": total, "url": settings.BASE_URL + reverse("recruitment_review:index")},
        to=recipients,
    )
