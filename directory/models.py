"""The public directory (annuaire) page, and the extranet's view of an organisation's sheet."""

from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search.index import insert_or_update_object

from portal.organisations.models import Organisation

from . import views


class DirectoryPage(RoutablePageMixin, Page):
    """`/annuaire/`: the filterable list at the root, one sub-page per organisation at `/<slug>/`."""

    intro = models.TextField(
        "introduction", blank=True, help_text="Texte affiché au-dessus de la liste des organismes."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "annuaire des partenaires"

    @path("")
    def directory_list(self, request):
        return views.directory_list(request, self)

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def organisation_detail(self, request, slug):
        return views.organisation_detail(request, self, slug)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            for slug, updated in Organisation.objects.accepted().values_list("slug", "updated_at"):
                urls.append({"location": f"{base}{slug}/", "lastmod": updated})
        return urls


class OrganisationSheet(Organisation):
    """An organisation as its referent edits it in the extranet ("fiche annuaire").

    A proxy, so that the extranet screen has its own permissions: giving referents
    `directory.change_organisationsheet` grants nothing on other Organisation screens.
    """

    # Indexed through Organisation (see reindex_organisation), never under the proxy's type.
    search_fields = []

    class Meta:
        proxy = True
        verbose_name = "fiche annuaire"
        verbose_name_plural = "fiches annuaire"
        permissions = [
            ("manage_membership_fields", "Modifier la catégorie, l'adhésion et le référent d'une fiche annuaire"),
            ("edit_all_organisationsheets", "Voir et modifier les fiches annuaire de tous les organismes"),
        ]


@receiver(post_save, sender=OrganisationSheet, dispatch_uid="directory-reindex-organisation")
def reindex_organisation(sender, instance, **kwargs):
    """Keep the Organisation search index current when a sheet is saved through the proxy."""
    insert_or_update_object(Organisation.objects.get(pk=instance.pk))
