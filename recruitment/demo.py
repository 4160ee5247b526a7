"""Fictitious candidate dossiers for demos and benchmarks (idempotent, bulk-created after validation).

Every dossier passes the model's own validation (`full_clean`: RSA ⇒ CAF number, temporary situation ⇒
end date, commission status ⇒ consent, uniqueness) before the batch is written. Most dossiers are complete
and wait for the commission: recruitment.commission.demo examines and classifies them.
"""

import random
import zlib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from faker import Faker

from portal.accounts.enums import Civility
from portal.accounts.models import User
from portal.demo_places import STREETS, towns_of
from portal.organisations.models import CompanyType, EmploymentArea
from portal.registry import DemoStep

from . import rules
from .demo_texts import OTHER_INFORMATION, STATUS_NOTES, WISHES
from .enums import Availability, CandidateDocumentType, ConsentMethod, ProfessionalObjective
from .models import (
    ApplicationChannel,
    Candidate,
    CandidateDocument,
    City,
    Consent,
    ConsentTerms,
    ContactPoint,
    ContractType,
    DossierStatus,
    Job,
    SalaryBand,
    SearchContext,
    Situation,
    mark_consent,
)
from .storage_demo import DEMO_CV_NAME, DEMO_SIGNATURE_NAME, ensure_demo_files

TERMS_TEXT = (
    "Les informations recueillies dans ce dossier sont traitées par Numéric'Emploi Grand Est pour "
    "accompagner votre recherche d'emploi dans le numérique. Elles sont communiquées aux membres de la "
    "commission Aide aux Actions de Recrutement et, si votre profil est classé Employable ou Adaptable, "
    "aux chargés de recrutement des entreprises adhérentes. Vous pouvez accéder à vos données, les faire "
    "rectifier ou effacer en écrivant à recrutement.ge@numeric-emploi.org."
)
# Where the demo dossiers are in their life, one slot in 20: (status code, consent recorded).
LIFECYCLE = (
    [("dossier-complet", True)] * 15
    + [("constitution-dossier", False)] * 2
    + [("constitution-dossier", True), ("candidature-suspendue", True), ("dossier-incomplet", True)]
)
# Situation codes by weight; a suspended dossier is unavailable for a while.
SITUATIONS = ["en-recherche-emploi"] * 14 + ["cdd-structure-insertion", "formation-hors-adc", "sans-reponse"]
SUSPENDED_SITUATION = "indisponibilite-ponctuelle"
FK_FIELDS = [
    "employment_area",
    "organisation",
    "organisation_contact",
    "channel",
    "situation",
    "status",
    "last_salary",
    "expected_salary",
    "minimum_salary",
    "created_by",
]
PROGRESS_EVERY = 100


def ensure_terms():
    terms = ConsentTerms.objects.order_by("-published_on").first()
    return terms or ConsentTerms.objects.create(
        version="1.0", text=TERMS_TEXT, published_on=timezone.localdate() - timedelta(days=730)
    )


def demo_advisers():
    """The demo employment advisers who follow the dossiers (referent.a, referent.b), when they exist."""
    advisers = [User.objects.filter(username=name).first() for name in ("referent.a", "referent.b")]
    return [adviser for adviser in advisers if adviser and adviser.organisation_id]


def seed(stdout, *, candidates=0):
    """Consent terms, the contact point of referent.a, and `candidates` dossiers over partners A and B."""
    ensure_terms()
    advisers = demo_advisers()
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
    existing = Candidate.objects.filter(organisation_id__in=[a.organisation_id for a in advisers]).count()
    missing = candidates - existing
    if missing <= 0:
        stdout.write(f"  dossiers : {existing} dossiers de démonstration déjà présents.")
        return

    def progress(done):
        stdout.write(f"  dossiers : {done}/{missing} créés…")

    created = create_candidates(missing, advisers, seed_key=f"demo-{existing}", progress=progress)
    stdout.write(f"  dossiers : {created} dossiers de démonstration créés.")


class _References:
    """The reference rows the dossiers are drawn from, loaded once."""

    def __init__(self):
        self.areas = {area.pk: area for area in EmploymentArea.objects.all()}
        self.situations = {s.code: s for s in Situation.objects.filter(is_active=True)}
        self.statuses = {s.code: s for s in DossierStatus.objects.filter(is_active=True)}
        self.channels = list(ApplicationChannel.objects.filter(is_active=True).exclude(code="company"))
        self.channels = self.channels or list(ApplicationChannel.objects.filter(is_active=True))
        self.jobs = list(Job.objects.values_list("pk", flat=True))
        self.contexts = list(SearchContext.objects.values_list("pk", flat=True))
        self.salaries = list(SalaryBand.objects.order_by("order", "pk"))
        self.contracts = list(ContractType.objects.values_list("pk", flat=True))
        self.company_types = list(CompanyType.objects.exclude(name="N/A").values_list("pk", flat=True))
        if not (self.areas and self.situations and self.statuses and self.channels):
            raise RuntimeError("Listes de référence absentes : lancez d'abord `manage.py load_reference`.")

    def situation(self, code, rng):
        return self.situations.get(code) or rng.choice(list(self.situations.values()))

    def status(self, code, consent):
        """The status of this code, else one the dossier may have (no commission status without consent)."""
        status = self.statuses.get(code)
        if status is None or (rules.hands_to_commission(status.code) and not consent):
            allowed = [s for s in self.statuses.values() if consent or not rules.hands_to_commission(s.code)]
            status = allowed[0]
        return status

    def area_for(self, adviser, rng):
        """Mostly the adviser's own area, sometimes another of the same region ("Alsace / …")."""
        own = self.areas.get(adviser.workplace_area_id)
        if own is None:
            return rng.choice(list(self.areas.values()))
        region = own.name.split(" / ")[0]
        near = [area for area in self.areas.values() if area.name.split(" / ")[0] == region]
        return own if rng.random() < 0.7 else rng.choice(near)


def create_candidates(count, advisers, *, seed_key="demo", batch_size=PROGRESS_EVERY, progress=None):
    """Create `count` valid dossiers followed by the advisers' organisations (returns the count).

    `progress(done)` is called after each batch."""
    fake = Faker("fr_FR")
    fake.seed_instance(zlib.crc32(seed_key.encode()))
    rng = random.Random(seed_key)
    refs = _References()
    terms = ensure_terms()
    ensure_demo_files()
    now = timezone.now()
    seen = set()
    towns = set()
    done = 0
    while done < count:
        size = min(batch_size, count - done)
        drafts = [
            _draft(refs, fake, rng, advisers[(done + i) % len(advisers)], done + i, now, seen) for i in range(size)
        ]
        towns.update(draft["candidate"].city for draft in drafts)
        with transaction.atomic():
            created = Candidate.objects.bulk_create([draft["candidate"] for draft in drafts], batch_size=1000)
            for draft, candidate in zip(drafts, created, strict=True):
                draft["candidate"] = candidate
            _bulk_children(drafts, rng, refs, terms)
        done += size
        if progress is not None:
            progress(done)
    for town in sorted(towns):
        City.remember(town)
    return done


def _draft(refs, fake, rng, adviser, index, now, seen):
    """One validated dossier (not saved yet) and what goes with it."""
    code, consent = LIFECYCLE[(index * 7) % len(LIFECYCLE)]
    status = refs.status(code, consent)
    suspended = status.code == "candidature-suspendue"
    situation = refs.situation(SUSPENDED_SITUATION if suspended else rng.choice(SITUATIONS), rng)
    created_at = now - timedelta(days=rng.randint(20, 540), hours=rng.randint(0, 9))
    situation_date = (created_at - timedelta(days=rng.randint(0, 120))).date()
    area = refs.area_for(adviser, rng)
    rsa = rng.random() < 0.15
    has_id = rng.random() < 0.65
    for _attempt in range(20):
        female = rng.random() < 0.45
        first = fake.first_name_female() if female else fake.first_name_male()
        last = fake.last_name().upper()
        town, postcode = rng.choice(towns_of(area.name))
        ft_id = f"{rng.randint(1000000, 9999999)}{rng.choice('ABCDEFGHJK')}" if has_id else ""
        candidate = Candidate(
            civility=Civility.MRS if female else Civility.MR,
            last_name=last,
            first_name=first,
            has_france_travail_id=has_id,
            france_travail_id=ft_id,
            is_rsa_beneficiary=rsa,
            caf_number=str(rng.randint(1000000, 9999999)) if rsa else "",
            employment_area=area,
            city=town,
            street_number=str(rng.randint(1, 120)),
            street=rng.choice(STREETS),
            postcode=postcode,
            phone=f"06 39 98 {rng.randint(10, 99)} {rng.randint(10, 99)}",  # ARCEP range kept for fiction
            email=f"{slugify(first)}.{slugify(last)}{index}@exemple.test" if rng.random() < 0.85 else "",
            organisation_id=adviser.organisation_id,
            organisation_contact=adviser,
            channel=rng.choice(refs.channels),
            situation=situation,
            situation_date=situation_date,
            situation_end_date=situation_date + timedelta(days=rng.randint(60, 300))
            if situation.is_temporary
            else None,
            status=status,
            status_date=(created_at + timedelta(days=rng.randint(0, 15))).date(),
            status_note=STATUS_NOTES.get(status.code, ""),
            created_by=adviser,
            created_at=created_at,
            updated_at=now,
            has_consent=consent,
        )
        if consent:
            _qualify(candidate, refs, rng)
        candidate.identifier_key, candidate.identity_key = candidate.identity_keys()
        keys = {key for key in (candidate.identifier_key, candidate.identity_key) if key}
        if keys & seen:
            continue  # a twin of a dossier of this run: draw another identity
        candidate.full_clean(exclude=FK_FIELDS)  # the rules (clean) and the uniqueness check against the database
        seen.update(keys)
        return {"candidate": candidate, "consent": consent}
    raise RuntimeError("Impossible de tirer une identité de démonstration unique.")


def _qualify(candidate, refs, rng):
    """The professional project, asked once consent is recorded."""
    candidate.objective = rng.choice(ProfessionalObjective.values)
    candidate.availability = rng.choice([Availability.FULL_TIME] * 4 + [Availability.PART_TIME])
    candidate.wishes = rng.choice(WISHES)
    candidate.other_information = rng.choice(OTHER_INFORMATION)
    if refs.salaries:
        last = rng.randrange(len(refs.salaries))
        candidate.last_salary = refs.salaries[last]
        candidate.expected_salary = refs.salaries[min(last + rng.randint(0, 1), len(refs.salaries) - 1)]
        candidate.minimum_salary = refs.salaries[max(last - rng.randint(0, 1), 0)]


def _sample(rng, pool, low, high):
    return rng.sample(pool, k=min(len(pool), rng.randint(low, high)))


def _bulk_children(drafts, rng, refs, terms):
    consents, documents, wished, current, ctx, contracts, company_types = [], [], [], [], [], [], []
    through = Candidate.wished_jobs.through, Candidate.current_jobs.through, Candidate.contexts.through
    contract_through, company_type_through = Candidate.contract_types.through, Candidate.company_types.through
    for draft in drafts:
        candidate = draft["candidate"]
        if draft["consent"]:
            consent = Consent(
                candidate=candidate,
                method=ConsentMethod.SIGNATURE if rng.random() < 0.8 else ConsentMethod.SCAN,
                file=DEMO_SIGNATURE_NAME,
                terms=terms,
                collected_by=candidate.organisation_contact,
                collected_at=candidate.created_at + timedelta(hours=rng.randint(0, 48)),
            )
            consent.full_clean(exclude=["candidate", "terms", "collected_by"])
            consents.append(consent)
            wished += [through[0](candidate_id=candidate.pk, job_id=pk) for pk in _sample(rng, refs.jobs, 1, 3)]
            contracts += [
                contract_through(candidate_id=candidate.pk, contracttype_id=pk)
                for pk in _sample(rng, refs.contracts, 1, 2)
            ]
            company_types += [
                company_type_through(candidate_id=candidate.pk, companytype_id=pk)
                for pk in _sample(rng, refs.company_types, 0, 2)
            ]
        current += [through[1](candidate_id=candidate.pk, job_id=pk) for pk in _sample(rng, refs.jobs, 0, 2)]
        ctx += [through[2](candidate_id=candidate.pk, searchcontext_id=pk) for pk in _sample(rng, refs.contexts, 0, 2)]
        if rng.random() < 0.85:
            identifier = candidate.france_travail_id
            document = CandidateDocument(
                candidate=candidate,
                doc_type=CandidateDocumentType.CV,
                file=DEMO_CV_NAME,
                title=rules.suggested_name("CV", 1, candidate.last_name, candidate.first_name, identifier, "pdf"),
                sort_order=0,
                uploaded_at=candidate.created_at,
            )
            document.full_clean(exclude=["candidate"])
            documents.append(document)
    Consent.objects.bulk_create(consents, batch_size=1000)
    mark_consent([consent.candidate_id for consent in consents], True)  # bulk_create bypasses Consent.save()
    CandidateDocument.objects.bulk_create(documents, batch_size=1000)
    for model, rows in (
        (through[0], wished),
        (through[1], current),
        (through[2], ctx),
        (contract_through, contracts),
        (company_type_through, company_types),
    ):
        model.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)


DEMO_STEPS = [DemoStep(200, seed)]
