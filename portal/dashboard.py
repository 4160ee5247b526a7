"""The extranet dashboard's "to-do" panels: each app adds its own, for the users its perms.py accepts.

An app builds a `TodoPanel` in its `construct_homepage_panels` hook with counts taken from its
`*_for(user)` scopes, and each count links to the listing that shows exactly those objects:

    @hooks.register("construct_homepage_panels")
    def add_todo(request, panels):
        if perms.may_search_pool(request.user):
            panels.append(TodoPanel(name="sar_todo", heading="Mes fiches de suivi", items=[...]))

Panels come before the shortcuts (order below 50), in the order of their `order`.

`trim_wagtail_panels` (a `construct_homepage_panels` hook of portal.accounts) keeps the dashboard light:
Wagtail's page panels (pages in moderation, recent edits, locked pages: five to seven queries) are of
no use to a user who may not touch a page; for editors, the moderation panels are left out while no page
is in moderation at all (a flag of the cache, dropped whenever a workflow state changes) and the locked
pages panel while no page is locked (a flag per content version). The editors' counters
("N pages, images, documents": five queries) are rendered once and cached per user until a page, an
image, a document, a site or a permission changes (`cached_summary_items`); so is the "recent edits" panel (six
queries once the editor has edits), for a minute at most since its dates read "3 minutes ago".
"""

import functools
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal import frame

TODO_ORDER = 20

PAGE_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation", "recent_edits", "locked_pages"}
MODERATION_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}
MODERATION_KEY = "nege:dashboard:moderation-in-progress"
MODERATION_TIMEOUT = 10 * 60  # a safety net: every workflow change drops the flag
CONTENT_VERSION_KEY = "nege:dashboard:content-version"
SUMMARY_KEY = "nege:dashboard:summary:{user}:{versions}:{item}"
SUMMARY_TIMEOUT = 10 * 60
LOCKED_KEY = "nege:dashboard:pages-locked:{version}"
RECENT_EDITS_TIMEOUT = 60  # its dates read "3 minutes ago": kept a minute at most (an edit renews it anyway)


def may_touch_pages(user):
    """Whether the user holds any page permission (Wagtail's own per-request cache, no extra query)."""
    return user.is_superuser or bool(list(PagePermissionPolicy(Page).get_cached_permissions_for_user(user)))


def moderation_in_progress():
    """Whether any page or snippet is in a workflow now (cached)."""
    in_progress = cache.get(MODERATION_KEY)
    if in_progress is None:
        in_progress = WorkflowState.objects.active().exists()
        cache.set(MODERATION_KEY, in_progress, MODERATION_TIMEOUT)
    return in_progress


def content_version():
    return cache.get(CONTENT_VERSION_KEY) or renew_content_version()


def pages_locked():
    """Whether any page is locked now (cached per content version: locking a page saves it)."""
    key = LOCKED_KEY.format(version=content_version())
    locked = cache.get(key)
    if locked is None:
        locked = Page.objects.filter(locked=True).exists()
        cache.set(key, locked, SUMMARY_TIMEOUT)
    return locked


def trim_wagtail_panels(request, panels):
    if not may_touch_pages(request.user):
        drop = PAGE_PANELS
    else:
        drop = set()
        if not moderation_in_progress():
            drop |= MODERATION_PANELS
        if not pages_locked():
            drop.add("locked_pages")
    panels[:] = [
        CachedComponent(panel, cache_key(request, "recent_edits"), RECENT_EDITS_TIMEOUT)
        if getattr(panel, "name", "") == "recent_edits"
        else panel
        for panel in panels
        if getattr(panel, "name", "") not in drop
    ]


class CachedComponent(Component):
    """A Wagtail dashboard component (a summary item, a panel) rendered once per user and content version."""

    def __init__(self, component, key, timeout=SUMMARY_TIMEOUT):
        self.component = component
        self.key = key
        self.timeout = timeout
        self.name = getattr(component, "name", "")
        self.order = component.order

    def is_shown(self):
        return self.component.is_shown()  # permission checks only: the cached permissions answer them

    @property
    def media(self):
        return self.component.media

    def render_html(self, parent_context=None):
        html = cache.get(self.key)
        if html is None:
            html = self.component.render_html(parent_context)
            cache.set(self.key, html, self.timeout)
        return html


def cache_key(request, name):
    """Per user, renewed with the content (pages, media, sites, workflows) and with the permissions."""
    found = cache.get_many([CONTENT_VERSION_KEY, frame.VERSION_KEY])
    content = found.get(CONTENT_VERSION_KEY) or renew_content_version()
    versions = f"{content}-{found.get(frame.VERSION_KEY, '')}"
    return SUMMARY_KEY.format(user=request.user.pk, versions=versions, item=name)


def cached_summary_items(request, summary_items):
    """Wrap Wagtail's summary items (a `construct_homepage_summary_items` hook, after Wagtail's own)."""
    summary_items[:] = [CachedComponent(item, cache_key(request, type(item).__qualname__)) for item in summary_items]


def renew_content_version(**kwargs):
    version = uuid.uuid4().hex
    cache.set(CONTENT_VERSION_KEY, version, None)
    return version


def drop_moderation_flag(**kwargs):
    cache.delete(MODERATION_KEY)


def connect_invalidation():
    for model in (WorkflowState, TaskState):
        post_save.connect(drop_moderation_flag, sender=model, dispatch_uid=f"nege-dashboard-save-{model.__name__}")
        post_delete.connect(drop_moderation_flag, sender=model, dispatch_uid=f"nege-dashboard-del-{model.__name__}")
    post_save.connect(_content_changed, dispatch_uid="nege-summary-save")
    post_delete.connect(_content_changed, dispatch_uid="nege-summary-delete")


def _content_changed(sender, instance, **kwargs):
    """Pages are saved as their own class (a `ContentPage`): any subclass of what the counters count."""
    if isinstance(instance, content_models()):
        renew_content_version()


@functools.cache
def content_models():
    """What the cached counters and panels show: pages (their privacy, their workflows), sites, media."""
    return (Page, Site, PageViewRestriction, WorkflowState, get_image_model(), get_document_model())


@dataclass(frozen=True)
class TodoItem:
    """One line of work: "3 · Dossiers à compléter", linking to the listing of those objects."""

    label: str
    count: int
    url: str
    help: str = ""


@dataclass(frozen=True)
class TodoLink:
    """A named object of the panel's short list (the next session's dossiers, the overdue sheets)."""

    label: str
    url: str
    meta: str = ""


class TodoPanel(Component):
    template_name = "wagtailadmin/home/todo_panel.html"

    def __init__(self, *, name, heading, items=(), links=(), links_heading="", intro="", order=TODO_ORDER):
        self.name = name
        self.heading = heading
        self.items = list(items)
        self.links = list(links)
        self.links_heading = links_heading
        self.intro = intro
        self.order = order

    @property
    def has_work(self):
        return any(item.count for item in self.items) or bool(self.links)

    def get_context_data(self, parent_context=None):
        return {"panel": self, "panel_id": self.name.replace("_", "-")}
