"""The public fee calculator of the fee grid page."""

from django import forms

from ..enums import Sector
from ..fees import compute_fee
from .common import HeadcountMixin, headcount_field, headcounts_from


class FeeCalculatorForm(HeadcountMixin, forms.Form):
    sector = forms.ChoiceField(
        label="Secteur", choices=Sector.choices, initial=Sector.DIGITAL, widget=forms.RadioSelect
    )
    headcount_alsace = headcount_field("Effectif en Alsace", help_text="")
    headcount_champagne_ardenne = headcount_field("Effectif en Champagne-Ardenne", help_text="")
    headcount_lorraine = headcount_field("Effectif en Lorraine", help_text="")
    affiliated = forms.BooleanField(
        label="Organisme affilié à une organisation professionnelle membre de NEGE", required=False
    )
    startup = forms.BooleanField(label="Startup (secteur numérique)", required=False)
    syntec_pack = forms.BooleanField(label="Pack Startup de Syntec Numérique souscrit", required=False)

    def quote(self, rules):
        data = self.cleaned_data
        return compute_fee(
            rules,
            sector=data["sector"],
            headcounts=headcounts_from(data),
            affiliated=data["affiliated"],
            startup=data["startup"],
            syntec_pack=data["syntec_pack"],
        )
