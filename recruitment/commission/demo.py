"""Fictitious commission data over the existing demo dossiers: two sessions, analyses, classifications, a PIADC."""

import datetime
import random

from django.utils import timezone

from portal.accounts.models import User
from portal.organisations.models import Territory
from portal.registry import DemoStep
from recruitment.models import (
    BehaviourTrait,
    Candidate,
    DismissalReason,
    DossierStatus,
    ExperienceBand,
    Job,
    MobilityFrequency,
    MobilityZone,
    Skill,
    StudyLevel,
    TrainingCourse,
    reference_row,
)

from . import rules
from .enums import SCALES, STATUS_CONVENED, ActionState, AnalysisState, Classification
from .models import Analysis, AnalysisMobility, AnalysisSkill, Session, TrainingAction, TrainingPlan

PAST_PLACE = "Strasbourg – Maison de l'emploi (démonstration)"
NEXT_PLACE = "Metz – Technopôle (démonstration)"


def _user(username):
    return User.objects.filter(username=username).first()


def seed(stdout, *, candidates=0):
    """Two sessions (past: analysed and classified; next: drafts) over the demo dossiers of partners A and B."""
    the_pilot = _user("pilote") or User.objects.filter(is_superuser=True).first()
    recruiter = _user("conseil")
    advisers = [u for u in (_user("referent.a"), _user("referent.b")) if u and u.organisation_id]
    territory = Territory.objects.filter(name="Alsace").first() or Territory.objects.first()
    if not (the_pilot and advisers and territory):
        stdout.write("  commission : pilote, référents ou territoires absents, ignoré.")
        return
    if Session.objects.filter(place=PAST_PLACE).exists():
        stdout.write("  commission : sessions de démonstration déjà présentes.")
        return
    dossiers = list(
        Candidate.objects.filter(
            organisation_id__in=[a.organisation_id for a in advisers],
            consent__isnull=False,
            anonymised_at__isnull=True,
            commission_analyses__isnull=True,
        ).order_by("pk")[:14]
    )
    if not dossiers:
        stdout.write("  commission : aucun dossier de démonstration avec consentement, ignoré.")
        return
    rng = random.Random("commission-demo")
    today = timezone.localdate()
    partners = {a.organisation_id for a in advisers}
    past = Session.objects.create(
        date=today - datetime.timedelta(days=21), place=PAST_PLACE, territory=territory, pilot=the_pilot
    )
    upcoming = Session.objects.create(
        date=today + datetime.timedelta(days=14), place=NEXT_PLACE, territory=territory, pilot=the_pilot
    )
    for session in (past, upcoming):
        session.partners.set(partners)
        if recruiter:
            session.recruiters.add(recruiter)
    half = max(1, len(dossiers) * 2 // 3)
    for candidate in dossiers[:half]:
        _analysed(past, candidate, recruiter, rng)
    for candidate in dossiers[half:]:
        Analysis.objects.create(session=upcoming, candidate=candidate, recruiter=recruiter)
        _move(candidate, STATUS_CONVENED)
    classified = [
        c for c in dossiers[:half] if c.classification in (Classification.EMPLOYABLE, Classification.ADAPTABLE)
    ]
    if classified:
        _plan(classified[0], rng)
    stdout.write(f"  commission : 2 sessions, {len(dossiers)} dossiers rattachés.")


def _analysed(session, candidate, recruiter, rng):
    classification = rng.choice(
        [Classification.EMPLOYABLE, Classification.EMPLOYABLE, Classification.ADAPTABLE, Classification.UNDETERMINED]
        + [Classification.DISMISSED]
    )
    analysis = Analysis.objects.create(
        session=session,
        candidate=candidate,
        recruiter=recruiter,
        state=AnalysisState.COMPLETED,
        completed_at=timezone.now(),
        cv_opinion="CV clair, expériences bien décrites.",
        interview_opinion="Entretien constructif ; candidat motivé et à l'écoute.",
        advice="Préparer des exemples concrets de réalisations pour les entretiens.",
        training_comment="Intérêt pour le développement web et le cloud.",
        proposed_classification=classification,
        dismissal_reason=DismissalReason.objects.first() if classification == Classification.DISMISSED else None,
        digital_experience=rng.choice(list(ExperienceBand.objects.all()) or [None]),
        level_with_diploma=rng.choice(list(StudyLevel.objects.all()) or [None]),
        digital_diploma=rng.choice(["BTS SIO", "Licence professionnelle", "Master informatique", ""]),
        accepts_move=rng.choice([True, False]),
        internal_notes="Note interne de démonstration.",
        **{field: rng.randint(2, 6) for field, _t, _q, _c in SCALES},
    )
    skills = list(Skill.objects.values_list("pk", flat=True))
    for skill_id in rng.sample(skills, k=min(len(skills), 6)):
        AnalysisSkill.objects.create(
            analysis=analysis, skill_id=skill_id, level=rng.choice(["debutant", "operationnel", "experimente"])
        )
    analysis.behaviour_traits.set(
        rng.sample(list(BehaviourTrait.objects.all()), k=min(3, BehaviourTrait.objects.count()))
    )
    frequencies = list(MobilityFrequency.objects.all())
    for zone in MobilityZone.objects.all()[:3]:
        if frequencies:
            AnalysisMobility.objects.create(analysis=analysis, zone=zone, frequency=rng.choice(frequencies))
    jobs = list(Job.objects.all())
    if jobs:
        analysis.possible_jobs.set(rng.sample(jobs, k=min(2, len(jobs))))
    courses = list(TrainingCourse.objects.all())
    if courses:
        analysis.training_courses.set(rng.sample(courses, k=1))
    candidate.classification = classification
    candidate.classified_on = session.date + datetime.timedelta(days=2)
    candidate.save(update_fields=["classification", "classified_on"])
    _move(candidate, rules.status_for_classification(classification))


def _move(candidate, code_and_label):
    """The dossier status that goes with the commission's step (the demo dossiers have random ones)."""
    status = reference_row(DossierStatus, code_and_label)
    if status:
        candidate.status = status
        candidate.save(update_fields=["status"])


def _plan(candidate, rng):
    plan, created = TrainingPlan.objects.get_or_create(candidate=candidate)
    if created:
        course = TrainingCourse.objects.filter(code="fis").first()
        TrainingAction.objects.create(
            plan=plan,
            course=course,
            organisation="Organisme de formation (démonstration)",
            start_date=timezone.localdate(),
            end_date=timezone.localdate() + datetime.timedelta(days=90),
            state=ActionState.IN_PROGRESS,
        )
        plan.save()


DEMO_STEPS = [DemoStep(210, seed)]
