"""Routes of the commission screens, mounted in the extranet at /extranet/commission/ (namespace "commission").

They are registered by wagtail_hooks (register_admin_urls) so that they get the extranet's access
check and its content security policy.
"""

from django.urls import path

from .views import analysis, debriefing, dossiers, sessions, statistics, takeover

app_name = "commission"
urlpatterns = [
    path("sessions/<int:pk>/", sessions.SessionDetailView.as_view(), name="session"),
    path("sessions/<int:pk>/debriefing/", debriefing.DebriefingView.as_view(), name="debriefing"),
    path("sessions/<int:pk>/publication/", sessions.PublishView.as_view(), name="publish"),
    path("analyses/<int:pk>/", analysis.AnalysisView.as_view(), name="analysis"),
    path("analyses/<int:pk>/classification/", analysis.ClassifyView.as_view(), name="classify"),
    path("dossiers/", dossiers.FollowedDossiersView.as_view(), name="dossiers"),
    path("dossiers/<int:pk>/", dossiers.DossierOpinionView.as_view(), name="dossier"),
    path("statistiques/", statistics.StatisticsView.as_view(), name="statistics"),
    path("hors-vivier/", takeover.ProposalIndexView.as_view(), name="proposals"),
    path("hors-vivier/<int:pk>/prise-en-charge/", takeover.TakeOverView.as_view(), name="take_over"),
]
