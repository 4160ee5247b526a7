"""Factories of candidate dossiers; traits are business states (with_consent, job_seeking...)."""

import base64
import io

import factory
from django.core.files.base import ContentFile
from faker import Faker
from PIL import Image, ImageDraw

from portal.accounts.roles import Role
from portal.organisations.models import EmploymentArea
from recruitment.enums import ConsentMethod
from recruitment.models import (
    ApplicationChannel,
    Candidate,
    CandidateDocument,
    Consent,
    ConsentTerms,
    DossierStatus,
    Job,
    JobFamily,
    Situation,
)
from tests.portal.factories import OrganisationFactory, UserFactory, distinct_last_name

fake = Faker("fr_FR")


def status(code, name, adviser_may_set=True):
    obj = DossierStatus.objects.filter(code=code).first()
    return obj or DossierStatus.objects.create(code=code, name=name, adviser_may_set=adviser_may_set)


def constitution():
    return status("constitution-dossier", "Constitution dossier")


def complete():
    return status("dossier-complet", "Dossier complet à étudier")


def commission_status():
    return status("convoque-commission", "Convoqué en commission", adviser_may_set=False)


def situation(code="en-recherche-emploi", name="En recherche d'emploi", temporary=False):
    obj = Situation.objects.filter(code=code).first()
    return obj or Situation.objects.create(code=code, name=name, is_temporary=temporary)


def temporary_situation():
    return situation("indisponibilite-ponctuelle", "Indisponibilité ponctuelle", temporary=True)


def channel():
    obj = ApplicationChannel.objects.filter(code="rendez-vous-individuel").first()
    return obj or ApplicationChannel.objects.create(code="rendez-vous-individuel", name="Rendez-vous individuel")


def job(name="Développeur web", family="Développement"):
    fam = JobFamily.objects.filter(name=family).first() or JobFamily.objects.create(name=family)
    return Job.objects.filter(family=fam, name=name).first() or Job.objects.create(family=fam, name=name)


def area(name="Alsace / Bas-Rhin"):
    return EmploymentArea.objects.get(name=name)


def terms():
    return ConsentTerms.objects.first() or ConsentTerms.objects.create(version="1.0", text="Conditions de test.")


def png_bytes(size=(60, 30), drawn=True):
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    if drawn:
        ImageDraw.Draw(image).line([(2, 2), (size[0] - 3, size[1] - 3)], fill=(0, 0, 0, 255), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def signature_data_url(drawn=True):
    return "data:image/png;base64," + base64.b64encode(png_bytes(drawn=drawn)).decode()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def partner_with_adviser(**org_kwargs):
    organisation = OrganisationFactory(employment_partner=True, **org_kwargs)
    adviser = UserFactory(roles=[Role.EMPLOYMENT_ADVISER], organisation=organisation)
    return organisation, adviser


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate
        skip_postgeneration_save = True

    civility = "Mme"
    last_name = factory.LazyFunction(distinct_last_name)
    first_name = factory.LazyFunction(fake.first_name)
    employment_area = factory.LazyFunction(area)
    city = factory.LazyFunction(fake.city)
    organisation = factory.SubFactory(OrganisationFactory, employment_partner=True)
    organisation_contact = factory.LazyAttribute(
        lambda o: o.organisation.members.first() or UserFactory(organisation=o.organisation)
    )
    channel = factory.LazyFunction(channel)
    situation = factory.LazyFunction(situation)
    status = factory.LazyFunction(constitution)

    class Params:
        with_identifier = factory.Trait(
            has_france_travail_id=True, france_travail_id=factory.Sequence(lambda n: f"{n:07d}A")
        )
        rsa_with_caf = factory.Trait(is_rsa_beneficiary=True, caf_number="1234567")

    @factory.post_generation
    def with_consent(self, create, extracted, **kwargs):
        if create and extracted:
            Consent.objects.create(
                candidate=self,
                method=ConsentMethod.SIGNATURE,
                file=ContentFile(png_bytes(), name="signature.png"),
                terms=terms(),
            )

    @factory.post_generation
    def with_cv(self, create, extracted, **kwargs):
        if create and extracted:
            CandidateDocument.objects.create(candidate=self, doc_type="CV", file=ContentFile(PDF_BYTES, name="cv.pdf"))
