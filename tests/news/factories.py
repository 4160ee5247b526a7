"""Factories of the news capability: news pages in their business states, subscribers."""

from datetime import timedelta

import factory
from django.utils import timezone
from faker import Faker

from news.models import NewsCategory, NewsIndexPage, NewsPage
from portal.accounts.roles import Role
from tests.portal.factories import UserFactory

fake = Faker("fr_FR")


def category(slug="vie-de-l-association"):
    return NewsCategory.objects.get(slug=slug)


def news_index():
    return NewsIndexPage.objects.get(slug="actualites")


class NewsPageFactory(factory.django.DjangoModelFactory):
    """A published public news item; traits `internal`, `draft`, `scheduled`.

    `published_at` backdates the first publication (the digest selects on it).
    """

    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Actualité {n} – {fake.sentence(nb_words=4)}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    lead = factory.LazyFunction(lambda: fake.paragraph(nb_sentences=2))
    category = factory.LazyFunction(category)
    extranet_only = False
    published_at = None

    class Params:
        internal = factory.Trait(extranet_only=True)
        draft = factory.Trait(live=False)
        scheduled = factory.Trait(
            live=False, go_live_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=2))
        )

    @classmethod
    def _create(cls, model_class, *args, published_at=None, **kwargs):
        live = kwargs.pop("live", True)
        page = model_class(*args, **kwargs)
        page.live = False
        news_index().add_child(instance=page)
        revision = page.save_revision()
        if page.go_live_at:
            revision.publish()  # Wagtail only schedules it
        elif live:
            revision.publish()
            if published_at:
                NewsPage.objects.filter(pk=page.pk).update(
                    first_published_at=published_at, last_published_at=published_at
                )
        page.refresh_from_db()
        return page


def subscriber(*slugs, roles=(Role.EMPLOYMENT_ADVISER,), **kwargs):
    """An extranet user following the given categories (slugs)."""
    user = UserFactory(roles=list(roles), **kwargs)
    user.news_categories.set([category(s) for s in slugs])
    return user
