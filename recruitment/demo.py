"""Fictitious candidate dossiers for demos and benchmarks (idempotent, bulk-created)."""

import random
import zlib

from django.db import transaction
from django.utils import timezone
from faker import Faker

from portal.accounts.models import User
from portal.organisations.models import EmploymentArea
from portal.registry import DemoStep

from . import rules
from .enums import Availability, CandidateDocumentType, Classification, ConsentMethod, ProfessionalObjective
from .models import (
    ApplicationChannel,
    Candidate,
    CandidateDocument,
    Consent,
    ConsentTerms,
    ContactPoint,
    DossierStatus,
    Job,
    SearchContext,
    Situation,
    mark_consent,
)
from .storage_demo import DEMO_CV_NAME, DEMO_SIGNATURE_NAME, ensure_demo_files

DEMO_AGENCY = "Agence de démonstration"
TERMS_TEXT = (
    "Les informations recueillies dans ce dossier sont traitées par Numéric'Emploi Grand Est pour "
    "accompagner votre recherche d'emploi dans le numérique. Elles sont communiquées aux membres de la "
    "commission Aide aux Actions de Recrutement et, si votre profil est classé Employable ou Adaptable, "
    "aux chargés de recrutement des entreprises adhérentes. Vous pouvez accéder à vos données, les faire "
    "rectifier ou effacer en écrivant à recrutement.ge@numeric-emploi.org."
)


def ensure_terms():
    terms = ConsentTerms.objects.order_by("-published_on").first()
    return terms or ConsentTerms.objects.create(version="1.0", text=TERMS_TEXT)


def seed(stdout, *, candidates=0):
    """Consent terms, the contact point of referent.a, and `candidates` dossiers over partners A and B."""
    ensure_terms()
    advisers = [u for u in (User.objects.filter(username=n).first() for n in ("referent.a", "referent.b")) if u]
    advisers = [u for u in advisers if u.organisation_id]
    referent_a = next((u for u in advisers if u.username == "referent.a"), None)
    area = EmploymentArea.objects.filter(name="Alsace / Bas-Rhin").first()
    if referent_a and area:
        ContactPoint.objects.get_or_create(
            organisation_id=referent_a.organisation_id, employment_area=area, defaults={"user": referent_a}
        )
    if not candidates:
        return
    if not advisers:
        stdout.write("  dossiers : pas de référent Emploi de démonstration (referent.a / referent.b), ignoré.")
        return
    existing = Candidate.objects.filter(agency=DEMO_AGENCY).count()
    missing = candidates - existing
    if missing <= 0:
        stdout.write(f"  dossiers : {existing} dossiers de démonstration déjà présents.")
        return
    created = create_candidates(missing, advisers, seed_key=f"demo-{existing}")
    stdout.write(f"  dossiers : {created} dossiers de démonstration créés.")


def create_candidates(count, advisers, *, seed_key="demo", batch_size=2000):
    """Bulk-create `count` realistic dossiers followed by the advisers' organisations (returns the count)."""
    fake = Faker("fr_FR")
    fake.seed_instance(zlib.crc32(seed_key.encode()))
    rng = random.Random(seed_key)
    areas = list(EmploymentArea.objects.all())
    situations = list(Situation.objects.filter(is_active=True))
    statuses = list(DossierStatus.objects.filter(is_active=True))
    channels = list(ApplicationChannel.objects.filter(is_active=True))
    jobs = list(Job.objects.values_list("pk", flat=True))
    contexts = list(SearchContext.objects.values_list("pk", flat=True))
    if not (areas and situations and statuses and channels):
        raise RuntimeError("Listes de référence absentes : lancez d'abord `manage.py load_reference`.")
    terms = ensure_terms()
    ensure_demo_files()
    now = timezone.now()
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        rows, flags = [], []
        for i in range(size):
            adviser = advisers[(done + i) % len(advisers)]
            last, first, city = fake.last_name().upper(), fake.first_name(), fake.city()
            has_id = rng.random() < 0.6
            ft_id = f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}" if has_id else ""
            rsa = rng.random() < 0.2
            status = rng.choice(statuses)
            consent = rng.random() < 0.75
            rows.append(
                Candidate(
                    civility=rng.choice(["M.", "Mme"]),
                    last_name=last,
                    first_name=first,
                    has_france_travail_id=has_id,
                    france_travail_id=ft_id,
                    is_rsa_beneficiary=rsa,
                    caf_number=str(rng.randint(1000000, 9999999)) if rsa and rng.random() < 0.7 else "",
                    employment_area=rng.choice(areas),
                    city=city,
                    street_number=str(rng.randint(1, 120)),
                    street=fake.street_name(),
                    postcode=fake.postcode(),
                    phone=fake.phone_number() if rng.random() < 0.9 else "",
                    email=f"candidat.{done + i}@exemple.test" if rng.random() < 0.8 else "",
                    organisation_id=adviser.organisation_id,
                    organisation_contact=adviser,
                    agency=DEMO_AGENCY,
                    channel=rng.choice(channels),
                    situation=rng.choice(situations),
                    situation_date=fake.date_between("-2y", "today"),
                    status=status,
                    status_date=fake.date_between("-1y", "today"),
                    classification=rng.choice([None, None, *Classification.values]) if consent else None,
                    objective=rng.choice(ProfessionalObjective.values) if consent else "",
                    availability=rng.choice(Availability.values) if consent else "",
                    identifier_key=rules.identifier_key(ft_id),
                    identity_key=rules.identity_key(last, first, city),
                    created_at=now,
                    updated_at=now,
                )
            )
            flags.append(consent)
        with transaction.atomic():
            created = Candidate.objects.bulk_create(rows, batch_size=1000)
            _bulk_children(created, flags, rng, jobs, contexts, terms)
        done += size
    return done


def _bulk_children(candidates, consent_flags, rng, jobs, contexts, terms):
    consents, documents, wished, current, ctx = [], [], [], [], []
    wished_through = Candidate.wished_jobs.through
    current_through = Candidate.current_jobs.through
    context_through = Candidate.contexts.through
    for candidate, consent in zip(candidates, consent_flags, strict=True):
        if consent:
            consents.append(
                Consent(candidate=candidate, method=ConsentMethod.SIGNATURE, file=DEMO_SIGNATURE_NAME, terms=terms)
            )
            for job_id in rng.sample(jobs, k=min(len(jobs), rng.randint(1, 3))):
                wished.append(wished_through(candidate_id=candidate.pk, job_id=job_id))
        for job_id in rng.sample(jobs, k=min(len(jobs), rng.randint(0, 2))):
            current.append(current_through(candidate_id=candidate.pk, job_id=job_id))
        for context_id in rng.sample(contexts, k=min(len(contexts), rng.randint(0, 2))):
            ctx.append(context_through(candidate_id=candidate.pk, searchcontext_id=context_id))
        if rng.random() < 0.8:
            documents.append(
                CandidateDocument(
                    candidate=candidate,
                    doc_type=CandidateDocumentType.CV,
                    file=DEMO_CV_NAME,
                    title=f"CV-1-{candidate.last_name}-{candidate.first_name}.pdf",
                    sort_order=0,
                )
            )
    Consent.objects.bulk_create(consents, batch_size=1000)
    mark_consent([consent.candidate_id for consent in consents], True)  # bulk_create bypasses Consent.save()
    CandidateDocument.objects.bulk_create(documents, batch_size=1000)
    wished_through.objects.bulk_create(wished, batch_size=2000, ignore_conflicts=True)
    current_through.objects.bulk_create(current, batch_size=2000, ignore_conflicts=True)
    context_through.objects.bulk_create(ctx, batch_size=2000, ignore_conflicts=True)


DEMO_STEPS = [DemoStep(200, seed)]
