"""Factories of the public pages and site settings (home page from the migration, content pages)."""

import factory
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail.rich_text import RichText

from portal.pages.models import ContentPage, FooterLink, HomePage, MenuItem, SiteSettings


def home_page():
    return HomePage.objects.get()


def site_settings():
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Image {n}")
    file = factory.LazyFunction(lambda: get_test_image_file(size=(1200, 800)))


class ContentPageFactory(factory.Factory):
    """A content page under the home page (or `parent`); `draft=True` leaves it unpublished."""

    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Un chapô de présentation."
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Un paragraphe de texte.</p>"))])

    class Params:
        draft = factory.Trait(live=False)

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or home_page()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if page.live:
            page.save_revision().publish()
        else:
            page.save_revision()
        return page


def add_menu_item(label, page=None, url=""):
    settings = site_settings()
    return MenuItem.objects.create(
        settings=settings, label=label, page=page, url=url, sort_order=settings.menu_items.count()
    )


def add_footer_link(label, page=None, url=""):
    settings = site_settings()
    return FooterLink.objects.create(
        settings=settings, label=label, page=page, url=url, sort_order=settings.footer_links.count()
    )
