"""Routes of the commission screens, mounted in the extranet at /extranet/commission/ (namespace "commission").

They are registered by wagtail_hooks (register_admin_urls) so that they get the extranet's access
check and its content security policy.
"""

from django.urls import path

from . import takeover, views

app_name = "commission"
urlpatterns = [
    path("sessions/<int:pk>/", views.SessionDetailView.as_view(), name="session"),
    path("sessions/<int:pk>/debriefing/", views.DebriefingView.as_view(), name="debriefing"),
    path("sessions/<int:pk>/publication/", views.PublishView.as_view(), name="publish"),
    path("analyses/<int:pk>/", views.AnalysisView.as_view(), name="analysis"),
    path("analyses/<int:pk>/classification/", views.ClassifyView.as_view(), name="classify"),
    path("dossiers/", views.FollowedDossiersView.as_view(), name="dossiers"),
    path("dossiers/<int:pk>/", views.DossierOpinionView.as_view(), name="dossier"),
    path("statistiques/", views.StatisticsView.as_view(), name="statistics"),
    path("hors-vivier/", takeover.ProposalIndexView.as_view(), name="proposals"),
    path("hors-vivier/<int:pk>/prise-en-charge/", takeover.TakeOverView.as_view(), name="take_over"),
]
