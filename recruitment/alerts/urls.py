from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("vivier/alertes/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
