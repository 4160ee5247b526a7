from django.urls import path

from . import privacy_views, views

app_name = "recruitment"
urlpatterns = [
    path(
        "recrutement/dossiers/<int:candidate_pk>/documents/<slug:kind>/<int:pk>/",
        views.document,
        name="document",
    ),
    path("recrutement/dossiers/<int:candidate_pk>/consentement/", views.consent_proof, name="consent_proof"),
    path("recrutement/dossiers/<int:candidate_pk>/donnees/", privacy_views.personal_data_export, name="personal_data"),
    path("recrutement/dossiers/<int:candidate_pk>/anonymiser/", privacy_views.anonymise_view, name="anonymise"),
    path("recrutement/dossiers/<int:candidate_pk>/effacer/", privacy_views.erase_view, name="erase"),
    path("recrutement/villes/", views.cities, name="cities"),
    path("recrutement/noms/", views.candidate_names, name="candidate_names"),
    path("recrutement/organisme-personnes/", views.organisation_users, name="organisation_users"),
    path("recrutement/doublons/", views.check_duplicates, name="check_duplicates"),
    path("recrutement/conditions-utilisation/", views.terms, name="terms"),
]
