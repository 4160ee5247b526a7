"""The saved search's form: its name, alert frequency and sharing; the criteria come from the pool screen."""

from django import forms
from django.http import QueryDict
from wagtail.admin.forms import WagtailAdminModelForm

from . import matching


class SavedSearchForm(WagtailAdminModelForm):
    # The pool's query string, carried from "Enregistrer cette recherche" to the save.
    criteria = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.initial.get("criteria"):
            self.initial["criteria"] = matching.query_string(self.instance.query)

    def clean_criteria(self):
        return matching.criteria_from(QueryDict(self.cleaned_data.get("criteria") or ""))

    def save(self, commit=True):
        self.instance.query = self.cleaned_data["criteria"]
        return super().save(commit=commit)
