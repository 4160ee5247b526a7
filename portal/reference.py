"""Shared base of the admin-editable reference lists (seeded snippets) and the upserts that seed them."""

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


def upsert_by_name(model, names, **parent):
    """Upsert a plain list of labels in their order (matched by name within `parent`); returns {name: row}."""
    items = {}
    for order, name in enumerate(names):
        items[name], _ = model.objects.update_or_create(name=name, **parent, defaults={"order": order})
    return items


def upsert_by_code(model, rows):
    """Upsert (code, name, {extra fields}) rows in their order (matched by code); returns {code: row}."""
    items = {}
    for order, (code, name, extra) in enumerate(rows):
        items[code], _ = model.objects.update_or_create(code=code, defaults={"name": name, "order": order, **extra})
    return items


def upsert_nested(parent_model, child_model, parent_field, groups):
    """Upsert (parent name, [child names]) groups: children are matched within their parent."""
    parents = upsert_by_name(parent_model, [name for name, _ in groups])
    for name, children in groups:
        upsert_by_name(child_model, children, **{parent_field: parents[name]})
