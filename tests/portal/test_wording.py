"""Generic extranet texts read as French agreed with each model's gender: no "un(e)", "créé(e)",
"Le(la)", "Nouvel(le)" on any add button, page title, success, error or confirmation message."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from portal.wording import FrenchNoun
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

GENERIC_FORMS = re.compile(r"\((e|es|le|la|tte|s)\)|\bun\(e\)", re.IGNORECASE)
# Wagtail's own screens, registered by Wagtail itself (administrators only): not reworded.
WAGTAIL_OWNED = {"wagtailcore.Site", "auth.Group"}


class Example:
    """Stands for an object of the model (its __str__ may need related rows)."""

    def __init__(self, model):
        self._meta = model._meta
        self.pk = 1

    def __str__(self):
        return "Exemple"


def model_viewsets():
    reverse("wagtailadmin_home")  # the registry is filled with the admin URLs
    return [vs for vs in viewsets.viewsets if isinstance(vs, ModelViewSet)]


def project_viewsets():
    return [vs for vs in model_viewsets() if vs.model._meta.label not in WAGTAIL_OWNED]


def view(function, **attributes):
    instance = function.view_class(**function.view_initkwargs)
    instance.request = RequestFactory().get("/")
    for name, value in attributes.items():
        setattr(instance, name, value)
    return instance


def texts(viewset):
    """Every generic text the viewset's index, create, edit and delete views would show (routed ones)."""
    routes = {pattern.name for pattern in viewset.get_urlpatterns()}
    example = Example(viewset.model)
    found = {}
    if "index" in routes:
        found["add button"] = view(viewset.index_view).add_item_label
    if "add" in routes:
        create = view(viewset.add_view, object=example, action=None)
        found.update(
            {
                "creation title": create.get_page_title(),
                "created": create.get_success_message(example),
                "not created": create.get_error_message(),
            }
        )
    if "edit" in routes:
        edit = view(viewset.edit_view, object=example, action=None)
        found.update({"updated": edit.get_success_message(), "not saved": edit.get_error_message()})
    if "delete" in routes:
        delete = view(viewset.delete_view, object=example)
        found.update({"deleted": delete.get_success_message(), "confirm deletion": delete.confirmation_message})
    return {name: str(text) for name, text in found.items() if text}


@pytest.mark.parametrize("viewset", project_viewsets(), ids=lambda vs: vs.model._meta.label)
def test_no_generic_gender_forms(viewset):
    for name, text in texts(viewset).items():
        assert not GENERIC_FORMS.search(text), f"{viewset.model._meta.label} {name}: {text!r}"


@pytest.mark.parametrize("viewset", project_viewsets(), ids=lambda vs: vs.model._meta.label)
def test_every_project_viewset_declares_its_gender(viewset):
    assert getattr(viewset, "feminine", None) in (True, False), (
        f"{type(viewset).__name__}: declare `feminine = True | False` (portal.viewsets.FrenchWordingViewSetMixin)"
    )


def test_feminine_and_masculine_agreements():
    session = FrenchNoun("session", feminine=True)
    assert session.new() == "Nouvelle session"
    assert session.created("Session du 12/01/2027") == "Session « Session du 12/01/2027 » créée."
    assert session.confirm_delete() == "Voulez-vous vraiment supprimer cette session ?"
    assert session.not_created() == "La session n'a pas pu être créée : corrigez les erreurs signalées."
    dossier = FrenchNoun("dossier")
    assert dossier.new() == "Nouveau dossier"
    assert dossier.created("DUPONT Élise") == "Dossier « DUPONT Élise » créé."
    state = FrenchNoun("état du recrutement")
    assert state.new() == "Nouvel état du recrutement"
    assert state.confirm_delete() == "Voulez-vous vraiment supprimer cet état du recrutement ?"
    assert state.not_saved() == "L'état du recrutement n'a pas pu être enregistré : corrigez les erreurs signalées."


def test_screens_show_the_agreed_texts(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("commission_sessions:index")).content.decode()
    assert "Nouvelle session" in html and "un(e)" not in html
    html = client.get(reverse("commission_sessions:add")).content.decode()
    assert "Nouvelle session" in html and "Nouvel(le)" not in html
