from django.urls import path

from . import views

app_name = "membership"
urlpatterns = [
    path("adherer/demande/", views.referent_view, name="apply"),
    path("adherer/demande/organisme/<str:token>/", views.organisation_view, name="organisation"),
    path("adherer/demande/organisme/<str:token>/brouillon/", views.autosave_view, name="autosave"),
    path("adherer/demande/organisme/<str:token>/apercu/", views.preview_view, name="preview"),
    path("adherer/demande/envoyee/", views.sent_view, name="sent"),
]
