"""Fictitious follow-up sheets and training needs for companies A and B (idempotent, validated).

Only recruteur.a2 gets an overdue sheet (to show the pool lock): recruteur.a and recruteur.b, who show
each company's pool, have none.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.accounts.models import User
from portal.registry import DemoStep
from recruitment.commission.pool import pool_candidates
from recruitment.models import ContractType, Job, RecruitmentState, SarResult

from .enums import SheetAction
from .models import FollowUpSheet, TrainingNeed

# (username, [(result code, actions, days ago)]) – recruteur.a2 gets an overdue sheet to show the lock.
UNLOCKED = ["recruteur.a", "recruteur.b"]
COMMENTS = {
    "aucun-etude-en-cours": "Profil à étudier avec le responsable technique.",
    "profil-interessant-vivier": "Profil intéressant, à recontacter lors de la prochaine ouverture de poste.",
    "proposition-en-cours": "Entretien RH réalisé, proposition d'embauche en préparation.",
    "recrutement": "Recruté en CDI comme technicien support, période d'essai en cours.",
    "profil-non-retenu": "Compétences trop éloignées du poste de développeur proposé.",
    "profil-vivier-formation": "À orienter vers une formation courte avant recrutement.",
    "proposition-sous-reserve-client": "Profil présenté au client pour une mission d'infogérance.",
    "abandon-dossier": "Le candidat a trouvé un poste entre-temps.",
}
PLAN = {
    "recruteur.a": [
        ("aucun-etude-en-cours", [SheetAction.PROFILE_STUDY], 3),
        ("profil-interessant-vivier", [SheetAction.PROFILE_STUDY, SheetAction.CV_ANALYSIS], 20),
        ("proposition-en-cours", [SheetAction.CONTACT, SheetAction.HR_INTERVIEW], 10),
        ("recrutement", [SheetAction.CONTACT, SheetAction.OPERATIONAL_INTERVIEW, SheetAction.HR_INTERVIEW], 40),
        ("profil-non-retenu", [SheetAction.PROFILE_STUDY], 15),
    ],
    "recruteur.a2": [
        ("aucun-etude-en-cours", [SheetAction.PROFILE_STUDY], 45),
        ("profil-vivier-formation", [SheetAction.CV_ANALYSIS], 5),
    ],
    "recruteur.b": [
        ("aucun-etude-en-cours", [], 2),
        ("proposition-sous-reserve-client", [SheetAction.CLIENT_PRESENTATION_1], 8),
        ("abandon-dossier", [SheetAction.CONTACT], 30),
    ],
}


def seed(stdout, *, candidates=0):
    rng = random.Random(42)
    pool = list(pool_candidates().order_by("pk").values_list("pk", flat=True)[:200])
    if not pool:
        stdout.write("SAR : aucun candidat dans le vivier, fiches de suivi non créées.")
        return
    created = 0
    with transaction.atomic():
        for username, rows in PLAN.items():
            user = User.objects.filter(username=username).first()
            if user is None or not user.organisation_id:
                continue
            taken = set(
                FollowUpSheet.objects.filter(company_id=user.organisation_id).values_list("candidate_id", flat=True)
            )
            mine = FollowUpSheet.objects.filter(created_by=user).count()
            for code, actions, days_ago in rows[mine:]:
                free = [pk for pk in pool if pk not in taken]
                if not free:
                    break
                candidate_id = rng.choice(free)
                taken.add(candidate_id)
                result = SarResult.objects.select_related("status").get(code=code)
                changed = timezone.now() - timedelta(days=days_ago)
                sheet = FollowUpSheet(
                    company_id=user.organisation_id,
                    candidate_id=candidate_id,
                    created_by=user,
                    result=result,
                    comment=COMMENTS.get(code, ""),
                )
                sheet.action_list = actions
                if result.requires_recruitment:
                    sheet.recruited_on = (changed - timedelta(days=5)).date()
                    sheet.contract_type = ContractType.objects.get(code="cdi")
                    sheet.recruitment_state = RecruitmentState.objects.get(code="periode-essai")
                sheet.apply_rules(now=changed)
                sheet.created_at = changed
                sheet.full_clean()
                sheet.save()
                created += 1
        recruiter = User.objects.filter(username="recruteur.a").first()
        if recruiter and recruiter.organisation_id and not TrainingNeed.objects.filter(created_by=recruiter).exists():
            need = TrainingNeed.objects.create(
                company_id=recruiter.organisation_id,
                created_by=recruiter,
                headcount=3,
                place="Strasbourg",
                wished_start=timezone.localdate() + timedelta(days=90),
                comment="Besoin de développeurs web juniors à former avant recrutement.",
            )
            need.jobs.add(*Job.objects.order_by("pk")[:2])
    stdout.write(f"SAR : {created} fiche(s) de suivi créée(s).")


DEMO_STEPS = [DemoStep(220, seed)]
