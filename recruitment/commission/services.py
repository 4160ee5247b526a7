"""What the commission's actions change, with the dossier's history kept (Wagtail log entries)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log as log_action

from news.models import NewsCategory, NewsIndexPage, NewsPage
from portal import history
from recruitment.models import Candidate, DossierStatus, reference_row

from . import rules
from .enums import (
    DEBRIEFING_CLASSES,
    NEWS_CATEGORY_NAME,
    POOL_CLASSES,
    SCALES,
    STATUS_ABSENT,
    STATUS_CONVENED,
    STATUS_INTERVIEWED,
    AnalysisState,
    Classification,
)
from .models import Analysis, AnalysisMobility, AnalysisSkill
from .pool import pool_candidates

# What the commission changes on a dossier, shown in its history like the dossier screen's own changes.
STATUS_FIELDS = ["status"]
CLASSIFIED_FIELDS = ["classification", "classified_on", "status"]
DEBRIEFED_FIELDS = [field for field, _t, _q, _c in SCALES] + ["dismissal_reason"]


def set_status(candidate, code_and_label):
    """Move the dossier to a commission status (when the reference list has it)."""
    status = reference_row(DossierStatus, code_and_label)
    if status and status.pk != candidate.status_id:
        candidate.status = status
        candidate.status_date = timezone.localdate()


def move_to(candidate, code_and_label, *, user, event):
    """Move the dossier to a status, with one history entry: the commission's event, then the status change."""
    before = history.snapshot(candidate, STATUS_FIELDS)
    set_status(candidate, code_and_label)
    candidate.save(update_fields=["status", "status_date"])
    log_entry(candidate, user, [event, *history.diff(candidate, before, STATUS_FIELDS)])


def log_entry(candidate, user, changes):
    """The same history entry as the dossier screens ("recruitment.change")."""
    if changes:
        log_action(candidate, "recruitment.change", user=user, data={"changes": changes})


def attach(session, candidates, user):
    """Attach dossiers to a session: returns (attached, [(candidate, reason)]) – refused ones with the reason."""
    attached, refused = [], []
    already = set(session.analyses.values_list("candidate_id", flat=True))
    for candidate in candidates:
        reason = rules.attach_refusal(candidate, already_attached=candidate.pk in already)
        if reason:
            refused.append((candidate, reason))
            continue
        with transaction.atomic():
            Analysis.objects.create(session=session, candidate=candidate)
            event = {"field": "session de la commission", "old": "", "new": str(session)}
            move_to(candidate, STATUS_CONVENED, user=user, event=event)
        attached.append(candidate)
    return attached, refused


def mark_absent(analysis, user):
    """The candidate did not come to the interview: the dossier says so (and keeps it in its history)."""
    event = {"field": "entretien conseil", "old": "", "new": f"Absent – {analysis.session}"}
    move_to(analysis.candidate, STATUS_ABSENT, user=user, event=event)


def save_analysis(analysis, *, skills, mobility, user, complete=False):
    """Store the picker's skills and mobility; mark complete when asked and nothing is missing.

    Returns the list of what is missing for completion (empty when the analysis is complete)."""
    with transaction.atomic():
        session_recruiters = set(analysis.session.recruiters.values_list("pk", flat=True))
        if rules.recruiter_becomes_author(analysis.recruiter_id, user.pk, session_recruiters):
            analysis.recruiter = user
        AnalysisSkill.objects.filter(analysis=analysis).exclude(skill_id__in=skills).delete()
        existing = {s.skill_id: s for s in AnalysisSkill.objects.filter(analysis=analysis)}
        for skill_id, level in skills.items():
            row = existing.get(skill_id)
            if row is None:
                AnalysisSkill.objects.create(analysis=analysis, skill_id=skill_id, level=level)
            elif row.level != level:
                row.level = level
                row.save(update_fields=["level"])
        AnalysisMobility.objects.filter(analysis=analysis).exclude(zone_id__in=mobility).delete()
        for zone_id, frequency_id in mobility.items():
            AnalysisMobility.objects.update_or_create(
                analysis=analysis, zone_id=zone_id, defaults={"frequency_id": frequency_id}
            )
        missing = rules.missing_for_completion(analysis)
        was_completed = analysis.is_completed
        if complete and not missing:
            analysis.state = AnalysisState.COMPLETED
            analysis.completed_at = analysis.completed_at or timezone.now()
        analysis.save()
        if analysis.is_completed and not was_completed:
            event = {"field": "analyse de l'employabilité", "old": "Brouillon", "new": "Terminée"}
            move_to(analysis.candidate, STATUS_INTERVIEWED, user=user, event=event)
    return missing


def classify(analysis, *, classification, dismissal_reason, classified_on, user, opinions=None):
    """Record the final classification (and, at the debriefing, the final opinions per axis)."""
    errors = rules.classification_errors(classification, dismissal_reason)
    if errors:
        raise ValidationError(errors)
    candidate = Candidate.objects.select_related("status").get(pk=analysis.candidate_id)
    before_analysis = history.snapshot(analysis, DEBRIEFED_FIELDS)
    before_candidate = history.snapshot(candidate, CLASSIFIED_FIELDS)
    with transaction.atomic():
        for field, value in (opinions or {}).items():
            setattr(analysis, field, value)
        analysis.dismissal_reason = dismissal_reason if classification == Classification.DISMISSED else None
        analysis.save()
        candidate.classification = classification
        candidate.classified_on = classified_on
        set_status(candidate, rules.status_for_classification(classification))
        candidate.save(update_fields=["classification", "classified_on", "status", "status_date"])
        changes = history.diff(analysis, before_analysis, DEBRIEFED_FIELDS)
        log_entry(candidate, user, changes + history.diff(candidate, before_candidate, CLASSIFIED_FIELDS))
    return candidate


def effective_classification(analysis):
    """The class this session gave the dossier (final once decided, else the recruiter's proposal)."""
    candidate = analysis.candidate
    status = (candidate.status.code, candidate.status.name) if candidate.status_id else ("", "")
    return rules.session_classification(analysis.proposed_classification, candidate.classification, status)


def debriefing_analyses(session):
    """The session's dossiers to discuss: those this session left "À déterminer" or "Sans suite".

    A re-examined dossier counts with this session's proposal until the commission decides again."""
    analyses = session.analyses.select_related(
        "candidate", "candidate__organisation", "candidate__status", "recruiter"
    ).order_by("candidate__last_name", "candidate__first_name", "pk")
    classes = {c.value for c in DEBRIEFING_CLASSES}
    return [a for a in analyses if effective_classification(a) in classes]


def publish_session(session, *, user, publish_on=None, live=False):
    """Announce the publication of a session's dossiers as an extranet-only news item.

    The dossiers themselves enter the pool from their classification date (see pool.py); the news
    page is created under the news index, as a draft unless `live`."""
    publish_on = publish_on or timezone.localdate()
    index = NewsIndexPage.objects.first()
    category = (
        NewsCategory.objects.filter(slug="commission-aide-au-recrutement").first()
        or NewsCategory.objects.filter(name=NEWS_CATEGORY_NAME).first()
    )
    if index is None or category is None:
        raise ValueError("La page des actualités ou la catégorie « Commission Aide au Recrutement » est absente.")
    count = pool_candidates(Candidate.objects.filter(commission_analyses__session=session)).distinct().count()
    classes = " ou ".join(c.label for c in POOL_CLASSES)
    title = f"Publication des dossiers de la {str(session)[0].lower()}{str(session)[1:]}"
    lead = (
        f"{count} dossier(s) classé(s) {classes} lors de la {str(session)[0].lower()}{str(session)[1:]} "
        f"sont disponibles dans le vivier depuis le {publish_on:%d/%m/%Y}."
    )
    with transaction.atomic():
        page = session.news_page.specific if session.news_page_id else None
        if page is None:
            page = NewsPage(
                title=title,
                slug=slugify(f"publication-session-{session.pk}-{session.date:%Y-%m-%d}"),
                date=publish_on,
                category=category,
                extranet_only=True,
                lead=lead,
                live=False,
                owner=user,
            )
            index.add_child(instance=page)
        else:
            page.title, page.lead, page.date = title, lead, publish_on
        revision = page.save_revision(user=user, log_action=True)
        if live:
            # The pilot may announce a session without being a page editor (checked by the view).
            revision.publish(user=user, skip_permission_checks=True)
        session.news_page = page
        session.published_on = publish_on
        session.save(update_fields=["news_page", "published_on"])
    return page


def deletion_refusal(session):
    """Why a session may not be deleted (French), or None: its completed analyses are the commission's opinions."""
    if session.analyses.filter(state=AnalysisState.COMPLETED).exists():
        return "Cette session a des analyses terminées : elle ne peut pas être supprimée."
    return None


def plan_candidates(*, keep=None):
    """The dossiers a PIADC may be opened for (the queryset form of rules.plan_refusal), plus `keep`'s own."""
    eligible = Candidate.objects.with_consent().exclude(classification__isnull=True).exclude(classification="")
    if keep:
        eligible = eligible | Candidate.objects.filter(pk=keep)
    return eligible.order_by("last_name", "first_name")
