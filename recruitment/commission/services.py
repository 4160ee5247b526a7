"""What the commission's actions change, with the dossier's history kept (Wagtail log entries)."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log as log_action

from recruitment.models import Candidate, DossierStatus, reference_row

from . import rules
from .enums import SCALES, STATUS_ABSENT, STATUS_CONVENED, STATUS_INTERVIEWED, AnalysisState, Classification
from .models import Analysis, AnalysisMobility, AnalysisSkill


def _fmt(value):
    if value is None or value == "":
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def set_status(candidate, code_and_label, changes):
    """Move the dossier to a commission status (when the reference list has it)."""
    status = reference_row(DossierStatus, code_and_label)
    if status and status.pk != candidate.status_id:
        changes.append({"field": "statut du dossier", "old": _fmt(candidate.status), "new": str(status)})
        candidate.status = status
        candidate.status_date = timezone.localdate()
        return True
    return False


def log_changes(candidate, user, changes):
    """The same history entry as the dossier screens ("recruitment.change")."""
    if changes:
        log_action(candidate, "recruitment.change", user=user, data={"changes": changes})


def attach(session, candidates, user):
    """Attach dossiers to a session: returns (attached, [(candidate, reason)]) – refused ones with the reason."""
    attached, refused = [], []
    already = set(session.analyses.values_list("candidate_id", flat=True))
    for candidate in candidates:
        reason = rules.attach_refusal(
            status_code=candidate.status.code,
            status_label=candidate.status.name,
            has_consent=candidate.has_consent,
            already_attached=candidate.pk in already,
        )
        if reason:
            refused.append((candidate, reason))
            continue
        with transaction.atomic():
            Analysis.objects.create(session=session, candidate=candidate)
            changes = [{"field": "session de la commission", "old": "", "new": str(session)}]
            if set_status(candidate, STATUS_CONVENED, changes):
                candidate.save(update_fields=["status", "status_date"])
            log_changes(candidate, user, changes)
        attached.append(candidate)
    return attached, refused


def mark_absent(analysis, user):
    """The candidate did not come to the interview: the dossier says so (and keeps it in its history)."""
    candidate = analysis.candidate
    changes = [{"field": "entretien conseil", "old": "", "new": f"Absent – {analysis.session}"}]
    if set_status(candidate, STATUS_ABSENT, changes):
        candidate.save(update_fields=["status", "status_date"])
    log_changes(candidate, user, changes)


def save_analysis(analysis, *, skills, mobility, user, complete=False):
    """Store the picker's skills and mobility; mark complete when asked and nothing is missing.

    Returns the list of what is missing for completion (empty when the analysis is complete)."""
    with transaction.atomic():
        if analysis.recruiter_id is None and not _is_pilot_only(user, analysis):
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
            candidate = analysis.candidate
            changes = [{"field": "analyse de l'employabilité", "old": "Brouillon", "new": "Terminée"}]
            if set_status(candidate, STATUS_INTERVIEWED, changes):
                candidate.save(update_fields=["status", "status_date"])
            log_changes(candidate, user, changes)
    return missing


def _is_pilot_only(user, analysis):
    from . import perms

    return perms.is_pilot(user) and not analysis.session.recruiters.filter(pk=user.pk).exists()


def classify(analysis, *, classification, dismissal_reason, classified_on, user, opinions=None):
    """Record the final classification (and, at the debriefing, the final opinions per axis)."""
    error = rules.classification_error(classification, dismissal_reason)
    if error:
        raise ValueError(error)
    candidate = Candidate.objects.select_related("status").get(pk=analysis.candidate_id)
    changes = []
    with transaction.atomic():
        for field, title, _question, choices in SCALES:
            if opinions and field in opinions and opinions[field] != getattr(analysis, field):
                old = getattr(analysis, field)
                changes.append(
                    {
                        "field": f"avis « {title} »",
                        "old": choices(old).label if old else "",
                        "new": choices(opinions[field]).label,
                    }
                )
                setattr(analysis, field, opinions[field])
        reason = dismissal_reason if classification == Classification.DISMISSED else None
        analysis.dismissal_reason = reason
        analysis.save()
        old_label = Classification(candidate.classification).label if candidate.classification else ""
        new_label = Classification(classification).label
        if old_label != new_label:
            changes.append({"field": "classification", "old": old_label, "new": new_label})
        if candidate.classified_on != classified_on:
            changes.append(
                {"field": "date de classification", "old": _fmt(candidate.classified_on), "new": _fmt(classified_on)}
            )
        if reason:
            changes.append({"field": "raison Sans suite", "old": "", "new": str(reason)})
        candidate.classification = classification
        candidate.classified_on = classified_on
        set_status(candidate, rules.status_for_classification(classification), changes)
        candidate.save(update_fields=["classification", "classified_on", "status", "status_date"])
        log_changes(candidate, user, changes)
    return candidate


def effective_classification(analysis):
    """The dossier's final classification, else the recruiter's proposal."""
    return analysis.candidate.classification or analysis.proposed_classification or ""


def debriefing_analyses(session):
    """The session's dossiers to discuss: classified (or proposed) "À déterminer" or "Sans suite"."""
    from .enums import DEBRIEFING_CLASSES

    analyses = session.analyses.select_related("candidate", "candidate__organisation", "recruiter").order_by(
        "candidate__last_name", "candidate__first_name", "pk"
    )
    classes = {c.value for c in DEBRIEFING_CLASSES}
    return [a for a in analyses if effective_classification(a) in classes]


def publish_session(session, *, user, publish_on=None, live=False):
    """Announce the publication of a session's dossiers as an extranet-only news item.

    The dossiers themselves enter the pool from their classification date (see pool.py); the news
    page is created under the news index, as a draft unless `live`."""
    from django.utils.text import slugify

    from news.models import NewsCategory, NewsIndexPage, NewsPage

    from .enums import NEWS_CATEGORY_NAME, POOL_CLASSES
    from .pool import pool_candidates

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
