"""Choices of the commission: the five 6-step scales (DESIGN.md 3.2, exact wording), states, levels."""

from django.db import models

from ..enums import Classification

__all__ = [
    "ActionState",
    "AnalysisState",
    "BehaviourOpinion",
    "Classification",
    "CompetenceOpinion",
    "ExperienceOpinion",
    "MasteryLevel",
    "PlanState",
    "ProjectOpinion",
    "QualificationOpinion",
    "SCALES",
]


class CompetenceOpinion(models.IntegerChoices):
    NONE = 1, "Aucunes"
    PARTIAL = 2, "Parcellaires (sujets ponctuels), prérequis ou aptitudes pour formation"
    INSUFFICIENT = 3, "Insuffisantes ou peu / plus demandées"
    OVERVIEW = 4, "Vue d'ensemble (socle de base)"
    DEEP_OVERVIEW = 5, "Vue d'ensemble approfondie"
    MASTERY = 6, "Maîtrise d'ensemble, expert dans un domaine"


class BehaviourOpinion(models.IntegerChoices):
    UNSUITED = 1, "Inadapté"
    INSUFFICIENT = 2, "Insuffisant"
    LIMIT = 3, "Limite (moyen)"
    APPROPRIATE = 4, "Approprié (correct)"
    INTERESTING = 5, "Intéressant"
    EXCELLENT = 6, "Excellent"


class ExperienceOpinion(models.IntegerChoices):
    NONE = 1, "Aucune"
    PERSONAL = 2, "A titre personnel"
    TRAINING = 3, "Lors de formations"
    NOT_RECENT = 4, "Pratique professionnelle non récente"
    REDUCED = 5, "Pratique professionnelle réduite"
    SIGNIFICANT = 6, "Pratique professionnelle significative"


class QualificationOpinion(models.IntegerChoices):
    INSUFFICIENT = 1, "Insuffisant"
    LOW_SELF_TAUGHT = 2, "Faible, autodidacte"
    GOOD_SELF_TAUGHT = 3, "Satisfaisant, autodidacte"
    LOW_GRADUATE = 4, "Faible, diplômé"
    MEDIUM_GRADUATE = 5, "Moyen, diplômé"
    HIGH_GRADUATE = 6, "Élevé, diplômé"


class ProjectOpinion(models.IntegerChoices):
    UNDEFINED = 1, "Pas clairement défini"
    NO_INTEREST = 2, "Pas ou plus d'intérêt pour le secteur"
    CONSTRAINTS = 3, "Contraintes peu compatibles avec métiers du secteur"
    MOTIVATED = 4, "Motivation pour apprendre un métier du secteur"
    LIMITED = 5, "Limité à certains types d'entreprise du secteur"
    CONTINUATION = 6, "Poursuite ou évolution professionnelle dans le secteur"


# (field name on Analysis, panel title, question of the synthesis table, choices) – in the manual's order.
SCALES = [
    ("competence_opinion", "Compétences", "Avis du recruteur sur le niveau de compétences", CompetenceOpinion),
    ("behaviour_opinion", "Comportement et mobilité", "Avis du recruteur sur le comportement", BehaviourOpinion),
    (
        "experience_opinion",
        "Expériences",
        "Avis du recruteur sur l'expérience liée à un métier du secteur",
        ExperienceOpinion,
    ),
    (
        "qualification_opinion",
        "Qualifications",
        "Avis du recruteur sur le niveau de qualification",
        QualificationOpinion,
    ),
    ("project_opinion", "Projet professionnel", "Avis du recruteur sur le projet professionnel", ProjectOpinion),
]


class MasteryLevel(models.TextChoices):
    BEGINNER = "debutant", "Débutant"
    OPERATIONAL = "operationnel", "Opérationnel"
    EXPERIENCED = "experimente", "Expérimenté"


class AnalysisState(models.TextChoices):
    DRAFT = "draft", "Brouillon"
    COMPLETED = "completed", "Terminée"


class ActionState(models.TextChoices):
    PLANNED = "prevue", "Prévue"
    IN_PROGRESS = "en_cours", "En cours"
    DONE = "realisee", "Réalisée"
    ABANDONED = "abandonnee", "Abandonnée"


class PlanState(models.TextChoices):
    """Overall state of a PIADC, computed from its actions (a filter of the dossier search)."""

    EMPTY = "a_definir", "À définir"
    PLANNED = "prevu", "Prévu"
    IN_PROGRESS = "en_cours", "En cours"
    DONE = "realise", "Réalisé"
    ABANDONED = "abandonne", "Abandonné"


# Dossier statuses the commission moves a dossier through (codes of portal/reference_data/recruitment.py).
STATUS_CONVENED = ("convoque-commission", "Convoqué en commission")
STATUS_ABSENT = ("absent-entretien", "Absent à l'entretien conseil")
STATUS_INTERVIEWED = ("entretien-realise", "Entretien réalisé")
STATUS_UNDETERMINED = ("a-determiner", "À déterminer (débriefing)")
STATUS_CLASSIFIED = ("classe", "Classé")
STATUS_DISMISSED = ("sans-suite", "Sans suite")

POOL_CLASSES = (Classification.EMPLOYABLE, Classification.ADAPTABLE)
DEBRIEFING_CLASSES = (Classification.UNDETERMINED, Classification.DISMISSED)

NEWS_CATEGORY_NAME = "Commission Aide au Recrutement"
