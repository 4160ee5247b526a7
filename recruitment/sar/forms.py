"""Forms of the follow-up sheet, training needs and trainees proposed outside the pool."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from recruitment.models import RejectionCause

from . import rules
from .enums import COMMENT_WARNING, SheetAction


class FollowUpSheetForm(WagtailAdminModelForm):
    """Sections 2–4 of a sheet; section 1 (status, dates) is computed, never typed."""

    action_codes = forms.MultipleChoiceField(
        label="Actions effectuées",
        choices=SheetAction.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Mettez à jour cette section au fur et à mesure des actions menées.",
    )
    rejection_causes = forms.ModelMultipleChoiceField(
        label="Cause(s) de rejet du candidat",
        queryset=RejectionCause.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Obligatoire pour le résultat « Après entretien - profil jugé non employable ».",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("action_codes", self.instance.action_list)
        self.fields["comment"].help_text = COMMENT_WARNING
        self.fields["no_response"].help_text = (
            "Si vous n'avez pas réussi à joindre le candidat, cochez la case et enregistrez : un courriel est envoyé "
            "au point de contact NEGE du partenaire Emploi, avec copie à la commission. Décochez-la IMPÉRATIVEMENT "
            "lorsque le candidat a repris contact."
        )
        self.fields["result"].queryset = self.fields["result"].queryset.filter(is_active=True).select_related("status")

    def clean(self):
        cleaned = super().clean()
        errors = rules.sheet_errors(
            result=cleaned.get("result"),
            rejection_causes=cleaned.get("rejection_causes"),
            recruited_on=cleaned.get("recruited_on"),
            contract=cleaned.get("contract_type"),
            contract_end_date=cleaned.get("contract_end_date"),
            state=cleaned.get("recruitment_state"),
        )
        for field, message in errors.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned

    def save(self, commit=True):
        # The view saves through recruitment.sar.sheets.save_sheet (rules, history, alert).
        instance = super().save(commit=False)
        instance.action_list = self.cleaned_data.get("action_codes") or []
        return instance


class TrainingNeedForm(WagtailAdminModelForm):
    def clean_headcount(self):
        value = self.cleaned_data["headcount"]
        if not value or value < 1:
            raise forms.ValidationError("Indiquez au moins une personne.")
        return value
