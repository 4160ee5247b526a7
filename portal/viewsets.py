"""Scoped extranet screens: one base for every viewset whose objects are not all visible to everyone.

An app declares who sees what once, as a `*_for(user)` queryset in its `perms.py`, and hands it to
the viewset as `scope`. Every view the viewset builds (index and export, create, edit, delete,
history, usage, inspect, copy) then goes through it:

- listings and exports AND their own queryset with the scope;
- any view addressed by an object's primary key answers 404 when that object is outside the scope,
  before the view loads anything (so no view can forget the check).

    class DossierViewSet(ScopedModelViewSet):
        model = Candidate
        scope = staticmethod(perms.dossiers_for)

The permission to use the screen at all stays Wagtail's permission policy (`has_perm` on the model's
codenames); the scope only narrows which objects.
"""

from django.contrib.admin.utils import unquote
from django.http import Http404
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from portal.exports import with_french_export
from portal.wording import FrenchNoun


class ScopedViewMixin:
    """Mixed into every view of a scoped viewset (see `ScopedViewSetMixin.construct_view`)."""

    scope = None
    scope_pk_kwarg = "pk"

    def scoped_queryset(self):
        return self.scope(self.request.user)

    def setup(self, request, *args, **kwargs):
        # `self.request` is only set by View.setup(); the check must run before Wagtail's setup
        # loads the object, so it reads the request it is given.
        pk = kwargs.get(self.scope_pk_kwarg)
        if pk is not None and not self.scope(request.user).filter(pk=unquote(str(pk))).exists():
            raise Http404("Élément introuvable.")
        super().setup(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        scoped = self.scoped_queryset()
        if queryset.model is not scoped.model:
            # History and usage list log entries / references of the object checked in setup().
            return queryset
        return queryset & scoped


def _scoped(view_class):
    if issubclass(view_class, ScopedViewMixin):
        return view_class
    return type(f"Scoped{view_class.__name__}", (ScopedViewMixin, view_class), {})


# --- French wording of the generic messages and buttons ------------------------------------------


def _overridden(cls, name):
    """True when a project class (not Wagtail, not this wording) defines `name`: its text wins."""
    for klass in cls.__mro__:
        if issubclass(klass, FrenchWordingViewMixin) and klass.__module__ == __name__:
            continue
        if name in klass.__dict__:
            return not klass.__module__.startswith("wagtail.")
    return False


class FrenchWordingViewMixin:
    """Mixed into every view of a worded viewset: add button, page title, success, error and
    confirmation messages read as French agreed with the model's noun (`portal.wording`)."""

    french_noun = None

    def _wagtail_text(self, *names):
        return not any(_overridden(type(self), name) for name in names)

    @property
    def add_item_label(self):
        return self.french_noun.new()

    def get_page_title(self):
        if isinstance(self, generic.CreateView) and self._wagtail_text("page_title", "get_page_title"):
            return self.french_noun.new()
        return super().get_page_title()

    def get_page_subtitle(self):
        if isinstance(self, generic.CreateView) and self._wagtail_text("page_subtitle", "get_page_subtitle"):
            return ""
        return super().get_page_subtitle()

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if isinstance(self, generic.CreateView) and items and not items[-1].get("url"):
            items = [*items[:-1], {**items[-1], "label": self.french_noun.new()}]
        return items

    def get_success_message(self, *args, **kwargs):
        if not self._wagtail_text("success_message", "get_success_message") or getattr(self, "action", "") in {
            "publish",
            "submit",
        }:
            return super().get_success_message(*args, **kwargs)
        if isinstance(self, generic.CreateView):
            return self.french_noun.created(args[0] if args else kwargs.get("instance") or self.object)
        if isinstance(self, generic.EditView):
            return self.french_noun.updated(self.object)
        if isinstance(self, generic.DeleteView):
            return self.french_noun.deleted(self.object)
        return super().get_success_message(*args, **kwargs)

    def get_error_message(self):
        if not self._wagtail_text("error_message", "get_error_message") or getattr(
            self, "expects_json_response", False
        ):
            return super().get_error_message()
        if isinstance(self, generic.CreateView):
            return self.french_noun.not_created()
        if isinstance(self, generic.EditView):
            return self.french_noun.not_saved()
        return super().get_error_message()

    @property
    def confirmation_message(self):
        return self.french_noun.confirm_delete()


def _worded(view_class):
    if issubclass(view_class, FrenchWordingViewMixin):
        return view_class
    return type(f"Worded{view_class.__name__}", (FrenchWordingViewMixin, view_class), {})


class FrenchWordingViewSetMixin:
    """A model or snippet viewset whose generic texts agree with its model's noun.

    Declare the gender once per viewset: `feminine = True` for "session", "fiche"; `False` for
    "dossier", "métier". `item_noun` shortens the model's verbose_name in the messages."""

    #: True when the noun (item_noun, else the model's verbose_name) is feminine. Left None, the texts
    #: are neutral ("Ajouter : …"); tests/portal/test_wording.py asks every viewset to declare it.
    feminine = None
    item_noun = None

    @property
    def french_noun(self):
        return FrenchNoun(str(self.item_noun or self.model._meta.verbose_name), self.feminine)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_worded(view_class), french_noun=self.french_noun, **kwargs)


class ExportViewSetMixin(FrenchWordingViewSetMixin):
    """Index views export for a French spreadsheet (`portal.exports`): BOM, `;`, Oui/Non, local times;
    generic texts in French agreed with the model's gender (`FrenchWordingViewSetMixin`)."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(with_french_export(view_class), **kwargs)


class FrenchModelViewSet(FrenchWordingViewSetMixin, ModelViewSet):
    """A plain model viewset (no scope, no export) with French texts."""


class ExportModelViewSet(ExportViewSetMixin, ModelViewSet):
    """A model viewset without scope (every object visible to whoever may use the screen)."""


class ScopedViewSetMixin(ExportViewSetMixin):
    """Builds each view of the viewset as a scoped subclass of the class it names."""

    #: callable(user) -> queryset of the objects the user may see (the app's `perms.*_for`).
    scope = None

    def construct_view(self, view_class, **kwargs):
        if self.scope is None:
            raise TypeError(f"{type(self).__name__} needs a `scope` (a perms.*_for(user) function).")
        return super().construct_view(_scoped(view_class), scope=self.scope, **kwargs)


class ScopedModelViewSet(ScopedViewSetMixin, ModelViewSet):
    pass
