"""Factories of the commission: sessions, analyses (draft / completed), training plans."""

import factory
from faker import Faker

from portal.accounts.roles import Role
from portal.organisations.models import Territory
from recruitment.commission.enums import AnalysisState, Classification
from recruitment.commission.models import Analysis, AnalysisMobility, AnalysisSkill, Session, TrainingPlan
from recruitment.models import (
    BehaviourTrait,
    DismissalReason,
    ExperienceBand,
    MobilityFrequency,
    MobilityZone,
    Skill,
    StudyLevel,
    TrainingCourse,
)
from tests.portal.factories import UserFactory
from tests.recruitment.factories import CandidateFactory, complete, job, status

fake = Faker("fr_FR")


def restudy():
    return status("dossier-a-re-etudier", "Dossier à ré-étudier")


def territory(name="Alsace"):
    return Territory.objects.filter(name=name).first() or Territory.objects.create(name=name)


def pilot(**kwargs):
    return UserFactory(roles=[Role.SESSION_PILOT], **kwargs)


def recruiter(**kwargs):
    return UserFactory(roles=[Role.ADVISORY_RECRUITER], **kwargs)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    date = factory.LazyFunction(lambda: fake.date_between("-30d", "+30d"))
    place = "Strasbourg – Maison de l'emploi"
    territory = factory.LazyFunction(territory)
    pilot = factory.LazyFunction(pilot)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.add(*extracted)

    @factory.post_generation
    def recruiters(self, create, extracted, **kwargs):
        if create and extracted:
            self.recruiters.add(*extracted)


def eligible_candidate(**kwargs):
    """A dossier the commission may examine: complete, with consent."""
    kwargs.setdefault("status", complete())
    kwargs.setdefault("with_consent", True)
    return CandidateFactory(**kwargs)


class AnalysisFactory(factory.django.DjangoModelFactory):
    """An attached dossier; trait `completed` fills the five panels and the synthesis."""

    class Meta:
        model = Analysis
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory)
    candidate = factory.LazyFunction(eligible_candidate)
    state = AnalysisState.DRAFT

    class Params:
        completed = factory.Trait(
            state=AnalysisState.COMPLETED,
            competence_opinion=4,
            behaviour_opinion=5,
            experience_opinion=6,
            qualification_opinion=3,
            project_opinion=6,
            cv_opinion="CV clair et bien structuré.",
            interview_opinion="Entretien fluide, candidat motivé.",
            advice="Mettre en avant les projets personnels.",
            training_comment="Intéressé par Python et le cloud.",
            internal_notes="NOTE INTERNE : hésitation sur le niveau d'anglais.",
            proposed_classification=Classification.EMPLOYABLE,
            digital_experience=factory.LazyFunction(lambda: ExperienceBand.objects.order_by("order").last()),
            level_with_diploma=factory.LazyFunction(lambda: StudyLevel.objects.order_by("order").last()),
            digital_diploma="Master informatique",
            accepts_move=True,
            move_zones="Grand Est",
        )
        undetermined = factory.Trait(proposed_classification=Classification.UNDETERMINED)
        dismissed = factory.Trait(
            proposed_classification=Classification.DISMISSED,
            dismissal_reason=factory.LazyFunction(lambda: DismissalReason.objects.first()),
        )

    @factory.post_generation
    def details(self, create, extracted, **kwargs):
        """`details=True`: skills, traits, mobility, jobs and courses, as a recruiter would fill them."""
        if not (create and extracted):
            return
        for skill in Skill.objects.order_by("theme__order", "order")[:3]:
            AnalysisSkill.objects.create(analysis=self, skill=skill, level="operationnel")
        self.behaviour_traits.add(*BehaviourTrait.objects.all()[:2])
        zone, frequency = MobilityZone.objects.first(), MobilityFrequency.objects.last()
        AnalysisMobility.objects.create(analysis=self, zone=zone, frequency=frequency)
        self.possible_jobs.add(job())
        self.training_courses.add(*TrainingCourse.objects.filter(code__in=["apre1", "fis"]))


class TrainingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingPlan

    candidate = factory.LazyFunction(eligible_candidate)
