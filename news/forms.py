"""Forms of the news capability."""

from django import forms
from django.contrib.auth import get_user_model

from .models import NewsCategory


class NewsPreferencesForm(forms.ModelForm):
    """The categories a user wants the daily digest for (extranet profile)."""

    news_categories = forms.ModelMultipleChoiceField(
        label="Catégories suivies",
        queryset=NewsCategory.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Cochez les catégories d'actualités pour lesquelles vous souhaitez recevoir une notification "
        "quotidienne par courriel lorsqu'une actualité est publiée.",
    )

    class Meta:
        model = get_user_model()
        fields = ["news_categories"]
