"""Factories of the saved pool searches; traits are the alert frequencies and sharing."""

import factory

from recruitment.alerts import matching
from recruitment.alerts.enums import AlertFrequency
from recruitment.alerts.models import SavedSearch


class SavedSearchFactory(factory.django.DjangoModelFactory):
    """A saved search; `query` as the pool's filters ({"employment_area": [pk]}). Created as the screen
    saves it: what it matches at that moment is known to its owner (`baseline=False` to skip)."""

    class Meta:
        model = SavedSearch
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Recherche {n}")
    query = factory.LazyFunction(dict)
    frequency = AlertFrequency.DAILY

    class Params:
        weekly = factory.Trait(frequency=AlertFrequency.WEEKLY)
        silent = factory.Trait(frequency=AlertFrequency.NONE)
        shared_with_company = factory.Trait(shared=True)

    @factory.post_generation
    def baseline(self, create, extracted, **kwargs):
        if create and extracted is not False:
            matching.mark_known(self)
