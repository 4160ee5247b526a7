"""The extranet menu "Recrutements" (the manual's "Gestion des recrutements"): its six entries, each
shown to whoever holds its permission (recruitment.sar.perms). Labels stay short: the sidebar cuts them."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from portal.menu import shown_if

from . import perms, trainees, views
from .viewsets import SheetViewSet, TrainingNeedViewSet


class PoolViewSet(ViewSet):
    """'Recherche dans le vivier' and 'Etudier' (with the quick actions and the candidate's documents)."""

    name = "sar_pool"
    url_prefix = "recrutements/vivier"
    url_namespace = "sar_pool"
    icon = "search"
    menu_label = "Vivier de candidats"
    menu_item_class = shown_if(perms.may_search_pool)

    def get_urlpatterns(self):
        return [
            path("", views.pool_search, name="index"),
            path("adequation/", views.pool_ranking, name="ranking"),
            path("candidats/<int:pk>/", views.study, name="study"),
            path("candidats/<int:pk>/action/", views.quick_action, name="quick_action"),
            path("candidats/<int:candidate_pk>/documents/<int:pk>/", views.document, name="document"),
        ]


class SubmitNeedViewSet(ViewSet):
    """Menu entry straight to the training need form."""

    name = "sar_submit_need"
    icon = "plus"
    menu_label = "Soumettre un besoin"
    menu_item_class = shown_if(perms.may_submit_training_needs)

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse("sar_training_needs:add")


class TraineeViewSet(ViewSet):
    """'Finaliser les dossiers de candidats hors vivier' and its routes."""

    name = "sar_trainees"
    url_prefix = "recrutements/stagiaires-hors-vivier"
    url_namespace = "sar_trainees"
    icon = "user"
    menu_label = "Dossiers hors vivier"
    menu_item_class = shown_if(perms.may_complete_trainees)

    def get_urlpatterns(self):
        return [
            path("", trainees.index, name="index"),
            path("proposer/", trainees.propose, name="propose"),
            path("<int:pk>/", trainees.edit, name="edit"),
            path("<int:pk>/finaliser/", trainees.finalise, name="finalise"),
        ]


class ProposeTraineeViewSet(ViewSet):
    name = "sar_propose_trainee"
    icon = "plus"
    menu_label = "Proposer un stagiaire"
    menu_item_class = shown_if(perms.may_propose_trainees)

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse("sar_trainees:propose")


class RecruitmentSupportGroup(ViewSetGroup):
    menu_label = "Recrutements"
    menu_icon = "group"
    menu_order = 210
    items = [
        PoolViewSet,
        SheetViewSet,
        SubmitNeedViewSet,
        TrainingNeedViewSet,
        ProposeTraineeViewSet,
        TraineeViewSet,
    ]
