"""The recruitment reference lists (dossiers, skills, jobs, SAR), admin-editable and seeded by `load_reference`.

Codes are stable slugs the business rules refer to; labels follow the seed data
(portal/reference_data/) and may be edited by an administrator.
"""

from portal.reference import upsert_by_code, upsert_by_name, upsert_nested
from portal.reference_data import jobs, skills
from portal.reference_data import recruitment as data
from portal.registry import ReferenceList

from .models import reference as ref

REFERENCE_LISTS = [
    ReferenceList(ref.Situation, feminine=True, extra_list=("is_temporary",)),
    ReferenceList(ref.DossierStatus, feminine=False, extra_list=("adviser_may_set",)),
    ReferenceList(ref.StudyLevel, feminine=False),
    ReferenceList(ref.ExperienceBand, feminine=True),
    ReferenceList(ref.SalaryBand, feminine=True),
    ReferenceList(ref.SkillTheme, feminine=False),
    ReferenceList(ref.Skill, feminine=False, extra_list=("theme",), filters=("theme",)),
    ReferenceList(ref.JobFamily, feminine=True),
    ReferenceList(ref.Job, feminine=False, extra_list=("family",), filters=("family",)),
    ReferenceList(ref.BehaviourCategory, feminine=True),
    ReferenceList(ref.BehaviourTrait, feminine=False, extra_list=("category",), filters=("category",)),
    ReferenceList(ref.MobilityZone, feminine=True),
    ReferenceList(ref.MobilityFrequency, feminine=True),
    ReferenceList(ref.ApplicationChannel, feminine=False),
    ReferenceList(ref.SearchContext, feminine=False),
    ReferenceList(ref.DismissalReason, feminine=False),
    ReferenceList(ref.TrainingCourse, feminine=True, extra_list=("code",)),
    ReferenceList(ref.SarStatus, feminine=False),
    ReferenceList(ref.SarResult, feminine=False, extra_list=("status", "days_before_update"), filters=("status",)),
    ReferenceList(ref.RejectionCause, feminine=True),
    ReferenceList(ref.RecruitmentState, feminine=False, extra_list=("sets_status",)),
    ReferenceList(ref.ContractType, feminine=False, extra_list=("requires_end_date",)),
]


def load_reference():
    d = data
    upsert_by_code(ref.Situation, [(c, n, {"is_temporary": t}) for c, n, t in d.SITUATIONS])
    upsert_by_code(ref.DossierStatus, [(c, n, {"adviser_may_set": a}) for c, n, a in d.DOSSIER_STATUSES])
    upsert_by_name(ref.StudyLevel, d.STUDY_LEVELS)
    upsert_by_name(ref.ExperienceBand, d.EXPERIENCE_BANDS)
    upsert_by_name(ref.SalaryBand, d.SALARY_BANDS)
    upsert_nested(ref.SkillTheme, ref.Skill, "theme", skills.SKILL_THEMES)
    upsert_nested(ref.JobFamily, ref.Job, "family", jobs.JOB_FAMILIES)
    upsert_nested(ref.BehaviourCategory, ref.BehaviourTrait, "category", d.BEHAVIOURS)
    upsert_by_name(ref.MobilityZone, d.MOBILITY_ZONES)
    upsert_by_name(ref.MobilityFrequency, d.MOBILITY_FREQUENCIES)
    upsert_by_code(ref.ApplicationChannel, [(c, n, {}) for c, n in d.APPLICATION_CHANNELS])
    upsert_by_name(ref.SearchContext, d.SEARCH_CONTEXTS)
    upsert_by_name(ref.DismissalReason, d.DISMISSAL_REASONS)
    upsert_by_code(ref.TrainingCourse, [(c, n, {"definition": text}) for c, n, text in d.TRAINING_COURSES])
    statuses = upsert_by_code(ref.SarStatus, [(c, n, {}) for c, n in d.SAR_STATUSES])
    upsert_by_code(
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
            for code, name, status, days, flags in d.SAR_RESULTS
        ],
    )
    upsert_by_name(ref.RejectionCause, d.REJECTION_CAUSES)
    upsert_by_code(
        ref.RecruitmentState,
        [
            (code, name, {"sets_status": statuses[status] if status else None, "ends_follow_up": ends})
            for code, name, status, ends in d.RECRUITMENT_STATES
        ],
    )
    upsert_by_code(ref.ContractType, [(c, n, {"requires_end_date": e}) for c, n, e in d.CONTRACT_TYPES])
