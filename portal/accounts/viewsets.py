"""Wagtail's user management with the portal's profile fields and the second-factor reset button."""

from wagtail.users.views.users import EditView, UserViewSet

from portal.viewsets import FrenchWordingViewSetMixin

from .forms import ExtranetUserCreationForm, ExtranetUserEditForm
from .reset_views import reset_button


class ExtranetUserEditView(EditView):
    @property
    def header_more_buttons(self):
        button = reset_button(self.object, self.request.user)
        return [*super().header_more_buttons, *([button] if button else [])]


class ExtranetUserViewSet(FrenchWordingViewSetMixin, UserViewSet):
    feminine = False  # "utilisateur"
    list_filter = ["groups", "is_active", "organisation"]
    edit_view_class = ExtranetUserEditView

    def get_form_class(self, for_update=False):
        return ExtranetUserEditForm if for_update else ExtranetUserCreationForm
