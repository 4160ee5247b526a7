"""Reference lists of the dossier screens (search filters, dossier form) read once, then from the cache.

A list is the choices of a form field over a reference model (a `portal.reference.ReferenceItem`:
statuses, situations, jobs, salary bands…, the employment areas) or over the organisations. All of them
live in one cache entry, keyed by the field's query; saving or deleting a row of any of those models
drops the entry (`forget`, connected in `RecruitmentConfig.ready`), so an administrator's edit shows on
the next page. Other lists (sessions, people) are read with one plain query per field.

Plain data only (value, label) is cached: the widgets of `recruitment.widgets` render it without a query.
"""

import hashlib

from django.core.cache import cache
from django.forms import ModelChoiceField

from portal.organisations.models import Organisation
from portal.reference import ReferenceItem

CACHE_KEY = "recruitment:reference-choices:1"
TIMEOUT = 3600  # a safety net (queryset.update() sends no signal): every edit of a list drops the entry at once


def is_cached_model(model):
    return issubclass(model, ReferenceItem | Organisation)


def forget(sender, **kwargs):
    """post_save/post_delete receiver: an edited reference list is read again on the next page."""
    if isinstance(sender, type) and is_cached_model(sender):
        cache.delete(CACHE_KEY)


def forget_all(**kwargs):
    """post_migrate receiver: a data migration edits lists through historical models, which send no usable signal."""
    cache.delete(CACHE_KEY)


def _key(field):
    query = str(field.queryset.query)
    return hashlib.sha1(f"{type(field).__qualname__}|{query}".encode()).hexdigest()


def _read(field):
    return [(field.prepare_value(obj), str(field.label_from_instance(obj))) for obj in field.queryset.all()]


def _set_choices(field, options):
    """Plain choices on a model choice field: the widget renders them without the queryset, validation still
    reads the queryset. (Set as ModelChoiceField itself keeps assigned choices, bypassing django-filters'
    setter, which would wrap them in a queryset iterator.)"""
    field._choices = field.widget.choices = list(options)


class ReferenceChoices:
    """The cached lists of one form: `apply(field)` gives a model choice field its options as plain data.

    One cache read per form; `save()` writes back the lists it had to read."""

    def __init__(self):
        self.lists = cache.get(CACHE_KEY) or {}
        self.changed = False

    def options(self, field):
        """(value, label) of the field's queryset, without the empty choice."""
        if not is_cached_model(field.queryset.model):
            return _read(field)
        key = _key(field)
        if key not in self.lists:
            self.lists[key] = _read(field)
            self.changed = True
        return self.lists[key]

    def apply(self, field):
        if not isinstance(field, ModelChoiceField):
            return
        options = self.options(field)
        empty = [] if field.empty_label is None else [("", field.empty_label)]
        _set_choices(field, [*empty, *options])

    def apply_job_tree(self, field):
        """A job field's options grouped by family, in the families' order (`widgets.JobTreeWidget`)."""
        queryset = field.queryset.select_related("family").order_by("family__order", "family__name", "order")
        key = "tree:" + hashlib.sha1(str(queryset.query).encode()).hexdigest()
        if key not in self.lists:
            groups = {}
            for job in queryset:
                groups.setdefault(job.family.name, []).append((job.pk, job.name))
            self.lists[key] = list(groups.items())
            self.changed = True
        _set_choices(field, self.lists[key])

    def values(self, queryset):
        """`list(queryset)` of plain values (a `values_list`), cached like the options."""
        if not is_cached_model(queryset.model):
            return list(queryset)
        key = "values:" + hashlib.sha1(str(queryset.query).encode()).hexdigest()
        if key not in self.lists:
            self.lists[key] = list(queryset)
            self.changed = True
        return self.lists[key]

    def save(self):
        if self.changed:
            cache.set(CACHE_KEY, self.lists, TIMEOUT)
            self.changed = False


def apply_to_form(form, names=None):
    """Every model choice field of the form (or those named) with cached options."""
    choices = ReferenceChoices()
    for name, field in form.fields.items():
        if names is None or name in names:
            choices.apply(field)
    choices.save()
    return choices
