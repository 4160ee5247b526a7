"""News: categories (foundation); news pages and digests come with the news capability."""

from django.db import models

from portal.reference import ReferenceItem


class NewsCategory(ReferenceItem):
    slug = models.SlugField("identifiant d'URL", unique=True)

    class Meta(ReferenceItem.Meta):
        verbose_name = "catégorie d'actualité"
        verbose_name_plural = "catégories d'actualité"
