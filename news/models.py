"""News: categories, the news index and news pages, and the bookkeeping of the daily digest."""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.pages.blocks import BodyBlock
from portal.reference import ReferenceItem

from . import perms
from .enums import NEWS_PER_PAGE, RELATED_COUNT


class NewsCategory(ReferenceItem):
    slug = models.SlugField("identifiant d'URL", unique=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = "catégorie d'actualité"
        verbose_name_plural = "catégories d'actualité"


class NewsPageQuerySet(PageQuerySet):
    def public_news(self):
        """Live items that anyone may read (never the extranet-only ones)."""
        return self.live().filter(extranet_only=False)

    def visible_to(self, user):
        """Live items this user may read (`perms.news_for`)."""
        return self.live().filter(perms.news_for(user))


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(Page):
    intro = models.TextField("introduction", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = "page des actualités"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).visible_to(request.user)
        categories = list(NewsCategory.objects.filter(is_active=True))
        category = next((c for c in categories if c.slug == request.GET.get("categorie")), None)
        if category:
            news = news.filter(category=category)
        years = [d.year for d in news.dates("date", "year", order="DESC")]
        year = request.GET.get("annee", "")
        year = int(year) if year.isdigit() and int(year) in years else None
        if year:
            news = news.filter(date__year=year)
        news = news.select_related("category", "image").order_by("-date", "-first_published_at")
        query = " ".join(request.GET.get("q", "").split())[:100]
        if query:
            news = news.search(query, order_by_relevance=False)
        page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            categories=categories,
            category=category,
            years=years,
            year=year,
            query=query,
            page_obj=page_obj,
            news_items=page_obj.object_list,
        )
        return context


class NewsPage(Page):
    date = models.DateField("date", default=timezone.localdate)
    category = models.ForeignKey(
        NewsCategory, verbose_name="catégorie", on_delete=models.PROTECT, related_name="news_pages"
    )
    extranet_only = models.BooleanField(
        "actualité interne (extranet uniquement)",
        default=False,
        help_text="Une actualité interne n'est jamais montrée aux visiteurs du site public : seuls les "
        "utilisateurs connectés à l'extranet la voient, dans « Informations ».",
    )
    lead = models.TextField("chapô", help_text="Résumé en quelques lignes, repris dans les listes et les courriels.")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), verbose_name="contenu", blank=True)

    objects = NewsPageManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("category", widget=forms.Select)]),
                FieldPanel("extranet_only"),
            ],
            "Classement et visibilité",
        ),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("attachments", label="Pièces jointes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("extranet_only"),
        index.FilterField("category"),
        index.FilterField("date"),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("date"),
        APIField("category", serializer=serializers.CharField(source="category.name")),
        APIField("lead"),
        APIField("body"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
        indexes = [models.Index(fields=["extranet_only", "category"], name="news_visibility_idx")]

    def serve(self, request, *args, **kwargs):
        # Extranet-only items do not exist for the public: no redirect that would reveal them.
        if self.extranet_only and not perms.may_read_internal(request.user):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.extranet_only else super().get_sitemap_urls(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_news"] = self.related_news(request.user)
        context["attachments"] = self.attachments.select_related("document")
        return context

    def related_news(self, user):
        return (
            NewsPage.objects.visible_to(user)
            .filter(category_id=self.category_id)
            .exclude(pk=self.pk)
            .select_related("category")
            .order_by("-date", "-first_published_at")[:RELATED_COUNT]
        )


class NewsAttachment(Orderable):
    page = ParentalKey(NewsPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="document", on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField("libellé", max_length=255, blank=True, help_text="Par défaut : le titre du document.")

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self):
        return self.label or self.document.title


class NewsDigestState(models.Model):
    """Per-user digest bookkeeping: when the last digest went out, when the user was last examined."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="utilisateur",
        on_delete=models.CASCADE,
        related_name="news_digest_state",
    )
    last_sent_at = models.DateTimeField("dernière lettre envoyée le", null=True, blank=True)
    last_checked_at = models.DateTimeField("dernier examen le", null=True, blank=True)

    class Meta:
        verbose_name = "état de la lettre d'actualités"
        verbose_name_plural = "états de la lettre d'actualités"

    def __str__(self):
        return str(self.user)


class NewsDelivery(models.Model):
    """One news item announced to one user: the unique constraint forbids a second announcement."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="utilisateur", on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(NewsPage, verbose_name="actualité", on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField("annoncée le", default=timezone.now)

    class Meta:
        verbose_name = "annonce d'actualité"
        verbose_name_plural = "annonces d'actualités"
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="news_delivery_once")]

    def __str__(self):
        return f"{self.page_id} → {self.user_id}"
