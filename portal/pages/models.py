"""Public content pages and the site-wide settings (navigation, footer, addresses)."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    intro = models.TextField("accroche", blank=True)
    body = StreamField(BodyBlock(), verbose_name="contenu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"


class ContentPage(Page):
    intro = models.TextField("chapô", blank=True)
    body = StreamField(BodyBlock(), verbose_name="contenu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "page de contenu"


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    president_email = models.EmailField(
        "courriel du Président", blank=True, help_text="Reçoit les demandes d'adhésion."
    )
    commission_email = models.EmailField(
        "courriel de la commission", default="recrutement.ge@numeric-emploi.org", blank=True
    )
    contact_email = models.EmailField("courriel de contact public", blank=True)
    footer_text = models.TextField("texte du pied de page", blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page des mentions légales",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("president_email"), FieldPanel("commission_email"), FieldPanel("contact_email")], "Adresses"
        ),
        InlinePanel("menu_items", label="Menu principal"),
        InlinePanel("footer_links", label="Liens du pied de page"),
        FieldPanel("footer_text"),
        FieldPanel("legal_notice_page"),
    ]

    class Meta:
        verbose_name = "paramètres du site"


class LinkItem(Orderable):
    label = models.CharField("libellé", max_length=100)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField("ou adresse", max_length=255, blank=True)

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def href(self):
        return self.page.url if self.page_id else self.url


class MenuItem(LinkItem):
    settings = ParentalKey(SiteSettings, related_name="menu_items")


class FooterLink(LinkItem):
    settings = ParentalKey(SiteSettings, related_name="footer_links")
