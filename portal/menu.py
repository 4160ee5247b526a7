"""Extranet menu entries shown by permission: the one way an app hides a menu item from a user.

The menu only hides; every view checks the same predicate (or permission) again on the server.
"""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown to the users that `is_allowed(user)` accepts (an app's `perms.may_*`)."""

    def __init__(self, *args, is_allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_allowed = is_allowed

    def is_shown(self, request):
        return self.is_allowed(request.user)


def shown_if(is_allowed):
    """A `menu_item_class` for a viewset: its entry is shown to the users `is_allowed(user)` accepts."""

    class ViewSetMenuItem(PermissionMenuItem):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, is_allowed=is_allowed, **kwargs)

    return ViewSetMenuItem
