"""Load or update the reference lists (idempotent).

Entries with a stable code are matched by it (their label follows the data); the others are
matched by name (and parent), so running the command twice never duplicates anything.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from news.models import NewsCategory
from portal.organisations.models import (
    Activity,
    CompanyType,
    Department,
    EmploymentArea,
    OrganisationCategory,
    Territory,
)
from portal.reference_data import geography, jobs, organisations, recruitment, skills
from recruitment.models import reference as ref


def _by_name(model, names, **parent):
    """Upsert a plain list of labels in their order; returns {name: instance}."""
    items = {}
    for order, name in enumerate(names):
        items[name], _ = model.objects.update_or_create(name=name, **parent, defaults={"order": order})
    return items


def _by_code(model, rows):
    """Upsert (code, name, {extra fields}) rows in their order; returns {code: instance}."""
    items = {}
    for order, (code, name, extra) in enumerate(rows):
        items[code], _ = model.objects.update_or_create(code=code, defaults={"name": name, "order": order, **extra})
    return items


def _nested(parent_model, child_model, parent_field, groups):
    """Upsert (parent name, [child names]) groups: children are matched within their parent."""
    parents = _by_name(parent_model, [name for name, _ in groups])
    for name, children in groups:
        _by_name(child_model, children, **{parent_field: parents[name]})


def load_geography_and_organisations():
    territories = {}
    for order, name in enumerate(geography.TERRITORIES):
        territories[name], _ = Territory.objects.update_or_create(name=name, defaults={"order": order})
    for order, (code, name, territory) in enumerate(geography.DEPARTMENTS):
        department, _ = Department.objects.update_or_create(
            code=code, defaults={"name": name, "territory": territories[territory], "order": order}
        )
        EmploymentArea.objects.update_or_create(
            name=f"{territory} / {name}",
            defaults={"territory": territories[territory], "department": department, "order": order},
        )
    for order, (code, name) in enumerate(organisations.CATEGORIES):
        OrganisationCategory.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    _by_name(CompanyType, organisations.COMPANY_TYPES)
    _by_name(Activity, organisations.ACTIVITIES)
    for order, (slug, name) in enumerate(organisations.NEWS_CATEGORIES):
        NewsCategory.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


def load_recruitment():
    r = recruitment
    _by_code(ref.Situation, [(c, n, {"is_temporary": t}) for c, n, t in r.SITUATIONS])
    _by_code(ref.DossierStatus, [(c, n, {"adviser_may_set": a}) for c, n, a in r.DOSSIER_STATUSES])
    _by_name(ref.StudyLevel, r.STUDY_LEVELS)
    _by_name(ref.ExperienceBand, r.EXPERIENCE_BANDS)
    _by_name(ref.SalaryBand, r.SALARY_BANDS)
    _nested(ref.SkillTheme, ref.Skill, "theme", skills.SKILL_THEMES)
    _nested(ref.JobFamily, ref.Job, "family", jobs.JOB_FAMILIES)
    _nested(ref.BehaviourCategory, ref.BehaviourTrait, "category", r.BEHAVIOURS)
    _by_name(ref.MobilityZone, r.MOBILITY_ZONES)
    _by_name(ref.MobilityFrequency, r.MOBILITY_FREQUENCIES)
    _by_code(ref.ApplicationChannel, [(c, n, {}) for c, n in r.APPLICATION_CHANNELS])
    _by_name(ref.SearchContext, r.SEARCH_CONTEXTS)
    _by_name(ref.DismissalReason, r.DISMISSAL_REASONS)
    _by_code(ref.TrainingCourse, [(c, n, {"definition": d}) for c, n, d in r.TRAINING_COURSES])
    statuses = _by_code(ref.SarStatus, [(c, n, {}) for c, n in r.SAR_STATUSES])
    _by_code(
        ref.SarResult,
        [
            (
                code,
                name,
                {
                    "status": statuses[status],
                    "days_before_update": days,
                    "requires_rejection_causes": flags.get("requires_rejection_causes", False),
                    "requires_recruitment": flags.get("requires_recruitment", False),
                },
            )
            for code, name, status, days, flags in r.SAR_RESULTS
        ],
    )
    _by_name(ref.RejectionCause, r.REJECTION_CAUSES)
    _by_code(
        ref.RecruitmentState,
        [
            (code, name, {"sets_status": statuses[status] if status else None, "ends_follow_up": ends})
            for code, name, status, ends in r.RECRUITMENT_STATES
        ],
    )
    _by_code(ref.ContractType, [(c, n, {"requires_end_date": e}) for c, n, e in r.CONTRACT_TYPES])


class Command(BaseCommand):
    help = "Charge ou met à jour les listes de référence."

    @transaction.atomic
    def handle(self, *args, **options):
        load_geography_and_organisations()
        load_recruitment()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Listes de référence à jour."))
