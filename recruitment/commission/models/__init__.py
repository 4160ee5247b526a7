"""The commission "Aide aux Actions de Recrutement": sessions, per-dossier analyses, training plans (PIADC).

The final classification itself lives on `recruitment.Candidate` (classification, classified_on).
"""

from .plans import TrainingAction, TrainingPlan
from .profiles import EmployabilityProfile, ProfileSkill
from .sessions import Analysis, AnalysisMobility, AnalysisSkill, Session, holders_of

__all__ = [
    "Analysis",
    "AnalysisMobility",
    "AnalysisSkill",
    "EmployabilityProfile",
    "ProfileSkill",
    "Session",
    "TrainingAction",
    "TrainingPlan",
    "holders_of",
]
