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
from wagtail.admin.viewsets.model import ModelViewSet

from portal.exports import with_french_export


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


class ExportViewSetMixin:
    """Index views export for a French spreadsheet (`portal.exports`): BOM, `;`, Oui/Non, local times."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(with_french_export(view_class), **kwargs)


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
