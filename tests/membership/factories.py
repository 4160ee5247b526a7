"""Factories of membership: applications in each business state, access requests, test images."""

import io
import os
from datetime import timedelta

import factory
from django.utils import timezone
from PIL import Image

from membership.enums import AccountRequestState, ApplicationState, Sector
from membership.models import AccountRequest, MembershipApplication
from membership.rules import REVIEW_DELAY
from portal.accounts.roles import Role
from tests.portal.factories import OrganisationFactory, UserFactory


def image_bytes(size=(300, 300), fmt="PNG", noise=False):
    """A real image; with `noise`, random pixels that do not compress (to exceed a size limit)."""
    if noise:
        image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (11, 94, 168))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    """A pending application by default: inactive applicant, pending organisation."""

    class Meta:
        model = MembershipApplication
        skip_postgeneration_save = True

    applicant = factory.SubFactory(UserFactory, inactive=True)
    organisation = factory.SubFactory(
        OrganisationFactory, pending=True, headcount_alsace=12, referent=factory.SelfAttribute("..applicant")
    )
    organisation_name = factory.SelfAttribute("organisation.name")
    sector = Sector.DIGITAL
    state = ApplicationState.PENDING
    submitted_at = factory.LazyFunction(timezone.now)
    expected_fee = 384

    class Params:
        draft = factory.Trait(
            state=ApplicationState.DRAFT, organisation=None, submitted_at=None, expected_fee=None, organisation_name=""
        )
        pending = factory.Trait(state=ApplicationState.PENDING)
        # pending for a day more than the review delay
        overdue = factory.Trait(
            state=ApplicationState.PENDING,
            submitted_at=factory.LazyFunction(lambda: timezone.now() - REVIEW_DELAY - timedelta(days=1)),
        )
        accepted = factory.Trait(state=ApplicationState.ACCEPTED, decided_at=factory.LazyFunction(timezone.now))
        refused = factory.Trait(state=ApplicationState.REFUSED, decided_at=factory.LazyFunction(timezone.now))

    @factory.post_generation
    def link_user(self, create, extracted, **kwargs):
        if create and self.organisation_id:
            self.applicant.organisation = self.organisation
            self.applicant.save(update_fields=["organisation"])


class AccountRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountRequest

    organisation = factory.SubFactory(OrganisationFactory)
    requested_by = factory.SubFactory(
        UserFactory, organisation=factory.SelfAttribute("..organisation"), roles=[Role.ORGANISATION_REFERENT]
    )
    last_name = "MARTIN"
    first_name = "Camille"
    email = factory.Sequence(lambda n: f"collegue{n}@exemple.test")
    role = Role.COMPANY_RECRUITER.value
    state = AccountRequestState.PENDING

    class Params:
        pending = factory.Trait(state=AccountRequestState.PENDING)
        approved = factory.Trait(state=AccountRequestState.APPROVED, decided_at=factory.LazyFunction(timezone.now))
        refused = factory.Trait(
            state=AccountRequestState.REFUSED, decided_at=factory.LazyFunction(timezone.now), comment="Hors périmètre."
        )
