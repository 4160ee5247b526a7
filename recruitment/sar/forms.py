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


class ProposedTraineeForm(forms.ModelForm):
    """A trainee proposed outside the pool: the dossier's identification and coordinates."""

    training_need = forms.ModelChoiceField(
        label="Besoin de formation concerné", queryset=None, required=False, empty_label="Aucun"
    )

    class Meta:
        from recruitment.models import Candidate

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
        from .perms import training_needs_for

        self.fields["training_need"].queryset = training_needs_for(user)
        self.fields["last_name"].help_text = "Enregistré en majuscules."

    def clean(self):
        from recruitment.duplicates import find_duplicates

        cleaned = super().clean()
        if cleaned.get("has_france_travail_id") and not cleaned.get("france_travail_id"):
            self.add_error("france_travail_id", "Indiquez l'identifiant Pôle Emploi (France Travail).")
        duplicates = find_duplicates(
            france_travail_id=cleaned.get("france_travail_id", "") if cleaned.get("has_france_travail_id") else "",
            last_name=cleaned.get("last_name", ""),
            first_name=cleaned.get("first_name", ""),
            city=cleaned.get("city", ""),
            exclude_pk=self.instance.pk,
        )
        if duplicates:
            from recruitment.enums import COMMISSION_EMAIL

            raise forms.ValidationError(
                "Un dossier existe peut-être déjà pour ce candidat (%(names)s). La création est bloquée : "
                "contactez la commission (%(email)s) qui décidera du suivi du dossier.",
                params={"names": ", ".join(duplicates), "email": COMMISSION_EMAIL},
                code="duplicate",
            )
        return cleaned
