"""What the importers share: the refusal of a row, reference values found by their label, form errors in French."""

import re

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Q

from membership.rules import normalise_name
from portal.accounts.models import User
from portal.organisations.models import Department, Organisation
from recruitment.rules import normalize

from .columns import split_values
from .reading import parse_date, parse_yes_no

DEPARTMENT_CODE = re.compile(r"\(?\b(\d{2,3}|2A|2B)\b\)?\s*$", re.IGNORECASE)


class Refusal(Exception):
    """A row is refused: its French reasons."""

    def __init__(self, reasons):
        super().__init__(reasons)
        self.reasons = list(reasons)


def missing(column):
    return f"Champ obligatoire manquant : « {column.label} »."


def unknown(column, value):
    return f"Valeur inconnue pour « {column.label} » : « {value} »."


def not_a_date(column, value):
    return f"Date illisible pour « {column.label} » : « {value} » (attendu : jj/mm/aaaa)."


class Row:
    """One row of a table, read through its entity's columns: every problem is collected, then `check()` refuses."""

    def __init__(self, entity, values):
        self.entity = entity
        self.values = values
        self.reasons = []

    def text(self, key):
        return (self.values.get(key) or "").strip()

    def required(self, key):
        value = self.text(key)
        if not value and self.entity.column(key).required:
            self.reasons.append(missing(self.entity.column(key)))
        return value

    def date(self, key):
        value = self.text(key)
        try:
            return parse_date(value)
        except ValueError:
            self.reasons.append(not_a_date(self.entity.column(key), value))
            return None

    def yes_no(self, key, default=False):
        value = self.text(key)
        if not value:
            return default
        try:
            return parse_yes_no(value)
        except ValueError:
            self.reasons.append(f"Répondez « Oui » ou « Non » pour « {self.entity.column(key).label} » : « {value} ».")
            return default

    def choice(self, key, choices):
        """The value of a TextChoices, from its label (or value); '' when empty."""
        value = self.required(key)
        if not value:
            return ""
        wanted = normalize(value)
        for choice in choices:
            if wanted in (normalize(choice.label), normalize(choice.value)):
                return choice.value
        self.reasons.append(unknown(self.entity.column(key), value))
        return ""

    def reference(self, key, queryset):
        """The reference row named by the cell (label, or code), None when empty or unknown (with its reason)."""
        value = self.required(key)
        if not value:
            return None
        found = find_reference(queryset, value)
        if found is None:
            self.reasons.append(unknown(self.entity.column(key), value))
        return found

    def references(self, key, queryset, finder=None):
        found = []
        for value in split_values(self.text(key)):
            item = (finder or find_reference)(queryset, value)
            if item is None:
                self.reasons.append(unknown(self.entity.column(key), value))
            else:
                found.append(item)
        return found

    def organisation(self, key):
        value = self.required(key)
        if not value:
            return None
        found = find_organisation(value)
        if found is None:
            self.reasons.append(unknown(self.entity.column(key), value))
        return found

    def user(self, key):
        value = self.required(key)
        if not value:
            return None
        found = User.objects.filter(Q(username__iexact=value) | Q(email__iexact=value)).first()
        if found is None:
            self.reasons.append(unknown(self.entity.column(key), value))
        return found

    def check(self):
        if self.reasons:
            raise Refusal(self.reasons)


def find_reference(queryset, value):
    """An active reference row whose label (accents and case ignored) or code is `value`."""
    wanted = normalize(value)
    for item in queryset:
        if normalize(item.name) == wanted or normalize(getattr(item, "code", "") or "") == wanted:
            return item
    return None


def find_department(queryset, value):
    """ "Bas-Rhin (67)", "Alsace : Bas-Rhin (67)", "67" or "Bas-Rhin"."""
    match = DEPARTMENT_CODE.search(value.strip())
    if match:
        found = Department.objects.filter(code__iexact=match.group(1)).first()
        if found:
            return found
    return find_reference(queryset, value.split(":")[-1])


def find_organisation(name):
    """The organisation with this name by the portal's rule (`membership.rules.normalise_name`)."""
    key = normalise_name(name)
    for pk, other in Organisation.objects.order_by("pk").values_list("pk", "name"):
        if normalise_name(other) == key:
            return Organisation.objects.select_related("category").get(pk=pk)
    return None


def form_reasons(entity, form):
    """The form's errors as French reasons, named after the old portal's columns."""
    reasons = []
    labels = {column.key: column.label for column in entity.columns}
    for field, errors in form.errors.items():
        for message in errors:
            if field == NON_FIELD_ERRORS or field not in labels:
                reasons.append(message)
            else:
                reasons.append(f"« {labels[field]} » : {message}")
    return reasons
