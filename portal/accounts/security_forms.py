"""Forms of the second-factor screens: one code field each."""

from django import forms

WRONG_CODE = "Ce code n'est pas valide. Vérifiez l'heure de votre téléphone et saisissez le code affiché actuellement."
WRONG_ENROLMENT_CODE = (
    "Ce code ne correspond pas. Saisissez le code à 6 chiffres que votre application affiche pour l'extranet NEGE."
)
THROTTLED = "Trop de codes erronés à la suite : patientez quelques secondes avant de réessayer."


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code de vérification",
        max_length=32,
        help_text="Le code à 6 chiffres de votre application d'authentification, ou l'un de vos codes de secours.",
        error_messages={"required": "Saisissez le code de vérification."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )


class EnrolmentForm(forms.Form):
    code = forms.CharField(
        label="Code affiché par l'application",
        max_length=10,
        help_text="Six chiffres, renouvelés toutes les 30 secondes.",
        error_messages={"required": "Saisissez le code affiché par votre application."},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "spellcheck": "false"}
        ),
    )
