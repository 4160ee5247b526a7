"""Choices of the candidate dossier, and the stable codes of the reference rows it relies on."""

from django.db import models


class Classification(models.TextChoices):
    EMPLOYABLE = "employable", "Employable"
    ADAPTABLE = "adaptable", "Adaptable"
    DISMISSED = "sans_suite", "Sans suite"
    UNDETERMINED = "a_determiner", "À déterminer"


class ConsentMethod(models.TextChoices):
    SIGNATURE = "signature", "Signature sur l'écran"
    SCAN = "scan", "Formulaire papier signé et numérisé"


class Availability(models.TextChoices):
    FULL_TIME = "full_time", "Temps plein"
    PART_TIME = "part_time", "Temps partiel"


class ProfessionalObjective(models.TextChoices):
    SAME_JOB = "same_job", "Retrouver un emploi dans un métier du numérique déjà exercé"
    EVOLVE = "evolve", "Évoluer vers un autre métier du numérique"
    RETRAIN = "retrain", "Se reconvertir vers un métier du numérique"
    FIRST_JOB = "first_job", "Trouver un premier emploi dans le numérique après une formation"
    TRAINING = "training", "Se former à un métier du numérique avant de rechercher un emploi"
    UNDEFINED = "undefined", "Projet non encore défini"


class RsaFilter(models.TextChoices):
    WITH_CAF = "with_caf", "Bénéficiaire du RSA avec n° CAF"
    WITHOUT_CAF = "without_caf", "Bénéficiaire du RSA sans n° CAF"
    NOT_RSA = "not_rsa", "Non bénéficiaire du RSA"


class CandidateDocumentType(models.TextChoices):
    CV = "CV", "Curriculum vitae (CV)"
    LM = "LM", "Lettre de motivation (LM)"
    DP = "DP", "Diplôme (DP)"
    CC = "CC", "Certificat de compétence (CC)"
    JS = "JS", "Justificatif de situation (JS)"
    LR = "LR", "Lettre de recommandation (LR)"
    DV = "DV", "Divers (DV)"


class InternalDocumentType(models.TextChoices):
    TC = "TC", "Test de connaissances (TC)"
    JS = "JS", "Justificatif de situation (JS)"
    CE = "CE", "Courrier électronique transformé en PDF (CE)"
    CP = "CP", "Courrier papier (CP)"
    DV = "DV", "Divers (DV)"


# Reference rows the rules refer to: (code, label). Looked up by code, or by label when the
# loaded reference list uses other codes (see recruitment.models.dossiers.reference_row).
STATUS_CONSTITUTION = ("constitution-dossier", "Constitution dossier")
STATUS_COMPLETE = ("dossier-complet", "Dossier complet à étudier")
STATUS_RESTUDY = ("dossier-a-re-etudier", "Dossier à ré-étudier")
STATUS_SUSPENDED = ("candidature-suspendue", "Candidature suspendue")
# Set by the commission when it sends a dossier back to its adviser.
STATUS_INCOMPLETE = ("dossier-incomplet", "Dossier incomplet – informations à compléter")
SITUATION_JOB_SEEKING = ("en-recherche-emploi", "En recherche d'emploi")

# Statuses that hand the dossier to the commission: refused without consent.
COMMISSION_STATUSES = [STATUS_COMPLETE, STATUS_RESTUDY]

COMMISSION_EMAIL = "recrutement.ge@numeric-emploi.org"
# A dossier without activity for this many calendar months is flagged for review (RGPD).
INACTIVITY_REVIEW_MONTHS = 24
