"""Fictitious commission data over the demo dossiers waiting for it: past sessions (analysed, classified,
published), the next session (dossiers convened), a PIADC (idempotent).

The analyses are validated (`full_clean`) and bulk-created; the classification follows the commission's
rules (status, classification date, Sans suite ⇒ reason); the employability profiles are rebuilt once.
"""

import datetime
import math
import random

from django.db import transaction
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
from recruitment.rules import hands_to_commission

from . import rules, services
from .demo_texts import (
    ADVICE,
    CV_OPINIONS,
    DIPLOMAS,
    INTERNAL_NOTES,
    INTERVIEW_OPINIONS,
    PLACES,
    SCALE_RANGES,
    TRAINING_COMMENTS,
)
from .enums import SCALES, ActionState, AnalysisState, Classification, MasteryLevel
from .models import Analysis, AnalysisMobility, AnalysisSkill, Session, TrainingAction, TrainingPlan
from .profiles import refresh_profiles

# What the past sessions decided, by weight.
OUTCOMES = (
    [Classification.EMPLOYABLE] * 10
    + [Classification.ADAPTABLE] * 5
    + [Classification.UNDETERMINED] * 2
    + [Classification.DISMISSED] * 2
)
PER_SESSION = 25
MAX_PAST_SESSIONS = 8
MAX_UPCOMING = 10
CANDIDATE_FK = ["employment_area", "organisation", "organisation_contact", "channel", "situation", "status"]
ANALYSIS_FK = ["session", "candidate", "recruiter", "dismissal_reason", "digital_experience", "level_with_diploma"]


def _user(username):
    return User.objects.filter(username=username).first()


def seed(stdout, *, candidates=0):
    """Past sessions and the next one over the demo dossiers of partners A and B waiting for the commission."""
    the_pilot = _user("pilote") or User.objects.filter(is_superuser=True).first()
    recruiter = _user("conseil")
    advisers = [u for u in (_user("referent.a"), _user("referent.b")) if u and u.organisation_id]
    territories = {t.name: t for t in Territory.objects.all()}
    if not (the_pilot and advisers and territories):
        stdout.write("  commission : pilote, référents ou territoires absents, ignoré.")
        return
    if Session.objects.filter(place__in=[place for place, _t in PLACES]).exists():
        stdout.write("  commission : sessions de démonstration déjà présentes.")
        return
    waiting = Candidate.objects.filter(
        organisation_id__in=[a.organisation_id for a in advisers],
        has_consent=True,
        anonymised_at__isnull=True,
        commission_analyses__isnull=True,
    ).select_related("status", "situation", "organisation_contact")
    dossiers = [c for c in waiting.order_by("pk") if hands_to_commission(c.status.code)]
    if not dossiers:
        stdout.write("  commission : aucun dossier de démonstration à présenter, ignoré.")
        return
    count = len(dossiers)
    upcoming_count = min(MAX_UPCOMING, count - max(1, count * 2 // 3))
    later = count // 12  # left for a later session
    past_dossiers = dossiers[: count - upcoming_count - later]
    sessions = math.ceil(len(past_dossiers) / PER_SESSION)
    sessions = max(1, min(MAX_PAST_SESSIONS, sessions))
    today = timezone.localdate()
    partners = {a.organisation_id for a in advisers}
    rng = random.Random("commission-demo")
    refs = _References()

    def session(index, date):
        place, territory = PLACES[index % len(PLACES)]
        created = Session(date=date, place=place, pilot=the_pilot)
        created.territory = territories.get(territory) or next(iter(territories.values()))
        created.full_clean(exclude=["territory", "pilot"])
        created.save()
        created.partners.set(partners)
        if recruiter:
            created.recruiters.add(recruiter)
        return created

    past = [session(n, today - datetime.timedelta(days=21 + 28 * n)) for n in range(sessions)]
    upcoming = session(sessions, today + datetime.timedelta(days=14))
    examined = 0
    for index, chunk in enumerate(_split(past_dossiers, len(past))):
        examined += _examine(past[index], chunk, recruiter, rng, refs)
        stdout.write(f"  commission : session du {past[index].date:%d/%m/%Y}, {len(chunk)} dossiers examinés.")
    services.attach(upcoming, dossiers[len(past_dossiers) : len(past_dossiers) + upcoming_count], the_pilot)
    for old in reversed(past):
        services.publish_session(old, user=the_pilot, publish_on=old.date + datetime.timedelta(days=7), live=True)
    classified = Candidate.objects.filter(
        commission_analyses__session__in=past, classification=Classification.ADAPTABLE, has_consent=True
    ).order_by("pk")
    if classified.exists():
        _plan(classified.first())
    stdout.write(f"  commission : {len(past) + 1} sessions, {examined + upcoming_count} dossiers rattachés.")


def _split(items, parts):
    size = math.ceil(len(items) / parts) if parts else 0
    return [items[i * size : (i + 1) * size] for i in range(parts)]


class _References:
    def __init__(self):
        self.skills = list(Skill.objects.values_list("pk", flat=True))
        self.traits = list(BehaviourTrait.objects.values_list("pk", flat=True))
        self.zones = list(MobilityZone.objects.order_by("order", "pk").values_list("pk", flat=True))
        self.frequencies = list(MobilityFrequency.objects.values_list("pk", flat=True))
        self.jobs = list(Job.objects.values_list("pk", flat=True))
        self.courses = list(TrainingCourse.objects.values_list("pk", flat=True))
        self.bands = list(ExperienceBand.objects.order_by("order", "pk"))
        self.levels = list(StudyLevel.objects.order_by("order", "pk"))
        self.reason = DismissalReason.objects.order_by("order", "pk").first()
        self.statuses = {
            c: reference_row(DossierStatus, rules.status_for_classification(c)) for c in Classification.values
        }


def _pick(rng, values, k):
    return rng.sample(values, k=min(len(values), k))


def _examine(session, dossiers, recruiter, rng, refs):
    """Analyse the session's dossiers, then classify them as the pilot would (bulk, after validation)."""
    completed_at = timezone.make_aware(datetime.datetime.combine(session.date, datetime.time(17, 0)))
    classified_on = session.date + datetime.timedelta(days=2)
    analyses, outcomes = [], []
    for candidate in dossiers:
        outcome = OUTCOMES[rng.randrange(len(OUTCOMES))]
        analysis = Analysis(session=session, candidate=candidate, recruiter=recruiter, created_at=completed_at)
        _fill(analysis, outcome, rng, refs, completed_at)
        missing = rules.missing_for_completion(analysis)
        if missing:
            raise RuntimeError(f"Analyse de démonstration incomplète : {missing}")
        analysis.full_clean(exclude=ANALYSIS_FK)
        analyses.append(analysis)
        outcomes.append(outcome)
    with transaction.atomic():
        Analysis.objects.bulk_create(analyses)
        _children(analyses, outcomes, rng, refs)
        for candidate, outcome in zip(dossiers, outcomes, strict=True):
            candidate.classification, candidate.classified_on = outcome, classified_on
            if refs.statuses[outcome] is not None:
                candidate.status, candidate.status_date = refs.statuses[outcome], classified_on
            candidate.full_clean(exclude=CANDIDATE_FK)
        Candidate.objects.bulk_update(dossiers, ["classification", "classified_on", "status", "status_date"])
        refresh_profiles([candidate.pk for candidate in dossiers])
    return len(dossiers)


def _fill(analysis, outcome, rng, refs, completed_at):
    low, high = SCALE_RANGES[outcome]
    for field, _title, _question, _choices in SCALES:
        setattr(analysis, field, rng.randint(low, high))
    analysis.state = AnalysisState.COMPLETED
    analysis.completed_at = completed_at
    analysis.proposed_classification = outcome
    analysis.dismissal_reason = refs.reason if outcome == Classification.DISMISSED else None
    analysis.cv_opinion = rng.choice(CV_OPINIONS[outcome])
    analysis.interview_opinion = rng.choice(INTERVIEW_OPINIONS[outcome])
    analysis.advice = rng.choice(ADVICE)
    analysis.training_comment = rng.choice(TRAINING_COMMENTS)
    analysis.internal_notes = rng.choice(INTERNAL_NOTES)
    analysis.digital_diploma = rng.choice(DIPLOMAS)
    analysis.accepts_move = rng.random() < 0.3
    if refs.bands:
        analysis.digital_experience = rng.choice(refs.bands)
    if refs.levels:
        analysis.level_with_diploma = rng.choice(refs.levels)


def _children(analyses, outcomes, rng, refs):
    skills, mobilities, traits, jobs, courses = [], [], [], [], []
    trait_through = Analysis.behaviour_traits.through
    job_through, course_through = Analysis.possible_jobs.through, Analysis.training_courses.through
    for analysis, outcome in zip(analyses, outcomes, strict=True):
        for skill_id in _pick(rng, refs.skills, rng.randint(4, 8)):
            level = rng.choice(MasteryLevel.values)
            skills.append(AnalysisSkill(analysis=analysis, skill_id=skill_id, level=level))
        if refs.frequencies:
            for zone_id in _pick(rng, refs.zones, rng.randint(1, 3)):
                frequency = rng.choice(refs.frequencies)
                mobilities.append(AnalysisMobility(analysis=analysis, zone_id=zone_id, frequency_id=frequency))
        traits += [trait_through(analysis_id=analysis.pk, behaviourtrait_id=pk) for pk in _pick(rng, refs.traits, 3)]
        if outcome in (Classification.EMPLOYABLE, Classification.ADAPTABLE):
            jobs += [job_through(analysis_id=analysis.pk, job_id=pk) for pk in _pick(rng, refs.jobs, 2)]
        if outcome == Classification.ADAPTABLE:
            courses += [
                course_through(analysis_id=analysis.pk, trainingcourse_id=pk) for pk in _pick(rng, refs.courses, 1)
            ]
    for row in skills + mobilities:
        row.full_clean(exclude=["analysis", "skill", "zone", "frequency"])
    AnalysisSkill.objects.bulk_create(skills, batch_size=1000)
    AnalysisMobility.objects.bulk_create(mobilities, batch_size=1000)
    for model, rows in ((trait_through, traits), (job_through, jobs), (course_through, courses)):
        model.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def _plan(candidate):
    """A PIADC for an Adaptable dossier, with one training action under way."""
    if rules.plan_refusal(candidate) or TrainingPlan.objects.filter(candidate=candidate).exists():
        return
    plan = TrainingPlan(candidate=candidate)
    plan.full_clean()
    plan.save()
    action = TrainingAction(
        plan=plan,
        course=TrainingCourse.objects.filter(code="fis").first(),
        organisation="Académie du Code Grand Est",
        start_date=timezone.localdate() - datetime.timedelta(days=10),
        end_date=timezone.localdate() + datetime.timedelta(days=80),
        state=ActionState.IN_PROGRESS,
    )
    action.full_clean(exclude=["plan"])
    action.save()
    plan.save()


DEMO_STEPS = [DemoStep(210, seed)]
