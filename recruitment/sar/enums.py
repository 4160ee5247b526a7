"""Choices of the recruitment support module (fiches SAR, training needs)."""

from django.db import models

# Reference codes (portal/reference_data/recruitment.py) the rules rely on.
QUICK_ACTION_RESULTS = {
    "study_later": "aucun-etude-en-cours",
    "not_retained": "profil-non-retenu",
    "potential_recruitment": "profil-interessant-vivier",
    "pre_recruitment_training": "profil-vivier-formation",
}
COMPANY_CHANNEL = "company"
REMINDER_HORIZON_DAYS = 7


class QuickAction(models.TextChoices):
    STUDY_LATER = "study_later", "Mettre en portefeuille pour étudier plus tard"
    NOT_RETAINED = "not_retained", "Candidat non retenu"
    POTENTIAL_RECRUITMENT = "potential_recruitment", "Mettre en portefeuille pour recrutement potentiel"
    PRE_RECRUITMENT_TRAINING = "pre_recruitment_training", "Mettre en portefeuille pour formation pré-recrutement"


class SheetAction(models.TextChoices):
    """Section 2 "Actions effectuées" of a sheet."""

    PROFILE_STUDY = "profile_study", "Etude fiche profil"
    CV_ANALYSIS = "cv_analysis", "Analyse du CV"
    CONTACT = "contact", "Prise de contact"
    KNOWLEDGE_TESTS = "knowledge_tests", "Test(s) de connaissances"
    OPERATIONAL_INTERVIEW = "operational_interview", "Entretien avec un opérationnel"
    HR_INTERVIEW = "hr_interview", "Entretien RH"
    END_OF_TRAINING_INTERVIEW = "end_of_training_interview", "Entretien fin de stage formation pré-recrutement"
    CLIENT_PRESENTATION_1 = "client_presentation_1", "Présentation n°1 à un client"
    CLIENT_PRESENTATION_2 = "client_presentation_2", "Présentation n°2 à un client"
    CLIENT_PRESENTATION_3 = "client_presentation_3", "Présentation n°3 à un client"
    END_OF_TRIAL_INTERVIEW = "end_of_trial_interview", "Entretien fin période d'essai"
    END_OF_EXTENDED_TRIAL_INTERVIEW = "end_of_extended_trial_interview", "Entretien fin prolongation période d'essai"
    OTHER = "other", "Autre action"


class TrainingNeedState(models.TextChoices):
    SUBMITTED = "submitted", "Soumis à la commission ADC"
    IN_PROGRESS = "in_progress", "Pris en charge par la commission ADC"
    CLOSED = "closed", "Clôturé"


COMMENT_WARNING = (
    "Les données saisies dans cette zone le sont sous la responsabilité de leur auteur. Vous ne devez pas saisir "
    "des données contraires aux législations et réglementations en vigueur. Sont notamment interdits les textes "
    "relatifs à l'atteinte à la vie privée d'autrui, la diffamation et l'injure, ..."
)
OVERDUE_LOCK_MESSAGE = (
    "Vous avez des fiches arrivées à échéance, merci de les mettre à jour avant d'utiliser de nouveau la "
    "recherche dans le vivier."
)
DUPLICATE_SHEET_MESSAGE = (
    "Une fiche de suivi existe déjà pour ce candidat dans le portefeuille de votre entreprise : la voici."
)
