"""Permissions of the recruitment screens, per role (collected by `setup_roles`)."""

from portal.accounts.roles import Role

REFERENCE_MODELS = [
    "situation",
    "dossierstatus",
    "studylevel",
    "experienceband",
    "salaryband",
    "skilltheme",
    "skill",
    "jobfamily",
    "job",
    "behaviourcategory",
    "behaviourtrait",
    "mobilityzone",
    "mobilityfrequency",
    "applicationchannel",
    "searchcontext",
    "dismissalreason",
    "trainingcourse",
    "sarstatus",
    "sarresult",
    "rejectioncause",
    "recruitmentstate",
    "contracttype",
]

# Which dossiers each one sees is decided by recruitment.perms.dossiers_for, on top of these.
DOSSIER_EDITORS = ["recruitment.add_candidate", "recruitment.change_candidate", "recruitment.view_candidate"]
COMMISSION = [
    "recruitment.change_candidate",
    "recruitment.view_candidate",
    "recruitment.view_all_candidates",
    "recruitment.set_commission_status",
]

# Reading a dossier (identity, situation, documents): a second factor at login (portal.accounts.rules).
PERSONAL_DATA_PERMISSIONS = [
    "recruitment.view_candidate",
    "recruitment.change_candidate",
    "recruitment.view_all_candidates",
    "recruitment.export_candidate_data",
]

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        f"recruitment.{action}_{model}" for model in REFERENCE_MODELS for action in ("add", "change", "delete")
    ]
    + DOSSIER_EDITORS
    + [
        "recruitment.delete_candidate",
        "recruitment.view_all_candidates",
        "recruitment.set_commission_status",
        "recruitment.anonymise_candidate",
        "recruitment.export_candidate_data",
        "recruitment.view_dossieraccess",  # the screen "Accès aux dossiers"
    ]
    + [
        f"recruitment.{action}_{model}"
        for model in ("consentterms", "contactpoint", "city")
        for action in ("add", "change", "delete", "view")
    ],
    Role.EMPLOYMENT_ADVISER: [*DOSSIER_EDITORS, "recruitment.export_candidate_data"],
    Role.SESSION_PILOT: COMMISSION,
    Role.ADVISORY_RECRUITER: COMMISSION,
    Role.TRAINING_COMMISSION: COMMISSION,
}
