from wagtail.users.views.users import UserViewSet

from .forms import ExtranetUserCreationForm, ExtranetUserEditForm


class ExtranetUserViewSet(UserViewSet):
    list_filter = ["groups", "is_active", "organisation"]

    def get_form_class(self, for_update=False):
        return ExtranetUserEditForm if for_update else ExtranetUserCreationForm
