"""Factories of the recruitment support module; traits are business states (overdue, no_response...)."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.accounts.roles import Role
from recruitment.commission.models import AnalysisSkill
from recruitment.enums import Classification, ConsentMethod
from recruitment.models import Consent, SarResult
from recruitment.sar.models import FollowUpSheet, TrainingNeed
from tests.commission.factories import AnalysisFactory
from tests.portal.factories import OrganisationFactory, UserFactory
from tests.recruitment.factories import CandidateFactory, png_bytes, terms


def result(code):
    return SarResult.objects.select_related("status").get(code=code)


def company_with_recruiters(count=1):
    company = OrganisationFactory(company=True)
    recruiters = [UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=company) for _ in range(count)]
    return company, recruiters


class PoolCandidateFactory(CandidateFactory):
    """A dossier in the pool: classified Employable, with consent."""

    classification = Classification.EMPLOYABLE
    classified_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))

    class Params:
        adaptable = factory.Trait(classification=Classification.ADAPTABLE)
        dismissed = factory.Trait(classification=Classification.DISMISSED)
        undetermined = factory.Trait(classification=Classification.UNDETERMINED)

    @factory.post_generation
    def with_consent(self, create, extracted, **kwargs):
        # Consent by default; with_consent=False for a "quick initialisation" dossier.
        if create and extracted is not False:
            Consent.objects.create(
                candidate=self,
                method=ConsentMethod.SIGNATURE,
                file=ContentFile(png_bytes(), name="signature.png"),
                terms=terms(),
            )


class FollowUpSheetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUpSheet

    candidate = factory.SubFactory(PoolCandidateFactory)
    created_by = factory.LazyAttribute(lambda o: UserFactory(roles=[Role.COMPANY_RECRUITER], organisation=o.company))
    company = factory.SubFactory(OrganisationFactory, company=True)
    result = factory.LazyFunction(lambda: result("aucun-etude-en-cours"))
    status = factory.LazyAttribute(lambda o: o.result.status)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))

    class Params:
        overdue = factory.Trait(due_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=1)))
        due_soon = factory.Trait(due_on=factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=3)))
        without_due_date = factory.Trait(result=factory.LazyFunction(lambda: result("profil-non-retenu")), due_on=None)


class TrainingNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingNeed

    company = factory.SubFactory(OrganisationFactory, company=True)
    headcount = 2
    place = "Strasbourg"
    wished_start = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))


def analysed(candidate, *, skills=(), courses=(), **kwargs):
    """Attach a completed commission analysis; `skills` = [(Skill, level)], `courses` = [TrainingCourse]."""
    analysis = AnalysisFactory(candidate=candidate, completed=True, **kwargs)
    for skill, level in skills:
        AnalysisSkill.objects.create(analysis=analysis, skill=skill, level=level)
    if courses:
        analysis.training_courses.add(*courses)
    return analysis
