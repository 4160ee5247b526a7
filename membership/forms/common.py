"""Pieces shared by the membership forms: the perimeter (headcount) fields."""

from django import forms
from django.core.exceptions import ValidationError

from .. import rules

HEADCOUNT_HELP = (
    "En enregistrant ce formulaire j'atteste sur l'honneur que cette valeur est conforme à la réalité. "
    "Si la valeur est à 0, cela signifie que vous ne souhaitez pas bénéficier des actions de l'association "
    "sur ce territoire."
)
HEADCOUNT_FIELDS = ["headcount_alsace", "headcount_champagne_ardenne", "headcount_lorraine"]


def headcounts_from(cleaned_data):
    return [cleaned_data.get(name) or 0 for name in HEADCOUNT_FIELDS]


def headcount_field(label, help_text=HEADCOUNT_HELP):
    return forms.IntegerField(label=label, min_value=0, max_value=1_000_000, initial=0, help_text=help_text)


class HeadcountMixin:
    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(name) is not None for name in HEADCOUNT_FIELDS):
            try:
                rules.check_headcounts(headcounts_from(cleaned))
            except ValidationError as error:
                self.add_error("headcount_alsace", error)
        return cleaned
