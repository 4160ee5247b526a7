"""Shared base for the admin-editable reference lists (seeded snippets)."""

from django.db import models


class ReferenceItem(models.Model):
    """An entry of a reference list: a label, an order, and a flag to retire it without deleting."""

    name = models.CharField("libellé", max_length=255)
    order = models.PositiveIntegerField("ordre", default=0)
    is_active = models.BooleanField("actif", default=True)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name
