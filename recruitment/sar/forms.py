"""Forms of the follow-up sheet and of the trainees proposed outside the pool; the rules are the models'."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from recruitment.models import Candidate, RejectionCause

from . import perms
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
        results = self.fields["result"].queryset.filter(is_active=True).select_related("status")
        self.fields["result"].queryset = results
        for name in ("result", "contract_type", "recruitment_state"):
            # Plain selects (not the reference lists' choosers, which are not for company recruiters).
            field = self.fields[name]
            field.widget = forms.Select(choices=field.choices)
        # Read by site/static/js/sar-sheet.js to show the rejection causes only when required.
        self.fields["result"].widget.attrs["data-sar-rejection-results"] = ",".join(
            str(pk) for pk in results.filter(requires_rejection_causes=True).values_list("pk", flat=True)
        )

    def clean(self):
        cleaned = super().clean()
        # The sheet's clean() checks the causes about to be saved (rules.sheet_errors).
        self.instance.rejection_causes_to_save = cleaned.get("rejection_causes") or []
        return cleaned

    def save(self, commit=True):
        # The view saves through recruitment.sar.sheets.save_sheet (rules, history, alert).
        instance = super().save(commit=False)
        instance.action_list = self.cleaned_data.get("action_codes") or []
        return instance


class ProposedTraineeForm(forms.ModelForm):
    """A trainee proposed outside the pool: the dossier's identification and coordinates."""

    training_need = forms.ModelChoiceField(
        label="Besoin de formation concerné", queryset=None, required=False, empty_label="Aucun"
    )

    class Meta:
        model = Candidate
        fields = [
            "civility",
            "last_name",
            "first_name",
            "has_france_travail_id",
            "france_travail_id",
            "employment_area",
            "city",
            "street_number",
            "street",
            "postcode",
            "phone",
            "email",
            "current_jobs",
            "wished_jobs",
            "situation_note",
        ]
        widgets = {
            "has_france_travail_id": forms.RadioSelect,
            "current_jobs": forms.CheckboxSelectMultiple,
            "wished_jobs": forms.CheckboxSelectMultiple,
        }
        labels = {"situation_note": "Commentaire pour la commission"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training_need"].queryset = perms.training_needs_for(user)
        self.fields["last_name"].help_text = "Enregistré en majuscules."
