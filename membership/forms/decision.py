"""The board's decision on an application (review screen)."""

from django import forms
from django.core.exceptions import ValidationError

from .. import rules
from ..enums import Decision


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="Décision", choices=Decision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(
        label="Commentaire",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Transmis au demandeur dans le courriel de décision. Obligatoire en cas de refus.",
    )

    def clean(self):
        cleaned = super().clean()
        try:
            rules.check_decision(cleaned.get("decision"), cleaned.get("comment"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned
