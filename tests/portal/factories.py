"""Factories of the site-wide models: users with their roles, organisations, geography."""

import factory
from faker import Faker

from portal.accounts.groups import groups_of
from portal.accounts.models import User
from portal.organisations.enums import CategoryCode, MembershipState
from portal.organisations.models import EmploymentArea, Organisation, OrganisationCategory

fake = Faker("fr_FR")
PASSWORD = "mot-de-passe-de-test"

# Last names handed out during the current test (cleared by an autouse fixture): tests assert that one
# person's name is absent from a page, so no name may be a part of another one ("BRETON" in "LEBRETON").
issued_last_names = set()


def distinct_last_name():
    """A French last name, in capitals, that neither contains nor is contained in one already issued."""
    for _ in range(100):
        name = fake.last_name().upper()
        if not any(name in other or other in name for other in issued_last_names):
            break
    else:
        name = f"{name}-{fake.last_name().upper()}-{len(issued_last_names)}"
    issued_last_names.add(name)
    return name


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"{fake.company()} ({n})")  # "(1)" is no part of "(12)"
    category = factory.LazyFunction(lambda: OrganisationCategory.objects.get(code=CategoryCode.COMPANY))
    membership_state = MembershipState.ACCEPTED
    city = factory.LazyFunction(fake.city)
    presentation = factory.LazyFunction(lambda: f"<p>{fake.paragraph()}</p>")

    class Params:
        company = factory.Trait(
            category=factory.LazyFunction(lambda: OrganisationCategory.objects.get(code=CategoryCode.COMPANY))
        )
        employment_partner = factory.Trait(
            category=factory.LazyFunction(
                lambda: OrganisationCategory.objects.get(code=CategoryCode.EMPLOYMENT_PARTNER)
            )
        )
        professional_body = factory.Trait(
            category=factory.LazyFunction(lambda: OrganisationCategory.objects.get(code=CategoryCode.PROFESSIONAL_BODY))
        )
        pending = factory.Trait(membership_state=MembershipState.PENDING)
        refused = factory.Trait(membership_state=MembershipState.REFUSED)
        suspended = factory.Trait(membership_state=MembershipState.SUSPENDED)


class UserFactory(factory.django.DjangoModelFactory):
    """A user; pass `roles=[Role.X]` to put them in role groups."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"utilisateur{n:05d}")  # fixed width: no name is part of another
    email = factory.LazyAttribute(lambda u: f"{u.username}@exemple.test")
    first_name = factory.LazyFunction(fake.first_name)
    last_name = factory.LazyFunction(distinct_last_name)
    civility = "Mme"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        administrator = factory.Trait(is_superuser=True, is_staff=True)
        inactive = factory.Trait(is_active=False)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            groups = list(groups_of(*extracted))
            assert len(groups) == len(set(extracted)), f"no group for one of the roles {extracted}"
            self.groups.add(*groups)
        if create:
            self.save()


def employment_area(name="Alsace / Bas-Rhin"):
    return EmploymentArea.objects.get(name=name)
