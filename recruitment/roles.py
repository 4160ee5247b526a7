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

ROLE_PERMISSIONS = {
    Role.ADMINISTRATOR: [
        f"recruitment.{action}_{model}" for model in REFERENCE_MODELS for action in ("add", "change", "delete")
    ],
}
