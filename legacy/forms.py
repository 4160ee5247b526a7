"""The import screen's form: the old portal's exports and the dossiers' documents, each checked as an upload."""

from django import forms
from django.core.exceptions import ValidationError

from portal.uploads import UploadKind, validate_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    tables = MultipleFileField(
        label="Fichiers de l'ancien portail",
        help_text=f"Organismes, membres et dossiers de candidature, au format CSV ou XLSX, avec les libellés de "
        f"colonnes de l'ancien portail ; {UploadKind.TABLE.max_size_label} au maximum par fichier.",
    )
    documents = MultipleFileField(
        label="Documents des candidats",
        required=False,
        help_text=f"Les fichiers nommés dans les colonnes de documents et de consentement des dossiers "
        f"({UploadKind.DOCUMENT.formats_label}, {UploadKind.DOCUMENT.max_size_label} au maximum chacun).",
    )

    def clean_tables(self):
        return self._checked(self.cleaned_data["tables"], UploadKind.TABLE)

    def clean_documents(self):
        return self._checked(self.cleaned_data.get("documents") or [], UploadKind.DOCUMENT)

    def _checked(self, files, kind):
        """{original name: checked bytes}; every file goes through `portal.uploads.validate_upload`."""
        checked, errors = {}, []
        for uploaded in files:
            try:
                result = validate_upload(uploaded, kind)
            except ValidationError as error:
                errors.append(f"« {uploaded.name} » : {' '.join(error.messages)}")
                continue
            checked[uploaded.name.replace("\\", "/").rsplit("/", 1)[-1]] = result.file.read()
        if errors:
            raise ValidationError(errors)
        return checked
