"""Wagtail's page, image and document choosers, closed to the roles that have no use for them.

Wagtail opens its choosers to every extranet account (it only filters what they list). The
portal's business users never pick a page, an image or a document, except an organisation
referent picking the logo of their sheet: a chooser opens only to holders of the site content
permission or of Wagtail's "choose" permission on a collection (`CHOOSER_PERMISSIONS`); a
reference list's chooser only to those who may manage the list; Wagtail's parent-page and
workflow-task choosers only to editors and workflow managers. The page-tree routes of the link
chooser send the others to its external link tab (same parameters): a rich text's link button
(the directory sheet's presentation) keeps working without showing the page tree.

Wagtail 8 has no hook that runs before its chooser views, hence a middleware (after the
authentication and the second factor).
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from .roles import MANAGE_SITE_CONTENT, VIEW_TECHNICAL_MENUS

# URL namespace -> the permissions that open it (any of them).
CHOOSER_PERMISSIONS = {
    "wagtailimages_chooser": (MANAGE_SITE_CONTENT,),  # or "choose" on a collection (media_chooser)
    "wagtaildocs_chooser": (MANAGE_SITE_CONTENT,),
    "wagtailembeds": (MANAGE_SITE_CONTENT,),
    "wagtailadmin_api": (MANAGE_SITE_CONTENT,),  # the page explorer's and the choosers' API
}
MEDIA_CHOOSERS = {"wagtailimages_chooser": get_image_model, "wagtaildocs_chooser": get_document_model}
# Single routes: the "create a page of this type" parent chooser and the workflow task chooser.
ROUTE_PERMISSIONS = {
    "wagtailadmin_pages:choose_parent": (MANAGE_SITE_CONTENT,),
    **{
        f"wagtailadmin_workflows:{name}": ("wagtailcore.add_workflow", "wagtailcore.change_workflow")
        for name in ("task_chooser", "task_chooser_results", "task_chooser_create", "task_chosen")
    },
    # Every object's log entries (dossiers of every organisation included): administrators only.
    "wagtailadmin_reports:site_history": (VIEW_TECHNICAL_MENUS,),
    "wagtailadmin_reports:site_history_results": (VIEW_TECHNICAL_MENUS,),
}
SNIPPET_CHOOSERS = "wagtailsnippetchoosers_"
PAGE_TREE_ROUTES = {
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_choose_page_chosen_multiple",
}
EXTERNAL_LINK_ROUTE = "wagtailadmin_choose_page_external_link"


def may_open(user, permissions):
    return any(user.has_perm(permission) for permission in permissions)


def may_choose(user, match, view_func):
    """True when the route is no guarded chooser, or when the user may open it."""
    namespace = match.namespaces[0] if match.namespaces else ""
    if match.view_name in PAGE_TREE_ROUTES:
        return may_open(user, (MANAGE_SITE_CONTENT,))
    if match.view_name in ROUTE_PERMISSIONS:
        return may_open(user, ROUTE_PERMISSIONS[match.view_name])
    if namespace.startswith(SNIPPET_CHOOSERS):
        # A reference list's chooser: for those who may manage that list.
        model = getattr(view_func, "view_initkwargs", {}).get("model")
        return model is None or ModelPermissionPolicy(model).user_has_any_permission(
            user, ["add", "change", "delete", "view"]
        )
    if namespace in MEDIA_CHOOSERS and policy_registry.get_by_type(MEDIA_CHOOSERS[namespace]()).user_has_permission(
        user, "choose"
    ):
        return True  # e.g. an organisation referent picking their sheet's logo
    permissions = CHOOSER_PERMISSIONS.get(namespace)
    return permissions is None or may_open(user, permissions)


class ChooserAccessMiddleware:
    """Refuses the guarded choosers before their view runs (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or user is None or not user.is_authenticated or may_choose(user, match, view_func):
            return None  # anonymous visitors get Wagtail's own redirect to the login page
        if match.view_name in PAGE_TREE_ROUTES:
            query = request.META.get("QUERY_STRING", "")
            target = redirect(EXTERNAL_LINK_ROUTE)
            if query:
                target["Location"] += f"?{query}"
            return target
        raise PermissionDenied
