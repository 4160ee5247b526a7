"""The saved searches' alerts: the candidates newly matched, e-mailed to the search's owner at most once
per period, with a one-click unsubscribe link (signed, no login)."""

import logging

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from portal.mail.queue import send_templated_email
from recruitment.commission.enums import MasteryLevel
from recruitment.models import Candidate
from recruitment.sar.views import decorate_with_profile

from . import matching, rules
from .enums import MAX_LISTED_CANDIDATES, MAX_LISTED_SKILLS, AlertFrequency
from .models import SavedSearch, SearchMatch

logger = logging.getLogger(__name__)

ALERT_TEMPLATE = "alerts/emails/alert"
UNSUBSCRIBE_SALT = "alerts.saved_search.unsubscribe"


def unsubscribe_token(search):
    return signing.dumps({"s": search.pk, "u": search.owner_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def search_from_token(token):
    """The saved search signed in `token` (still its owner's), or None when it was tampered with or is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        pk, owner_id = int(data["s"]), int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return SavedSearch.objects.filter(pk=pk, owner_id=owner_id).first()


def unsubscribe_url(search):
    return settings.BASE_URL + reverse("alerts:unsubscribe", args=[unsubscribe_token(search)])


def _skills_summary(candidate):
    """'Dev – Langage : Python (Expérimenté), Java (Opérationnel) ; Méthodologies : Scrum (Débutant)'."""
    levels = [label for _, label in MasteryLevel.choices]
    flat = [(theme, skill, level) for theme, skills in candidate.sar_skills for skill, level in skills]
    kept = rules.strongest_skills([((theme, skill), level) for theme, skill, level in flat], levels, MAX_LISTED_SKILLS)
    by_theme = {}
    for (theme, skill), level in kept:
        by_theme.setdefault(theme, []).append(f"{skill} ({level})")
    summary = " ; ".join(f"{theme} : {', '.join(skills)}" for theme, skills in by_theme.items())
    if len(flat) > len(kept):
        summary += f" … ({len(flat)} savoir-faire au total)"
    return summary


def alert_rows(candidate_ids):
    """What an alert says of each candidate: name, area, classification, skills, the "Etudier" link."""
    candidates = decorate_with_profile(
        Candidate.objects.filter(pk__in=candidate_ids)
        .select_related("employment_area")
        .only("first_name", "last_name", "classification", "employment_area")
        .order_by("last_name", "first_name", "pk")
    )
    return [
        {
            "name": f"{candidate.first_name} {candidate.last_name}",
            "area": str(candidate.employment_area or ""),
            "classification": candidate.get_classification_display(),
            "skills": _skills_summary(candidate),
            "url": settings.BASE_URL + reverse("sar_pool:study", args=[candidate.pk]),
        }
        for candidate in candidates
    ]


def send_alert(search, *, now):
    """E-mail the search's new matches to its owner, once per period (an atomic claim on the search).
    Returns the number of candidates announced (0: nothing sent)."""
    today = timezone.localdate(now)
    last = timezone.localdate(search.last_alert_at) if search.last_alert_at else None
    if not search.owner.email or not rules.alert_due(search.frequency, last, today):
        return 0
    pending = matching.new_matches(search)
    candidate_ids = list(pending.order_by("found_at", "candidate_id").values_list("candidate_id", flat=True))
    if not candidate_ids:
        return 0
    with transaction.atomic():
        claimed = SavedSearch.objects.filter(pk=search.pk, last_alert_at=search.last_alert_at).update(last_alert_at=now)
        if not claimed:
            return 0  # another worker sent this period's alert
        SearchMatch.objects.filter(search=search, candidate_id__in=candidate_ids).update(known=True, notified_at=now)
        link = unsubscribe_url(search)
        send_templated_email(
            ALERT_TEMPLATE,
            {
                "search": search,
                "user": search.owner,
                "count": len(candidate_ids),
                "rows": alert_rows(candidate_ids[:MAX_LISTED_CANDIDATES]),
                "more": max(0, len(candidate_ids) - MAX_LISTED_CANDIDATES),
                "frequency": search.get_frequency_display().lower(),
                "search_url": settings.BASE_URL + reverse("saved_searches:open", args=[search.pk]),
                "unsubscribe_url": link,
            },
            to=[search.owner.email],
            headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
    search.last_alert_at = now
    return len(candidate_ids)


def send_alerts(now=None):
    """Refresh every search's matches (the dashboard counts them), then send the alerts that are due."""
    now = now or timezone.now()
    sent = 0
    searches = SavedSearch.objects.filter(owner__is_active=True).select_related("owner").order_by("pk")
    for search in searches.iterator(chunk_size=200):
        matching.refresh(search, now=now)
        if search.frequency != AlertFrequency.NONE and send_alert(search, now=now):
            sent += 1
    logger.info("Saved searches: %s alert(s)", sent)
    return sent


def run_scheduled_alerts(now=None):
    """Hourly schedule: refresh the matches; from the configured hour on, send the alerts that are due
    (a worker down at that hour sends them at its next run, still once per period)."""
    now = now or timezone.now()
    if timezone.localtime(now).hour < settings.NEGE_POOL_ALERT_HOUR:
        for search in SavedSearch.objects.filter(owner__is_active=True).select_related("owner").iterator():
            matching.refresh(search, now=now)
        return 0
    return send_alerts(now)
